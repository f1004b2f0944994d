package dialog

import (
	"context"
	"strings"
	"testing"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/reports"
	"github.com/sp4n-lapor/lapor/storage"
)

// TestReplyAndRating: after the agency answers, the citizen's next message
// is a reply on the ticket; status shows the answer; once closed, a number
// rates the handling, once; then a complaint starts a new report.
func TestReplyAndRating(t *testing.T) {
	h := newHarness(t)
	c := h.citizen(channels.SMS, "6281200000077")
	converse(t, c, "halo", "lampu jalan di depan rumah saya mati sudah dua minggu", "Kota Semarang")
	r := h.filed(t, c.say("kirim"))
	ctx, svc, agency := context.Background(), h.backend.svc, reports.Viewer{Agency: r.AgencyID}
	if _, err := svc.Answer(ctx, agency, "agency:"+r.AgencyID, r.TrackingCode, report.Answer{Text: "Petugas kami akan memeriksa lampu itu besok."}, "id"); err != nil {
		t.Fatal(err)
	}
	if got := texts(c.replies()); !strings.Contains(got, "memeriksa lampu itu besok") || !strings.Contains(got, "Balas pesan ini") {
		t.Fatalf("the answer reached the citizen as %q", got)
	}
	if got := texts(c.say("Terima kasih, lampunya di tiang nomor 12")); !strings.Contains(got, "sudah kami teruskan") {
		t.Fatalf("the reply was answered with %q", got)
	}
	if got := texts(c.say("status " + r.TrackingCode)); !strings.Contains(got, "Tanggapan terakhir: Petugas kami") {
		t.Errorf("status: %q", got)
	}
	if _, err := svc.SetStatus(ctx, agency, "agency:"+r.AgencyID, r.TrackingCode, report.StatusChange{Status: report.StatusSelesai}, "id"); err != nil {
		t.Fatal(err)
	}
	if got := texts(c.replies()); !strings.Contains(got, "angka 1") {
		t.Fatalf("the close reached the citizen as %q", got)
	}
	if got := texts(c.say("5")); !strings.Contains(got, "Terima kasih atas penilaian") {
		t.Fatalf("the rating was answered with %q", got)
	}
	stored, _ := h.backend.store.ReportByCode(ctx, r.TrackingCode)
	events, _ := h.backend.store.ReportEvents(ctx, stored.ID)
	var replied bool
	for _, e := range events {
		replied = replied || e.Kind == storage.EventReporterReplied && e.Actor == "reporter" && strings.Contains(e.Note, "tiang nomor 12")
	}
	if stored.Rating == nil || *stored.Rating != 5 || !replied {
		t.Errorf("rating %v, reply recorded %v", stored.Rating, replied)
	}
	if got := texts(c.say("4")); strings.Contains(got, "penilaian") {
		t.Errorf("a second rating was taken: %q", got)
	}
	// Someone else with the code cannot speak for the reporter.
	other := h.citizen(channels.SMS, "6281200000078")
	if got := texts(other.say("balas " + r.TrackingCode + " laporan ini palsu")); !strings.Contains(got, "tidak ditemukan") {
		t.Errorf("another number replied: %q", got)
	}
}
