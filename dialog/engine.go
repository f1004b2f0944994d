// Package dialog is the conversation that collects a complaint: a state
// machine whose state lives in Redis (versioned, locked, deduplicated per
// inbound message), whose replies go to the channels outbox, and which files
// a finished report with the report service.
package dialog

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/routing/geo"
)

// Replier queues replies for the channels' senders.
type Replier interface {
	Enqueue(ctx context.Context, msgs ...channels.Outbound) error
}

// Engine steps conversations. It is safe for concurrent use, across
// goroutines and processes sharing one Redis.
type Engine struct {
	store       stateStore
	queue       filingQueue
	out         Replier
	desk        Desk
	gaz         *geo.Gazetteer
	log         *slog.Logger
	now         func() time.Time
	lockWait    time.Duration
	resumeAfter time.Duration
	perMinute   int
}

// Option changes an Engine's defaults.
type Option func(*Engine)

// WithLogger sets the engine's logger.
func WithLogger(l *slog.Logger) Option { return func(e *Engine) { e.log = l } }

// WithClock sets the engine's clock, for tests.
func WithClock(now func() time.Time) Option { return func(e *Engine) { e.now = now } }

// New returns an engine on Redis that replies through out and files with desk.
func New(rdb redis.UniversalClient, out Replier, desk Desk, opts ...Option) *Engine {
	e := &Engine{
		store: stateStore{rdb: rdb}, queue: filingQueue{rdb: rdb}, out: out, desk: desk,
		gaz: geo.DefaultGazetteer(), log: slog.Default(), now: time.Now,
		lockWait: 10 * time.Second, resumeAfter: time.Hour, perMinute: DefaultAnswersPerMinute,
	}
	for _, opt := range opts {
		opt(e)
	}
	return e
}

// Handle steps the conversation of the message's sender. Handling the same
// message again (a provider's retry) changes nothing; an error means the
// message was not taken and should be delivered again.
func (e *Engine) Handle(ctx context.Context, in channels.Inbound) error {
	if !in.From.Valid() || in.ID == "" {
		return fmt.Errorf("handle message: bad sender %q or empty message id", in.From.String())
	}
	return e.step(ctx, in.From, in.ID, func(st *State, recent int64) ([]channels.Outbound, error) {
		flooding, filed := recent > int64(e.perMinute), st.LastCode
		t := newTurn(e, st, in)
		err := t.run(ctx)
		if flooding && st.LastCode == filed {
			return nil, err // taken, not answered; a tracking code always is
		}
		return t.out, err
	})
}

// DefaultAnswersPerMinute is how many messages of one sender a minute the
// bot answers unless told otherwise: more than a person types; a phone or
// a script in a loop gets no answers past it (and does not pay for them),
// while what it says is still taken.
const DefaultAnswersPerMinute = 30

// WithAnswersPerMinute sets how many messages of one sender a minute the
// bot answers (a load test raises it).
func WithAnswersPerMinute(n int) Option { return func(e *Engine) { e.perMinute = n } }

// step runs fn on a conversation's state under its lock, with how many
// messages the sender sent this minute, then queues the replies and saves
// the state. msgID, when not empty, makes the step happen
// once: a second call with it does nothing.
func (e *Engine) step(ctx context.Context, addr channels.Address, msgID string, fn func(st *State, recent int64) ([]channels.Outbound, error)) error {
	token, err := e.store.lock(ctx, addr, e.lockWait)
	if err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			// Best effort: the lock frees itself after lockTTL anyway.
			_ = e.store.unlock(context.WithoutCancel(ctx), addr, token)
		}
	}()
	seen, st, version, recent, err := e.store.load(ctx, addr, msgID)
	if err != nil || seen {
		return err
	}
	if st == nil {
		st = &State{ConvID: randomID(), Lang: "id"}
	}
	replies, err := fn(st, recent)
	if err != nil {
		return err
	}
	for i := range replies {
		replies[i].ID = replyID(addr, msgID, st, i)
		replies[i].To = addr
		replies[i].Conversation = st.ConvID
	}
	// Replies first: if saving fails, the retry makes the same replies with
	// the same ids, which the outbox sends once.
	if err := e.out.Enqueue(ctx, replies...); err != nil {
		return err
	}
	if err := e.store.commit(ctx, addr, token, version, st, msgID); err != nil {
		return err
	}
	committed = true
	return nil
}

// replyID names a reply stably (the same turn gives the same ids) without
// the citizen's address in it, since ids reach logs and callback URLs.
func replyID(addr channels.Address, msgID string, st *State, i int) string {
	if msgID == "" {
		msgID = st.ConvID + "." + string(st.Step)
	}
	sum := sha256.Sum256([]byte(addr.String() + "\x00" + msgID))
	return hex.EncodeToString(sum[:12]) + "-" + strconv.Itoa(i)
}
