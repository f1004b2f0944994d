package storage_test

import (
	"context"
	"slices"
	"testing"

	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/routing/model"
	"github.com/sp4n-lapor/lapor/storage"
	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

func TestRoutingOnTheSeededDirectory(t *testing.T) {
	s := storagetest.SQLite(t)
	r := routing.NewRouter(model.DefaultClassifier(), s.Directory())
	tests := []struct {
		name     string
		req      routing.Request
		agency   string
		fallback routing.Fallback
	}{
		{"road in a connected city goes to its public works unit",
			routing.Request{Text: "Jalan di depan SDN 3 Tembalang rusak parah dan berlubang sejak bulan lalu"},
			"pemda-33.74-pekerjaan-umum", routing.FallbackNone},
		{"unconnected kabupaten of a hub province goes to the province",
			routing.Request{Text: "jalan rusak berlubang parah di desa kami, aspal mengelupas", RegionCode: "35.24"},
			"pemda-35-pekerjaan-umum", routing.FallbackProvince},
		{"unconnected kabupaten of an unconnected province goes to the national admin",
			routing.Request{Text: "jalan rusak berlubang parah di desa kami, aspal mengelupas", RegionCode: "33.21"},
			routing.NationalAdminID, routing.FallbackAdmin},
		{"electricity goes to PLN",
			routing.Request{Text: "listrik PLN padam sejak kemarin malam dan token tidak bisa diisi"},
			"kl-pln", routing.FallbackNone},
		{"passports go to immigration",
			routing.Request{Title: "Antrian paspor", Text: "kuota antrian online paspor di kanim selalu habis"},
			"kl-imigrasi", routing.FallbackNone},
		{"a report through a city's widget that names no place goes to that city",
			routing.Request{Text: "jalan rusak berlubang parah di depan rumah kami, aspal mengelupas", Via: "pemda-33.74"},
			"pemda-33.74-pekerjaan-umum", routing.FallbackNone},
		{"the place the text names wins over the widget it came through",
			routing.Request{Text: "jalan rusak berlubang parah di Kota Bandung, aspal mengelupas", Via: "pemda-33.74"},
			"pemda-32.73-pekerjaan-umum", routing.FallbackNone},
		{"a complaint that names only a province goes to the province's unit",
			routing.Request{Text: "jalan rusak berlubang parah di Jawa Timur, aspal mengelupas"},
			"pemda-35-pekerjaan-umum", routing.FallbackNone},
		{"the author's province wins over the one the text names",
			routing.Request{Text: "jalan rusak berlubang parah di Jawa Timur, aspal mengelupas", RegionCode: "33"},
			routing.NationalAdminID, routing.FallbackAdmin},
		{"a power cut goes to PLN's office for the region, though the text does not name PLN",
			routing.Request{Text: "listrik padam sejak kemarin malam di Kota Semarang, sudah 12 jam"},
			"kl-pln-33.74", routing.FallbackNone},
		{"LPG goes to Pertamina",
			routing.Request{Text: "gas elpiji 3 kg langka di semua pangkalan, harga naik"},
			"kl-pertamina", routing.FallbackNone},
		{"a sector's general ministry before those that list what they serve",
			routing.Request{Text: "sampah menumpuk dan limbah pabrik mencemari sungai"},
			"kl-klh", routing.FallbackNone},
		{"a notary goes to the ministry of law, not to that of immigration and prisons",
			routing.Request{Text: "notaris menahan akta jual beli saya dan minta biaya tambahan"},
			"kl-kemenkum", routing.FallbackNone},
		{"a prison goes to the ministry of immigration and prisons",
			routing.Request{Text: "napi di lapas dipungut biaya untuk kunjungan keluarga"},
			"kl-imipas", routing.FallbackNone},
		{"a university in a city goes to the ministry of higher education, not to the city's education office",
			routing.Request{Text: "dosen jarang masuk kuliah di kampus kami di Kota Semarang, mahasiswa dirugikan"},
			"kl-kemendiktisaintek", routing.FallbackNone},
		{"while a school in that city goes to its education office",
			routing.Request{Text: "guru SD di Kota Semarang sering tidak masuk, murid terlantar"},
			"pemda-33.74-pendidikan", routing.FallbackNone},
		{"expired medicine goes to the drug authority, not to the city's health office",
			routing.Request{Text: "obat kedaluwarsa dijual bebas di apotek di Kota Semarang, mohon BPOM bertindak"},
			"kl-bpom", routing.FallbackNone},
		{"a university goes to the ministry of higher education",
			routing.Request{Text: "dosen jarang masuk kuliah, mahasiswa dirugikan, kampus diam saja"},
			"kl-kemendiktisaintek", routing.FallbackNone},
		{"a national body's complaint goes to its office for the region",
			routing.Request{Text: "Pelayanan BPJS Kesehatan di kantor cabang Kota Semarang sangat lambat, antrian panjang"},
			"kl-bpjs-kesehatan-33.74", routing.FallbackNone},
		{"else to its provincial office",
			routing.Request{Text: "listrik PLN padam sejak kemarin malam dan token tidak bisa diisi", RegionCode: "33.21"},
			"kl-pln-33", routing.FallbackNone},
		{"else to the body itself",
			routing.Request{Text: "listrik PLN padam sejak kemarin malam dan token tidak bisa diisi", RegionCode: "73.71"},
			"kl-pln", routing.FallbackNone},
		{"the author's sector and region win",
			routing.Request{Text: "mohon perhatian untuk masalah ini", Sector: "kesehatan", RegionCode: "73.71.01"},
			"pemda-73.71-kesehatan", routing.FallbackNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := r.Route(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if d.AgencyID != tt.agency || d.Fallback != tt.fallback || d.AgencyName == "" {
				t.Errorf("routed to %s (%q, fallback %q, sector %s %.2f), want %s (fallback %q)",
					d.AgencyID, d.AgencyName, d.Fallback, d.Sector, d.Confidence, tt.agency, tt.fallback)
			}
			if len(d.Alternatives) == 0 {
				t.Error("no alternatives")
			}
		})
	}
	d, err := r.Route(context.Background(), routing.Request{Text: "qwerty asdf zxcv"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Fallback != routing.FallbackTriage || d.AgencyID != routing.NationalAdminID || len(d.Alternatives) != 3 {
		t.Errorf("gibberish: %+v, want triage with 3 suggestions", d)
	}
	road := routing.Request{Text: "Jalan di depan SDN 3 Tembalang rusak parah dan berlubang sejak bulan lalu"}
	for _, tt := range []struct {
		min  float64
		want routing.Fallback
	}{{0, routing.FallbackNone}, {1, routing.FallbackTriage}} {
		d, err := routing.NewRouter(model.DefaultClassifier(), s.Directory(), routing.WithMinConfidence(tt.min)).Route(context.Background(), road)
		if err != nil {
			t.Fatal(err)
		}
		if d.Fallback != tt.want {
			t.Errorf("minimum confidence %v: fallback %q at confidence %.2f, want %q", tt.min, d.Fallback, d.Confidence, tt.want)
		}
	}
	var _ storage.Directory = s.Directory()
}

func TestRoutingKeepsTheKecamatan(t *testing.T) {
	s := storagetest.SQLite(t)
	r := routing.NewRouter(model.DefaultClassifier(), s.Directory())
	road := "jalan rusak berlubang parah di Tembalang, aspal mengelupas"
	tests := []struct {
		name   string
		req    routing.Request
		region string
	}{
		{"the kecamatan the text names", routing.Request{Text: road}, "33.74.10"},
		{"refines the author's kab/kota it lies in", routing.Request{Text: road, RegionCode: "33.74"}, "33.74.10"},
		{"but not another kab/kota", routing.Request{Text: road, RegionCode: "35.78"}, "35.78"},
		{"the author's kecamatan is kept", routing.Request{Text: road, RegionCode: "33.74.01"}, "33.74.01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := r.Route(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			want := "pemda-" + tt.region[:5] + "-pekerjaan-umum"
			if d.RegionCode != tt.region || d.AgencyID != want {
				t.Errorf("region %s, agency %s; want %s, %s", d.RegionCode, d.AgencyID, tt.region, want)
			}
		})
	}
}

// A name several kab/kota share is settled by the author's region or the
// agency the report came through; else routing takes the likelier one and
// says which it could be.
func TestRoutingSettlesASharedName(t *testing.T) {
	s := storagetest.SQLite(t)
	r := routing.NewRouter(model.DefaultClassifier(), s.Directory())
	bogor := "jalan rusak berlubang parah di Bogor, aspal mengelupas"
	lembang := "jalan rusak berlubang parah di kec. Lembang, aspal mengelupas"
	tests := []struct {
		name       string
		req        routing.Request
		region     string
		candidates []string
	}{
		{"the kota, with both", routing.Request{Text: bogor}, "32.71", []string{"32.01", "32.71"}},
		{"the agency it came through", routing.Request{Text: bogor, Via: "pemda-32.01"}, "32.01", nil},
		{"the author's kab/kota", routing.Request{Text: bogor, RegionCode: "32.01"}, "32.01", nil},
		{"the author's province, keeping the kecamatan", routing.Request{Text: lembang, RegionCode: "73"}, "73.15.07", nil},
		{"none, with both", routing.Request{Text: lembang}, "", []string{"32.17", "73.15"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := r.Route(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if d.RegionCode != tt.region || !slices.Equal(d.RegionCandidates, tt.candidates) {
				t.Errorf("region %q, candidates %v; want %q, %v", d.RegionCode, d.RegionCandidates, tt.region, tt.candidates)
			}
		})
	}
}

// TestEachSectorHasAGeneralBody: a complaint that names no body and speaks
// of nothing a body lists goes to the first of its sector's national
// bodies, which must be one that serves the sector in general (or its
// ministry's directorate for it).
func TestEachSectorHasAGeneralBody(t *testing.T) {
	s := storagetest.SQLite(t)
	for _, sec := range model.Sectors() {
		bodies, err := s.Directory().National(context.Background(), sec.Code)
		if err != nil {
			t.Fatal(err)
		}
		if len(bodies) == 0 {
			t.Errorf("%s: no national body", sec.Code)
			continue
		}
		first, err := s.Agency(context.Background(), bodies[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(bodies[0].Serves) > 0 && first.Kind != storage.KindUnit {
			t.Errorf("%s: the first body, %s, lists what it serves: %v", sec.Code, bodies[0].ID, bodies[0].Serves)
		}
	}
}
