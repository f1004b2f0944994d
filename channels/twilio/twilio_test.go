package twilio

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/channels/msglog"
	"github.com/sp4n-lapor/lapor/channels/twilio/twiliotest"
	"github.com/sp4n-lapor/lapor/dialog/dialogtest"
)

type rig struct {
	t    *testing.T
	api  *twiliotest.API
	kit  *dialogtest.Kit
	ch   *Channel
	send *Sender
	dir  string
	n    int
}

func newRig(t *testing.T, template string) *rig {
	api := twiliotest.New(t)
	kit := dialogtest.New(t, 6)
	dir := t.TempDir()
	ch, err := New(Config{AccountSID: testSID, AuthToken: testToken, SMSFrom: "+6281100001708", WhatsAppFrom: "whatsapp:+6281100001709",
		WhatsAppTemplate: template, APIURL: api.URL, PublicURL: publicURL, DataDir: dir, SendInterval: time.Millisecond,
		Logger: dialogtest.Quiet, Log: msglog.Log{Store: kit.Store}}, kit.Engine.Handle, kit.Outbox, kit.Redis)
	if err != nil {
		t.Fatal(err)
	}
	return &rig{t: t, api: api, kit: kit, ch: ch, send: ch.Sender(), dir: dir}
}

// post sends a signed webhook (signature "" signs it properly) and then
// delivers the replies it queued; it returns the status code.
func (r *rig) post(path string, form url.Values, signature string) int {
	r.t.Helper()
	if signature == "" {
		signature = sign(testToken, publicURL+path, form)
	}
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Twilio-Signature", signature)
	rec := httptest.NewRecorder()
	switch {
	case strings.HasPrefix(path, "/webhooks/twilio/sms"):
		r.ch.webhook(channels.SMS).ServeHTTP(rec, req)
	case strings.HasPrefix(path, "/webhooks/twilio/whatsapp"):
		r.ch.webhook(channels.WhatsApp).ServeHTTP(rec, req)
	default:
		r.ch.status().ServeHTTP(rec, req)
	}
	for _, ch := range []string{channels.SMS, channels.WhatsApp} {
		if err := r.kit.Outbox.Drain(context.Background(), ch, r.send); err != nil {
			r.t.Fatal(err)
		}
	}
	if rec.Code == http.StatusOK && !strings.Contains(rec.Body.String(), "<Response></Response>") {
		r.t.Errorf("webhook answered %q, want empty TwiML", rec.Body.String())
	}
	return rec.Code
}

func (r *rig) sms(from, body string) int {
	r.n++
	return r.post("/webhooks/twilio/sms", url.Values{"MessageSid": {fmt.Sprintf("SM%d%s", r.n, from)}, "From": {from},
		"To": {"+6281100001708"}, "Body": {body}, "NumMedia": {"0"}}, "")
}

func bodies(ms []url.Values) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Get("Body"))
	}
	return out
}

func TestWholeSMSConversation(t *testing.T) {
	r := newRig(t, "")
	from := "+6281234560001"
	for _, text := range []string{"LAPOR jalan di depan SDN 3 Tembalang rusak parah sejak bulan lalu", "lewati", "Budi", "2"} {
		if code := r.sms(from, text); code != http.StatusOK {
			t.Fatalf("%q: %d", text, code)
		}
	}
	r.sms(from, "kirim")
	sent := r.api.SentTo(from)
	all := strings.Join(bodies(sent), "\n")
	if strings.Contains(all, "ceritakan apa yang terjadi") || !strings.Contains(all, "Lokasi: Tembalang, Kota Semarang") {
		t.Fatalf("conversation:\n%s", all)
	}
	for _, m := range sent {
		if m.Get("From") != "+6281100001708" || !strings.HasPrefix(m.Get("StatusCallback"), publicURL+"/webhooks/twilio/status?id=") {
			t.Errorf("message fields %v", m)
		}
		if body := m.Get("Body"); !channels.IsGSM7(body) || channels.Segments(body) > 2 {
			t.Errorf("an SMS of %d segments: %q", channels.Segments(body), body)
		}
	}
	rep := r.kit.Filed(t, sent[len(sent)-1].Get("Body"))
	if rep.Source != "sms" || rep.ReporterAddress != from || rep.RegionCode != "33.74.10" || rep.Privacy != "anonim" {
		t.Errorf("filed %+v", rep)
	}
}

