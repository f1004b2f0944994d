package widget_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/channels/widget"
	"github.com/sp4n-lapor/lapor/dialog"
	"github.com/sp4n-lapor/lapor/dialog/dialogtest"
)

// redisDB is this package's database on a real Redis server.
const redisDB = 7

const siteOrigin = "https://lapor.semarangkota.go.id"

var agencies = map[string]widget.Agency{
	"pemda-33.74": {ID: "pemda-33.74", Name: "Pemerintah Kota Semarang", DisplayName: "Lapor Hendi", Color: "#0b5394",
		LogoURL: "https://semarangkota.go.id/logo.png", Origins: []string{siteOrigin}},
	"admin-nasional": {ID: "admin-nasional", Name: "Admin Nasional SP4N-LAPOR!"},
}

type rig struct {
	reg  *prometheus.Registry
	t    testing.TB
	kit  *dialogtest.Kit
	srv  *httptest.Server
	dir  string
	n    int
	auth string
	ip   string // the client address the rig's requests come from
	ch   *widget.Channel
}

// rigs counts rigs, to give each its own client address: rate limits on a
// real Redis are shared by the package's tests.
var rigs atomic.Int32

func newRig(t testing.TB, limits widget.Limits, opts ...dialog.Option) *rig {
	kit := dialogtest.New(t, redisDB, opts...)
	dir := t.TempDir()
	ip := fmt.Sprintf("198.51.100.%d", rigs.Add(1))
	reg := prometheus.NewRegistry()
	ch := widget.New(widget.Config{
		Metrics: reg,
		Redis:   kit.Redis, DataDir: dir, Logger: dialogtest.Quiet, DemoAgency: "admin-nasional", Limits: limits, TrustProxy: true,
		Directory: func(_ context.Context, id string) (widget.Agency, bool, error) {
			a, ok := agencies[id]
			return a, ok, nil
		},
	}, kit.Engine.Handle)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{}, 2)
	go func() { ch.Run(ctx); done <- struct{}{} }()
	go func() { kit.Outbox.Run(ctx, channels.Widget, "test", ch.Sender()); done <- struct{}{} }()
	srv := httptest.NewServer(ch.Handler())
	t.Cleanup(func() { srv.Close(); cancel(); <-done; <-done })
	return &rig{t: t, kit: kit, srv: srv, dir: dir, ip: ip, ch: ch, reg: reg}
}

type reply struct {
	code   int
	header http.Header
	body   []byte
}

func (r reply) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("%d %s: %v", r.code, r.body, err)
	}
	return m
}

func (r reply) errorCode(t testing.TB) string {
	e, _ := r.json(t)["error"].(map[string]any)
	code, _ := e["code"].(string)
	return code
}

func (g *rig) do(method, path, contentType string, body io.Reader, headers ...string) reply {
	g.t.Helper()
	req, _ := http.NewRequest(method, g.srv.URL+path, body)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if g.auth != "" {
		req.Header.Set("Authorization", "Bearer "+g.auth)
	}
	req.Header.Set("X-Forwarded-For", "10.0.0.1, "+g.ip) // the proxy's entry is the last
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		g.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return reply{res.StatusCode, res.Header, b}
}

func (g *rig) postJSON(path, body string, headers ...string) reply {
	return g.do("POST", path, "application/json", strings.NewReader(body), headers...)
}

// start opens a session of the agency and keeps its token.
func (g *rig) start(agency string) map[string]any {
	g.t.Helper()
	r := g.postJSON("/widget/v1/"+agency+"/sessions", "")
	if r.code != http.StatusCreated && r.code != http.StatusOK {
		g.t.Fatalf("session = %d %s", r.code, r.body)
	}
	s := r.json(g.t)
	g.auth = s["token"].(string)
	return s
}

// say sends a message and returns the bot's replies to it.
func (g *rig) say(agency, text string) []string {
	g.t.Helper()
	g.n++
	r := g.postJSON("/widget/v1/"+agency+"/messages", fmt.Sprintf(`{"id":"msg-%06d","text":%q}`, g.n, text))
	if r.code != http.StatusAccepted {
		g.t.Fatalf("say %q = %d %s", text, r.code, r.body)
	}
	return g.botAfter(agency, fmt.Sprintf("msg-%06d", g.n))
}

