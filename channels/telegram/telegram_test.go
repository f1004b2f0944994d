package telegram

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/dialog/dialogtest"
)

const secret = "s3cret-token"

type rig struct {
	t    *testing.T
	api  *fakeAPI
	kit  *dialogtest.Kit
	ch   *Channel
	send *Sender
	dir  string
}

func newRig(t *testing.T) *rig {
	api := newFakeAPI(t)
	kit := dialogtest.New(t, 5)
	dir := t.TempDir()
	ch, err := New(Config{Token: testToken, APIURL: api.URL, WebhookSecret: secret, DataDir: dir, Logger: dialogtest.Quiet,
		PerChatInterval: time.Millisecond},
		kit.Engine.Handle, kit.Outbox)
	if err != nil {
		t.Fatal(err)
	}
	return &rig{t: t, api: api, kit: kit, ch: ch, send: ch.Sender(), dir: dir}
}

// post delivers an update to the webhook and sends what it queued.
func (r *rig) post(body, secretHeader string) int {
	r.t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/webhooks/telegram", strings.NewReader(body))
	req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secretHeader)
	rec := httptest.NewRecorder()
	r.ch.webhook().ServeHTTP(rec, req)
	if err := r.kit.Outbox.Drain(context.Background(), channels.Telegram, r.send); err != nil {
		r.t.Fatal(err)
	}
	return rec.Code
}

func TestWholeConversationWithPhotoAndLocation(t *testing.T) {
	r := newRig(t)
	r.api.files["photos/PH1.jpg"] = []byte("\xff\xd8\xff jpeg bytes of a broken road")
	chat := int64(777001)
	id := int64(1000)
	next := func() int64 { id++; return id }
	for _, text := range []string{"/start", "1", "jalan berlubang besar di depan pasar membahayakan pengendara"} {
		if code := r.post(update(next(), textMessage(chat, text)), secret); code != http.StatusOK {
			t.Fatalf("%q: %d", text, code)
		}
	}
	sent := r.api.sent("777001")
	last := r.api.callsOf("sendMessage")
	if !strings.Contains(sent[len(sent)-1], "Di mana") || !strings.Contains(last[len(last)-1].Params["reply_markup"], `"request_location":true`) {
		t.Fatalf("where question: %q, markup %s", sent[len(sent)-1], last[len(last)-1].Params["reply_markup"])
	}
	loc := textMessage(chat, "")
	delete(loc, "text")
	loc["location"] = map[string]any{"latitude": -6.9175, "longitude": 107.6191}
	r.post(update(next(), loc), secret)
	r.post(update(next(), textMessage(chat, "kota bandung")), secret)
	r.post(update(next(), textMessage(chat, "kemarin")), secret)
	contact := textMessage(chat, "")
	delete(contact, "text")
	contact["contact"] = map[string]any{"phone_number": "+6281234567001", "first_name": "Siti", "user_id": chat}
	r.post(update(next(), contact), secret)
	if got := r.api.sent("777001"); !strings.Contains(got[len(got)-2], "Nomor telepon") || !strings.Contains(got[len(got)-1], "foto") {
		t.Fatalf("after the contact card: %q", got[len(got)-2:])
	}
	photo := textMessage(chat, "")
	delete(photo, "text")
	photo["caption"] = ""
	photo["photo"] = []map[string]any{
		{"file_id": "PH0", "file_unique_id": "a", "width": 90, "height": 60, "file_size": 900},
		{"file_id": "PH1", "file_unique_id": "b", "width": 1280, "height": 960, "file_size": 30},
	}
	r.post(update(next(), photo), secret)
	if got := r.api.sent("777001"); !strings.Contains(got[len(got)-1], "1 berkas") {
		t.Fatalf("after the photo: %q", got[len(got)-1])
	}
	for _, text := range []string{"selesai", "lewati", "1"} {
		r.post(update(next(), textMessage(chat, text)), secret)
	}
	sent = r.api.sent("777001")
	summary := strings.Join(sent[len(sent)-2:], "\n")
	if !strings.Contains(summary, "Bukti: 1 berkas") || !strings.Contains(summary, "Kota Bandung") {
		t.Fatalf("summary: %s", summary)
	}
	r.post(update(next(), textMessage(chat, "kirim")), secret)
	sent = r.api.sent("777001")
	rep := r.kit.Filed(t, sent[len(sent)-1])
	if rep.Latitude == nil || *rep.Latitude != -6.9175 || rep.RegionCode != "32.73" || rep.Source != "telegram" || rep.ReporterAddress != "777001" ||
		rep.ReporterPhone != "+6281234567001" {
		t.Errorf("filed %+v", rep)
	}
	if b := dialogtest.OnlyFile(t, r.dir); string(b) != "\xff\xd8\xff jpeg bytes of a broken road" {
		t.Errorf("stored the wrong size of the photo: %q", b)
	}
}

