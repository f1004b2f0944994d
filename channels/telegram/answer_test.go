package telegram

import (
	"context"
	"strings"
	"testing"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/reports"
)

// TestAgencyAnswerReachesTheReporter: the answer to a report filed on
// Telegram comes back to the chat it was filed from, with its code.
func TestAgencyAnswerReachesTheReporter(t *testing.T) {
	r := newRig(t)
	chat := int64(777009)
	for i, text := range []string{"jalan di depan SDN 3 Tembalang rusak parah sejak bulan lalu", "lewati", "lewati", "1", "kirim"} {
		r.post(update(int64(9000+i), textMessage(chat, text)), secret)
	}
	sent := r.api.sent("777009")
	rep := r.kit.Filed(t, sent[len(sent)-1])
	agency := reports.Viewer{Agency: rep.AgencyID}
	if _, err := r.kit.Reports.Answer(context.Background(), agency, "agency:"+rep.AgencyID, rep.TrackingCode,
		report.Answer{Text: "Jalan sudah kami tambal hari ini."}, "id"); err != nil {
		t.Fatal(err)
	}
	if err := r.kit.Outbox.Drain(context.Background(), channels.Telegram, r.send); err != nil {
		t.Fatal(err)
	}
	got := r.api.sent("777009")
	if last := got[len(got)-1]; len(got) != len(sent)+1 || !strings.Contains(last, rep.TrackingCode) || !strings.Contains(last, "sudah kami tambal") {
		t.Fatalf("the chat got %q", got[len(sent):])
	}
}
