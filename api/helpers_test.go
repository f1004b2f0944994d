package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sp4n-lapor/lapor/reports"
	"github.com/sp4n-lapor/lapor/reports/reportstest"
	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/routing/model"
	"github.com/sp4n-lapor/lapor/storage"
	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

const testAdminToken = "test-admin-token"

// testServer is an API over a real store, called in-process.
type testServer struct {
	t     testing.TB
	srv   *Server
	store *storage.Store
	sent  *reportstest.Told // what the report service told reporters
	data  string            // the data directory, where attachments are
}

func newTestServer(t testing.TB, store *storage.Store) *testServer {
	t.Helper()
	quiet, reg, sent := slog.New(slog.NewTextHandler(io.Discard, nil)), prometheus.NewRegistry(), &reportstest.Told{}
	router := routing.NewRouter(model.DefaultClassifier(), store.Directory())
	data := t.TempDir()
	srv := New(Config{
		Store: store, AdminToken: testAdminToken, PublicURL: "https://lapor.test", DataDir: data,
		Reports: reports.New(store, router, reports.WithPublicURL("https://lapor.test"), reports.WithLogger(quiet),
			reports.WithRegistry(reg), reports.WithNotifier(sent), reports.WithDataDir(data)),
		Logger: quiet, Registry: reg,
		Ready: map[string]func(context.Context) error{"database": store.Ping},
	})
	return &testServer{t: t, srv: srv, store: store, sent: sent, data: data}
}

// eachServer runs fn against a server on every available database.
func eachServer(t *testing.T, fn func(t *testing.T, ts *testServer)) {
	storagetest.Each(t, func(t *testing.T, s *storage.Store) { fn(t, newTestServer(t, s)) })
}

type response struct {
	Code   int
	Header http.Header
	Body   []byte
}

func (r response) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("response %d is not JSON: %v\n%s", r.Code, err, r.Body)
	}
	return m
}

// errorCode is the error.code of an error response.
func (r response) errorCode(t testing.TB) string {
	t.Helper()
	e, _ := r.json(t)["error"].(map[string]any)
	code, _ := e["code"].(string)
	return code
}

// do sends a request; headers alternate name, value.
func (ts *testServer) do(method, path, body string, headers ...string) response {
	ts.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = bytes.NewBufferString(body)
	}
	req := httptest.NewRequest(method, path, rd)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	ts.srv.Handler().ServeHTTP(rec, req)
	return response{Code: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
}

func bearer(token string) []string { return []string{"Authorization", "Bearer " + token} }

func asAdmin(headers ...string) []string { return append(bearer(testAdminToken), headers...) }

func (ts *testServer) countReports() int64 {
	ts.t.Helper()
	n, err := ts.store.CountReports(context.Background())
	if err != nil {
		ts.t.Fatal(err)
	}
	return n
}

// newKey makes an API key through the admin API.
func (ts *testServer) newKey(path string) string {
	ts.t.Helper()
	r := ts.do("POST", path, `{"label":"test"}`, asAdmin()...)
	if r.Code != http.StatusCreated {
		ts.t.Fatalf("POST %s = %d %s", path, r.Code, r.Body)
	}
	return r.json(ts.t)["key"].(string)
}
