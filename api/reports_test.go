package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

const goodReport = `{
  "type": "pengaduan",
  "description": "Jalan di depan SDN 3 Tembalang rusak parah sejak bulan lalu, banyak motor jatuh",
  "region_code": "33.74",
  "location": {"text": "Jl. Sirojudin, Tembalang", "latitude": -7.05, "longitude": 110.44},
  "incident_date": "2026-10-01",
  "reporter": {"name": "Budi Santoso", "channel": "sms", "address": "+6281234567890", "phone": "+6281299990000"},
  "source": "sms"
}`

func TestFileAndTrackReport(t *testing.T) {
	eachServer(t, func(t *testing.T, ts *testServer) {
		r := ts.do("POST", "/api/v1/reports", goodReport, asAdmin()...)
		if r.Code != http.StatusCreated {
			t.Fatalf("POST /reports = %d %s", r.Code, r.Body)
		}
		filed := r.json(t)
		code := filed["tracking_code"].(string)
		if filed["status"] != "menunggu_verifikasi" || filed["agency"].(map[string]any)["id"] != "pemda-33.74-pekerjaan-umum" {
			t.Errorf("filed = %v", filed)
		}
		routing := filed["routing"].(map[string]any)
		if routing["sector"] != "pekerjaan-umum" || routing["fallback"] != nil || len(routing["alternatives"].([]any)) != 3 {
			t.Errorf("routing = %v, want public works, no fallback, 3 alternatives", routing)
		}
		if filed["url"] != "https://lapor.test/api/v1/reports/"+code {
			t.Errorf("url = %v", filed["url"])
		}

		// Lookups ignore case and dashes.
		for _, typed := range []string{code, strings.ToLower(code), strings.ReplaceAll(code, "-", "")} {
			g := ts.do("GET", "/api/v1/reports/"+typed, "")
			if g.Code != http.StatusOK {
				t.Fatalf("GET %s = %d %s", typed, g.Code, g.Body)
			}
			view := g.json(t)
			if view["tracking_code"] != code || view["region_name"] != "Tembalang, Kota Semarang" || view["status_label"] != "Menunggu verifikasi" {
				t.Errorf("public view = %v", view)
			}
			for _, secret := range []string{"Budi", "6281234567890", "6281299990000", "reporter", "sms"} {
				if strings.Contains(string(g.Body), secret) {
					t.Errorf("public view shows %q: %s", secret, g.Body)
				}
			}
			if tl := view["timeline"].([]any); len(tl) != 2 {
				t.Errorf("timeline = %v, want created and routed", tl)
			}
		}
		en := ts.do("GET", "/api/v1/reports/"+code, "", "Accept-Language", "en")
		if got := en.json(t)["status_label"]; got != "Awaiting verification" {
			t.Errorf("English status label = %v", got)
		}
	})
}

func TestIdempotencyKey(t *testing.T) {
	eachServer(t, func(t *testing.T, ts *testServer) {
		first := ts.do("POST", "/api/v1/reports", goodReport, asAdmin("Idempotency-Key", "conv-42-1")...)
		again := ts.do("POST", "/api/v1/reports", goodReport, asAdmin("Idempotency-Key", "conv-42-1")...)
		if first.Code != http.StatusCreated || again.Code != http.StatusCreated {
			t.Fatalf("codes %d, %d", first.Code, again.Code)
		}
		if string(first.Body) != string(again.Body) || again.Header.Get("Idempotent-Replayed") != "true" {
			t.Errorf("retry answered %s, first %s", again.Body, first.Body)
		}
		other := strings.Replace(goodReport, "parah", "sekali", 1)
		if r := ts.do("POST", "/api/v1/reports", other, asAdmin("Idempotency-Key", "conv-42-1")...); r.Code != http.StatusUnprocessableEntity || r.errorCode(t) != "idempotency_key_reused" {
			t.Errorf("same key, other body = %d %s", r.Code, r.Body)
		}
		// Keys belong to their caller: an app may use the same key.
		app := ts.newKey("/api/v1/admin/apps/lapor-semarang/keys")
		appReport := strings.Replace(goodReport, `"source": "sms"`, `"source": "api:lapor-semarang"`, 1)
		if r := ts.do("POST", "/api/v1/reports", appReport, append(bearer(app), "Idempotency-Key", "conv-42-1")...); r.Code != http.StatusCreated {
			t.Errorf("app with the admin's key = %d %s", r.Code, r.Body)
		}
		if n := ts.countReports(); n != 2 {
			t.Errorf("%d reports filed, want 2", n)
		}
	})
}

