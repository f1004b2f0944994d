package routing

import (
	"math"
	"strings"
)

// lexicon holds, for each sector, words and phrases that name its services
// or agencies, written from sectors.csv and from how Indonesian government
// is organised. A complaint that uses them gets a feature per sector, which
// the classifier weighs against everything else it reads.
var lexicon = map[string][]string{
	"jaminan-kesehatan":       {"bpjs kesehatan", "jkn", "kis", "faskes", "bpjs", "iuran", "denda rawat inap", "kartu indonesia sehat", "pbi", "kc bpjs"},
	"jaminan-ketenagakerjaan": {"bpjs ketenagakerjaan", "bpjstk", "jht", "jaminan hari tua", "jamsostek", "bpu", "klaim jht"},
	"pekerjaan-umum":          {"jalan rusak", "jalan berlubang", "lubang", "aspal", "jembatan", "drainase", "saluran", "got", "banjir", "trotoar", "gorong", "imb", "tanggul", "selokan"},
	"perhubungan":             {"parkir", "lampu lalu lintas", "traffic light", "angkot", "brt", "trans", "terminal", "dishub", "uji kir", "kereta", "krl", "pelabuhan", "bandara", "ojek", "bus", "halte", "macet", "rambu"},
	"kependudukan":            {"ktp", "e ktp", "ektp", "kk", "kartu keluarga", "akta", "akte", "disdukcapil", "dukcapil", "capil", "nik", "blanko", "suket", "pindah domisili", "kia"},
	"sosial":                  {"pkh", "bpnt", "rastra", "raskin", "bansos", "kks", "dinsos", "kemensos", "dtks", "bantuan sosial", "disabilitas", "panti", "keluarga harapan"},
	"imigrasi":                {"paspor", "imigrasi", "kanim", "visa", "antrian paspor", "izin tinggal", "wna"},
	"pendidikan":              {"sekolah", "guru", "siswa", "murid", "ppdb", "zonasi", "kip", "pip", "beasiswa", "bidikmisi", "ijazah", "kampus", "mahasiswa", "kuliah", "dosen", "universitas", "sdn", "smp", "sma", "smk", "dikti", "pddikti", "honorer"},
	"kepolisian":              {"polisi", "polres", "polsek", "polda", "polri", "sim", "stnk", "bpkb", "tilang", "samsat", "pencurian", "penipuan", "narkoba", "laporan polisi", "reskrim"},
	"ketertiban-umum":         {"pkl", "satpol", "satpol pp", "pedagang kaki lima", "bangunan liar", "reklame", "karaoke", "tempat hiburan", "gepeng", "pengamen", "kebakaran", "damkar", "miras"},
	"energi":                  {"pln", "listrik", "token", "padam", "meteran listrik", "lpg", "elpiji", "gas 3 kg", "pertamina", "spbu", "bbm", "solar", "premium", "tambang", "esdm"},
	"pos":                     {"pos indonesia", "kantor pos", "paket", "kiriman", "wesel", "resi", "ems"},
	"air-minum":               {"pdam", "air ledeng", "air mati", "air keruh", "pam", "tirta", "meteran air", "air bersih"},
	"perumahan":               {"pju", "lampu jalan", "penerangan jalan", "rusunawa", "rusun", "taman kota", "makam", "rtlh", "perumahan", "disperkim", "psu"},
	"kesehatan":               {"rumah sakit", "rsud", "puskesmas", "dokter", "obat", "perawat", "imunisasi", "dbd", "fogging", "bpom", "dinkes", "pasien", "bidan"},
	"lingkungan-hidup":        {"sampah", "tps", "limbah", "pencemaran", "polusi", "bau", "dlh", "pembakaran", "penebangan", "hutan", "sungai tercemar"},
	"kepegawaian":             {"cpns", "pns", "asn", "nip", "bkn", "sscn", "sscasn", "kenaikan pangkat", "pensiun", "tunjangan", "tpp", "bkd", "honorer k2", "mutasi pegawai", "sapk"},
	"keuangan-negara":         {"pajak", "npwp", "pbb", "bea cukai", "cukai", "restitusi", "djp", "kemenkeu", "bapenda", "spt"},
	"pertanahan":              {"sertifikat tanah", "sertipikat", "bpn", "ptsl", "prona", "sengketa tanah", "pertanahan", "atr", "ukur ulang", "girik"},
	"pemerintahan":            {"lurah", "camat", "walikota", "wali kota", "bupati", "gubernur", "pemkot", "pemkab", "pemprov", "surat keterangan", "kemendagri"},
	"desa":                    {"dana desa", "kepala desa", "kades", "perangkat desa", "bumdes", "add", "pilkades", "sekdes", "transmigrasi", "pendamping desa", "apbdes"},
	"komunikasi-informatika":  {"sinyal", "internet", "registrasi kartu", "kartu sim", "hoaks", "hoax", "siaran", "televisi", "kpi", "telkom", "indihome", "website", "aplikasi", "kominfo"},
	"ketenagakerjaan":         {"gaji", "umr", "ump", "umk", "phk", "pesangon", "kartu kuning", "ak1", "tki", "pmi", "tenaga kerja", "buruh", "outsourcing", "disnaker", "kemnaker", "lowongan"},
	"jasa-keuangan":           {"bank", "kredit", "leasing", "debt collector", "pinjol", "pinjaman online", "asuransi", "kur", "ojk", "bri", "bni", "mandiri", "btn", "rekening"},
	"agama":                   {"haji", "umrah", "umroh", "kua", "nikah", "madrasah", "kemenag", "halal", "mis", "mts", "pesantren"},
	"hukum":                   {"notaris", "ahu", "badan hukum", "lapas", "rutan", "pengadilan", "kemenkumham", "napi", "narapidana", "remisi", "kejaksaan", "hakim"},
	"bumn":                    {"bumn", "pt", "persero", "rekrutmen bumn", "csr", "tbk", "garuda", "angkasa pura", "pelindo"},
	"perdagangan-industri":    {"harga", "pasar tradisional", "koperasi", "umkm", "ukm", "metrologi", "timbangan", "sembako", "disperindag", "industri"},
	"pertanian-pangan":        {"pupuk", "petani", "kartu tani", "nelayan", "benih", "gabah", "bulog", "beras", "sawah", "irigasi", "ternak", "perikanan"},
	"bencana":                 {"longsor", "banjir bandang", "gempa", "pengungsi", "bpbd", "bnpb", "bencana", "tanah longsor", "puting beliung", "erupsi"},
	"perizinan":               {"izin usaha", "oss", "nib", "siup", "tdp", "pbg", "perizinan", "dpmptsp", "ptsp", "izin"},
	"pariwisata-olahraga":     {"wisata", "objek wisata", "cagar budaya", "museum", "kolam renang", "stadion", "gor", "olahraga", "festival", "pariwisata"},
}

