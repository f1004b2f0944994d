package twilio

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/twilio/twilio-go/client"
	openapi "github.com/twilio/twilio-go/rest/api/v2010"
)

// Sender sends SMS and WhatsApp messages through Twilio's REST API.
type Sender struct {
	c     *Channel
	paces *channels.Pacer[string] // by sender number
}

var _ channels.Sender = (*Sender)(nil)

// Sender returns the channel's sender, for both SMS and WhatsApp.
func (c *Channel) Sender() *Sender {
	return &Sender{c: c, paces: channels.NewPacer[string](c.cfg.SendInterval)}
}

// Send implements channels.Sender. SMS text is kept to GSM-7; a WhatsApp
// message outside the 24-hour window goes as the configured template, or
// waits for the citizen's next message.
func (s *Sender) Send(ctx context.Context, m channels.Outbound) error {
	c := s.c
	p := &openapi.CreateMessageParams{}
	p.SetPathAccountSid(c.cfg.AccountSID)
	from := c.cfg.SMSFrom
	switch m.To.Channel {
	case channels.SMS:
		p.SetTo(m.To.ID)
		p.SetBody(channels.ToGSM7(m.Text))
	case channels.WhatsApp:
		from = c.cfg.WhatsAppFrom
		p.SetTo("whatsapp:" + m.To.ID)
		open, err := c.rdb.Exists(ctx, windowKey(m.To)).Result()
		if err != nil {
			return err
		}
		switch {
		case open > 0:
			p.SetBody(m.Text)
		case c.cfg.WhatsAppTemplate != "":
			vars, _ := json.Marshal(map[string]string{"1": m.Text})
			p.SetContentSid(c.cfg.WhatsAppTemplate)
			p.SetContentVariables(string(vars))
		default:
			b, _ := json.Marshal(m)
			return c.rdb.RPush(ctx, deferredKey(m.To), b).Err() // sent at their next message
		}
	default:
		return &channels.SendError{Err: errors.New("twilio: not an SMS or WhatsApp address: " + m.To.String())}
	}
	if strings.HasPrefix(from, "MG") {
		p.SetMessagingServiceSid(from)
	} else {
		p.SetFrom(from)
	}
	if c.cfg.PublicURL != "" && m.ID != "" {
		p.SetStatusCallback(strings.TrimRight(c.cfg.PublicURL, "/") + StatusPath + "?id=" + url.QueryEscape(m.ID))
	}
	if err := s.paces.Wait(ctx, from); err != nil {
		return err
	}
	res, err := c.api.CreateMessage(p)
	if err != nil {
		return sendError(err)
	}
	sid := ""
	if res.Sid != nil {
		sid = *res.Sid
	}
	if err := c.cfg.Log.Sent(ctx, m, sid); err != nil {
		c.log.Warn("twilio: log sent message", "message", m.ID, "err", err) // sent all the same
	}
	return nil
}

// Twilio error codes that decide what the outbox does.
const (
	errOptedOut       = 21610 // the number replied STOP
	errRateLimited    = 63018 // WhatsApp rate limit
	httpTooMany       = 429
	firstServerStatus = 500
)

// sendError says what the outbox should do about a failed send: retry on
// 5xx, 429 and 63018; stop for good on 21610; give up on other errors.
func sendError(err error) error {
	if err == nil {
		return nil
	}
	var te *client.TwilioRestError
	if !errors.As(err, &te) {
		return &channels.SendError{Err: err, Retryable: true} // the network: try again
	}
	// Twilio's message often quotes the number ("The 'To' number +62… is
	// not valid"); the code says as much and keeps it out of logs.
	err = fmt.Errorf("twilio error %d (HTTP %d)", te.Code, te.Status)
	switch {
	case te.Code == errOptedOut:
		return &channels.SendError{Err: err, Stopped: true}
	case te.Code == errRateLimited, te.Status == httpTooMany:
		return &channels.SendError{Err: err, Retryable: true, RetryAfter: time.Second}
	case te.Status >= firstServerStatus:
		return &channels.SendError{Err: err, Retryable: true}
	}
	return &channels.SendError{Err: err} // 21211 (invalid number), 21614 (not a mobile) and the rest: final
}
