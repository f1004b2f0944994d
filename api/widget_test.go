package api

import (
	"net/http"
	"strings"
	"testing"

	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

func TestAdminSetsAWidget(t *testing.T) {
	eachServer(t, func(t *testing.T, ts *testServer) {
		body := `{"display_name":"Lapor Hendi","logo_url":"https://semarangkota.go.id/logo.png","color":"#0B5394",
			"greeting":"Halo warga Semarang!","allowed_origins":["https://lapor.semarangkota.go.id/","http://localhost:8080"]}`
		r := ts.do("PUT", "/api/v1/admin/agencies/pemda-33.74/widget", body, asAdmin()...)
		if r.Code != http.StatusOK {
			t.Fatalf("PUT = %d %s", r.Code, r.Body)
		}
		w := r.json(t)
		origins, _ := w["allowed_origins"].([]any)
		if w["color"] != "#0b5394" || w["display_name"] != "Lapor Hendi" || len(origins) != 2 || origins[0] != "https://lapor.semarangkota.go.id" {
			t.Errorf("widget = %v", w)
		}
		a, err := ts.store.Agency(t.Context(), "pemda-33.74")
		if err != nil || a.Widget.Greeting != "Halo warga Semarang!" || len(a.Widget.AllowedOrigins()) != 2 {
			t.Errorf("stored widget = %+v (%v)", a.Widget, err)
		}
	})
}

func TestWidgetSettingsErrors(t *testing.T) {
	ts := newTestServer(t, storagetest.SQLite(t))
	tests := []struct{ name, path, body string }{
		{"logo not https", "/api/v1/admin/agencies/kl-pln/widget", `{"logo_url":"http://x.example/l.png"}`},
		{"script logo", "/api/v1/admin/agencies/kl-pln/widget", `{"logo_url":"javascript:alert(1)"}`},
		{"bad colour", "/api/v1/admin/agencies/kl-pln/widget", `{"color":"red; background:url(x)"}`},
		{"origin with a path", "/api/v1/admin/agencies/kl-pln/widget", `{"allowed_origins":["https://pln.co.id/lapor"]}`},
		{"wildcard origin", "/api/v1/admin/agencies/kl-pln/widget", `{"allowed_origins":["*"]}`},
		{"plain http origin", "/api/v1/admin/agencies/kl-pln/widget", `{"allowed_origins":["http://pln.co.id"]}`},
		{"long greeting", "/api/v1/admin/agencies/kl-pln/widget", `{"greeting":"` + strings.Repeat("a", 501) + `"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := ts.do("PUT", tt.path, tt.body, asAdmin()...); r.Code != 422 || r.errorCode(t) != "validation_failed" {
				t.Errorf("= %d %s, want 422", r.Code, r.Body)
			}
		})
	}
	if r := ts.do("PUT", "/api/v1/admin/agencies/kl-nope/widget", `{}`, asAdmin()...); r.Code != 404 {
		t.Errorf("unknown agency = %d %s", r.Code, r.Body)
	}
	if r := ts.do("PUT", "/api/v1/admin/agencies/kl-pln/widget", `{}`); r.Code != 401 {
		t.Errorf("no token = %d", r.Code)
	}
}

func TestReportThroughAWidgetIsRoutedToItsRegion(t *testing.T) {
	ts := newTestServer(t, storagetest.SQLite(t))
	body := `{"description":"Jalan di depan rumah kami rusak berlubang parah, aspal mengelupas","source":"widget:pemda-33.74"}`
	r := ts.do("POST", "/api/v1/reports", body, asAdmin()...)
	if r.Code != http.StatusCreated {
		t.Fatalf("POST = %d %s", r.Code, r.Body)
	}
	if a := r.json(t)["agency"].(map[string]any); a["id"] != "pemda-33.74-pekerjaan-umum" {
		t.Errorf("routed to %v, want the public works of Kota Semarang", a)
	}
	r = ts.do("POST", "/api/v1/reports", `{"description":"Jalan rusak berlubang parah","source":"widget:kl-nope"}`, asAdmin()...)
	if r.Code != 422 || r.errorCode(t) != "validation_failed" {
		t.Errorf("unknown widget agency = %d %s", r.Code, r.Body)
	}
}
