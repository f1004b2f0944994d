package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/storage"
	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

// ticketWorld is a server with reports filed to a unit of Kota Semarang
// (anonim and rahasia), to BPJS Kesehatan's Semarang office, and keys for
// the agencies that may or may not see them.
type ticketWorld struct {
	*testServer
	anonim, rahasia, bpjs                 string // tracking codes
	unit, parent, other, body, app, admin []string
}

func newTicketWorld(t *testing.T, ts *testServer) ticketWorld {
	t.Helper()
	file := func(agency, privacy string) string {
		body := fmt.Sprintf(`{"description":"Jalan di depan SDN 3 Tembalang rusak parah, banyak motor jatuh","region_code":"33.74",
			"privacy":%q,"agency_id":%q,"source":"sms",
			"reporter":{"name":"Budi Santoso","channel":"sms","address":"+6281234567890","phone":"+6281299990000","language":"id"}}`, privacy, agency)
		r := ts.do("POST", "/api/v1/reports", body, asAdmin()...)
		if r.Code != http.StatusCreated {
			t.Fatalf("file: %d %s", r.Code, r.Body)
		}
		return r.json(t)["tracking_code"].(string)
	}
	return ticketWorld{testServer: ts,
		anonim:  file("pemda-33.74-pekerjaan-umum", "anonim"),
		rahasia: file("pemda-33.74-pekerjaan-umum", "rahasia"),
		bpjs:    file("kl-bpjs-kesehatan-33.74", "biasa"),
		unit:    bearer(ts.newKey("/api/v1/admin/agencies/pemda-33.74-pekerjaan-umum/keys")),
		parent:  bearer(ts.newKey("/api/v1/admin/agencies/pemda-33.74/keys")),
		other:   bearer(ts.newKey("/api/v1/admin/agencies/pemda-32.73/keys")),
		body:    bearer(ts.newKey("/api/v1/admin/agencies/kl-bpjs-kesehatan/keys")),
		app:     bearer(ts.newKey("/api/v1/admin/apps/sapawarga/keys")),
		admin:   asAdmin(),
	}
}

// codes lists the tracking codes of an inbox page.
func codes(t *testing.T, r response) []string {
	t.Helper()
	var out []string
	for _, tk := range r.json(t)["tickets"].([]any) {
		out = append(out, tk.(map[string]any)["tracking_code"].(string))
	}
	return out
}

// TestTicketAuthorization tries every ticket route with no key, a wrong
// key, an app key, the admin's, another agency's, the unit's own and its
// parent's.
func TestTicketAuthorization(t *testing.T) {
	w := newTicketWorld(t, newTestServer(t, storagetest.SQLite(t)))
	code := w.anonim
	routes := []struct{ method, path, body string }{
		{"GET", "/api/v1/agency/tickets", ""},
		{"GET", "/api/v1/agency/tickets/" + code, ""},
		{"POST", "/api/v1/agency/tickets/" + code + "/responses", `{"text":"Sedang kami tangani."}`},
		{"POST", "/api/v1/agency/tickets/" + code + "/status", `{"status":"tunda","reason":"menunggu anggaran","until":"2999-01-01"}`},
		{"POST", "/api/v1/agency/tickets/" + code + "/forward", `{"agency_id":"pemda-33.74-perhubungan","reason":"urusan perhubungan"}`},
	}
	for _, rt := range routes {
		for _, tt := range []struct {
			who     string
			headers []string
			want    int
		}{
			{"no key", nil, 401},
			{"a wrong key", bearer("lpr_nope"), 401},
			{"an app key", w.app, 403},
			{"the admin", w.admin, 403},
			{"another agency", w.other, 404},
		} {
			want := tt.want
			if tt.want == 404 && rt.path == "/api/v1/agency/tickets" {
				want = 200
			}
			if r := w.do(rt.method, rt.path, rt.body, tt.headers...); r.Code != want {
				t.Errorf("%s %s with %s = %d %s, want %d", rt.method, rt.path, tt.who, r.Code, r.Body, want)
			}
		}
	}
	// In order: the unit reads, answers and holds it; its parent, which sees
	// its units' tickets, forwards it to a sibling unit.
	for i, step := range []struct {
		headers []string
		want    int
	}{{w.unit, 200}, {w.unit, 200}, {w.unit, 201}, {w.unit, 200}, {w.parent, 200}} {
		rt := routes[i]
		if r := w.do(rt.method, rt.path, rt.body, step.headers...); r.Code != step.want {
			t.Errorf("%s %s as the agency that may = %d %s, want %d", rt.method, rt.path, r.Code, r.Body, step.want)
		}
	}
	if got := codes(t, w.do("GET", "/api/v1/agency/tickets", "", w.other...)); len(got) != 0 {
		t.Errorf("another agency's inbox lists %v", got)
	}
	for _, path := range []string{"/api/v1/admin/reports", "/api/v1/admin/reports/" + code, "/api/v1/admin/triage"} {
		for _, tt := range []struct {
			who     string
			headers []string
			want    int
		}{{"no key", nil, 401}, {"an agency key", w.unit, 403}, {"an app key", w.app, 403}, {"the admin", w.admin, 200}} {
			if r := w.do("GET", path, "", tt.headers...); r.Code != tt.want {
				t.Errorf("GET %s with %s = %d, want %d", path, tt.who, r.Code, tt.want)
			}
		}
	}
}

