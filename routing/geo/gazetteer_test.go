package geo

import (
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	g := DefaultGazetteer()
	tests := []struct {
		in       string
		kabKota  string   // the one kab/kota, or ""
		district string   // the kecamatan, or ""
		cands    []string // candidate codes when ambiguous
	}{
		{"Kota Semarang", "33.74", "", nil},
		{"semarang", "", "", []string{"33.22", "33.74"}},
		{"kab semarang", "33.22", "", nil},
		{"tembalang", "33.74", "33.74.10", nil},
		{"Tembalang, Semarang", "33.74", "33.74.10", nil},
		{"jaksel", "31.74", "", nil},
		{"sby", "35.78", "", nil},
		{"jogja", "34.71", "", nil},
		{"kab bandung barat", "32.17", "", nil},
		{"Kab. Bandung Barat", "32.17", "", nil},
		{"bandung", "", "", []string{"32.04", "32.73"}},
		{"kota bandung", "32.73", "", nil},
		{"semarang kota", "33.74", "", nil},
		{"surabya", "35.78", "", nil},                           // a typo
		{"balikpapn", "64.71", "", nil},                         // another
		{"kec tembalng", "33.74", "33.74.10", nil},              // a titled kecamatan keeps its level
		{"di kec. lembang", "", "", []string{"32.17", "73.15"}}, // two kecamatan Lembang
		{"kec lembang bandung barat", "32.17", "32.17.01", nil},
		{"kec. lembang, jawa barat", "32.17", "32.17.01", nil}, // the province settles the kecamatan too
		{"xyzzy", "", "", nil},
	}
	for _, tt := range tests {
		p := g.Resolve(tt.in)
		got := ""
		if p.KabKota != nil {
			got = p.KabKota.Code
		}
		if got != tt.kabKota {
			t.Errorf("Resolve(%q) = %s (candidates %v), want %s", tt.in, got, codes(p.Candidates), tt.kabKota)
			continue
		}
		if tt.district != "" && (p.District == nil || p.District.Code != tt.district) {
			t.Errorf("Resolve(%q) district = %v, want %s", tt.in, p.District, tt.district)
		}
		if tt.cands != nil {
			gotC := codes(p.Candidates)
			if len(gotC) != len(tt.cands) {
				t.Errorf("Resolve(%q) candidates = %v, want %v", tt.in, gotC, tt.cands)
				continue
			}
			for _, c := range tt.cands {
				found := false
				for _, g := range gotC {
					found = found || g == c
				}
				if !found {
					t.Errorf("Resolve(%q) candidates = %v, want %v", tt.in, gotC, tt.cands)
				}
			}
		}
	}
}

func TestFindInComplaint(t *testing.T) {
	g := DefaultGazetteer()
	p := g.Find("Jalan di depan SDN 3 Tembalang rusak parah sejak bulan lalu")
	if !p.Found() || p.KabKota.Code != "33.74" {
		t.Errorf("Find(Tembalang complaint) = %+v", p)
	}
	p = g.Find("Saya mau melaporkan pungli oleh petugas KUA laren, kab.lamongan")
	if !p.Found() || p.KabKota.Code != "35.24" {
		t.Errorf("Find(lamongan) = %+v", p)
	}
	if p := g.Find("pelayanan di kantor sangat lambat dan petugas tidak ramah"); p.Found() || len(p.Candidates) > 0 {
		t.Errorf("Find(no place) = %+v", p)
	}
}

func codes(rs []Region) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Code)
	}
	return out
}

// findsNoPlace checks that Find reads no place, nor candidates, in texts.
func findsNoPlace(t *testing.T, texts ...string) {
	t.Helper()
	for _, text := range texts {
		if p := DefaultGazetteer().Find(text); p.Found() || len(p.Candidates) > 0 {
			t.Errorf("Find(%q) = %+v, %v; want no place", text, p.KabKota, codes(p.Candidates))
		}
	}
}

