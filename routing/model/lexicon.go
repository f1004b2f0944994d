package model

import (
	"math"
	"slices"
	"strings"
	"sync"
)

// lexicon holds, for each sector, words and phrases that name its services
// or agencies, written from sectors.csv (its examples, and the agencies of
// its handled_by column) and from how Indonesian government is organised.
// Words that are mostly part of an address (kelurahan, kecamatan, RT, RW)
// are not in it. A complaint that uses them gets a feature per sector, which
// the classifier weighs against everything else it reads.
var lexicon = map[string][]string{
	"jaminan-kesehatan":       {"bpjs kesehatan", "jkn", "kis", "faskes", "bpjs", "iuran", "denda rawat inap", "kartu indonesia sehat", "pbi", "kc bpjs"},
	"jaminan-ketenagakerjaan": {"bpjs ketenagakerjaan", "bpjstk", "jht", "jaminan hari tua", "jamsostek", "bpu", "klaim jht"},
	"pekerjaan-umum":          {"jalan rusak", "jalan berlubang", "berlubang", "lubang", "aspal", "jembatan", "drainase", "saluran", "got", "banjir", "trotoar", "gorong", "imb", "tanggul", "selokan", "dinas pu", "bina marga", "pupr", "pekerjaan umum", "sumber daya air"},
	"perhubungan":             {"parkir", "lampu lalu lintas", "traffic light", "angkot", "brt", "trans", "terminal", "dishub", "uji kir", "kereta", "krl", "pelabuhan", "bandara", "ojek", "bus", "halte", "macet", "rambu", "perhubungan", "kemenhub", "pt kai", "damri"},
	"kependudukan":            {"ktp", "e ktp", "ektp", "kk", "kartu keluarga", "akta", "akte", "disdukcapil", "dukcapil", "capil", "nik", "blanko", "suket", "pindah domisili", "kia", "kependudukan", "pencatatan sipil"},
	"sosial":                  {"pkh", "bpnt", "rastra", "raskin", "bansos", "kks", "dinsos", "kemensos", "dtks", "bantuan sosial", "disabilitas", "panti", "keluarga harapan", "dinas sosial", "kementerian sosial"},
	"imigrasi":                {"paspor", "imigrasi", "kanim", "visa", "antrian paspor", "izin tinggal", "wna"},
	"pendidikan":              {"sekolah", "guru", "siswa", "murid", "ppdb", "zonasi", "kip", "pip", "beasiswa", "bidikmisi", "ijazah", "kampus", "mahasiswa", "kuliah", "dosen", "universitas", "sdn", "smp", "sma", "smk", "dikti", "pddikti", "honorer", "dinas pendidikan", "disdik", "lldikti", "kemendikbud", "kemristekdikti"},
	"kepolisian":              {"polisi", "polres", "polsek", "polda", "polri", "sim", "stnk", "bpkb", "tilang", "samsat", "pencurian", "penipuan", "narkoba", "laporan polisi", "reskrim"},
	"ketertiban-umum":         {"pkl", "satpol", "satpol pp", "pedagang kaki lima", "bangunan liar", "reklame", "karaoke", "tempat hiburan", "gepeng", "pengamen", "kebakaran", "damkar", "miras", "pamong praja"},
	"energi":                  {"pln", "listrik", "token", "padam", "meteran listrik", "lpg", "elpiji", "gas 3 kg", "pertamina", "spbu", "bbm", "solar", "premium", "pertalite", "pertamax", "minyak tanah", "tambang", "esdm", "bph migas"},
	"pos":                     {"pos indonesia", "kantor pos", "paket", "kiriman", "wesel", "resi", "ems"},
	"air-minum":               {"pdam", "air ledeng", "air mati", "air keruh", "pam", "tirta", "meteran air", "air bersih", "pam jaya", "air minum"},
	"perumahan":               {"pju", "lampu jalan", "penerangan jalan", "rusunawa", "rusun", "taman kota", "makam", "rtlh", "perumahan", "disperkim", "psu", "kawasan permukiman"},
	"kesehatan":               {"rumah sakit", "rsud", "puskesmas", "dokter", "obat", "perawat", "imunisasi", "dbd", "fogging", "bpom", "dinkes", "pasien", "bidan", "dinas kesehatan", "kemenkes", "kementerian kesehatan"},
	"lingkungan-hidup":        {"sampah", "tps", "limbah", "pencemaran", "polusi", "bau", "dlh", "pembakaran", "penebangan", "hutan", "sungai tercemar", "lingkungan hidup", "klhk"},
	"kepegawaian":             {"cpns", "pns", "asn", "nip", "bkn", "sscn", "sscasn", "kenaikan pangkat", "pensiun", "tunjangan", "tpp", "bkd", "honorer k2", "mutasi pegawai", "sapk", "bkpsdm", "panselnas", "kepegawaian"},
	"keuangan-negara":         {"pajak", "npwp", "pbb", "bea cukai", "cukai", "restitusi", "djp", "kemenkeu", "bapenda", "spt", "bpkad", "direktorat jenderal pajak", "kementerian keuangan"},
	"pertanahan":              {"sertifikat tanah", "sertipikat", "bpn", "ptsl", "prona", "sengketa tanah", "pertanahan", "atr", "ukur ulang", "girik", "kantor pertanahan", "badan pertanahan"},
	"pemerintahan":            {"lurah", "camat", "walikota", "wali kota", "bupati", "gubernur", "pemkot", "pemkab", "pemprov", "surat keterangan", "kemendagri", "inspektorat", "sekretariat daerah", "sekda", "kementerian dalam negeri"},
	"desa":                    {"dana desa", "kepala desa", "kades", "perangkat desa", "bumdes", "add", "pilkades", "sekdes", "transmigrasi", "pendamping desa", "apbdes", "dpmd", "pemberdayaan masyarakat dan desa", "kemendes", "kementerian desa"},
	"komunikasi-informatika":  {"sinyal", "internet", "registrasi kartu", "kartu sim", "hoaks", "hoax", "siaran", "televisi", "kpi", "telkom", "indihome", "website", "aplikasi", "kominfo", "diskominfo", "komunikasi dan informatika"},
	"ketenagakerjaan":         {"gaji", "umr", "ump", "umk", "phk", "pesangon", "kartu kuning", "ak1", "tki", "pmi", "tenaga kerja", "buruh", "outsourcing", "disnaker", "kemnaker", "lowongan", "disnakertrans", "kementerian ketenagakerjaan", "dinas tenaga kerja"},
	"jasa-keuangan":           {"bank", "kredit", "leasing", "debt collector", "pinjol", "pinjaman online", "asuransi", "kur", "ojk", "bri", "bni", "mandiri", "btn", "rekening", "otoritas jasa keuangan", "perbankan"},
	"agama":                   {"haji", "umrah", "umroh", "kua", "nikah", "madrasah", "kemenag", "halal", "mis", "mts", "pesantren", "kementerian agama", "kantor kemenag"},
	"hukum":                   {"notaris", "ahu", "badan hukum", "lapas", "rutan", "pengadilan", "kemenkumham", "napi", "narapidana", "remisi", "kejaksaan", "hakim", "kementerian hukum", "mahkamah agung", "pemasyarakatan", "bagian hukum"},
	"bumn":                    {"bumn", "pt", "persero", "rekrutmen bumn", "csr", "tbk", "garuda", "angkasa pura", "pelindo", "kementerian bumn", "badan usaha milik negara"},
	"perdagangan-industri":    {"harga", "pasar tradisional", "koperasi", "umkm", "ukm", "metrologi", "timbangan", "sembako", "disperindag", "industri", "dinas perdagangan", "kemendag", "kementerian perdagangan", "perindustrian", "dinas koperasi"},
	"pertanian-pangan":        {"pupuk", "petani", "kartu tani", "nelayan", "benih", "gabah", "bulog", "beras", "sawah", "irigasi", "ternak", "perikanan", "dinas pertanian", "kementan", "kementerian pertanian", "kkp", "badan pangan"},
	"bencana":                 {"longsor", "banjir bandang", "gempa", "pengungsi", "bpbd", "bnpb", "bencana", "tanah longsor", "puting beliung", "erupsi", "penanggulangan bencana"},
	"perizinan":               {"izin usaha", "oss", "nib", "siup", "tdp", "pbg", "perizinan", "dpmptsp", "ptsp", "izin", "bkpm", "penanaman modal", "satu pintu"},
	"pariwisata-olahraga":     {"wisata", "objek wisata", "cagar budaya", "museum", "kolam renang", "stadion", "gor", "olahraga", "festival", "pariwisata", "disbudpar", "dispora", "kemenpar", "kemenpora", "dinas pariwisata"},
}

