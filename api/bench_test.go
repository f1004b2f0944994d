package api

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/sp4n-lapor/lapor/storage"
	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

// BenchmarkFileReport files reports through the whole API stack (JSON,
// validation, routing, one transaction) on each database.
func BenchmarkFileReport(b *testing.B) {
	for _, backend := range []struct {
		name string
		open func(testing.TB) *storage.Store
	}{{"sqlite", storagetest.SQLite}, {"postgres", storagetest.Postgres}} {
		b.Run(backend.name, func(b *testing.B) {
			ts := newTestServer(b, backend.open(b))
			i := 0
			for b.Loop() {
				i++
				r := ts.do("POST", "/api/v1/reports", goodReport, asAdmin("Idempotency-Key", fmt.Sprint("bench-", i))...)
				if r.Code != http.StatusCreated {
					b.Fatalf("= %d %s", r.Code, r.Body)
				}
			}
		})
	}
}

// BenchmarkTrackReport looks a report up by its code, as citizens do.
func BenchmarkTrackReport(b *testing.B) {
	ts := newTestServer(b, storagetest.SQLite(b))
	code := ts.do("POST", "/api/v1/reports", goodReport, asAdmin()...).json(b)["tracking_code"].(string)
	for b.Loop() {
		if r := ts.do("GET", "/api/v1/reports/"+code, ""); r.Code != http.StatusOK {
			b.Fatalf("= %d", r.Code)
		}
	}
}