// finds checks the place Find reads in each text: its kab/kota when the
// code wanted is one (33.74), else its kecamatan (33.74.10).
func finds(t *testing.T, want map[string]string) {
	t.Helper()
	for text, code := range want {
		got := DefaultGazetteer().Find(text).Code()
		if len(code) == len("33.74") {
			got = KabKotaOf(got)
		}
		if got != code {
			t.Errorf("Find(%q) = %q, want %s", text, got, code)
		}
	}
}

func TestFindIgnoresCommonWords(t *testing.T) {
	findsNoPlace(t,
		"sampah menumpuk di pinggir jalan dekat pasar sudah seminggu tidak diangkut",
		"jembatan gantung di desa kami putus",
		"batu besar menutup jalan, mohon buru buru dibersihkan",
	)
	finds(t, map[string]string{"Mohon dibersihkan jalan di Kota Batu": "35.79"})
}

func TestFindGluedAndShouted(t *testing.T) {
	g := DefaultGazetteer()
	if p := g.Find("Talud longsor #LaporHendi @PemkotSemarang"); !p.Found() || p.KabKota.Code != "33.74" {
		t.Errorf("Find(@PemkotSemarang) = %+v", p)
	}
	if p := g.Find("air PDAM di Perum PANDANA MERDEKA tidak mengalir"); p.Found() {
		t.Errorf("a shouted word read as a place: %+v", p.KabKota)
	}
}

func TestFindSkipsStreetNames(t *testing.T) {
	findsNoPlace(t,
		"Trotoar Jl. Kelud Raya sudah banyak PKL",       // Raya is also a kecamatan of Simalungun
		"macet parah di Jl. Magelang setiap pagi",       // a street of Yogyakarta, not Kabupaten Magelang
		"Lampu jalan mati di Karangrejo Raya malam ini", // "Raya" of a street, without its "Jl."
	)
	finds(t, map[string]string{
		"Jl. Muktiharjo Raya Genuk hingga kini belum surut": "33.74", // Genuk comes after the street
		"jalan rusak di Kota Magelang":                      "33.71",
		"Jl. Pemuda, kecamatan Tembalang":                   "33.74",
	})
}

// A complaint's misspelt place counts when its title says it is one; an
// untitled word is read for typos only in a short answer (Resolve).
func TestFindTitledTypos(t *testing.T) {
	finds(t, map[string]string{
		"KTP belum jadi di dukcapil kota bandunf":   "32.73",
		"pungli di KUA kab lamongn":                 "35.24",
		"pemerintah kota bekasih tidak menanggapi":  "32.75",
		"banjir di kabupaten bogorr sudah seminggu": "32.01",
	})
	findsNoPlace(t,
		"jalan di kota tersebut rusak",
		"kecamatan terdekat tidak melayani", // one typo from Merdeka, Karo
		"kecamatan kantor tutup",            // and from Kanor, Bojonegoro
		"dinas kependudukan kabupaten/kota", // Kediri has a kecamatan called Kota
		"warga surabya mengeluh",            // an untitled typo in a complaint: too risky
	)
}

// Bogor is a kota and a kabupaten: who governs it, or a village, says which.
func TestFindKotaOrKabupatenFromContext(t *testing.T) {
	finds(t, map[string]string{
		"Bupati Bogor tidak peduli":              "32.01",
		"pemkab Bogor lamban":                    "32.01",
		"Kepala Desa di Bogor korupsi dana desa": "32.01",
		"jalan desa Sukamaju, Bogor rusak":       "32.01",
		"Walikota Bogor tidak peduli":            "32.71",
		"Pemkot Bogor lamban":                    "32.71",
		"desa kami di Bogor, walikota diam saja": "32.71", // a kota's mayor outweighs the word desa
		"banjir di Bogor":                        "32.71", // no cue: complaints mostly mean the city
		"camat Tembalang tidak pernah di kantor": "33.74",
	})
}