// TestTicketVisibility: an agency sees its own and its units' or offices'
// tickets, a rahasia one only when addressed to it, and never an anonim
// reporter; the admin sees the reporter as filed.
func TestTicketVisibility(t *testing.T) {
	eachServer(t, func(t *testing.T, ts *testServer) {
		w := newTicketWorld(t, ts)
		if got := strings.Join(codes(t, w.do("GET", "/api/v1/agency/tickets", "", w.unit...)), " "); got != w.rahasia+" "+w.anonim {
			t.Errorf("the unit's inbox: %s, want its two, newest first", got)
		}
		if got := codes(t, w.do("GET", "/api/v1/agency/tickets", "", w.parent...)); len(got) != 1 || got[0] != w.anonim {
			t.Errorf("the parent's inbox: %v, want the anonim one and not the rahasia one", got)
		}
		if r := w.do("GET", "/api/v1/agency/tickets/"+w.rahasia, "", w.parent...); r.Code != 404 {
			t.Errorf("the parent reads the unit's rahasia ticket: %d", r.Code)
		}
		if r := w.do("GET", "/api/v1/agency/tickets/"+w.bpjs, "", w.body...); r.Code != 200 {
			t.Errorf("BPJS Kesehatan reads its Semarang office's ticket: %d", r.Code)
		}
		r := w.do("GET", "/api/v1/agency/tickets/"+w.anonim, "", w.unit...)
		for _, secret := range []string{"Budi", "6281234567890", "6281299990000", `"reporter"`} {
			if strings.Contains(string(r.Body), secret) {
				t.Errorf("an anonim ticket shows %q to the agency: %s", secret, r.Body)
			}
		}
		if r.json(t)["description"] == "" || r.json(t)["routing"] == nil {
			t.Errorf("ticket: %s", r.Body)
		}
		// A summary shown before the citizen chose anonim named them.
		anon := w.do("POST", "/api/v1/reports", `{"description":"Jalan berlubang di depan pasar Tembalang","privacy":"anonim",
			"agency_id":"pemda-33.74-pekerjaan-umum","conversation_id":"conv-anon","source":"sms",
			"reporter":{"name":"Budi Santoso","channel":"sms","address":"+6281234567890"}}`, w.admin...).json(t)["tracking_code"].(string)
		if err := w.store.LogSent(t.Context(), storage.Message{OutboundID: "m-anon", Conversation: "conv-anon", Channel: "sms",
			Recipient: "+6281234567890", Text: "Ringkasan laporan: Nama: Budi Santoso, Privasi: Biasa"}); err != nil {
			t.Fatal(err)
		}
		if r := w.do("GET", "/api/v1/agency/tickets/"+anon, "", w.unit...); strings.Contains(string(r.Body), "Budi") {
			t.Errorf("an anonim ticket's conversation names the reporter to the agency: %s", r.Body)
		}
		if a := w.do("GET", "/api/v1/admin/reports/"+w.anonim, "", w.admin...); !strings.Contains(string(a.Body), "Budi Santoso") {
			t.Errorf("the admin does not see the reporter as filed: %s", a.Body)
		}
	})
}