// botAfter polls the log until the bot has answered the citizen's message
// clientID, and returns the answers.
func (g *rig) botAfter(agency, clientID string) []string {
	g.t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		if out := g.answers(agency, clientID); len(out) > 0 {
			time.Sleep(150 * time.Millisecond) // the rest of the turn's replies
			return g.answers(agency, clientID)
		}
		time.Sleep(50 * time.Millisecond)
	}
	g.t.Fatalf("no reply to %s", clientID)
	return nil
}

// answers are the bot's messages after the citizen's message clientID.
func (g *rig) answers(agency, clientID string) []string {
	var a struct{ Messages []widget.Entry }
	json.Unmarshal(g.do("GET", "/widget/v1/"+agency+"/messages?wait=0", "", nil).body, &a)
	var out []string
	seen := false
	for _, e := range a.Messages {
		if e.ClientID == clientID {
			seen, out = true, nil
		} else if seen && e.From == "bot" {
			out = append(out, e.Text)
		}
	}
	return out
}

func TestConfigCarriesTheAgencyBranding(t *testing.T) {
	g := newRig(t, widget.Limits{})
	c := g.do("GET", "/widget/v1/pemda-33.74/config", "", nil).json(t)
	if c["name"] != "Lapor Hendi" || c["color"] != "#0b5394" || c["logo_url"] != "https://semarangkota.go.id/logo.png" {
		t.Errorf("config = %v", c)
	}
	if g, _ := c["greeting"].(string); !strings.Contains(g, "Lapor Hendi") {
		t.Errorf("greeting = %q", g)
	}
	if text, _ := c["text"].(map[string]any); text["send"] != "Kirim" {
		t.Errorf("texts = %v", text)
	}
	en := g.do("GET", "/widget/v1/admin-nasional/config", "", nil, "Accept-Language", "en-GB,en;q=0.8").json(t)
	if text, _ := en["text"].(map[string]any); text["send"] != "Send" || en["color"] != "#b3261e" {
		t.Errorf("English config of an agency with no branding = %v", en)
	}
	if r := g.do("GET", "/widget/v1/kl-nope/config", "", nil); r.code != 404 || r.errorCode(t) != "agency_not_found" {
		t.Errorf("unknown agency = %d %s", r.code, r.body)
	}
}

func TestConversationToATrackingCode(t *testing.T) {
	g := newRig(t, widget.Limits{})
	if s := g.start("pemda-33.74"); s["resumed"] != false {
		t.Errorf("new session = %v", s)
	}
	var last []string
	for _, text := range []string{"halo", "Pengaduan", "Jalan di depan rumah kami rusak parah dan berlubang sejak bulan lalu",
		"lewati", "lewati", "lewati", "Biasa", "kirim"} {
		last = g.say("pemda-33.74", text)
	}
	rep := g.kit.Filed(t, strings.Join(last, "\n"))
	if rep.Source != "widget:pemda-33.74" || rep.ReporterChannel != "widget" || rep.AgencyID != "pemda-33.74-pekerjaan-umum" {
		t.Errorf("filed %+v", rep)
	}
	// The same token resumes the session, with the conversation so far.
	s := g.start("pemda-33.74")
	msgs, _ := s["messages"].([]any)
	if s["resumed"] != true || len(msgs) < 16 {
		t.Errorf("resumed session: resumed=%v, %d messages", s["resumed"], len(msgs))
	}
	// A token is good only for the agency it was made for.
	if r := g.postJSON("/widget/v1/admin-nasional/messages", `{"id":"msg-other","text":"halo"}`); r.code != 401 {
		t.Errorf("token of another agency = %d %s", r.code, r.body)
	}
}