// lexiconTerms are the features "lex:<sector>" of the lexicon entries a
// normalised text contains.
func lexiconTerms(words []string) []string {
	text := " " + strings.Join(words, " ") + " "
	var out []string
	for sector, phrases := range lexicon {
		for _, p := range phrases {
			if strings.Contains(text, " "+p+" ") {
				out = append(out, "lex:"+sector, "lex:"+sector+":"+p)
			}
		}
	}
	return out
}

// The lexicon is also a prior on the sector model's answer: each phrase of a
// sector that a complaint uses multiplies that sector's odds by e^2 (about
// 7), for up to two phrases. The model learns the lexicon's features too,
// but from the dev set's labels, which are few for the small sectors and
// noisy for some (a complaint about LPG went to ESDM, BUMN, Pertamina or a
// trade office); the prior keeps what sectors.csv says of who handles what.
// Chosen by 5-fold cross-validation: 1.5 to 3 score alike.
const (
	lexiconPrior        = 2.0
	lexiconPriorPhrases = 2
)

// weighByLexicon applies the lexicon prior to p, the sector model's
// probabilities in the order of classes, for a complaint read as terms.
func weighByLexicon(classes, terms []string, p []float64) {
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
	for c, s := range classes {
		p[c] = math.Log(p[c]) + lexiconPrior*float64(min(phrases[s], lexiconPriorPhrases))
	}
	softmax(p)
}
