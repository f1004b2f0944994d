package widget_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sp4n-lapor/lapor/channels/widget"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/reports"
)

// TestAgencyAnswerReachesTheSession: the answer to a report filed through a
// widget shows in that browser session's chat.
func TestAgencyAnswerReachesTheSession(t *testing.T) {
	g := newRig(t, widget.Limits{})
	g.start("pemda-33.74")
	var last []string
	for _, text := range []string{"Jalan di depan rumah kami rusak parah dan berlubang sejak bulan lalu", "lewati", "lewati", "lewati", "Biasa", "kirim"} {
		last = g.say("pemda-33.74", text)
	}
	rep := g.kit.Filed(t, strings.Join(last, "\n"))
	agency := reports.Viewer{Agency: rep.AgencyID}
	if _, err := g.kit.Reports.Answer(context.Background(), agency, "agency:"+rep.AgencyID, rep.TrackingCode,
		report.Answer{Text: "Tim kami sudah menambal jalan tersebut."}, "id"); err != nil {
		t.Fatal(err)
	}
	clientID := fmt.Sprintf("msg-%06d", g.n) // the citizen's last message
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		for _, a := range g.answers("pemda-33.74", clientID) {
			if strings.Contains(a, "sudah menambal") && strings.Contains(a, rep.TrackingCode) {
				return
			}
		}
	}
	t.Fatalf("the session never showed the answer; after the last message: %q", g.answers("pemda-33.74", clientID))
}