func TestResentMessageIsTakenOnce(t *testing.T) {
	g := newRig(t, widget.Limits{})
	g.start("admin-nasional")
	for range 3 {
		if r := g.postJSON("/widget/v1/admin-nasional/messages", `{"id":"same-id-1","text":"halo"}`); r.code != 202 {
			t.Fatalf("= %d %s", r.code, r.body)
		}
	}
	time.Sleep(300 * time.Millisecond)
	var a struct{ Messages []widget.Entry }
	json.Unmarshal(g.do("GET", "/widget/v1/admin-nasional/messages", "", nil).body, &a)
	citizen, bot := 0, 0
	for _, e := range a.Messages {
		if e.From == "citizen" {
			citizen++
		} else {
			bot++
		}
	}
	if citizen != 1 || bot != 2 {
		t.Errorf("log after a message sent three times: %d from the citizen, %d from the bot (%+v)", citizen, bot, a.Messages)
	}
}

func TestBadRequests(t *testing.T) {
	g := newRig(t, widget.Limits{})
	g.start("admin-nasional")
	token := g.auth
	p := "/widget/v1/admin-nasional"
	tests := []struct {
		name, method, path, ct, body, auth string
		code                               int
		errCode                            string
	}{
		{"no token", "POST", p + "/messages", "application/json", `{"id":"abcdefgh","text":"halo"}`, "", 401, "bad_session"},
		{"made-up token", "POST", p + "/messages", "application/json", `{"id":"abcdefgh","text":"halo"}`, "x" + token, 401, "bad_session"},
		{"events without token", "GET", p + "/events", "", "", "", 401, "bad_session"},
		{"not JSON", "POST", p + "/messages", "text/plain", `halo`, token, 415, "unsupported_media_type"},
		{"broken JSON", "POST", p + "/messages", "application/json", `{"id":`, token, 400, "bad_json"},
		{"unknown field", "POST", p + "/messages", "application/json", `{"id":"abcdefgh","text":"x","html":"<b>"}`, token, 400, "bad_json"},
		{"bad id", "POST", p + "/messages", "application/json", `{"id":"a b","text":"halo"}`, token, 400, "bad_message_id"},
		{"empty text", "POST", p + "/messages", "application/json", `{"id":"abcdefgh","text":"   "}`, token, 400, "empty_message"},
		{"long text", "POST", p + "/messages", "application/json", `{"id":"abcdefgh","text":"` + strings.Repeat("a", 4001) + `"}`, token, 413, "message_too_long"},
		{"huge body", "POST", p + "/messages", "application/json", `{"id":"abcdefgh","text":"` + strings.Repeat("a", 70000) + `"}`, token, 413, "body_too_large"},
		{"4,000 emoji, escaped", "POST", p + "/messages", "application/json", `{"id":"emojiemoji","text":"` + strings.Repeat(`\ud83d\ude00`, 4000) + `"}`, token, 202, ""},
		{"bad cursor", "GET", p + "/messages?after=1-0-DEL", "", "", token, 400, "bad_cursor"},
		{"huge cursor", "GET", p + "/messages?after=99999999999999999999-0", "", "", token, 400, "bad_cursor"},
		{"location out of range", "POST", p + "/location", "application/json", `{"id":"abcdefgh","lat":91,"long":0}`, token, 400, "bad_location"},
		{"location missing", "POST", p + "/location", "application/json", `{"id":"abcdefgh"}`, token, 400, "bad_location"},
		{"upload not multipart", "POST", p + "/uploads", "application/json", `{}`, token, 415, "unsupported_media_type"},
		{"unknown agency", "POST", "/widget/v1/kl-nope/sessions", "application/json", ``, "", 404, "agency_not_found"},
		{"unknown endpoint", "GET", p + "/nope", "", "", token, 404, "not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g.auth = tt.auth
			var body io.Reader
			if tt.body != "" {
				body = strings.NewReader(tt.body)
			}
			r := g.do(tt.method, tt.path, tt.ct, body)
			if r.code != tt.code || r.errorCode(t) != tt.errCode {
				t.Errorf("= %d %s, want %d %s", r.code, r.body, tt.code, tt.errCode)
			}
		})
	}
}

func multipartBody(t *testing.T, id, name string, content []byte) (string, *bytes.Buffer) {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	w.WriteField("id", id)
	f, _ := w.CreateFormFile("file", name)
	f.Write(content)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return w.FormDataContentType(), &b
}

// png is the start of a PNG file, enough for content sniffing.
var png = append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...)