func TestIdempotencyKeyConcurrent(t *testing.T) {
	eachServer(t, func(t *testing.T, ts *testServer) {
		var wg sync.WaitGroup
		bodies := make([]string, 8)
		for i := range bodies {
			wg.Go(func() {
				r := ts.do("POST", "/api/v1/reports", goodReport, asAdmin("Idempotency-Key", "retry-storm")...)
				bodies[i] = string(r.Body)
			})
		}
		wg.Wait()
		for i := range bodies {
			if bodies[i] != bodies[0] {
				t.Errorf("request %d answered %s, request 0 %s", i, bodies[i], bodies[0])
			}
		}
		if n := ts.countReports(); n != 1 {
			t.Errorf("%d reports filed by one retried request", n)
		}
	})
}

func TestBadReportRequests(t *testing.T) {
	ts := newTestServer(t, storagetest.SQLite(t))
	agencyKey := ts.newKey("/api/v1/admin/agencies/pemda-33.74/keys")
	appKey := ts.newKey("/api/v1/admin/apps/sapawarga/keys")
	huge := `{"type":"pengaduan","description":"` + strings.Repeat("a", DefaultBodyLimit) + `"}`
	tests := []struct {
		name    string
		body    string
		headers []string
		code    int
		errCode string
		field   string
	}{
		{"no key", goodReport, nil, 401, "unauthorized", ""},
		{"unknown key", goodReport, bearer("lpr_0000"), 401, "unauthorized", ""},
		{"agency key may not file", goodReport, bearer(agencyKey), 403, "forbidden", ""},
		{"text body", goodReport, asAdmin("Content-Type", "text/plain"), 415, "unsupported_media_type", ""},
		{"too large", huge, asAdmin(), 413, "body_too_large", ""},
		{"broken JSON", `{"type":`, asAdmin(), 400, "bad_json", ""},
		{"unknown field", `{"type":"pengaduan","description":"jalan rusak parah","nik":"3374"}`, asAdmin(), 400, "bad_json", ""},
		{"two values", goodReport + goodReport, asAdmin(), 400, "bad_json", ""},
		{"wrong JSON type", `{"type":1,"description":"jalan rusak parah"}`, asAdmin(), 400, "bad_json", ""},
		{"bad idempotency key", goodReport, asAdmin("Idempotency-Key", "has space"), 400, "bad_idempotency_key", ""},
		{"bad type", `{"type":"keluhan","description":"jalan rusak parah sekali"}`, asAdmin(), 422, "validation_failed", "type"},
		{"short description", `{"type":"pengaduan","description":"rusak"}`, asAdmin(), 422, "validation_failed", "description"},
		{"blank description", `{"type":"pengaduan","description":"          "}`, asAdmin(), 422, "validation_failed", "description"},
		{"bad privacy", `{"type":"pengaduan","description":"jalan rusak parah","privacy":"publik"}`, asAdmin(), 422, "validation_failed", "privacy"},
		{"unknown sector", `{"type":"pengaduan","description":"jalan rusak parah","sector":"jalan"}`, asAdmin(), 422, "validation_failed", "sector"},
		{"unknown region", `{"type":"pengaduan","description":"jalan rusak parah","region_code":"33.99"}`, asAdmin(), 422, "validation_failed", "region_code"},
		{"future incident", `{"type":"pengaduan","description":"jalan rusak parah","incident_date":"2999-01-01"}`, asAdmin(), 422, "validation_failed", "incident_date"},
		{"bad date", `{"type":"pengaduan","description":"jalan rusak parah","incident_date":"12/01/2026"}`, asAdmin(), 422, "validation_failed", "incident_date"},
		{"year one", `{"type":"pengaduan","description":"jalan rusak parah","incident_date":"0001-01-01"}`, asAdmin(), 422, "validation_failed", "incident_date"},
		{"latitude alone", `{"type":"pengaduan","description":"jalan rusak parah","location":{"latitude":-7}}`, asAdmin(), 422, "validation_failed", "location"},
		{"latitude out of range", `{"type":"pengaduan","description":"jalan rusak parah","location":{"latitude":-97,"longitude":110}}`, asAdmin(), 422, "validation_failed", "location.latitude"},
		{"address without channel", `{"type":"pengaduan","description":"jalan rusak parah","reporter":{"address":"+628123"}}`, asAdmin(), 422, "validation_failed", "reporter.channel"},
		{"bad source", `{"type":"pengaduan","description":"jalan rusak parah","source":"fax"}`, asAdmin(), 422, "validation_failed", "source"},
		{"bad phone", `{"type":"pengaduan","description":"jalan rusak parah","reporter":{"phone":"call me"}}`, asAdmin(), 422, "validation_failed", "reporter.phone"},
		{"app posing as sms", `{"type":"pengaduan","description":"jalan rusak parah","source":"sms"}`, bearer(appKey), 422, "validation_failed", "source"},
		{"unknown agency", `{"type":"pengaduan","description":"jalan rusak parah","agency_id":"kl-nope"}`, asAdmin(), 422, "validation_failed", "agency_id"},
		{"NUL in the description", `{"description":"jalan rusak\u0000 parah"}`, asAdmin(), 422, "validation_failed", "description"},
		{"NUL in the name", `{"description":"jalan rusak parah","reporter":{"name":"Budi\u0000"}}`, asAdmin(), 422, "validation_failed", "reporter.name"},
		{"name too long", `{"description":"jalan rusak parah","reporter":{"name":"` + strings.Repeat("a", report.MaxName+1) + `"}}`, asAdmin(), 422, "validation_failed", "reporter.name"},
		{"eleven files", `{"description":"jalan rusak parah","attachments":[` + strings.Repeat(`{"content_type":"image/jpeg","size":1,"sha256":"`+strings.Repeat("a", 64)+`"},`, 10) + `{"content_type":"image/jpeg","size":1,"sha256":"` + strings.Repeat("a", 64) + `"}]}`, asAdmin(), 422, "validation_failed", "attachments"},
		{"app naming a routing decision", `{"description":"jalan rusak parah","routing":{"agency":{"id":"admin-nasional","name":"x"},"confidence":1}}`, bearer(appKey), 422, "validation_failed", "routing"},
		{"routing to an unknown agency", `{"description":"jalan rusak parah","routing":{"agency":{"id":"kl-nope","name":"x"},"confidence":1}}`, asAdmin(), 422, "validation_failed", "routing.agency.id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ts.do("POST", "/api/v1/reports", tt.body, tt.headers...)
			if r.Code != tt.code || r.errorCode(t) != tt.errCode {
				t.Fatalf("= %d %s; want %d %s", r.Code, r.Body, tt.code, tt.errCode)
			}
			if msg := r.json(t)["error"].(map[string]any)["message"]; msg == "" {
				t.Error("error without a message")
			}
			if tt.field != "" && !strings.Contains(string(r.Body), `"field":"`+tt.field+`"`) {
				t.Errorf("error does not name the field %s: %s", tt.field, r.Body)
			}
		})
	}
	if n := ts.countReports(); n != 0 {
		t.Errorf("%d reports filed by bad requests", n)
	}
}

