package api

import (
	"net/http"
	"testing"
)

func TestAdminAddsABranch(t *testing.T) {
	eachServer(t, func(t *testing.T, ts *testServer) {
		body := `{"region_code":"34.71","name":"BPJS Kesehatan Kantor Cabang Yogyakarta"}`
		r := ts.do("POST", "/api/v1/admin/agencies/kl-bpjs-kesehatan/branches", body, asAdmin()...)
		if r.Code != http.StatusCreated {
			t.Fatalf("POST = %d %s", r.Code, r.Body)
		}
		if b := r.json(t); b["id"] != "kl-bpjs-kesehatan-34.71" || b["connected"] != false || b["parent_id"] != "kl-bpjs-kesehatan" {
			t.Errorf("branch = %v", b)
		}
		if r := ts.do("POST", "/api/v1/admin/agencies/kl-bpjs-kesehatan/branches", body, asAdmin()...); r.Code != http.StatusConflict {
			t.Errorf("the same branch again = %d %s", r.Code, r.Body)
		}
		// Once connected, a report of that region reaches it.
		ts.do("PATCH", "/api/v1/admin/agencies/kl-bpjs-kesehatan-34.71", `{"decree_on_file":true,"activated":true,"receives":"inbox"}`, asAdmin()...)
		fresh := newTestServer(t, ts.store) // a router whose directory cache has not seen the branch unconnected
		r = fresh.do("POST", "/api/v1/reports", `{"description":"Antrian BPJS Kesehatan sangat panjang dan kartu saya belum aktif","region_code":"34.71"}`, asAdmin()...)
		if a, _ := r.json(t)["agency"].(map[string]any); r.Code != http.StatusCreated || a["id"] != "kl-bpjs-kesehatan-34.71" {
			t.Errorf("a BPJS report from Kota Yogyakarta = %d %v, want the new branch", r.Code, a)
		}
		tests := []struct {
			name, path, body string
			code             int
			errCode          string
		}{
			{"unknown body", "/api/v1/admin/agencies/kl-nope/branches", body, 404, "agency_not_found"},
			{"regional government", "/api/v1/admin/agencies/pemda-33.74/branches", body, 422, "not_a_national_body"},
			{"the admin", "/api/v1/admin/agencies/admin-nasional/branches", body, 422, "not_a_national_body"},
			{"kecamatan", "/api/v1/admin/agencies/kl-pln/branches", `{"region_code":"33.74.01","name":"x"}`, 422, "validation_failed"},
			{"no name", "/api/v1/admin/agencies/kl-pln/branches", `{"region_code":"33.74"}`, 422, "validation_failed"},
		}
		for _, tt := range tests {
			if r := ts.do("POST", tt.path, tt.body, asAdmin()...); r.Code != tt.code || r.errorCode(t) != tt.errCode {
				t.Errorf("%s = %d %s, want %d %s", tt.name, r.Code, r.Body, tt.code, tt.errCode)
			}
		}
		if r := ts.do("POST", "/api/v1/admin/agencies/kl-pln/branches", body); r.Code != 401 {
			t.Errorf("no token = %d", r.Code)
		}
	})
}
