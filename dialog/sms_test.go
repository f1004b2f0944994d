package dialog

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/report"
)

// TestPromptsFitTwoSMS renders every message of the conversation, in every
// language, with the longest values it can carry, and checks that each fits
// 2 SMS segments in GSM-7: a citizen on 1708 pays per segment and a single
// non-GSM character would halve what fits.
func TestPromptsFitTwoSMS(t *testing.T) {
	long := strings.Repeat("jalan berlubang ", 40)
	for _, lang := range locales.Languages {
		var catalogue map[string]string
		if _, err := toml.DecodeFile("../locales/"+lang+".toml", &catalogue); err != nil {
			t.Fatal(err)
		}
		p := locales.New(lang)
		agency := "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Provinsi Kalimantan Utara"
		data := map[string]any{"Code": "LPR-7K2M-9QXT", "Count": 10, "Max": report.MaxDescription, "What": clip(long, 60), "Answer": clip(long, 100),
			"Status": "Ditindaklanjuti oleh Instansi", "Agency": agency}
		for id := range catalogue {
			if !strings.HasPrefix(id, "bot_") && !strings.HasPrefix(id, "choice_") {
				continue
			}
			check(t, lang+" "+id, p.T(id, data))
		}

		// The questions as asked, choices and the summary included.
		e := newHarness(t).engine
		for _, step := range []Step{StepType, StepWhat, StepWhere, StepWherePick, StepWhen, StepEvidence, StepName, StepPrivacy, StepConfirm, StepResume} {
			st := &State{ConvID: "x", Lang: lang, Step: step, ResumeStep: StepWhat,
				Candidates: []string{"31.01", "31.74", "31.71", "64.11", "65.04", "92.09"},
				Draft: Draft{Type: "informasi", Description: long, Place: "Kepulauan Seribu Selatan, Kabupaten Administrasi Kepulauan Seribu",
					IncidentDate: "2026-11-20", Since: true, Name: strings.Repeat("Nama ", 30), Privacy: "rahasia",
					Attachments: make([]channels.Attachment, 10), Routing: &report.Routing{Agency: report.Agency{Name: agency}}}}
			tr := newTurn(e, st, channels.Inbound{})
			tr.prompt()
			for _, m := range tr.out {
				check(t, lang+" "+string(step), m.Text)
			}
		}
	}
}

func check(t *testing.T, what, text string) {
	t.Helper()
	if !channels.IsGSM7(text) {
		t.Errorf("%s is not GSM-7: %q", what, text)
	}
	if n := channels.Segments(text); n > 2 {
		t.Errorf("%s takes %d SMS segments (%d characters): %q", what, n, len([]rune(text)), text)
	}
}