func TestWhatsAppWithPhotoAndPin(t *testing.T) {
	r := newRig(t, "")
	r.api.Media["/2010-04-01/Accounts/"+testSID+"/Messages/MM1/Media/ME1"] = []byte("photo of a flooded street")
	from := "+6281234560002"
	wa := func(form url.Values) {
		r.n++
		form.Set("MessageSid", fmt.Sprintf("SMwa%d", r.n))
		form.Set("From", "whatsapp:"+from)
		form.Set("To", "whatsapp:+6281100001709")
		form.Set("ProfileName", "Siti")
		if code := r.post("/webhooks/twilio/whatsapp", form, ""); code != http.StatusOK {
			t.Fatalf("%v: %d", form, code)
		}
	}
	wa(url.Values{"Body": {"halo"}})
	wa(url.Values{"Body": {"1"}})
	wa(url.Values{"Body": {"saluran air tersumbat sehingga jalan banjir setiap hujan"}})
	wa(url.Values{"Latitude": {"-6.2088"}, "Longitude": {"106.8456"}, "Address": {"Jl. Kebon Sirih, Jakarta Pusat"}, "Label": {"Kantor"}})
	wa(url.Values{"Body": {"kemarin"}})
	wa(url.Values{"NumMedia": {"2"}, "MediaUrl0": {r.api.URL + "/2010-04-01/Accounts/" + testSID + "/Messages/MM1/Media/ME1"},
		"MediaContentType0": {"image/jpeg"}, "MediaUrl1": {"https://evil.example/x.jpg"}, "MediaContentType1": {"image/jpeg"}})
	for _, text := range []string{"selesai", "lewati", "1"} {
		wa(url.Values{"Body": {text}})
	}
	sent := bodies(r.api.SentTo("whatsapp:" + from))
	summary := strings.Join(sent[len(sent)-2:], "\n")
	if !strings.Contains(summary, "Bukti: 1 berkas") {
		t.Fatalf("summary: %s\nall: %q", summary, sent)
	}
	wa(url.Values{"Body": {"kirim"}})
	sent = bodies(r.api.SentTo("whatsapp:" + from))
	rep := r.kit.Filed(t, sent[len(sent)-1])
	if rep.Latitude == nil || *rep.Latitude != -6.2088 || rep.Source != "whatsapp" {
		t.Errorf("filed %+v", rep)
	}
	// The photo, and not the file from another host.
	if b := dialogtest.OnlyFile(t, r.dir); string(b) != "photo of a flooded street" {
		t.Errorf("stored %q", b)
	}
}

func TestForgedSignature(t *testing.T) {
	r := newRig(t, "")
	form := url.Values{"MessageSid": {"SMforged"}, "From": {"+6281234560003"}, "Body": {"halo"}}
	for _, sig := range []string{"bm90IGEgc2lnbmF0dXJl", sign("wrong-token", publicURL+"/webhooks/twilio/sms", form),
		sign(testToken, "https://attacker.example/webhooks/twilio/sms", form)} {
		if code := r.post("/webhooks/twilio/sms", form, sig); code != http.StatusForbidden {
			t.Errorf("signature %q: %d, want 403", sig, code)
		}
	}
	if got := r.api.SentTo("+6281234560003"); len(got) != 0 {
		t.Errorf("%d replies to forged requests", len(got))
	}
}

func TestSameMessageSidTwice(t *testing.T) {
	r := newRig(t, "")
	form := url.Values{"MessageSid": {"SMtwice"}, "From": {"+6281234560004"}, "Body": {"halo"}, "NumMedia": {"0"}}
	r.post("/webhooks/twilio/sms", form, "")
	first := len(r.api.SentTo("+6281234560004"))
	if code := r.post("/webhooks/twilio/sms", form, ""); code != http.StatusOK {
		t.Fatalf("retry: %d", code)
	}
	if got := len(r.api.SentTo("+6281234560004")); first == 0 || got != first {
		t.Errorf("replies: %d, then %d after the retry", first, got)
	}
}

// TestStatusCallbacksReachTheMessageLog files a report by SMS, then plays
// Twilio's status callbacks for its replies (out of order, and one forged):
// the report's message log shows each reply with its last real status.
func TestStatusCallbacksReachTheMessageLog(t *testing.T) {
	r := newRig(t, "")
	from := "+6281234560005"
	for _, text := range []string{"LAPOR lampu lalu lintas di simpang lima mati total sejak kemarin malam", "kota semarang", "lewati", "lewati", "1", "kirim"} {
		r.sms(from, text)
	}
	sent := r.api.SentTo(from)
	rep := r.kit.Filed(t, sent[len(sent)-1].Get("Body"))
	callback, _ := url.Parse(sent[0].Get("StatusCallback"))
	path := callback.RequestURI()
	status := func(s, sig string) int {
		return r.post(path, url.Values{"MessageSid": {"SM1"}, "MessageStatus": {s}, "To": {from}}, sig)
	}
	for _, s := range []string{"sent", "delivered", "sent"} { // the late "sent" must not undo "delivered"
		if got := status(s, ""); got != http.StatusNoContent {
			t.Fatalf("status callback %s: %d", s, got)
		}
	}
	if got := status("failed", "forged"); got != http.StatusForbidden {
		t.Errorf("forged status callback: %d", got)
	}
	msgs, err := r.kit.Store.Messages(context.Background(), rep.Conversation)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != len(sent) {
		t.Fatalf("message log has %d messages, %d were sent", len(msgs), len(sent))
	}
	if msgs[0].Status != "delivered" || msgs[0].ProviderID == "" || msgs[1].Status != "queued" {
		t.Errorf("message log: %+v / %+v", msgs[0], msgs[1])
	}
}

