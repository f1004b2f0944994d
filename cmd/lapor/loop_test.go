package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sp4n-lapor/lapor/channels/twilio/twiliotest"
)

// loop is the whole service and a citizen who writes to it by SMS, through
// Twilio in-process.
type loop struct {
	t       *testing.T
	base    string
	twilio  *twiliotest.API
	citizen string
	n       int
}

const loopPublicURL = "https://lapor.test"

func newLoop(t *testing.T, cfg Config) *loop {
	t.Chdir(t.TempDir())
	api := twiliotest.New(t)
	cfg.Addr, cfg.AdminToken, cfg.PublicURL, cfg.DataDir, cfg.LogLevel = "127.0.0.1:0", "t0ken", loopPublicURL, "data", "info"
	cfg.TwilioAccountSID, cfg.TwilioAuthToken, cfg.TwilioSMSFrom = twiliotest.SID, twiliotest.Token, "+6281100001708"
	cfg.TwilioAPIURL, cfg.TwilioSendInterval, cfg.WidgetDemo = api.URL, "1ms", "admin-nasional"
	cfg.RoutingMinConfidence = "0.25"
	return &loop{t: t, base: startServe(t, cfg), twilio: api, citizen: "+6281234569001"}
}

// sms sends the citizen's message as Twilio would, and waits for the
// service's next SMS that holds want.
func (l *loop) sms(text, want string) string {
	l.t.Helper()
	before := len(l.twilio.SentTo(l.citizen))
	l.n++
	form := url.Values{"MessageSid": {fmt.Sprintf("SMloop%04d", l.n)}, "From": {l.citizen}, "To": {"+6281100001708"}, "Body": {text}, "NumMedia": {"0"}}
	req, _ := http.NewRequest("POST", l.base+"/webhooks/twilio/sms", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Twilio-Signature", twiliotest.Sign(twiliotest.Token, loopPublicURL+"/webhooks/twilio/sms", form))
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != http.StatusOK {
		l.t.Fatalf("SMS %q: %v %v", text, err, res)
	}
	res.Body.Close()
	return l.await(before, want)
}

// await waits for an SMS to the citizen, after the first skip, that holds want.
func (l *loop) await(skip int, want string) string {
	l.t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		for _, m := range l.twilio.SentTo(l.citizen)[min(skip, len(l.twilio.SentTo(l.citizen))):] {
			if strings.Contains(m.Get("Body"), want) {
				return m.Get("Body")
			}
		}
	}
	var got []string
	for _, m := range l.twilio.SentTo(l.citizen) {
		got = append(got, m.Get("Body"))
	}
	l.t.Fatalf("no SMS with %q; the citizen got %q", want, got)
	return ""
}

// call sends a request to the API with a key, and decodes the answer.
func (l *loop) call(method, path, key, body string, want int) map[string]any {
	l.t.Helper()
	req, _ := http.NewRequest(method, l.base+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+key)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		l.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != want {
		l.t.Fatalf("%s %s = %d %s, want %d", method, path, res.StatusCode, b, want)
	}
	var out map[string]any
	json.Unmarshal(b, &out)
	return out
}

func (l *loop) agencyKey(id string) string {
	return l.call("POST", "/api/v1/admin/agencies/"+id+"/keys", "t0ken", `{"label":"loop"}`, 201)["key"].(string)
}

// TestWholeLoopBySMS: a citizen files by SMS; the agency lists and reads
// the ticket with its key and answers; the citizen gets the answer by SMS
// and replies; the agency forwards; the new agency closes; the citizen
// rates.
func TestWholeLoopBySMS(t *testing.T) {
	l := newLoop(t, Config{DatabaseURL: "lapor.db"})
	wholeLoop(t, l)
}

// TestWholeLoopOnPostgresAndRedis runs the same on the real services.
func TestWholeLoopOnPostgresAndRedis(t *testing.T) {
	db, rurl := os.Getenv("LAPOR_TEST_DATABASE_URL"), os.Getenv("LAPOR_TEST_REDIS_URL")
	if db == "" || rurl == "" {
		t.Skip("LAPOR_TEST_DATABASE_URL and LAPOR_TEST_REDIS_URL are not both set")
	}
	l := newLoop(t, Config{DatabaseURL: db, RedisURL: rurl})
	l.citizen = fmt.Sprintf("+62812%07d", time.Now().UnixNano()%10_000_000) // its own conversation on a shared Redis
	wholeLoop(t, l)
}

func wholeLoop(t *testing.T, l *loop) {
	l.sms("LAPOR jalan di depan SDN 3 Tembalang rusak parah sejak bulan lalu", "foto atau dokumen")
	l.sms("lewati", "nama")
	l.sms("lewati", "ditampilkan")
	l.sms("1", "Ringkasan")
	filed := l.sms("kirim", "LPR-")
	code := filed[strings.Index(filed, "LPR-") : strings.Index(filed, "LPR-")+13]

	agencyID := l.call("GET", "/api/v1/admin/reports/"+code, "t0ken", "", 200)["agency"].(map[string]any)["id"].(string)
	key := l.agencyKey(agencyID)
	inbox := l.call("GET", "/api/v1/agency/tickets", key, "", 200)
	if tickets := inbox["tickets"].([]any); len(tickets) == 0 || tickets[0].(map[string]any)["tracking_code"] != code {
		t.Fatalf("%s's inbox: %v", agencyID, inbox)
	}
	l.call("GET", "/api/v1/agency/tickets/"+code, key, "", 200)
	before := len(l.twilio.SentTo(l.citizen))
	l.call("POST", "/api/v1/agency/tickets/"+code+"/responses", key, `{"text":"Jalan sudah kami tambal sementara, perbaikan permanen pekan depan."}`, 201)
	l.await(before, "perbaikan permanen pekan depan")

	l.sms("Terima kasih, tapi lubang di dekat gerbang sekolah belum ditambal", "sudah kami teruskan")
	ticket := l.call("GET", "/api/v1/agency/tickets/"+code, key, "", 200)
	if ticket["status"] != "ditanggapi_pelapor" || !strings.Contains(fmt.Sprint(ticket["timeline"]), "gerbang sekolah") {
		t.Fatalf("after the reply: %v", ticket)
	}

	before = len(l.twilio.SentTo(l.citizen))
	l.call("POST", "/api/v1/agency/tickets/"+code+"/forward", key, `{"agency_id":"pemda-33","reason":"jalan provinsi"}`, 200)
	l.await(before, "Pemerintah Provinsi Jawa Tengah")
	l.call("GET", "/api/v1/agency/tickets/"+code, key, "", 404)
	province := l.agencyKey("pemda-33")
	before = len(l.twilio.SentTo(l.citizen))
	l.call("POST", "/api/v1/agency/tickets/"+code+"/status", province, `{"status":"selesai"}`, 200)
	l.await(before, "angka 1")

	l.sms("5", "Terima kasih atas penilaian")
	if got := l.call("GET", "/api/v1/admin/reports/"+code, "t0ken", "", 200)["rating"]; got != 5.0 {
		t.Errorf("the rating the admin sees: %v", got)
	}
}