func TestAppReportsCarryTheirSource(t *testing.T) {
	ts := newTestServer(t, storagetest.SQLite(t))
	key := ts.newKey("/api/v1/admin/apps/sapawarga/keys")
	body := `{"description":"Mohon taman kota ditambah lampu","privacy":"rahasia","agency_id":"pemda-32.73-perumahan"}`
	r := ts.do("POST", "/api/v1/reports", body, bearer(key)...)
	if r.Code != http.StatusCreated {
		t.Fatalf("= %d %s", r.Code, r.Body)
	}
	code := r.json(t)["tracking_code"].(string)
	if got := r.json(t)["agency"].(map[string]any)["name"]; got != "Dinas Perumahan dan Kawasan Permukiman Kota Bandung" {
		t.Errorf("agency = %v", got)
	}
	rep, err := ts.store.ReportByCode(t.Context(), code)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Source != "api:sapawarga" || rep.Title != "Mohon taman kota ditambah lampu" || rep.Type == "" || rep.Sector == "" {
		t.Errorf("stored report source %q, title %q, type %q, sector %q", rep.Source, rep.Title, rep.Type, rep.Sector)
	}
	view := ts.do("GET", "/api/v1/reports/"+code, "").json(t)
	if _, shown := view["title"]; shown {
		t.Errorf("a rahasia report shows its title publicly: %v", view)
	}
}

func TestRoutingFillsWhatTheFilerLeftOut(t *testing.T) {
	ts := newTestServer(t, storagetest.SQLite(t))
	body := `{"description":"Bagaimana cara mendaftar BPJS Kesehatan mandiri untuk keluarga saya?"}`
	r := ts.do("POST", "/api/v1/reports", body, asAdmin()...)
	if r.Code != http.StatusCreated {
		t.Fatalf("= %d %s", r.Code, r.Body)
	}
	got := r.json(t)
	if got["type"] != "informasi" || got["agency"].(map[string]any)["id"] != "kl-bpjs-kesehatan" {
		t.Errorf("filed %v, want a request for information to BPJS Kesehatan", got)
	}
	rep, err := ts.store.ReportByCode(t.Context(), got["tracking_code"].(string))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Sector != "jaminan-kesehatan" || rep.RoutingConfidence <= 0 || rep.RoutingAlternatives == "" || rep.RoutingWords == "" {
		t.Errorf("the routing result is not stored with the report: %+v", rep)
	}
}

