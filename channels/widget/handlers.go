package widget

import (
	"errors"
	"net/http"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/internal/jsonbody"
)

// Limits of what a browser sends.
const (
	maxJSONBody = 64 << 10 // maxText characters, each up to 12 bytes as a JSON escape pair
	maxText     = 4000     // characters of one message
)

// clientID is the browser's id of a message it sends: resending it after a
// lost answer does not send it twice.
var clientID = regexp.MustCompile(`^[A-Za-z0-9_-]{8,64}$`)

// configView is what the widget shows before a session starts: the agency's
// branding and its sentences in the browser's language.
type configView struct {
	AgencyID string            `json:"agency_id"`
	Name     string            `json:"name"`
	LogoURL  string            `json:"logo_url,omitempty"`
	Color    string            `json:"color"`
	Greeting string            `json:"greeting"`
	Lang     string            `json:"lang"`
	Text     map[string]string `json:"text"`
}

// nationalColor is the widget's colour when an agency chose none.
const nationalColor = "#b3261e"

// uiText are the locale ids of the widget's own sentences, by the key the
// script reads them under.
var uiText = map[string]string{
	"open": "widget_open", "close": "widget_close", "input": "widget_input", "send": "widget_send",
	"attach": "widget_attach", "file": "widget_file", "location": "widget_location", "typing": "widget_typing", "offline": "widget_offline",
	"unread": "widget_unread", "you": "widget_you", "bot": "widget_bot", "log": "widget_log", "too_large": "widget_too_large",
	"bad_file": "widget_bad_file", "location_denied": "widget_location_denied", "failed": "widget_failed",
}

func (c *Channel) config(w http.ResponseWriter, r *http.Request, a Agency) {
	p := printer(r)
	v := configView{AgencyID: a.ID, Name: a.DisplayName, LogoURL: a.LogoURL, Color: a.Color, Greeting: a.Greeting,
		Lang: p.Lang(), Text: map[string]string{}}
	if v.Name == "" {
		v.Name = a.Name
	}
	if v.Color == "" {
		v.Color = nationalColor
	}
	if v.Greeting == "" {
		v.Greeting = p.T("widget_greeting", map[string]any{"Name": v.Name})
	}
	for k, id := range uiText {
		v.Text[k] = p.T(id, nil)
	}
	writeJSON(w, http.StatusOK, v)
}

// sessionView answers a session request: the token to keep and the
// conversation so far.
type sessionView struct {
	Token    string  `json:"token"`
	Resumed  bool    `json:"resumed"`
	Messages []Entry `json:"messages"`
}

// session resumes the session of the bearer token, or starts one.
func (c *Channel) session(w http.ResponseWriter, r *http.Request, a Agency) {
	ctx := r.Context()
	sid, err := c.open(ctx, r, a.ID)
	status := http.StatusOK
	token := bearerToken(r)
	switch {
	case errors.Is(err, errNoSession):
		if !c.allow(w, r, "session", c.clientIP(r), c.cfg.Limits.SessionsPerIP, hour) {
			return
		}
		if token, sid, err = c.create(ctx, a.ID); err != nil {
			c.internal(w, r, "create session", err)
			return
		}
		status = http.StatusCreated
	case err != nil:
		c.internal(w, r, "open session", err)
		return
	}
	result := "resumed"
	if status == http.StatusCreated {
		result = "created"
	}
	c.stats.sessions.WithLabelValues(result).Inc()
	entries, err := c.readLog(ctx, sid, "")
	if err != nil {
		c.internal(w, r, "read session", err)
		return
	}
	writeJSON(w, status, sessionView{Token: token, Resumed: status == http.StatusOK, Messages: append([]Entry{}, entries...)})
}

// sessionOrFail opens the request's session, answering 401 when there is
// none.
func (c *Channel) sessionOrFail(w http.ResponseWriter, r *http.Request, a Agency) (string, bool) {
	sid, err := c.open(r.Context(), r, a.ID)
	switch {
	case errors.Is(err, errNoSession):
		fail(w, r, http.StatusUnauthorized, "bad_session", "error_widget_bad_session", nil)
		return "", false
	case err != nil:
		c.internal(w, r, "open session", err)
		return "", false
	}
	return sid, true
}