// TestTicketLifecycle: an answer reaches the reporter; a forward moves the
// ticket and tells the reporter; a return sends it to the admin's triage,
// whence the admin forwards it; a closed ticket takes no more answers.
func TestTicketLifecycle(t *testing.T) {
	eachServer(t, func(t *testing.T, ts *testServer) {
		w := newTicketWorld(t, ts)
		path := "/api/v1/agency/tickets/" + w.anonim
		answer := strings.Repeat("Jalan tersebut sudah kami perbaiki dan diaspal ulang minggu ini. ", 6)
		r := w.do("POST", path+"/responses", fmt.Sprintf(`{"text":%q}`, answer), w.unit...)
		if r.Code != 201 || r.json(t)["status"] != "ditindaklanjuti" {
			t.Fatalf("answer: %d %s", r.Code, r.Body)
		}
		sent := w.sent.All()
		if len(sent) < 2 || sent[0].To.Channel != "sms" || sent[0].To.ID != "+6281234567890" ||
			!strings.Contains(sent[0].Text, w.anonim) || !strings.Contains(sent[0].Text, "sudah kami perbaiki") {
			t.Fatalf("the reporter was told %+v; want the answer in SMS parts", sent)
		}
		if r := w.do("POST", path+"/responses", `{"text":"Pengaspalan dijadwalkan Senin."}`, w.unit...); r.Code != 201 {
			t.Fatalf("a second answer: %d %s", r.Code, r.Body)
		}
		if last := w.sent.All(); len(last) != len(sent)+1 || !strings.Contains(last[len(last)-1].Text, "Senin") || last[len(last)-1].ID == sent[0].ID {
			t.Fatalf("the second answer was told as %+v", last[len(sent):])
		}
		tl := r.json(t)["timeline"].([]any)
		if last := tl[len(tl)-1].(map[string]any); !strings.HasPrefix(last["actor"].(string), "agency:pemda-33.74-pekerjaan-umum lpr_") || last["event"] != "answered" {
			t.Errorf("last event %v", last)
		}

		for _, bad := range []string{`{"status":"tunda","until":"2999-01-01"}`, `{"status":"tunda","reason":"anggaran","until":"2020-01-01"}`, `{"status":"arsip"}`} {
			if r := w.do("POST", path+"/status", bad, w.unit...); r.Code != 422 {
				t.Errorf("status %s = %d %s", bad, r.Code, r.Body)
			}
		}
		if r := w.do("POST", path+"/forward", `{"agency_id":"kl-nope"}`, w.unit...); r.Code != 422 {
			t.Errorf("forward to an unknown agency = %d", r.Code)
		}
		r = w.do("POST", path+"/forward", `{"agency_id":"pemda-33.74-perhubungan","reason":"urusan perhubungan"}`, w.unit...)
		if r.Code != 200 || r.json(t)["status"] != "terdisposisi" || r.json(t)["follow_up_due_at"] == nil {
			t.Fatalf("forward: %d %s", r.Code, r.Body)
		}
		if r := w.do("GET", path, "", w.unit...); r.Code != 404 {
			t.Errorf("the unit still reads the ticket it forwarded: %d", r.Code)
		}
		transport := bearer(w.newKey("/api/v1/admin/agencies/pemda-33.74-perhubungan/keys"))
		if r := w.do("GET", path, "", transport...); r.Code != 200 {
			t.Errorf("the new agency cannot read it: %d", r.Code)
		}
		if last := w.sent.All(); !strings.Contains(last[len(last)-1].Text, "Dinas Perhubungan Kota Semarang") {
			t.Errorf("the reporter was told %q", last[len(last)-1].Text)
		}

		r = w.do("POST", path+"/status", `{"status":"bukan_wewenang","reason":"jalan provinsi"}`, transport...)
		if r.Code != 200 || r.json(t)["agency"].(map[string]any)["id"] != "admin-nasional" {
			t.Fatalf("return: %d %s", r.Code, r.Body)
		}
		if got := codes(t, w.do("GET", "/api/v1/admin/triage", "", w.admin...)); !strings.Contains(strings.Join(got, " "), w.anonim) {
			t.Errorf("triage lacks the returned ticket: %v", got)
		}
		r = w.do("POST", "/api/v1/admin/reports/"+w.anonim+"/forward", `{"agency_id":"pemda-33","reason":"jalan provinsi"}`, w.admin...)
		if r.Code != 200 || r.json(t)["agency"].(map[string]any)["id"] != "pemda-33" {
			t.Fatalf("the admin forwards: %d %s", r.Code, r.Body)
		}
		province := bearer(w.newKey("/api/v1/admin/agencies/pemda-33/keys"))
		if r := w.do("POST", path+"/status", `{"status":"selesai"}`, province...); r.Code != 200 || r.json(t)["status"] != "selesai" {
			t.Fatalf("close: %d %s", r.Code, r.Body)
		}
		if r := w.do("POST", path+"/responses", `{"text":"lagi"}`, province...); r.Code != 409 {
			t.Errorf("an answer to a closed ticket = %d", r.Code)
		}
		rating := `{"from":{"channel":"sms","address":"+6281234567890"},"stars":4}`
		if r := w.do("POST", "/api/v1/reports/"+w.anonim+"/ratings", strings.Replace(rating, "7890", "7891", 1), w.admin...); r.Code != 404 {
			t.Errorf("a rating from another number = %d", r.Code)
		}
		if r := w.do("POST", "/api/v1/reports/"+w.anonim+"/ratings", rating, w.admin...); r.Code != 204 {
			t.Fatalf("rating: %d %s", r.Code, r.Body)
		}
		if r := w.do("POST", "/api/v1/reports/"+w.anonim+"/ratings", rating, w.admin...); r.Code != 422 {
			t.Errorf("a second rating = %d", r.Code)
		}
		if got := w.do("GET", "/api/v1/agencies/pemda-33", "").json(t)["rating"]; fmt.Sprint(got) != "map[average:4 count:1]" {
			t.Errorf("the province's rating: %v", got)
		}
		if got := w.do("GET", path, "", province...).json(t)["rating"]; got != 4.0 {
			t.Errorf("the ticket's rating: %v", got)
		}
	})
}