// A text is read for typos in at most maxFuzzyLookups words, so that one
// made of titles and nonsense costs little.
func TestFindBoundsTypoLookups(t *testing.T) {
	g := DefaultGazetteer()
	if p := g.Find("jalan rusak di kota bandunf"); !p.Found() {
		t.Fatal("a titled typo is not read")
	}
	text := strings.Repeat("kota xyzzyq ", maxFuzzyLookups) + "kota bandunf"
	if p := g.Find(text); p.Found() {
		t.Errorf("a titled typo after %d others was read: %+v", maxFuzzyLookups, p.KabKota)
	}
}

// No name is taken for a word further from it than a typo or two, however
// few names of about its length there are.
func TestNearestTakesOnlyNearNames(t *testing.T) {
	g := DefaultGazetteer()
	if best, d := nearest("tersebut", g.kabKotaWords); len(best) > 0 {
		t.Errorf("tersebut is %d from %v", d, codes(best))
	}
	var rows editRows
	for _, tt := range []struct {
		a, b string
		want int
	}{{"tembalng", "tembalang", 1}, {"smearang", "semarang", 1}, {"bandunf", "bandung", 1}, {"kudus", "kudus", 0}} {
		if got := rows.distance(tt.a, tt.b, 2); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	for _, tt := range []struct{ a, b string }{{"tersebut", "brebes"}, {"", "kudus"}, {"bandung", "ba"}} {
		if got := rows.distance(tt.a, tt.b, 2); got <= 2 {
			t.Errorf("distance(%q, %q) = %d, want more than 2", tt.a, tt.b, got)
		}
	}
}

// Words capitalised by convention or by their place in a sentence name no
// place unless titled; a kecamatan whose name starts with a title is read.
func TestFindReadsCapitalsWithCare(t *testing.T) {
	findsNoPlace(t,
		"Mohon bantuan Pak/Ibu, jalan di depan rumah rusak",   // Ibu: a kecamatan of Halmahera Barat
		"Sudah sejak Juli jalan ini rusak",                    // Juli: of Bireuen
		"Lampu jalan padam. Salam hormat dari warga",          // Salam: of Magelang
		"Jalan rusak sudah lama. Kasihan warga yang lewat",    // Kasihan, at a sentence's start: of Bantul
		"Mohon perbaikan lampu jalan ke Barat dari pasar itu", // Barat: of Magetan
	)
	finds(t, map[string]string{
		"Jalan rusak di Tembalang. Mohon segera diperbaiki":                            "33.74.10",
		"antrean panjang di rumah sakit daerah kota Pinang":                            "12.22.01", // Kotapinang, Labuhanbatu Selatan
		"jalan rusak di Kota Juang":                                                    "11.11.13",
		"pelayanan di kecamatan Salam lambat":                                          "33.08.04",
		"sungai jebol di daerah Beringin Ngaliyan":                                     "33.74.15", // a kelurahan of Ngaliyan, a kecamatan of Deli Serdang: the last wins
		"wifi desa Rantau Mapesai kec Rengat, warga desa Rantau Mapesai mohon diusut":  "14.02.01", // the titled one wins
		"Pemprov DKI Jakarta, parkir liar di kelurahan Menteng Dalam, kecamatan tebet": "31.74.01", // Menteng is a kecamatan of Jakarta Pusat
	})
}

func TestPlaceAdmits(t *testing.T) {
	bogor := Place{Candidates: []Region{{Code: "32.01"}, {Code: "32.71"}}}
	jatim := Place{Province: &Region{Code: "35"}}
	for _, tt := range []struct {
		place Place
		guess string
		want  bool
	}{
		{bogor, "32.71", true}, {bogor, "33.74", false},
		{jatim, "35.78", true}, {jatim, "33.74", false}, {jatim, "", false},
		{Place{}, "33.74", true}, {Place{}, "", false},
	} {
		if got := tt.place.Admits(tt.guess); got != tt.want {
			t.Errorf("%+v admits %q: %v, want %v", tt.place, tt.guess, got, tt.want)
		}
	}
}