// lexiconTerms are the features "lex:<sector>" and "lex:<sector>:<phrase>"
// of the lexicon phrases a normalised text contains, each once, in the
// lexicon's order within a sector.
func lexiconTerms(words []string) []string {
	found := lexiconPhrasesIn(words)
	if len(found) == 0 {
		return nil
	}
	var out []string
	for sector, list := range lexicon {
		for _, p := range list {
			if found[p] {
				out = append(out, "lex:"+sector, "lex:"+sector+":"+p)
			}
		}
	}
	return out
}

// lexiconPhrase is a phrase of the lexicon and its words.
type lexiconPhrase struct {
	phrase string
	words  []string
}

// lexiconStarts lists the lexicon's phrases by their first word.
var lexiconStarts = sync.OnceValue(func() map[string][]lexiconPhrase {
	out := map[string][]lexiconPhrase{}
	for _, list := range lexicon {
		for _, p := range list {
			ws := strings.Fields(p)
			out[ws[0]] = append(out[ws[0]], lexiconPhrase{p, ws})
		}
	}
	return out
})

// lexiconPhrasesIn are the lexicon phrases that words contain, found in one
// pass over the words rather than by looking each phrase up in the text.
func lexiconPhrasesIn(words []string) map[string]bool {
	starts := lexiconStarts()
	found := map[string]bool{}
	for i, w := range words {
		for _, lp := range starts[w] {
			if n := len(lp.words); n <= len(words)-i && slices.Equal(lp.words, words[i:i+n]) {
				found[lp.phrase] = true
			}
		}
	}
	return found
}

