// Package channels holds what every channel shares: the normalised inbound
// and outbound messages, the Sender a channel adapter implements, and the
// outbox (Redis Streams) through which every reply is sent.
package channels

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"
)

// Channel names.
const (
	Telegram = "telegram"
	WhatsApp = "whatsapp"
	SMS      = "sms"
	Widget   = "widget"
	Console  = "console"
)

// Address is where a citizen is reached: a channel and the id the channel
// knows them by (a chat id, a phone number, a widget session).
type Address struct {
	Channel string `json:"channel"`
	ID      string `json:"id"`
}

// String is "channel:id".
func (a Address) String() string { return a.Channel + ":" + a.ID }

// Valid reports whether the address names a channel and an id, without the
// braces that would break Redis Cluster hash tags.
func (a Address) Valid() bool {
	return a.Channel != "" && a.ID != "" && !strings.ContainsAny(a.String(), "{}")
}

// Location is a point on the map a citizen shared.
type Location struct {
	Latitude  float64 `json:"lat"`
	Longitude float64 `json:"long"`
	Label     string  `json:"label,omitempty"` // a venue name or address, if the channel gave one
}

// Attachment is a file a citizen sent, already stored by the adapter.
type Attachment struct {
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
	Path        string `json:"path"`
	FileName    string `json:"file_name,omitempty"`
}

// Inbound is one message from a citizen, whatever channel it came by.
type Inbound struct {
	// ID is the provider's message id, unique within the channel; a retried
	// delivery carries the same id.
	ID          string       `json:"id"`
	From        Address      `json:"from"`
	Text        string       `json:"text,omitempty"`
	Location    *Location    `json:"location,omitempty"`
	Attachments []Attachment `json:"attachments,omitempty"`
	Name        string       `json:"name,omitempty"`  // the profile name the channel shows
	Phone       string       `json:"phone,omitempty"` // a phone number the citizen shared as their contact
	// Via is the agency whose site or app the citizen wrote through (the
	// agency of a web widget): the report's source and a routing hint.
	Via        string    `json:"via,omitempty"`
	ReceivedAt time.Time `json:"received_at"`
}

// Outbound is one message to a citizen.
type Outbound struct {
	// ID is unique and stable: the same reply enqueued twice has the same id.
	ID   string  `json:"id"`
	To   Address `json:"to"`
	Text string  `json:"text"`
	// Choices are the answers offered, shown as buttons where the channel
	// has them; Text already lists them numbered for channels that don't.
	Choices []string `json:"choices,omitempty"`
	// LocationButton, when set, is the label of a "send my location" button,
	// for channels that have one.
	LocationButton string `json:"location_button,omitempty"`
	// EvenIfStopped sends the message to a citizen who opted out: the one
	// message that confirms it.
	EvenIfStopped bool `json:"even_if_stopped,omitempty"`
	// Conversation is the id of the conversation the message belongs to,
	// which the report it files carries too: the key of its message log.
	Conversation string `json:"conv,omitempty"`
}

// DeliveryLog keeps what happened to sent messages, for the message log of
// the report their conversation filed.
type DeliveryLog interface {
	// Sent records a message the provider accepted, under its provider id.
	Sent(ctx context.Context, m Outbound, providerID string) error
	// Delivered records a status the provider reported for one of our
	// messages (queued, sent, delivered, read, failed, undelivered).
	Delivered(ctx context.Context, messageID, status, errorCode string) error
}

// Handler takes an inbound message from a channel adapter; an error means
// the message was not taken and should be delivered again.
type Handler func(ctx context.Context, in Inbound) error

// Sender delivers outbound messages on one channel.
type Sender interface {
	Send(ctx context.Context, m Outbound) error
}

// SendError is a failed send that says whether trying again may help.
type SendError struct {
	Err        error
	Retryable  bool
	RetryAfter time.Duration // the provider's own wait, when it gave one
	// Stopped says the citizen cannot or will not receive messages any more
	// (blocked the bot, opted out): nothing more is sent to them.
	Stopped bool
}

func (e *SendError) Error() string { return e.Err.Error() }
func (e *SendError) Unwrap() error { return e.Err }

// Retryable reports whether a send error may succeed when tried again:
// a SendError says so itself; any other error is taken as transient.
func Retryable(err error) (bool, time.Duration) {
	var se *SendError
	if errors.As(err, &se) {
		return se.Retryable, se.RetryAfter
	}
	return true, 0
}

// Route is an HTTP route a channel adapter serves, such as its webhook:
// the adapter decides its paths, the wiring mounts them.
type Route struct {
	Method  string
	Path    string
	Handler http.Handler
}
