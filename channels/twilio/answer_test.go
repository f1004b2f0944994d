package twilio

import (
	"context"
	"strings"
	"testing"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/reports"
)

// TestAgencyAnswerReachesTheReporterBySMS: a citizen files by SMS, the
// agency answers at length and forwards, and the citizen reads both by SMS,
// in messages of at most two segments.
func TestAgencyAnswerReachesTheReporterBySMS(t *testing.T) {
	r := newRig(t, "")
	from := "+6281234560009"
	for _, text := range []string{"LAPOR jalan di depan SDN 3 Tembalang rusak parah sejak bulan lalu", "lewati", "lewati", "1", "kirim"} {
		r.sms(from, text)
	}
	sent := r.api.SentTo(from)
	rep := r.kit.Filed(t, sent[len(sent)-1].Get("Body"))
	ctx, agency := context.Background(), reports.Viewer{Agency: rep.AgencyID}
	answer := strings.Repeat("Jalan di depan SDN 3 sudah kami tambal dan akan diaspal ulang pekan depan. ", 5)
	if _, err := r.kit.Reports.Answer(ctx, agency, "agency:"+rep.AgencyID, rep.TrackingCode, report.Answer{Text: answer}, "id"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.kit.Reports.Forward(ctx, agency, "agency:"+rep.AgencyID, rep.TrackingCode, report.Forward{AgencyID: "pemda-33"}, "id"); err != nil {
		t.Fatal(err)
	}
	if err := r.kit.Outbox.Drain(ctx, channels.SMS, r.send); err != nil {
		t.Fatal(err)
	}
	got := bodies(r.api.SentTo(from)[len(sent):])
	all := strings.Join(got, " ")
	if len(got) < 3 || !strings.Contains(got[0], rep.TrackingCode) || !strings.Contains(all, "akan diaspal ulang pekan depan") ||
		!strings.Contains(got[len(got)-1], "Pemerintah Provinsi Jawa Tengah") {
		t.Fatalf("the reporter got %q", got)
	}
	for _, b := range got {
		if channels.Segments(b) > 2 || !channels.IsGSM7(b) {
			t.Errorf("an SMS of %d segments: %q", channels.Segments(b), b)
		}
	}
}