type messageRequest struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

type locationRequest struct {
	ID        string   `json:"id"`
	Latitude  *float64 `json:"lat"`
	Longitude *float64 `json:"long"`
}

// accepted answers a message taken: the browser may forget it.
type accepted struct {
	ID string `json:"id"`
}

func (c *Channel) message(w http.ResponseWriter, r *http.Request, a Agency) {
	var req messageRequest
	if !readJSON(w, r, &req) {
		return
	}
	req.Text = strings.TrimSpace(req.Text)
	switch {
	case !clientID.MatchString(req.ID):
		fail(w, r, http.StatusBadRequest, "bad_message_id", "error_widget_bad_message_id", nil)
		return
	case req.Text == "" || !utf8.ValidString(req.Text):
		fail(w, r, http.StatusBadRequest, "empty_message", "error_widget_empty_message", nil)
		return
	case utf8.RuneCountInString(req.Text) > maxText:
		fail(w, r, http.StatusRequestEntityTooLarge, "message_too_long", "error_widget_message_too_long", map[string]any{"Max": maxText})
		return
	}
	c.take(w, r, a, req.ID, "text", Entry{From: fromCitizen, Text: req.Text}, channels.Inbound{Text: req.Text})
}

func (c *Channel) location(w http.ResponseWriter, r *http.Request, a Agency) {
	var req locationRequest
	if !readJSON(w, r, &req) {
		return
	}
	switch {
	case !clientID.MatchString(req.ID):
		fail(w, r, http.StatusBadRequest, "bad_message_id", "error_widget_bad_message_id", nil)
		return
	case req.Latitude == nil || req.Longitude == nil || *req.Latitude < -90 || *req.Latitude > 90 ||
		*req.Longitude < -180 || *req.Longitude > 180:
		fail(w, r, http.StatusBadRequest, "bad_location", "error_widget_bad_location", nil)
		return
	}
	c.take(w, r, a, req.ID, "location", Entry{From: fromCitizen, Location: true},
		channels.Inbound{Location: &channels.Location{Latitude: *req.Latitude, Longitude: *req.Longitude}})
}

// take logs a citizen's message once and hands it to the conversation; kind
// names it in the metrics.
func (c *Channel) take(w http.ResponseWriter, r *http.Request, a Agency, id, kind string, e Entry, in channels.Inbound) {
	ctx := r.Context()
	sid, ok := c.sessionOrFail(w, r, a)
	if !ok || !c.allow(w, r, "messages", sid, c.cfg.Limits.Messages, minute) {
		return
	}
	first, err := c.firstTime(ctx, sid, id)
	if err != nil {
		c.internal(w, r, "mark message", err)
		return
	}
	if first {
		e.ClientID, e.At = id, time.Now().UTC()
		if _, err := c.appendLog(ctx, sid, e); err != nil {
			c.cfg.Redis.HDel(ctx, seenKey(sid), id) // let the retry log it
			c.internal(w, r, "log message", err)
			return
		}
		c.stats.messages.WithLabelValues(kind).Inc()
	}
	in.ID, in.From, in.Via, in.ReceivedAt = "w"+id, address(sid), a.ID, time.Now()
	if err := c.handle(ctx, in); err != nil {
		c.internal(w, r, "handle message", err) // the browser resends; the id keeps it single
		return
	}
	writeJSON(w, http.StatusAccepted, accepted{ID: id})
}

// readJSON reads a small JSON body strictly (jsonbody.Read); a refused one
// is answered here.
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	err := jsonbody.Read(w, r, maxJSONBody, v)
	var e *jsonbody.Error
	if errors.As(err, &e) {
		fail(w, r, e.Status, e.Code, e.MsgID, e.Data)
		return false
	}
	return true
}