func TestUploads(t *testing.T) {
	g := newRig(t, widget.Limits{})
	g.start("admin-nasional")
	p := "/widget/v1/admin-nasional/uploads"
	ct, body := multipartBody(t, "upload-01", "../../etc/jalan rusak.png", png)
	if r := g.do("POST", p, ct, body); r.code != 202 {
		t.Fatalf("PNG upload = %d %s", r.code, r.body)
	}
	if b := dialogtest.OnlyFile(t, g.dir); !bytes.Equal(b, png) {
		t.Errorf("stored %q", b)
	}
	var a struct{ Messages []widget.Entry }
	json.Unmarshal(g.do("GET", "/widget/v1/admin-nasional/messages", "", nil).body, &a)
	if len(a.Messages) == 0 || a.Messages[0].File != "jalan rusak.png" {
		t.Errorf("log = %+v", a.Messages)
	}

	ct, body = multipartBody(t, "upload-02", "script.html", []byte("<html><script>alert(1)</script>"))
	if r := g.do("POST", p, ct, body); r.code != 415 || r.errorCode(t) != "unsupported_file_type" {
		t.Errorf("HTML upload = %d %s", r.code, r.body)
	}
	big := append(append([]byte{}, png...), make([]byte, widget.MaxUpload)...)
	ct, body = multipartBody(t, "upload-03", "big.png", big)
	if r := g.do("POST", p, ct, body); r.code != 413 || r.errorCode(t) != "file_too_large" {
		t.Errorf("11 MB upload = %d %s", r.code, r.body)
	}
	ct, body = multipartBody(t, "x", "a.png", png)
	if r := g.do("POST", p, ct, body); r.code != 400 || r.errorCode(t) != "bad_message_id" {
		t.Errorf("upload with a bad id = %d %s", r.code, r.body)
	}
	g.auth = ""
	ct, body = multipartBody(t, "upload-04", "a.png", png)
	if r := g.do("POST", p, ct, body); r.code != 401 {
		t.Errorf("upload without a session = %d %s", r.code, r.body)
	}
}

func TestLocation(t *testing.T) {
	g := newRig(t, widget.Limits{})
	g.start("admin-nasional")
	g.say("admin-nasional", "halo")
	g.say("admin-nasional", "Pengaduan")
	g.say("admin-nasional", "Lampu jalan di depan rumah kami mati sejak dua minggu")
	r := g.postJSON("/widget/v1/admin-nasional/location", `{"id":"loc-0001","lat":-6.9932,"long":110.4203}`)
	if r.code != 202 {
		t.Fatalf("location = %d %s", r.code, r.body)
	}
	if got := strings.Join(g.botAfter("admin-nasional", "loc-0001"), "\n"); !strings.Contains(got, "Lokasi diterima") {
		t.Errorf("after the location the bot said %q, want it taken", got)
	}
}

func TestCORS(t *testing.T) {
	g := newRig(t, widget.Limits{})
	r := g.do("OPTIONS", "/widget/v1/pemda-33.74/messages", "", nil, "Origin", siteOrigin,
		"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type")
	if r.code != 204 || r.header.Get("Access-Control-Allow-Origin") != siteOrigin ||
		!strings.Contains(r.header.Get("Access-Control-Allow-Headers"), "Authorization") {
		t.Errorf("preflight from an allowed origin = %d %v", r.code, r.header)
	}
	r = g.do("GET", "/widget/v1/pemda-33.74/config", "", nil, "Origin", siteOrigin)
	if r.code != 200 || r.header.Get("Access-Control-Allow-Origin") != siteOrigin {
		t.Errorf("GET from an allowed origin = %d %v", r.code, r.header)
	}
	for _, origin := range []string{"https://evil.example", "https://lapor.semarangkota.go.id.evil.example"} {
		r = g.do("GET", "/widget/v1/pemda-33.74/config", "", nil, "Origin", origin)
		if r.code != 403 || r.header.Get("Access-Control-Allow-Origin") != "" || r.errorCode(t) != "origin_not_allowed" {
			t.Errorf("GET from %s = %d %v", origin, r.code, r.header)
		}
	}
	r = g.do("OPTIONS", "/widget/v1/pemda-33.74/sessions", "", nil, "Origin", "https://evil.example")
	if r.code != 403 {
		t.Errorf("preflight from another origin = %d", r.code)
	}
	// The service's own pages (the demo) may use any agency's widget.
	r = g.do("GET", "/widget/v1/pemda-33.74/config", "", nil, "Origin", g.srv.URL)
	if r.code != 200 {
		t.Errorf("same origin = %d %s", r.code, r.body)
	}
}

