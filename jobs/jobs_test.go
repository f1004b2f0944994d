package jobs_test

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/sp4n-lapor/lapor/jobs"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/reports"
	"github.com/sp4n-lapor/lapor/reports/reportstest"
	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/routing/model"
	"github.com/sp4n-lapor/lapor/storage"
	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// TestTwoSchedulersCloseEachReportOnce runs two job queues, as two
// processes would, against one database: the answered reports whose time
// ran out are each closed once, and each reporter told once.
func TestTwoSchedulersCloseEachReportOnce(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, store *storage.Store) {
		ctx := context.Background()
		db, err := store.SQL()
		if err != nil {
			t.Fatal(err)
		}
		if err := jobs.Migrate(ctx, db, store.Dialect()); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
		clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
		sent := &reportstest.Told{}
		svc := reports.New(store, routing.NewRouter(model.DefaultClassifier(), store.Directory()),
			reports.WithLogger(quiet), reports.WithClock(clock), reports.WithNotifier(sent))
		var codes []string
		for i := range 3 {
			f, err := svc.File(ctx, reports.CallerAdmin, report.Request{
				Description: "Lampu jalan di depan rumah saya mati sudah dua minggu", RegionCode: "33.74",
				AgencyID: "pemda-33.74-perumahan", Source: "sms",
				Reporter: report.Contact{Channel: "sms", Address: "+62812000000" + string(rune('1'+i))},
			}, "", "id")
			if err != nil {
				t.Fatal(err)
			}
			agency := reports.Viewer{Agency: "pemda-33.74-perumahan"}
			if _, err := svc.Answer(ctx, agency, "agency:pemda-33.74-perumahan", f.Receipt.TrackingCode, report.Answer{Text: "Sudah kami perbaiki."}, "id"); err != nil {
				t.Fatal(err)
			}
			codes = append(codes, f.Receipt.TrackingCode)
		}
		mu.Lock()
		now = now.AddDate(0, 0, 15) // past 10 working days
		mu.Unlock()

		runCtx, stop := context.WithCancel(ctx)
		defer stop()
		var queues []*jobs.Queue
		for range 2 {
			q, err := jobs.Start(runCtx, db, store.Dialect(), svc.Sweep, time.Hour, quiet)
			if err != nil {
				t.Fatal(err)
			}
			queues = append(queues, q)
		}
		deadline := time.Now().Add(30 * time.Second)
		for sent.Count("tidak ada tanggapan") < len(codes) && time.Now().Before(deadline) {
			time.Sleep(100 * time.Millisecond)
		}
		time.Sleep(2 * time.Second) // the other scheduler's chance to act twice
		for _, q := range queues {
			stopCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
			if err := q.Stop(stopCtx); err != nil {
				t.Error(err)
			}
			cancel()
		}
		if n := sent.Count("tidak ada tanggapan"); n != len(codes) {
			t.Errorf("reporters were told of an automatic close %d times, want %d", n, len(codes))
		}
		for _, code := range codes {
			r, err := store.ReportByCode(ctx, code)
			if err != nil {
				t.Fatal(err)
			}
			events, _ := store.ReportEvents(ctx, r.ID)
			closes := 0
			for _, e := range events {
				if e.Kind == storage.EventStatusChanged && e.Status == storage.StatusDone && e.Actor == reports.BySystem {
					closes++
				}
			}
			if r.Status != storage.StatusDone || closes != 1 {
				t.Errorf("%s: status %s, closed %d times", code, r.Status, closes)
			}
		}
	})
}

// TestMigrateTogether: processes starting together migrate the job queue
// one at a time, and all succeed.
func TestMigrateTogether(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, store *storage.Store) {
		db, err := store.SQL()
		if err != nil {
			t.Fatal(err)
		}
		errs := make(chan error, 3)
		for range 3 {
			go func() { errs <- jobs.Migrate(context.Background(), db, store.Dialect()) }()
		}
		for range 3 {
			if err := <-errs; err != nil {
				t.Error(err)
			}
		}
	})
}
