package api

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/sp4n-lapor/lapor/internal/ratelimit"
	"github.com/sp4n-lapor/lapor/internal/redistest"
	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

// TestLookupsAreRateLimited: one address may not try tracking codes at
// random; another address is not held back by it.
func TestLookupsAreRateLimited(t *testing.T) {
	ts := newTestServer(t, storagetest.SQLite(t))
	ts.srv.cfg.Lookups = ratelimit.New(redistest.Client(t, 8), "lapor:api:rate:test")
	ts.srv.cfg.TrustProxy = true
	var last response
	for i := range lookupsPerMinute + 1 {
		last = ts.do("GET", "/api/v1/reports/LPR-0000-"+strconv.Itoa(1000+i), "", "X-Forwarded-For", "203.0.113.7")
	}
	if last.Code != http.StatusTooManyRequests || last.Header.Get("Retry-After") == "" || last.errorCode(t) != "rate_limited" {
		t.Errorf("lookup %d = %d %s", lookupsPerMinute+1, last.Code, last.Body)
	}
	if r := ts.do("GET", "/api/v1/reports/LPR-0000-0000", "", "X-Forwarded-For", "203.0.113.8"); r.Code != http.StatusNotFound {
		t.Errorf("another address = %d", r.Code)
	}
}

// TestLookupWhileTheDatabaseIsDown: 503, to try again, not 500.
func TestLookupWhileTheDatabaseIsDown(t *testing.T) {
	ts := newTestServer(t, storagetest.SQLite(t))
	ts.store.Close()
	r := ts.do("GET", "/api/v1/reports/LPR-0000-0000", "")
	if r.Code != http.StatusServiceUnavailable || r.errorCode(t) != "unavailable" || r.Header.Get("Retry-After") == "" {
		t.Errorf("= %d %v %s", r.Code, r.Header, r.Body)
	}
}
