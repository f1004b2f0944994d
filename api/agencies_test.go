package api

import (
	"net/http"
	"testing"

	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

func TestListAgencies(t *testing.T) {
	eachServer(t, func(t *testing.T, ts *testServer) {
		tests := []struct {
			query     string
			wantTotal func(float64) bool
			firstID   string
		}{
			{"kind=provinsi", func(n float64) bool { return n == 38 }, "pemda-11"},
			{"kind=kabupaten&per_page=100", func(n float64) bool { return n == 416 }, "pemda-11.01"},
			{"kind=kota", func(n float64) bool { return n == 98 }, "pemda-11.71"},
			{"sector=jaminan-kesehatan", func(n float64) bool { return n == 4 }, "kl-bpjs-kesehatan"}, // and 3 branches
			{"region=33.74&sector=pekerjaan-umum", func(n float64) bool { return n == 1 }, "pemda-33.74-pekerjaan-umum"},
			{"region=35&kind=kota&connected=true", func(n float64) bool { return n == 1 }, "pemda-35.78"},
			{"q=BPJS", func(n float64) bool { return n == 6 }, "kl-bpjs-kesehatan"},
			{"region=33.74&sector=jaminan-kesehatan", func(n float64) bool { return n == 1 }, "kl-bpjs-kesehatan-33.74"},
			{"connected=false&kind=provinsi", func(n float64) bool { return n == 38-4 }, "pemda-11"},
		}
		for _, tt := range tests {
			r := ts.do("GET", "/api/v1/agencies?"+tt.query, "")
			if r.Code != http.StatusOK {
				t.Fatalf("%s = %d %s", tt.query, r.Code, r.Body)
			}
			page := r.json(t)
			items := page["items"].([]any)
			if !tt.wantTotal(page["total"].(float64)) || len(items) == 0 || items[0].(map[string]any)["id"] != tt.firstID {
				t.Errorf("%s: total %v, first %v", tt.query, page["total"], items[0])
			}
		}

		// Pages do not overlap and together hold everything.
		seen := map[string]bool{}
		for page := 1; page <= 2; page++ {
			items := ts.do("GET", "/api/v1/agencies?kind=provinsi&per_page=20&page="+string(rune('0'+page)), "").json(t)["items"].([]any)
			for _, it := range items {
				id := it.(map[string]any)["id"].(string)
				if seen[id] {
					t.Errorf("%s on two pages", id)
				}
				seen[id] = true
			}
		}
		if len(seen) != 38 {
			t.Errorf("two pages of 20 hold %d provinces, want 38", len(seen))
		}
	})
}

func TestAgencyEndpointsErrors(t *testing.T) {
	ts := newTestServer(t, storagetest.SQLite(t))
	for _, q := range []string{"per_page=0", "per_page=101", "page=0", "page=x", "connected=maybe"} {
		if r := ts.do("GET", "/api/v1/agencies?"+q, ""); r.Code != http.StatusBadRequest || r.errorCode(t) != "bad_query" {
			t.Errorf("%s = %d %s", q, r.Code, r.Body)
		}
	}
	if r := ts.do("GET", "/api/v1/agencies/kl-nope", ""); r.Code != http.StatusNotFound || r.errorCode(t) != "agency_not_found" {
		t.Errorf("unknown agency = %d %s", r.Code, r.Body)
	}
	r := ts.do("GET", "/api/v1/agencies/kl-pln", "")
	if r.Code != http.StatusOK || r.json(t)["name"] != "PT PLN (Persero)" {
		t.Errorf("GET kl-pln = %d %s", r.Code, r.Body)
	}
}

// TestQueryWithANulByte: a query a database cannot keep is 400, not 500.
func TestQueryWithANulByte(t *testing.T) {
	ts := newTestServer(t, storagetest.SQLite(t))
	for _, path := range []string{"/api/v1/agencies?sector=%00", "/api/v1/agencies?q=%ff%fe", "/api/v1/reports/LPR-0000-0000?x=%00"} {
		if r := ts.do("GET", path, ""); r.Code != 400 || r.errorCode(t) != "bad_query" {
			t.Errorf("GET %s = %d %s", path, r.Code, r.Body)
		}
	}
}
