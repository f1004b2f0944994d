package widget

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"
)

// A session is a browser's conversation: a random token the browser keeps in
// localStorage, known to the server only by its hash (the session id), so
// that neither Redis nor logs hold a usable token. Keys share the hash tag
// {sid}, for Redis Cluster.
func sessionKey(sid string) string { return "lapor:widget:{" + sid + "}:session" }
func logKey(sid string) string     { return "lapor:widget:{" + sid + "}:log" }
func seenKey(sid string) string    { return "lapor:widget:{" + sid + "}:seen" }

// maxLogEntries is how much of a conversation the log keeps for a reload.
const maxLogEntries = 500

func newToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// sessionID is the id of the session a token opens.
func sessionID(token string) string {
	sum := sha256.Sum256([]byte("lapor-widget:" + token))
	return hex.EncodeToString(sum[:16])
}

// Entry is one message of a session's log, as the browser shows it.
type Entry struct {
	ID             string    `json:"id"` // the log's id, the cursor of events and polls
	From           string    `json:"from"`
	Text           string    `json:"text,omitempty"`
	Choices        []string  `json:"choices,omitempty"`
	LocationButton string    `json:"location_button,omitempty"`
	File           string    `json:"file,omitempty"`     // the name of a file the citizen sent
	Location       bool      `json:"location,omitempty"` // the citizen shared a location
	ClientID       string    `json:"client_id,omitempty"`
	At             time.Time `json:"at"`
}

// Senders of log entries.
const (
	fromCitizen = "citizen"
	fromBot     = "bot"
)

var errNoSession = errors.New("no such session")

// open finds the session of the request's bearer token for agency.
func (c *Channel) open(ctx context.Context, r *http.Request, agency string) (string, error) {
	token := bearerToken(r)
	if token == "" || len(token) > 100 {
		return "", errNoSession
	}
	sid := sessionID(token)
	got, err := c.cfg.Redis.HGet(ctx, sessionKey(sid), "agency").Result()
	switch {
	case errors.Is(err, redis.Nil):
		return "", errNoSession
	case err != nil:
		return "", err
	case got != agency:
		return "", errNoSession
	}
	return sid, c.touch(ctx, sid)
}

// touch keeps a session for another SessionTTL from now.
func (c *Channel) touch(ctx context.Context, sid string) error {
	ttl := c.cfg.Limits.SessionTTL
	pipe := c.cfg.Redis.Pipeline()
	for _, k := range []string{sessionKey(sid), logKey(sid), seenKey(sid)} {
		pipe.Expire(ctx, k, ttl)
	}
	_, err := pipe.Exec(ctx)
	return err
}

// create starts a session for agency and returns its token.
func (c *Channel) create(ctx context.Context, agency string) (token, sid string, err error) {
	token = newToken()
	sid = sessionID(token)
	pipe := c.cfg.Redis.TxPipeline()
	pipe.HSet(ctx, sessionKey(sid), "agency", agency, "created", time.Now().UTC().Format(time.RFC3339))
	pipe.Expire(ctx, sessionKey(sid), c.cfg.Limits.SessionTTL)
	_, err = pipe.Exec(ctx)
	return token, sid, err
}

// firstTime reports whether a citizen's message id is new in the session, and
// marks it seen: a message resent after a lost answer is logged once.
func (c *Channel) firstTime(ctx context.Context, sid, clientID string) (bool, error) {
	return c.cfg.Redis.HSetNX(ctx, seenKey(sid), clientID, 1).Result()
}

// appendLog adds an entry to the session's log and wakes its streams.
func (c *Channel) appendLog(ctx context.Context, sid string, e Entry) (string, error) {
	e.ID = ""
	b, err := json.Marshal(e)
	if err != nil {
		return "", err
	}
	id, err := c.cfg.Redis.XAdd(ctx, &redis.XAddArgs{
		Stream: logKey(sid), MaxLen: maxLogEntries, Approx: true, Values: []any{"m", b},
	}).Result()
	if err != nil {
		return "", fmt.Errorf("append to session log: %w", err)
	}
	c.cfg.Redis.Expire(ctx, logKey(sid), c.cfg.Limits.SessionTTL)
	c.hub.notify(ctx, sid)
	return id, nil
}

// readLog returns the entries after the cursor ("" or "0": from the start).
func (c *Channel) readLog(ctx context.Context, sid, after string) ([]Entry, error) {
	start := "-"
	if after != "" && after != "0" {
		start = "(" + after
	}
	msgs, err := c.cfg.Redis.XRange(ctx, logKey(sid), start, "+").Result()
	if err != nil {
		return nil, fmt.Errorf("read session log: %w", err)
	}
	out := make([]Entry, 0, len(msgs))
	for _, m := range msgs {
		var e Entry
		s, _ := m.Values["m"].(string)
		if err := json.Unmarshal([]byte(s), &e); err != nil {
			continue
		}
		e.ID = m.ID
		out = append(out, e)
	}
	return out, nil
}
