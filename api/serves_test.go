package api

import (
	"net/http"
	"slices"
	"testing"
)

func TestAdminSetsWhatABodyServes(t *testing.T) {
	eachServer(t, func(t *testing.T, ts *testServer) {
		const report = `{"description":"Harga BBM solar di SPBU naik, nelayan kesulitan melaut"}`
		agencyOf := func(ts *testServer) any {
			t.Helper()
			r := ts.do("POST", "/api/v1/reports", report, asAdmin()...)
			if r.Code != http.StatusCreated {
				t.Fatalf("filing = %d %s", r.Code, r.Body)
			}
			a, _ := r.json(t)["agency"].(map[string]any)
			return a["id"]
		}
		if id := agencyOf(ts); id != "kl-pertamina" {
			t.Fatalf("before: diesel at a petrol station went to %v, want Pertamina", id)
		}
		// Emptied, Pertamina serves nothing in particular: the sector's
		// general body, the ministry, gets the report.
		r := ts.do("PUT", "/api/v1/admin/agencies/kl-pertamina/serves", `{"serves":[]}`, asAdmin()...)
		if r.Code != http.StatusOK || r.json(t)["serves"] != nil {
			t.Fatalf("PUT [] = %d %s", r.Code, r.Body)
		}
		// A router whose directory cache has not seen the old list.
		if id := agencyOf(newTestServer(t, ts.store)); id != "kl-esdm" {
			t.Errorf("emptied: the report went to %v, want the ministry", id)
		}
		r = ts.do("PUT", "/api/v1/admin/agencies/kl-pertamina/serves", `{"serves":["SPBU","Tabung  Gas!","spbu","BBM jln tol"],"central":true}`, asAdmin()...)
		if r.Code != http.StatusOK {
			t.Fatalf("PUT = %d %s", r.Code, r.Body)
		}
		b := r.json(t)
		var serves []string
		for _, p := range b["serves"].([]any) {
			serves = append(serves, p.(string))
		}
		if !slices.Equal(serves, []string{"spbu", "tabung gas", "bbm jalan tol"}) || b["central"] != true {
			t.Errorf("after PUT: serves %q, central %v", serves, b["central"])
		}
		if r := ts.do("GET", "/api/v1/agencies/kl-pertamina", ""); r.Code != 200 || len(r.json(t)["serves"].([]any)) != 3 {
			t.Errorf("GET = %d %s", r.Code, r.Body)
		}
		if id := agencyOf(newTestServer(t, ts.store)); id != "kl-pertamina" {
			t.Errorf("set again: the report went to %v, want Pertamina", id)
		}
		tests := []struct {
			name, path, body string
			code             int
			errCode          string
		}{
			{"unknown body", "/api/v1/admin/agencies/kl-nope/serves", `{"serves":[]}`, 404, "agency_not_found"},
			{"regional government", "/api/v1/admin/agencies/pemda-33.74/serves", `{"serves":["jalan"]}`, 422, "not_a_national_body"},
			{"the admin", "/api/v1/admin/agencies/admin-nasional/serves", `{"serves":[]}`, 422, "not_a_national_body"},
			{"no list", "/api/v1/admin/agencies/kl-pln/serves", `{"central":true}`, 422, "validation_failed"},
			{"no word", "/api/v1/admin/agencies/kl-pln/serves", `{"serves":["listrik","?!"]}`, 422, "validation_failed"},
			{"too long", "/api/v1/admin/agencies/kl-pln/serves", `{"serves":["listrik yang padam setiap malam di seluruh kota"]}`, 422, "validation_failed"},
			{"too many", "/api/v1/admin/agencies/kl-pln/serves", `{"serves":["a1","a2","a3","a4","a5","a6","a7","a8","a9","a10","a11","a12","a13","a14","a15","a16","a17","a18","a19","a20","a21"]}`, 422, "validation_failed"},
			{"unknown field", "/api/v1/admin/agencies/kl-pln/serves", `{"serves":[],"sectors":["energi"]}`, 400, ""},
		}
		for _, tt := range tests {
			r := ts.do("PUT", tt.path, tt.body, asAdmin()...)
			if r.Code != tt.code || (tt.errCode != "" && r.errorCode(t) != tt.errCode) {
				t.Errorf("%s = %d %s, want %d %s", tt.name, r.Code, r.Body, tt.code, tt.errCode)
			}
		}
		r = ts.do("PUT", "/api/v1/admin/agencies/kl-pln/serves", `{"serves":["listrik","?!"]}`, asAdmin()...)
		if f := r.json(t)["error"].(map[string]any)["fields"].([]any); len(f) != 1 || f[0].(map[string]any)["field"] != "serves[1]" {
			t.Errorf("the phrase without a word: fields %v", f)
		}
		if r := ts.do("PUT", "/api/v1/admin/agencies/kl-pln/serves", `{"serves":[]}`); r.Code != 401 {
			t.Errorf("no token = %d", r.Code)
		}
	})
}