func TestRateLimits(t *testing.T) {
	limits := widget.DefaultLimits
	limits.Messages, limits.SessionsPerIP = 3, 2
	g := newRig(t, limits)
	g.start("admin-nasional")
	codes := []int{}
	for i := range 5 {
		r := g.postJSON("/widget/v1/admin-nasional/messages", fmt.Sprintf(`{"id":"rate-%04d","text":"halo"}`, i))
		codes = append(codes, r.code)
		if r.code == 429 && (r.header.Get("Retry-After") == "" || r.errorCode(t) != "rate_limited") {
			t.Errorf("429 without Retry-After: %v %s", r.header, r.body)
		}
	}
	if fmt.Sprint(codes) != "[202 202 202 429 429]" {
		t.Errorf("messages in a minute: %v, want three taken", codes)
	}
	g.auth = ""
	g.postJSON("/widget/v1/admin-nasional/sessions", "")
	if r := g.postJSON("/widget/v1/admin-nasional/sessions", ""); r.code != 429 {
		t.Errorf("third new session from one address in an hour = %d", r.code)
	}
	want := `
# HELP lapor_widget_rate_limited_total Web widget requests refused by a rate limit, by limit.
# TYPE lapor_widget_rate_limited_total counter
lapor_widget_rate_limited_total{limit="messages"} 2
lapor_widget_rate_limited_total{limit="session"} 1
# HELP lapor_widget_sessions_total Web widget sessions, by result (created, resumed).
# TYPE lapor_widget_sessions_total counter
lapor_widget_sessions_total{result="created"} 2
# HELP lapor_widget_messages_total Citizens' messages taken by the web widget, by kind (text, file, location).
# TYPE lapor_widget_messages_total counter
lapor_widget_messages_total{kind="text"} 3
`
	if err := testutil.GatherAndCompare(g.reg, strings.NewReader(want),
		"lapor_widget_rate_limited_total", "lapor_widget_sessions_total", "lapor_widget_messages_total"); err != nil {
		t.Error(err)
	}
}

func TestEventStream(t *testing.T) {
	g := newRig(t, widget.Limits{})
	g.start("admin-nasional")
	req, _ := http.NewRequest("GET", g.srv.URL+"/widget/v1/admin-nasional/events", nil)
	req.Header.Set("Authorization", "Bearer "+g.auth)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	res, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	if r := g.postJSON("/widget/v1/admin-nasional/messages", `{"id":"sse-0001","text":"halo"}`); r.code != 202 {
		t.Fatalf("= %d", r.code)
	}
	sc := bufio.NewScanner(res.Body)
	var ids []string
	bots := 0
	for sc.Scan() && bots < 2 {
		line := sc.Text()
		if id, ok := strings.CutPrefix(line, "id: "); ok {
			ids = append(ids, id)
		}
		if data, ok := strings.CutPrefix(line, "data: "); ok {
			var e widget.Entry
			if err := json.Unmarshal([]byte(data), &e); err != nil {
				t.Fatal(err)
			}
			if e.From == "bot" {
				bots++
			}
		}
	}
	if bots < 2 || len(ids) < 3 {
		t.Fatalf("stream gave ids %v and %d bot messages", ids, bots)
	}
	// Reconnecting from the last id gives nothing already seen.
	var a struct{ Messages []widget.Entry }
	json.Unmarshal(g.do("GET", "/widget/v1/admin-nasional/messages?wait=0", "", nil, "Last-Event-ID", ids[len(ids)-1]).body, &a)
	if len(a.Messages) != 0 {
		t.Errorf("after the last id: %+v", a.Messages)
	}
}

