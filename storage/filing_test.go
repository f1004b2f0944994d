package storage_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/storage"
	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

func filing(key, hash string) storage.Filing {
	return storage.Filing{
		Report: &storage.Report{
			Type: storage.TypeComplaint, Title: "Jalan rusak", Description: "Jalan di depan SDN 3 Tembalang rusak parah",
			RegionCode: "33.74", Privacy: storage.PrivacyNormal, Source: "api:test",
			AgencyID: routing.NationalAdminID, Status: storage.StatusAwaitingVerification,
			VerifyDueAt: time.Now().Add(72 * time.Hour),
		},
		Events:    []storage.ReportEvent{{Kind: storage.EventRouted, Actor: "system", AgencyID: routing.NationalAdminID}},
		Actor:     "api:test",
		Principal: "app:test", Key: key, RequestHash: hash,
		Receipt: func(r *storage.Report) ([]byte, error) {
			return []byte(r.TrackingCode), nil
		},
	}
}

func countReports(t *testing.T, s *storage.Store) int64 {
	t.Helper()
	n, err := s.CountReports(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestFileAndLookUp(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, s *storage.Store) {
		ctx := context.Background()
		filed, err := s.File(ctx, filing("", ""))
		if err != nil {
			t.Fatal(err)
		}
		code := string(filed.Receipt)
		r, err := s.ReportByCode(ctx, code)
		if err != nil {
			t.Fatalf("ReportByCode(%s): %v", code, err)
		}
		if r.Description != "Jalan di depan SDN 3 Tembalang rusak parah" || r.Status != storage.StatusAwaitingVerification {
			t.Errorf("report = %+v", r)
		}
		events, err := s.ReportEvents(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(events) != 2 || events[0].Kind != storage.EventCreated || events[1].Kind != storage.EventRouted {
			t.Errorf("events = %+v, want created then routed", events)
		}
		if got := storage.DeriveStatus(events); got != r.Status {
			t.Errorf("status derived from events = %q, cached %q", got, r.Status)
		}
		if _, err := s.ReportByCode(ctx, "LPR-0000-0000"); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("unknown code: err = %v", err)
		}
	})
}

func TestFileRejectsStatusThatEventsDoNotGive(t *testing.T) {
	s := storagetest.SQLite(t)
	f := filing("", "")
	f.Report.Status = storage.StatusDone
	if _, err := s.File(context.Background(), f); err == nil {
		t.Fatal("filed a report whose status does not follow from its events")
	}
	if n := countReports(t, s); n != 0 {
		t.Errorf("%d reports left behind by a failed filing", n)
	}
}

func TestFileIdempotent(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, s *storage.Store) {
		ctx := context.Background()
		first, err := s.File(ctx, filing("k1", "h1"))
		if err != nil {
			t.Fatal(err)
		}
		again, err := s.File(ctx, filing("k1", "h1"))
		if err != nil {
			t.Fatal(err)
		}
		if !again.Replayed || string(again.Receipt) != string(first.Receipt) {
			t.Errorf("retry = %+v, want a replay of %s", again, first.Receipt)
		}
		if _, err := s.File(ctx, filing("k1", "other")); !errors.Is(err, storage.ErrIdempotencyMismatch) {
			t.Errorf("same key, other request: err = %v", err)
		}
		if n := countReports(t, s); n != 1 {
			t.Errorf("%d reports filed, want 1", n)
		}
	})
}

func TestFileIdempotentUnderConcurrency(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, s *storage.Store) {
		const n = 10
		var wg sync.WaitGroup
		bodies := make([]string, n)
		errs := make([]error, n)
		for i := range n {
			wg.Go(func() {
				filed, err := s.File(context.Background(), filing("same-key", "h"))
				bodies[i], errs[i] = string(filed.Receipt), err
			})
		}
		wg.Wait()
		for i := range n {
			if errs[i] != nil {
				t.Fatalf("request %d: %v", i, errs[i])
			}
			if bodies[i] != bodies[0] {
				t.Errorf("request %d got %s, request 0 got %s", i, bodies[i], bodies[0])
			}
		}
		if got := countReports(t, s); got != 1 {
			t.Errorf("%d reports filed by %d identical requests, want 1", got, n)
		}
		// Different keys file different reports.
		for i := range 3 {
			if _, err := s.File(context.Background(), filing(fmt.Sprint("key-", i), "h")); err != nil {
				t.Fatal(err)
			}
		}
		if got := countReports(t, s); got != 4 {
			t.Errorf("%d reports, want 4", got)
		}
	})
}