// TestInboxFiltersAndPages: filters, counts per status, and a cursor that
// walks the inbox without repeating a ticket.
func TestInboxFiltersAndPages(t *testing.T) {
	w := newTicketWorld(t, newTestServer(t, storagetest.SQLite(t)))
	w.do("POST", "/api/v1/agency/tickets/"+w.anonim+"/responses", `{"text":"Sedang kami tangani."}`, w.unit...)
	all := w.do("GET", "/api/v1/admin/reports?per_page=2", "", w.admin...)
	first := codes(t, all)
	next, _ := all.json(t)["next_cursor"].(string)
	if len(first) != 2 || next == "" {
		t.Fatalf("first page %v, cursor %q", first, next)
	}
	rest := codes(t, w.do("GET", "/api/v1/admin/reports?per_page=2&cursor="+next, "", w.admin...))
	if len(rest) != 1 || rest[0] == first[0] || rest[0] == first[1] {
		t.Errorf("second page %v after %v", rest, first)
	}
	counts := all.json(t)["counts"].(map[string]any)
	if counts["ditindaklanjuti"] != 1.0 || counts["menunggu_verifikasi"] != 2.0 {
		t.Errorf("counts %v", counts)
	}
	today := time.Now().Format(time.DateOnly)
	for query, want := range map[string]int{
		"status=ditindaklanjuti": 1, "region=33.74": 3, "region=32": 0, "sector=jaminan-kesehatan": 0,
		"q=SDN%203": 3, "q=tidak%20ada": 0, "from=" + today: 3, "to=2020-01-01": 0, "overdue=true": 0,
	} {
		if got := codes(t, w.do("GET", "/api/v1/admin/reports?"+query, "", w.admin...)); len(got) != want {
			t.Errorf("%s: %d tickets, want %d", query, len(got), want)
		}
	}
	for _, bad := range []string{"overdue=maybe", "from=kemarin", "per_page=0"} {
		if r := w.do("GET", "/api/v1/admin/reports?"+bad, "", w.admin...); r.Code != 400 {
			t.Errorf("%s = %d", bad, r.Code)
		}
	}
}

// TestAttachmentDownloads: an agency downloads the files of its tickets with
// its key, and no other's.
func TestAttachmentDownloads(t *testing.T) {
	ts := newTestServer(t, storagetest.SQLite(t))
	photo := []byte("\xff\xd8\xff a photo of a broken road")
	sum := fmt.Sprintf("%x", sha256.Sum256(photo))
	path := filepath.Join(ts.data, channels.FilePath(sum))
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, photo, 0o600); err != nil {
		t.Fatal(err)
	}
	body := fmt.Sprintf(`{"description":"Jalan rusak parah di depan SDN 3 Tembalang","agency_id":"pemda-33.74-pekerjaan-umum",
		"attachments":[{"content_type":"image/jpeg","size":%d,"sha256":%q,"file_name":"jalan.jpg"}]}`, len(photo), sum)
	code := ts.do("POST", "/api/v1/reports", body, asAdmin()...).json(t)["tracking_code"].(string)
	unit := bearer(ts.newKey("/api/v1/admin/agencies/pemda-33.74-pekerjaan-umum/keys"))
	other := bearer(ts.newKey("/api/v1/admin/agencies/pemda-32.73/keys"))
	files := ts.do("GET", "/api/v1/agency/tickets/"+code, "", unit...).json(t)["attachments"].([]any)
	url := files[0].(map[string]any)["url"].(string)
	if url != "https://lapor.test/api/v1/agency/tickets/"+code+"/attachments/"+sum {
		t.Fatalf("url %q", url)
	}
	r := ts.do("GET", strings.TrimPrefix(url, "https://lapor.test"), "", unit...)
	if r.Code != 200 || string(r.Body) != string(photo) || r.Header.Get("Content-Type") != "image/jpeg" ||
		!strings.Contains(r.Header.Get("Content-Disposition"), "jalan.jpg") {
		t.Errorf("download = %d %v %q", r.Code, r.Header, r.Body)
	}
	for _, tt := range []struct {
		path    string
		headers []string
		want    int
	}{
		{"/api/v1/agency/tickets/" + code + "/attachments/" + sum, other, 404},
		{"/api/v1/agency/tickets/" + code + "/attachments/" + strings.Repeat("0", 64), unit, 404},
		{"/api/v1/agency/tickets/" + code + "/attachments/" + sum, nil, 401},
		{"/api/v1/admin/reports/" + code + "/attachments/" + sum, asAdmin(), 200},
		{"/api/v1/admin/reports/" + code + "/attachments/" + sum, unit, 403},
		{"/api/v1/reports/" + code + "/files/" + sum, nil, 404}, // the reporter's evidence is no answer's file
	} {
		if r := ts.do("GET", tt.path, "", tt.headers...); r.Code != tt.want {
			t.Errorf("GET %s = %d, want %d", tt.path, r.Code, tt.want)
		}
	}
}

