package twilio

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/locales"
)

// emptyTwiML answers a message webhook: replies go through the REST API.
const emptyTwiML = `<?xml version="1.0" encoding="UTF-8"?><Response></Response>`

// maxFormSize bounds a webhook body.
const maxFormSize = 64 << 10

// windowTTL is WhatsApp's customer-service window: free-form messages may
// be sent until 24 hours after the citizen's last message.
const windowTTL = 24 * time.Hour

func windowKey(a channels.Address) string   { return "lapor:twilio:window:" + a.String() }
func deferredKey(a channels.Address) string { return "lapor:twilio:deferred:" + a.String() }

// The paths of the channel's webhooks, which Twilio's numbers are set to
// call (the status callback's is sent with each message).
const (
	SMSPath      = "/webhooks/twilio/sms"
	WhatsAppPath = "/webhooks/twilio/whatsapp"
	StatusPath   = "/webhooks/twilio/status"
)

// Routes are the channel's webhooks: incoming SMS, incoming WhatsApp
// messages, and delivery statuses.
func (c *Channel) Routes() []channels.Route {
	return []channels.Route{
		{Method: http.MethodPost, Path: SMSPath, Handler: c.webhook(channels.SMS)},
		{Method: http.MethodPost, Path: WhatsAppPath, Handler: c.webhook(channels.WhatsApp)},
		{Method: http.MethodPost, Path: StatusPath, Handler: c.status()},
	}
}

// verified parses a webhook's form and checks Twilio's signature against
// the public URL of the request, so that it holds behind a proxy.
func (c *Channel) verified(w http.ResponseWriter, r *http.Request) (url.Values, bool) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormSize)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return nil, false
	}
	params := map[string]string{}
	for k, v := range r.PostForm {
		params[k] = v[0]
	}
	full := strings.TrimRight(c.cfg.PublicURL, "/") + r.URL.RequestURI()
	if sig := r.Header.Get("X-Twilio-Signature"); sig == "" || !c.validator.Validate(full, params, sig) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return nil, false
	}
	return r.PostForm, true
}

func (c *Channel) webhook(channel string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		form, ok := c.verified(w, r)
		if !ok {
			return
		}
		if err := c.take(r.Context(), channel, form); err != nil {
			c.log.Error("twilio: message not taken", "channel", channel, "sid", form.Get("MessageSid"), "err", err)
			http.Error(w, "try again", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.Write([]byte(emptyTwiML))
	})
}

func (c *Channel) take(ctx context.Context, channel string, form url.Values) error {
	from := channels.Address{Channel: channel, ID: strings.TrimPrefix(form.Get("From"), "whatsapp:")}
	sid := form.Get("MessageSid")
	if !from.Valid() || sid == "" {
		return nil // nothing a retry would mend
	}
	text := strings.TrimSpace(form.Get("Body"))
	if p := form.Get("ButtonPayload"); p != "" {
		text = p
	}
	if channel == channels.WhatsApp {
		if err := c.openWindow(ctx, from); err != nil {
			return err
		}
	}
	switch strings.ToUpper(text) {
	case "STOP", "BERHENTI", "UNSUBSCRIBE":
		return c.optOut(ctx, from, sid)
	case "MULAI", "START":
		if err := c.out.Resume(ctx, from); err != nil {
			return err
		}
	}
	// "LAPOR <isi laporan>", as on 1708: the rest is the first message.
	if rest, ok := cutWord(text, "LAPOR"); ok && rest != "" {
		text = rest
	}
	in := channels.Inbound{ID: sid, From: from, Text: text, Name: form.Get("ProfileName"), ReceivedAt: time.Now()}
	if lat, long := form.Get("Latitude"), form.Get("Longitude"); lat != "" && long != "" {
		la, err1 := strconv.ParseFloat(lat, 64)
		lo, err2 := strconv.ParseFloat(long, 64)
		if err1 == nil && err2 == nil {
			in.Location = &channels.Location{Latitude: la, Longitude: lo, Label: strings.Trim(form.Get("Label")+", "+form.Get("Address"), ", ")}
		}
	}
	files, err := c.media(ctx, form)
	if err != nil {
		return err
	}
	in.Attachments = files
	return c.handle(ctx, in)
}

func cutWord(text, word string) (string, bool) {
	if len(text) >= len(word) && strings.EqualFold(text[:len(word)], word) && (len(text) == len(word) || text[len(word)] == ' ') {
		return strings.TrimSpace(text[len(word):]), true
	}
	return text, false
}

// optOut stops messages to a number, after saying so once: a second STOP
// gets no answer.
func (c *Channel) optOut(ctx context.Context, from channels.Address, sid string) error {
	stopped, err := c.out.Stopped(ctx, from)
	if err != nil {
		return err
	}
	if !stopped {
		if err := c.out.Enqueue(ctx, channels.Outbound{ID: "stop/" + sid, To: from, EvenIfStopped: true,
			Text: locales.New().T("bot_stopped", nil)}); err != nil {
			return err
		}
	}
	return c.out.Stop(ctx, from)
}

// openWindow notes a WhatsApp message, which opens 24 hours of free-form
// replies, and releases the replies that waited for it.
func (c *Channel) openWindow(ctx context.Context, from channels.Address) error {
	if err := c.rdb.Set(ctx, windowKey(from), 1, windowTTL).Err(); err != nil {
		return err
	}
	waiting, err := c.rdb.LRange(ctx, deferredKey(from), 0, -1).Result()
	if err != nil || len(waiting) == 0 {
		return err
	}
	var msgs []channels.Outbound
	for _, w := range waiting {
		var m channels.Outbound
		if json.Unmarshal([]byte(w), &m) == nil {
			msgs = append(msgs, m)
		}
	}
	if err := c.out.Enqueue(ctx, msgs...); err != nil {
		return err
	}
	return c.rdb.Del(ctx, deferredKey(from)).Err()
}

// media downloads the files of a message, only from Twilio's hosts or the
// configured API's, with the account's credentials.
func (c *Channel) media(ctx context.Context, form url.Values) ([]channels.Attachment, error) {
	n, _ := strconv.Atoi(form.Get("NumMedia"))
	var out []channels.Attachment
	for i := range min(n, 10) {
		raw := form.Get("MediaUrl" + strconv.Itoa(i))
		u, err := url.Parse(raw)
		if err != nil || !c.mediaURL(u) {
			c.log.Warn("twilio: media from a host not Twilio's, or not over https, ignored", "host", u.Hostname())
			continue
		}
		a, err := c.download(ctx, raw, form.Get("MediaContentType"+strconv.Itoa(i)))
		if errors.Is(err, channels.ErrTooLarge) {
			c.log.Warn("twilio: media over the size limit ignored", "url", raw)
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func (c *Channel) download(ctx context.Context, raw, contentType string) (channels.Attachment, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, raw, nil)
	if err != nil {
		return channels.Attachment{}, err
	}
	req.SetBasicAuth(c.cfg.AccountSID, c.cfg.AuthToken)
	hc := *c.cfg.HTTPClient
	hc.CheckRedirect = c.checkRedirect
	res, err := hc.Do(req)
	if err != nil {
		return channels.Attachment{}, fmt.Errorf("twilio: download media: %w", err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return channels.Attachment{}, fmt.Errorf("twilio: download media: %s", res.Status)
	}
	if contentType == "" {
		contentType = res.Header.Get("Content-Type")
	}
	return channels.StoreFile(c.cfg.DataDir, res.Body, MaxMediaSize, contentType, "")
}