func TestStopAndStartAgain(t *testing.T) {
	r := newRig(t, "")
	from := "+6281234560006"
	r.sms(from, "halo")
	before := len(r.api.SentTo(from))
	r.sms(from, "STOP")
	after := r.api.SentTo(from)
	if len(after) != before+1 || !strings.Contains(after[len(after)-1].Get("Body"), "tidak akan menerima pesan lagi") {
		t.Fatalf("STOP answered %v", bodies(after[before:]))
	}
	// More STOPs get no more confirmations; the opt-out outlives Redis
	// losing its data, as it is kept in the database.
	for range 4 {
		r.sms(from, "BERHENTI")
	}
	if err := r.kit.Redis.FlushDB(context.Background()).Err(); err != nil {
		t.Fatal(err)
	}
	r.sms(from, "1")
	if got := len(r.api.SentTo(from)); got != before+1 {
		t.Errorf("%d messages sent after STOP", got-before-1)
	}
	r.sms(from, "MULAI")
	if got := r.api.SentTo(from); len(got) <= before+1 || !strings.Contains(got[len(got)-1].Get("Body"), "jenis laporan") {
		t.Errorf("MULAI did not start again: %v", bodies(got[before:]))
	}
}

func TestWhatsAppOutsideTheWindow(t *testing.T) {
	to := channels.Address{Channel: channels.WhatsApp, ID: "+6281234560007"}
	notice := channels.Outbound{ID: "answer-1", To: to, Text: "Instansi menjawab laporan Anda."}

	r := newRig(t, "")
	if err := r.send.Send(context.Background(), notice); err != nil {
		t.Fatal(err)
	}
	if got := r.api.SentTo("whatsapp:" + to.ID); len(got) != 0 {
		t.Fatalf("sent outside the window without a template: %v", got)
	}
	r.n++
	r.post("/webhooks/twilio/whatsapp", url.Values{"MessageSid": {"SMback"}, "From": {"whatsapp:" + to.ID}, "Body": {"halo"}}, "")
	if got := bodies(r.api.SentTo("whatsapp:" + to.ID)); len(got) == 0 || got[0] != "Instansi menjawab laporan Anda." {
		t.Errorf("the waiting message was not delivered at the citizen's next message: %q", got)
	}

	withTemplate := newRig(t, "HX0123456789abcdef0123456789abcdef")
	notice.To.ID = "+6281234560017" // a citizen whose window is closed
	if err := withTemplate.send.Send(context.Background(), notice); err != nil {
		t.Fatal(err)
	}
	got := withTemplate.api.SentTo("whatsapp:" + notice.To.ID)
	if len(got) != 1 || got[0].Get("ContentSid") != "HX0123456789abcdef0123456789abcdef" ||
		!strings.Contains(got[0].Get("ContentVariables"), "Instansi menjawab") {
		t.Errorf("template message: %v", got)
	}
}

func TestSendErrors(t *testing.T) {
	r := newRig(t, "")
	to := channels.Address{Channel: channels.SMS, ID: "+6281234560008"}
	tests := []struct {
		fail      string
		retryable bool
		stopped   bool
	}{
		{`503|{"code":20500,"message":"Internal","status":503}`, true, false},
		{`429|{"code":20429,"message":"Too Many Requests","status":429}`, true, false},
		{`400|{"code":21610,"message":"Attempt to send to unsubscribed recipient","status":400}`, false, true},
		{`400|{"code":21211,"message":"Invalid 'To' Phone Number","status":400}`, false, false},
	}
	for _, tt := range tests {
		r.api.FailNext(tt.fail)
		err := r.send.Send(context.Background(), channels.Outbound{ID: "e", To: to, Text: "x"})
		var se *channels.SendError
		if !errorsAs(err, &se) || se.Retryable != tt.retryable || se.Stopped != tt.stopped {
			t.Errorf("%s: %#v", tt.fail, err)
		}
		if strings.Contains(err.Error(), "Phone Number") || !strings.Contains(err.Error(), "twilio error") {
			t.Errorf("the error for logs is %q: want the code, not Twilio's message", err)
		}
	}
}
