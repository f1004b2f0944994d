package api

import (
	"net/http"
	"strings"
	"testing"

	"github.com/sp4n-lapor/lapor/storage"
	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

func TestAdminConnectsAnAgency(t *testing.T) {
	eachServer(t, func(t *testing.T, ts *testServer) {
		before := ts.do("GET", "/api/v1/admin/connectivity", "", asAdmin()...).json(t)
		connected := before["overall"].(map[string]any)["connected"].(float64)
		if before["target"].(map[string]any)["min"] != 500.0 || before["short_of_min"] != 500-connected {
			t.Errorf("connectivity = %v", before)
		}

		body := `{"decree_on_file":true,"decree_number":"SK Wali Kota Yogyakarta No. 12/2026","activated":true,"receives":"webhook","webhook_url":"https://jogjasmartservice.example/lapor"}`
		r := ts.do("PATCH", "/api/v1/admin/agencies/pemda-34.71", body, asAdmin()...)
		if r.Code != http.StatusOK {
			t.Fatalf("PATCH = %d %s", r.Code, r.Body)
		}
		a := r.json(t)
		if a["connected"] != true || a["webhook_url"] != "https://jogjasmartservice.example/lapor" {
			t.Errorf("after PATCH: %v", a)
		}
		if pub := ts.do("GET", "/api/v1/agencies/pemda-34.71", "").json(t); pub["webhook_url"] != nil || pub["connected"] != true {
			t.Errorf("public view of a connected agency: %v", pub)
		}
		unit := ts.do("GET", "/api/v1/agencies/pemda-34.71-kesehatan", "").json(t)
		if unit["connected"] != true {
			t.Errorf("the units of a connected government are not connected: %v", unit)
		}
		after := ts.do("GET", "/api/v1/admin/connectivity", "", asAdmin()...).json(t)
		if got := after["overall"].(map[string]any)["connected"].(float64); got != connected+1 {
			t.Errorf("connected went from %v to %v, want one more", connected, got)
		}
		for _, p := range after["provinces"].([]any) {
			if p := p.(map[string]any); p["province_code"] == "34" && p["connected"] != 1.0 {
				t.Errorf("DI Yogyakarta = %v", p)
			}
		}
	})
}

func TestAdminErrors(t *testing.T) {
	ts := newTestServer(t, storagetest.SQLite(t))
	app := ts.newKey("/api/v1/admin/apps/sapawarga/keys")
	tests := []struct {
		name, method, path, body string
		headers                  []string
		code                     int
		errCode                  string
	}{
		{"no token", "GET", "/api/v1/admin/connectivity", "", nil, 401, "unauthorized"},
		{"app key", "GET", "/api/v1/admin/connectivity", "", bearer(app), 403, "forbidden"},
		{"wrong admin token", "GET", "/api/v1/admin/connectivity", "", bearer(testAdminToken + "x"), 401, "unauthorized"},
		{"key for unknown agency", "POST", "/api/v1/admin/agencies/kl-nope/keys", "", asAdmin(), 404, "agency_not_found"},
		{"bad app name", "POST", "/api/v1/admin/apps/Bad%20Name/keys", "", asAdmin(), 422, "validation_failed"},
		{"patch unknown agency", "PATCH", "/api/v1/admin/agencies/kl-nope", `{"activated":true}`, asAdmin(), 404, "agency_not_found"},
		{"bad receives", "PATCH", "/api/v1/admin/agencies/kl-pln", `{"receives":"fax"}`, asAdmin(), 422, "validation_failed"},
		{"bad webhook", "PATCH", "/api/v1/admin/agencies/kl-pln", `{"webhook_url":"javascript:alert(1)"}`, asAdmin(), 422, "validation_failed"},
		{"webhook without url", "PATCH", "/api/v1/admin/agencies/kl-pln", `{"receives":"webhook"}`, asAdmin(), 422, "validation_failed"},
		{"patch unknown field", "PATCH", "/api/v1/admin/agencies/kl-pln", `{"name":"x"}`, asAdmin(), 400, "bad_json"},
		{"wrong method", "DELETE", "/api/v1/agencies/kl-pln", "", nil, 405, "method_not_allowed"},
		{"unknown path", "GET", "/api/v2/reports", "", nil, 404, "not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ts.do(tt.method, tt.path, tt.body, tt.headers...)
			if r.Code != tt.code || r.errorCode(t) != tt.errCode {
				t.Errorf("= %d %s; want %d %s", r.Code, r.Body, tt.code, tt.errCode)
			}
		})
	}
	if a := ts.do("GET", "/api/v1/agencies/kl-pln", "").json(t); a["connected"] != true {
		t.Errorf("a refused PATCH changed PLN: %v", a)
	}
}

func TestReportMessageLog(t *testing.T) {
	ts := newTestServer(t, storagetest.SQLite(t))
	body := strings.Replace(goodReport, `"source": "sms"`, `"source": "sms", "conversation_id": "c0ffee"`, 1)
	code := ts.do("POST", "/api/v1/reports", body, asAdmin()...).json(t)["tracking_code"].(string)
	sent := storage.Message{OutboundID: "m1", Conversation: "c0ffee", Channel: "sms", Recipient: "+6281234567890",
		Text: "Laporan terkirim", ProviderID: "SM1"}
	if err := ts.store.LogSent(t.Context(), sent); err != nil {
		t.Fatal(err)
	}
	if err := ts.store.LogDelivery(t.Context(), "m1", "delivered", ""); err != nil {
		t.Fatal(err)
	}
	r := ts.do("GET", "/api/v1/admin/reports/"+code+"/messages", "", asAdmin()...)
	msgs, _ := r.json(t)["messages"].([]any)
	if r.Code != http.StatusOK || len(msgs) != 1 || msgs[0].(map[string]any)["status"] != "delivered" {
		t.Errorf("message log = %d %s", r.Code, r.Body)
	}
	if r := ts.do("GET", "/api/v1/admin/reports/"+code+"/messages", ""); r.Code != http.StatusUnauthorized {
		t.Errorf("message log without a key: %d", r.Code)
	}
	if r := ts.do("GET", "/api/v1/admin/reports/LPR-0000-0000/messages", "", asAdmin()...); r.Code != http.StatusNotFound {
		t.Errorf("message log of an unknown report: %d", r.Code)
	}
}

func TestKeysAreShownOnceAndWork(t *testing.T) {
	ts := newTestServer(t, storagetest.SQLite(t))
	r := ts.do("POST", "/api/v1/admin/agencies/kl-pln/keys", "", asAdmin()...)
	if r.Code != http.StatusCreated || r.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("= %d %v %s", r.Code, r.Header, r.Body)
	}
	k := r.json(t)
	key := k["key"].(string)
	if k["scope"] != "agency:kl-pln" || !strings.HasPrefix(key, "lpr_") || !strings.HasPrefix(key, k["hint"].(string)) {
		t.Errorf("key = %v", k)
	}
	if _, err := ts.store.APIKeyByToken(t.Context(), key); err != nil {
		t.Errorf("the new key does not authenticate: %v", err)
	}
	listed := ts.do("GET", "/api/v1/agencies/kl-pln", "")
	if strings.Contains(string(listed.Body), key) {
		t.Error("the key shows in the agency view")
	}
}