// The lexicon is also a prior on the sector model's answer: each phrase of a
// sector that a complaint uses multiplies that sector's odds by e^2 (about
// 7), for up to two phrases. The model learns the lexicon's features too,
// but from the dev set's labels, which are few for the small sectors and
// noisy for some (a complaint about LPG went to ESDM, BUMN, Pertamina or a
// trade office); the prior keeps what sectors.csv says of who handles what.
// Chosen by 5-fold cross-validation: 1.5 to 3 score alike.
//
// The fewer examples a sector has, the less the model knows of it and the
// more the lexicon says: the prior's power is multiplied by (the examples of
// the largest sector / the sector's own) to the power lexiconScarcity, so
// by 2.2 for agama's 3 examples against jaminan-kesehatan's 143. Chosen by
// cross-validation over five draws of the folds: 0.2 gave the best sector
// macro-F1 with the same accuracy as 0.15 and 0.25, and beat flattening each
// sector's probability by its share of the examples.
const (
	lexiconPrior        = 2.0
	lexiconPriorPhrases = 2
	lexiconScarcity     = 0.2
)

// weighByLexicon applies the lexicon prior to p, the sector model's
// probabilities in the order of classes, for a complaint read as terms.
func weighByLexicon(classes []string, counts []float64, terms []string, p []float64) {
	phrases := map[string]int{}
	seen := map[string]bool{}
	for _, t := range terms {
		rest, ok := strings.CutPrefix(t, "lex:")
		sector, _, isPhrase := strings.Cut(rest, ":")
		if ok && isPhrase && !seen[t] {
			seen[t] = true
			phrases[sector]++
		}
	}
	if len(phrases) == 0 {
		return
	}
	most := slices.Max(counts)
	for c, s := range classes {
		weight := lexiconPrior * math.Pow(most/counts[c], lexiconScarcity)
		p[c] = math.Log(p[c]) + weight*float64(min(phrases[s], lexiconPriorPhrases))
	}
	softmax(p)
}
