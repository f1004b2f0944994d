package model

// typeCues are what a request for information and a suggestion cannot do
// without: a question, a suggestion. The type model learns from the 2017
// admins' closing lines, which follow habits of their own (a complaint to a
// national body was often closed as a request for information, "e-KTP saya
// belum jadi" among them); a text that asks nothing is no request for
// information, and one that suggests nothing no suggestion.
var typeCues = map[string][]string{
	"informasi": {"apakah", "apa", "bagaimana", "gimana", "kapan", "berapa", "dimana", "di mana", "kemana", "ke mana",
		"mengapa", "kenapa", "siapa", "bisakah", "bolehkah", "adakah", "mohon info", "mohon informasi", "minta info",
		"informasi", "info", "bertanya", "menanyakan", "tanya", "nanya", "syarat", "persyaratan", "prosedur", "cara"},
	"aspirasi": {"saran", "sarankan", "menyarankan", "usul", "usulan", "mengusulkan", "sebaiknya", "alangkah baiknya",
		"seyogyanya", "hendaknya", "masukan", "berharap", "semoga", "dipertimbangkan", "mohon dibangun", "mohon dipasang",
		"mohon ditambah", "perlu diadakan", "perlu dibangun", "agar", "supaya", "diharapkan"},
}

// ruleOutTypes sets to 0, in p (the type model's probabilities in the order
// of classes), the types whose cues the complaint lacks; a question mark is
// a question's cue. A complaint needs no cue, so one type is always left.
func ruleOutTypes(classes []string, cw complaintWords, p []float64) {
	for c, t := range classes {
		if cues, ok := typeCues[t]; ok && !(t == "informasi" && cw.asks) && !cw.phrases.HasAny(cues) {
			p[c] = 0
		}
	}
}
