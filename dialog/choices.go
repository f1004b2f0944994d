package dialog

import (
	"strings"
	"unicode/utf8"

	"github.com/sp4n-lapor/lapor/report"
)

// Answers a step accepts: the words of each numbered option, in the order
// of the values they stand for.
var (
	typeOptions = [][]string{
		{"pengaduan", "aduan", "keluhan", "lapor", "complaint"},
		{"aspirasi", "saran", "usul", "usulan", "suggestion", "aspiration"},
		{"informasi", "info", "permintaan informasi", "tanya", "information", "question"},
	}
	privacyOptions = [][]string{
		{"biasa", "normal", "umum", "publik"},
		{"anonim", "anonymous", "tanpa nama"},
		{"rahasia", "confidential", "secret"},
	}
	resumeOptions  = [][]string{{"lanjut", "lanjutkan", "continue"}, {"baru", "mulai baru", "new"}}
	confirmOptions = [][]string{{"kirim", "send"}, {"batal", "cancel"}}
	// editWords name the parts of the summary a citizen can change.
	editWords = map[string]Step{
		"jenis": StepType, "type": StepType, "isi": StepWhat, "cerita": StepWhat, "masalah": StepWhat, "what": StepWhat,
		"lokasi": StepWhere, "tempat": StepWhere, "alamat": StepWhere, "location": StepWhere, "where": StepWhere,
		"waktu": StepWhen, "tanggal": StepWhen, "kapan": StepWhen, "when": StepWhen, "date": StepWhen,
		"bukti": StepEvidence, "foto": StepEvidence, "evidence": StepEvidence, "photo": StepEvidence,
		"nama": StepName, "name": StepName, "privasi": StepPrivacy, "privacy": StepPrivacy,
	}
)

// The message ids of the options each choice step offers, in order.
var (
	typeChoices    = []string{"choice_type_pengaduan", "choice_type_aspirasi", "choice_type_informasi"}
	privacyChoices = []string{"choice_privacy_biasa", "choice_privacy_anonim", "choice_privacy_rahasia"}
)

// maxMisses is how many unclear answers a step takes before the bot offers
// a way out.
const maxMisses = 3

func isSend(text string) bool {
	w := strings.ToLower(strings.TrimSpace(text))
	return w == "kirim" || w == "send"
}

// editRequest reads "ubah lokasi", "change name", "ganti 3".
func editRequest(text string) (Step, bool) {
	ws := strings.Fields(strings.ToLower(text))
	if len(ws) < 2 || (ws[0] != "ubah" && ws[0] != "ganti" && ws[0] != "change" && ws[0] != "edit" && ws[0] != "koreksi") {
		return "", false
	}
	s, ok := editWords[ws[1]]
	return s, ok
}

// looksLikeReport tells a story ("jalan di depan SDN 3 rusak parah") from a
// greeting ("halo", "selamat pagi").
func looksLikeReport(text string) bool {
	return utf8.RuneCountInString(text) >= 25 && len(strings.Fields(text)) >= 5
}

// isDescription tells whether an answer to "what happened?" is one the
// filing takes: long enough, two words at least, not too long.
func isDescription(text string) bool {
	return len(strings.Fields(text)) >= 2 && report.CheckText("description", text, report.MinDescription, report.MaxDescription) == nil
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n-3])) + "..."
}