func TestUnknownTrackingCode(t *testing.T) {
	ts := newTestServer(t, storagetest.SQLite(t))
	for _, code := range []string{"LPR-0000-0000", "not-a-code", "LPR-UUUU-UUUU"} {
		r := ts.do("GET", "/api/v1/reports/"+code, "")
		if r.Code != http.StatusNotFound || r.errorCode(t) != "report_not_found" {
			t.Errorf("GET %s = %d %s", code, r.Code, r.Body)
		}
	}
}

func TestFilingSaysWhichKabKotaANameCouldBe(t *testing.T) {
	ts := newTestServer(t, storagetest.SQLite(t))
	r := ts.do("POST", "/api/v1/reports", `{"description":"Jalan rusak berlubang di Bogor, aspal mengelupas"}`, asAdmin()...)
	if r.Code != http.StatusCreated {
		t.Fatalf("= %d %s", r.Code, r.Body)
	}
	routed := r.json(t)["routing"].(map[string]any)
	if routed["region_code"] != "32.71" || fmt.Sprint(routed["region_candidates"]) != "[32.01 32.71]" {
		t.Errorf("routing = %v, want Kota Bogor with both Bogors as candidates", routed)
	}
}

// TestPreviewThenFile: a previewed decision, filed with the report, is where
// the report goes, as it was shown; previewing files nothing.
func TestPreviewThenFile(t *testing.T) {
	eachServer(t, func(t *testing.T, ts *testServer) {
		p := ts.do("POST", "/api/v1/reports/preview", goodReport, asAdmin()...)
		if p.Code != http.StatusOK {
			t.Fatalf("preview = %d %s", p.Code, p.Body)
		}
		if n := ts.countReports(); n != 0 {
			t.Fatalf("a preview filed %d reports", n)
		}
		var d report.Routing
		if err := json.Unmarshal(p.Body, &d); err != nil || d.Agency.ID != "pemda-33.74-pekerjaan-umum" {
			t.Fatalf("preview = %s (%v)", p.Body, err)
		}
		// The directory or the model may change before the citizen confirms:
		// the report goes where it was shown all the same.
		d.Agency = report.Agency{ID: "pemda-33.74", Name: "Pemerintah Kota Semarang"}
		var body map[string]any
		_ = json.Unmarshal([]byte(goodReport), &body)
		body["routing"] = d
		b, _ := json.Marshal(body)
		r := ts.do("POST", "/api/v1/reports", string(b), asAdmin()...)
		if r.Code != http.StatusCreated {
			t.Fatalf("file = %d %s", r.Code, r.Body)
		}
		rep, err := ts.store.ReportByCode(t.Context(), r.json(t)["tracking_code"].(string))
		if err != nil {
			t.Fatal(err)
		}
		if rep.AgencyID != "pemda-33.74" || rep.Sector != d.Sector || rep.RoutingConfidence != d.Confidence {
			t.Errorf("filed to %s, sector %s, confidence %v; shown %+v", rep.AgencyID, rep.Sector, rep.RoutingConfidence, d)
		}
	})
}

// TestPublicViewHidesWhoReported: whatever the citizen typed about
// themselves stays out of what anyone with the code sees.
func TestPublicViewHidesWhoReported(t *testing.T) {
	eachServer(t, func(t *testing.T, ts *testServer) {
		for _, privacy := range []string{"anonim", "biasa"} {
			body := `{"privacy":"` + privacy + `","region_code":"33.74","description":"Nama saya Budi Santoso, NIK 3374011203900001, HP 0812-3456-7890 ` +
				`atau +62 813 1111 2222, email budi.s@mail.co.id, rumah di Jl. Melati No. 12 RT 03/RW 05. Jalan di depan rumah rusak parah."}`
			r := ts.do("POST", "/api/v1/reports", body, asAdmin()...)
			if r.Code != http.StatusCreated {
				t.Fatalf("= %d %s", r.Code, r.Body)
			}
			g := ts.do("GET", "/api/v1/reports/"+r.json(t)["tracking_code"].(string), "")
			for _, secret := range []string{"Budi", "Santoso", "3374011203900001", "3456", "7890", "1111", "2222", "budi.s", "No. 12", "RT 03"} {
				if strings.Contains(string(g.Body), secret) {
					t.Errorf("%s: the public view shows %q: %s", privacy, secret, g.Body)
				}
			}
			if title, _ := g.json(t)["title"].(string); !strings.HasPrefix(title, "Nama saya ***") {
				t.Errorf("%s: title %q", privacy, title)
			}
		}
	})
}