func TestSendingToAnExpiredSessionStopsTheContact(t *testing.T) {
	kit := dialogtest.New(t, redisDB)
	ch := widget.New(widget.Config{Redis: kit.Redis, Logger: dialogtest.Quiet,
		Directory: func(context.Context, string) (widget.Agency, bool, error) { return widget.Agency{}, false, nil }}, kit.Engine.Handle)
	err := ch.Sender().Send(context.Background(), channels.Outbound{ID: "x", To: channels.Address{Channel: channels.Widget, ID: "gone"}, Text: "halo"})
	if ok, _ := channels.Retryable(err); err == nil || ok {
		t.Errorf("send to an expired session: %v, want a final error", err)
	}
}

func TestAssetsAndDemo(t *testing.T) {
	g := newRig(t, widget.Limits{})
	js := g.do("GET", "/widget.js", "", nil)
	css := g.do("GET", "/widget/v1/widget.css", "", nil)
	if js.code != 200 || !strings.HasPrefix(js.header.Get("Content-Type"), "text/javascript") || css.code != 200 {
		t.Fatalf("assets: %d %v, %d", js.code, js.header, css.code)
	}
	for _, bad := range []string{"eval(", "new Function", "innerHTML", "insertAdjacentHTML", "document.write"} {
		if bytes.Contains(js.body, []byte(bad)) {
			t.Errorf("widget.js uses %s", bad)
		}
	}
	demo := g.do("GET", "/", "", nil)
	if demo.code != 200 || !strings.Contains(demo.header.Get("Content-Security-Policy"), "script-src 'self'") ||
		!bytes.Contains(demo.body, []byte(`data-agency="admin-nasional"`)) {
		t.Errorf("demo page: %d %v", demo.code, demo.header)
	}
	if r := g.do("GET", "/other", "", nil); r.code != 404 {
		t.Errorf("/other = %d", r.code)
	}
}

// TestAssetsAreSmall keeps what every page with the widget downloads within
// 30 KB gzipped.
func TestAssetsAreSmall(t *testing.T) {
	g := newRig(t, widget.Limits{})
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	for _, p := range []string{"/widget.js", "/widget/v1/widget.css"} {
		zw.Write(g.do("GET", p, "", nil).body)
	}
	zw.Close()
	t.Logf("widget.js + widget.css: %d bytes gzipped", b.Len())
	if b.Len() > 30<<10 {
		t.Errorf("widget.js + widget.css are %d bytes gzipped, over 30 KB", b.Len())
	}
}

func TestShutdownEndsOpenStreams(t *testing.T) {
	g := newRig(t, widget.Limits{})
	g.start("admin-nasional")
	req, _ := http.NewRequest("GET", g.srv.URL+"/widget/v1/admin-nasional/events", nil)
	req.Header.Set("Authorization", "Bearer "+g.auth)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	ended := make(chan struct{})
	go func() { io.Copy(io.Discard, res.Body); close(ended) }()
	openStreams := func(n int) string {
		return fmt.Sprintf(`
# HELP lapor_widget_open_readers Open web widget event streams and long polls, by kind (events, poll).
# TYPE lapor_widget_open_readers gauge
lapor_widget_open_readers{kind="events"} %d
`, n)
	}
	if err := testutil.GatherAndCompare(g.reg, strings.NewReader(openStreams(1)), "lapor_widget_open_readers"); err != nil {
		t.Error(err)
	}
	g.ch.Shutdown()
	select {
	case <-ended:
	case <-time.After(3 * time.Second):
		t.Fatal("an open event stream outlived Shutdown")
	}
	// The handler's deferred count may follow the end of the body.
	for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if err = testutil.GatherAndCompare(g.reg, strings.NewReader(openStreams(0)), "lapor_widget_open_readers"); err == nil {
			break
		}
	}
	if err != nil {
		t.Error(err)
	}
	start := time.Now()
	if r := g.do("GET", "/widget/v1/admin-nasional/messages?after=0-1", "", nil); r.code != 200 || time.Since(start) > time.Second {
		t.Errorf("a long poll after Shutdown = %d after %v, want an answer at once", r.code, time.Since(start))
	}
}