func TestWebhookSecret(t *testing.T) {
	r := newRig(t)
	for _, s := range []string{"", "wrong", secret + "x"} {
		if code := r.post(update(1, textMessage(5, "halo")), s); code != http.StatusUnauthorized {
			t.Errorf("secret %q: %d, want 401", s, code)
		}
	}
	if n := len(r.api.callsOf("sendMessage")); n != 0 {
		t.Errorf("%d messages sent for unauthenticated updates", n)
	}
}

func TestSameUpdateTwice(t *testing.T) {
	r := newRig(t)
	body := update(42, textMessage(6, "halo"))
	r.post(body, secret)
	first := len(r.api.sent("6"))
	if code := r.post(body, secret); code != http.StatusOK {
		t.Fatalf("retry: %d", code)
	}
	if got := len(r.api.sent("6")); first == 0 || got != first {
		t.Errorf("replies: %d after the update, %d after its retry", first, got)
	}
}

func TestGroupChatsAreRefused(t *testing.T) {
	r := newRig(t)
	m := textMessage(-100200, "lapor pak")
	m["chat"] = map[string]any{"id": -100200, "type": "group"}
	r.post(update(7, m), secret)
	if got := r.api.sent("-100200"); len(got) != 1 || !strings.Contains(got[0], "percakapan pribadi") {
		t.Errorf("group got %q", got)
	}
}

func TestBlockedUserGetsNothingMore(t *testing.T) {
	r := newRig(t)
	r.api.failures["8"] = []string{`{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}`}
	r.post(update(80, textMessage(8, "halo")), secret)
	stopped, err := r.kit.Outbox.Stopped(context.Background(), channels.Address{Channel: channels.Telegram, ID: "8"})
	if err != nil || !stopped {
		t.Fatalf("after a 403 the contact is not stopped: %v %v", stopped, err)
	}
	before := len(r.api.callsOf("sendMessage"))
	r.post(update(81, textMessage(8, "1")), secret)
	if after := len(r.api.callsOf("sendMessage")); after != before {
		t.Errorf("%d more sends to a user who blocked the bot", after-before)
	}
}

func TestTooManyRequestsWaitsRetryAfter(t *testing.T) {
	r := newRig(t)
	r.api.failures["9"] = []string{`{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}`}
	r.post(update(90, textMessage(9, "halo")), secret)
	// The greeting met the 429; the question after it went through.
	if got := r.api.sent("9"); len(got) != 2 {
		t.Fatalf("first attempts: %d sends", len(got))
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(r.api.sent("9")) < 3 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		if err := r.kit.Outbox.Drain(context.Background(), channels.Telegram, r.send); err != nil {
			t.Fatal(err)
		}
	}
	calls := r.api.callsOf("sendMessage")
	if len(calls) < 3 {
		t.Fatalf("the refused message was not sent again: %d calls", len(calls))
	}
	if wait := calls[len(calls)-1].At.Sub(calls[0].At); wait < time.Second {
		t.Errorf("sent again after %v, before retry_after", wait)
	}
}

func TestCallbackQueryIsAnsweredAndTaken(t *testing.T) {
	r := newRig(t)
	r.post(update(300, textMessage(11, "halo")), secret)
	body := `{"update_id":301,"callback_query":{"id":"cb-1","from":{"id":11,"is_bot":false,"first_name":"Siti"},"chat_instance":"x","data":"1"}}`
	if code := r.post(body, secret); code != http.StatusOK {
		t.Fatalf("callback: %d", code)
	}
	answered := r.api.callsOf("answerCallbackQuery")
	if len(answered) != 1 || answered[0].Params["callback_query_id"] != "cb-1" {
		t.Errorf("answerCallbackQuery calls: %+v", answered)
	}
	if got := r.api.sent("11"); !strings.Contains(got[len(got)-1], "ceritakan") {
		t.Errorf("the button's answer did not step the conversation: %q", got[len(got)-1])
	}
}

func TestEditedMessagesDoNotStep(t *testing.T) {
	r := newRig(t)
	r.post(update(400, textMessage(12, "halo")), secret)
	before := len(r.api.sent("12"))
	edited := `{"update_id":401,"edited_message":{"message_id":1,"date":0,"text":"1","chat":{"id":12,"type":"private"}}}`
	if code := r.post(edited, secret); code != http.StatusOK {
		t.Fatalf("edited: %d", code)
	}
	if after := len(r.api.sent("12")); after != before {
		t.Errorf("an edited message made %d replies", after-before)
	}
}
