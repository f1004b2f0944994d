package api

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

func TestHealthAndReadiness(t *testing.T) {
	store := storagetest.SQLite(t)
	ts := newTestServer(t, store)
	if r := ts.do("GET", "/healthz", ""); r.Code != http.StatusOK {
		t.Errorf("healthz = %d", r.Code)
	}
	if r := ts.do("GET", "/readyz", ""); r.Code != http.StatusOK {
		t.Errorf("readyz = %d %s", r.Code, r.Body)
	}

	down := New(Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Ready: map[string]func(context.Context) error{
		"database": store.Ping,
		"redis":    func(context.Context) error { return errors.New("dial tcp 127.0.0.1:6379: connection refused") },
	}})
	ts.srv = down
	r := ts.do("GET", "/readyz", "")
	if r.Code != http.StatusServiceUnavailable || !strings.Contains(string(r.Body), "connection refused") ||
		r.json(t)["checks"].(map[string]any)["database"] != "ok" {
		t.Errorf("readyz with Redis down = %d %s", r.Code, r.Body)
	}
}

func TestMetrics(t *testing.T) {
	ts := newTestServer(t, storagetest.SQLite(t))
	ts.do("POST", "/api/v1/reports", goodReport, asAdmin()...)
	ts.do("GET", "/api/v1/reports/LPR-0000-0000", "")
	body := string(ts.do("GET", "/metrics", "").Body)
	for _, want := range []string{
		`lapor_reports_filed_total{source="sms",type="pengaduan"} 1`,
		`lapor_http_requests_total{code="404",method="GET",route="/api/v1/reports/:code"} 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}