// TestAnswerWithAFile: an agency uploads a photo to its ticket and answers
// with it; the reporter is told with a link that serves the photo, and that
// link serves no evidence the reporter sent.
func TestAnswerWithAFile(t *testing.T) {
	w := newTicketWorld(t, newTestServer(t, storagetest.SQLite(t)))
	upload := func(headers []string, name string, content []byte) response {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		fw, _ := mw.CreateFormFile("file", name)
		fw.Write(content)
		mw.Close()
		req := httptest.NewRequest("POST", "/api/v1/agency/tickets/"+w.anonim+"/files", &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		for i := 0; i+1 < len(headers); i += 2 {
			req.Header.Set(headers[i], headers[i+1])
		}
		rec := httptest.NewRecorder()
		w.srv.Handler().ServeHTTP(rec, req)
		return response{Code: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
	}
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 64)...)
	if r := upload(w.other, "x.png", png); r.Code != 404 {
		t.Errorf("another agency's upload = %d", r.Code)
	}
	if r := upload(w.unit, "notes.html", []byte("<html><script>alert(1)</script></html>")); r.Code != 415 {
		t.Errorf("an HTML upload = %d %s", r.Code, r.Body)
	}
	r := upload(w.unit, "tambalan.png", png)
	if r.Code != 201 {
		t.Fatalf("upload = %d %s", r.Code, r.Body)
	}
	file := r.json(t)
	answer, _ := json.Marshal(map[string]any{"text": "Foto hasil penambalan terlampir.", "attachments": []any{file}})
	missing := strings.Replace(string(answer), file["sha256"].(string), strings.Repeat("ab", 32), 1)
	if r := w.do("POST", "/api/v1/agency/tickets/"+w.anonim+"/responses", missing, w.unit...); r.Code != 422 {
		t.Errorf("an answer with a file never uploaded = %d", r.Code)
	}
	r = w.do("POST", "/api/v1/agency/tickets/"+w.anonim+"/responses", string(answer), w.unit...)
	if r.Code != 201 {
		t.Fatalf("answer = %d %s", r.Code, r.Body)
	}
	if by, _ := r.json(t)["attachments"].([]any)[0].(map[string]any)["by"].(string); !strings.HasPrefix(by, "agency:pemda-33.74-pekerjaan-umum lpr_") {
		t.Errorf("the file is by %v", by)
	}
	told := w.sent.All()
	link := "https://lapor.test/api/v1/reports/" + w.anonim + "/files/" + file["sha256"].(string)
	if all := told[len(told)-1].Text; !strings.Contains(strings.Join([]string{told[0].Text, all}, " "), link) {
		var texts []string
		for _, m := range told {
			texts = append(texts, m.Text)
		}
		t.Fatalf("the reporter was told %q, without %s", texts, link)
	}
	if r := w.do("GET", strings.TrimPrefix(link, "https://lapor.test"), ""); r.Code != 200 || !bytes.Equal(r.Body, png) {
		t.Errorf("the link = %d", r.Code)
	}
	if r := w.do("GET", "/api/v1/reports/"+w.rahasia+"/files/"+file["sha256"].(string), ""); r.Code != 404 {
		t.Errorf("the file under another report's code = %d", r.Code)
	}
}
