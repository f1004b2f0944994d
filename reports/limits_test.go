package reports_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/sp4n-lapor/lapor/calendar"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/reports"
	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/routing/model"
	"github.com/sp4n-lapor/lapor/storage"
	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

// TestTimeLimitsOverAWeekendAndAHoliday files, answers and forwards on a
// Friday before Independence Day (Monday 17 August 2026), with a clock the
// test moves: verification is due the third working day after, follow-up
// the fifth, and the answered report closes by itself after the end of the
// tenth (Maulid Nabi, Tuesday 25 August, is no working day either), and
// not at it.
func TestTimeLimitsOverAWeekendAndAHoliday(t *testing.T) {
	store := storagetest.SQLite(t)
	var mu sync.Mutex
	now := time.Date(2026, 8, 14, 10, 0, 0, 0, calendar.WIB) // a Friday
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	set := func(t time.Time) { mu.Lock(); now = t; mu.Unlock() }
	reg := prometheus.NewRegistry()
	svc := reports.New(store, routing.NewRouter(model.DefaultClassifier(), store.Directory()), reports.WithClock(clock),
		reports.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))), reports.WithRegistry(reg))
	ctx := context.Background()
	f, err := svc.File(ctx, reports.CallerAdmin, report.Request{Description: "Lampu jalan di depan rumah saya mati sudah dua minggu",
		RegionCode: "33.74", AgencyID: "pemda-33.74-perumahan"}, "", "id")
	if err != nil {
		t.Fatal(err)
	}
	code := f.Receipt.TrackingCode
	endOf := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 23, 59, 59, 0, calendar.WIB) }
	// Mon 17 Aug is a holiday: Tue 18, Wed 19, Thu 20.
	if got := f.Receipt.VerifyDueAt; !got.Equal(endOf(2026, 8, 20)) {
		t.Errorf("verification due %v, want the end of Thursday 20 August", got)
	}
	set(endOf(2026, 8, 20).Add(time.Second))
	if over, _ := svc.Overdue(ctx); over["pemda-33.74-perumahan"] != 1 {
		t.Errorf("overdue after the verification deadline: %v", over)
	}
	if err := testutil.GatherAndCompare(reg, strings.NewReader(`
# HELP lapor_reports_overdue Reports past the deadline of their current step, by the agency holding them (agencies with none are left out).
# TYPE lapor_reports_overdue gauge
lapor_reports_overdue{agency="pemda-33.74-perumahan"} 1
`), "lapor_reports_overdue"); err != nil {
		t.Error(err)
	}

	set(time.Date(2026, 8, 14, 11, 0, 0, 0, calendar.WIB))
	admin, agency := reports.Admin, reports.Viewer{Agency: "pemda-33.74-perhubungan"}
	sum, err := svc.Forward(ctx, admin, "admin", code, report.Forward{AgencyID: "pemda-33.74-perhubungan"}, "id")
	if err != nil {
		t.Fatal(err)
	}
	if got := *sum.FollowUpDueAt; !got.Equal(endOf(2026, 8, 24)) { // 18, 19, 20, 21, 24
		t.Errorf("follow-up due %v, want the end of Monday 24 August", got)
	}
	if _, err := svc.Answer(ctx, agency, "agency:pemda-33.74-perhubungan", code, report.Answer{Text: "Sudah kami perbaiki."}, "id"); err != nil {
		t.Fatal(err)
	}
	// Ten working days after Friday 14: 18–21, 24, 26–28, 31 August, 1 September.
	set(endOf(2026, 9, 1))
	if n, err := svc.CloseDue(ctx); err != nil || n != 0 {
		t.Fatalf("at the deadline: closed %d, %v", n, err)
	}
	set(endOf(2026, 9, 1).Add(time.Second))
	if n, err := svc.CloseDue(ctx); err != nil || n != 1 {
		t.Fatalf("after the deadline: closed %d, %v", n, err)
	}
	r, _ := store.ReportByCode(ctx, code)
	if r.Status != storage.StatusDone || r.CloseDueAt != nil {
		t.Errorf("after the close: %s, close due %v", r.Status, r.CloseDueAt)
	}
	if n, _ := svc.CloseDue(ctx); n != 0 {
		t.Errorf("a second sweep closed %d more", n)
	}
}

// TestAReplyStopsTheClock: a report whose reporter replied does not close
// by itself; the agency's next answer starts the ten days again.
func TestAReplyStopsTheClock(t *testing.T) {
	store := storagetest.SQLite(t)
	var mu sync.Mutex
	now := time.Date(2026, 11, 2, 9, 0, 0, 0, calendar.WIB)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	svc := reports.New(store, routing.NewRouter(model.DefaultClassifier(), store.Directory()), reports.WithClock(clock),
		reports.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	ctx, from := context.Background(), report.Contact{Channel: "sms", Address: "+6281200000099"}
	f, err := svc.File(ctx, reports.CallerAdmin, report.Request{Description: "Lampu jalan di depan rumah saya mati sudah dua minggu",
		RegionCode: "33.74", AgencyID: "pemda-33.74-perumahan", Source: "sms", Reporter: from}, "", "id")
	if err != nil {
		t.Fatal(err)
	}
	code, agency := f.Receipt.TrackingCode, reports.Viewer{Agency: "pemda-33.74-perumahan"}
	if _, err := svc.Answer(ctx, agency, "agency:x", code, report.Answer{Text: "Kami cek besok."}, "id"); err != nil {
		t.Fatal(err)
	}
	if err := svc.Reply(ctx, code, report.Reply{From: from, Text: "Belum ada yang datang"}); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	now = now.AddDate(0, 1, 0)
	mu.Unlock()
	if n, _ := svc.CloseDue(ctx); n != 0 {
		t.Errorf("a report waiting for the agency closed by itself")
	}
	if err := svc.Reply(ctx, code, report.Reply{From: from, Text: "halo?"}); err != nil {
		t.Errorf("a second reply: %v", err)
	}
	if f, _ := svc.Followup(ctx, code, from, "id"); !f.AwaitsReply || !strings.Contains(f.LatestAnswer, "cek besok") {
		t.Errorf("followup %+v", f)
	}
}
