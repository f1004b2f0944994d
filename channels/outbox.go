package channels

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// Outbox queues replies per channel in a Redis Stream; senders read it
// through a consumer group, so several processes share the work. A failed
// send that may succeed later waits in a per-channel sorted set and returns
// to the stream when due, with exponential back-off.
type Outbox struct {
	rdb         redis.UniversalClient
	optOuts     OptOuts
	log         *slog.Logger
	maxAttempts int
	baseDelay   time.Duration
	block       time.Duration
}

// OutboxOption changes an Outbox's defaults.
type OutboxOption func(*Outbox)

// WithRetry sets how many times a send is tried and the first back-off.
func WithRetry(attempts int, firstDelay time.Duration) OutboxOption {
	return func(o *Outbox) { o.maxAttempts, o.baseDelay = attempts, firstDelay }
}

// WithOptOuts sets where the citizens who asked for no more messages are
// kept; by default in Redis, which loses them with its data.
func WithOptOuts(o OptOuts) OutboxOption { return func(ob *Outbox) { ob.optOuts = o } }

// WithLogger sets the outbox's logger.
func WithLogger(l *slog.Logger) OutboxOption { return func(o *Outbox) { o.log = l } }

// NewOutbox returns an outbox on a Redis client.
func NewOutbox(rdb redis.UniversalClient, opts ...OutboxOption) *Outbox {
	o := &Outbox{rdb: rdb, optOuts: redisOptOuts{rdb}, log: slog.Default(), maxAttempts: 8, baseDelay: time.Second, block: readBlock}
	for _, opt := range opts {
		opt(o)
	}
	return o
}

// readBlock is how long a sender waits on an empty stream. go-redis does
// not end a blocking read when its context is cancelled (redis/go-redis
// issue 2556), so a shutdown waits up to this long; a new message ends the
// wait at once, and an empty read costs Redis next to nothing.
const readBlock = 500 * time.Millisecond

const (
	senderGroup  = "senders"
	streamMaxLen = 100_000
	claimIdle    = time.Minute // a pending entry this old belongs to a dead consumer
)

// The keys of a channel share a hash tag, so the scripts below may use both
// in Redis Cluster.
func streamKey(channel string) string   { return "lapor:{outbox:" + channel + "}:stream" }
func delayedKey(channel string) string  { return "lapor:{outbox:" + channel + "}:delayed" }
func sentKey(channel, id string) string { return "lapor:{outbox:" + channel + "}:sent:" + id }
func stoppedKey(a Address) string       { return "lapor:stopped:" + a.String() }

// sentTTL is how long a sent message's id is remembered, so that the same
// reply enqueued twice (a retried turn) is sent once.
const sentTTL = 48 * time.Hour

type entry struct {
	Msg     Outbound `json:"m"`
	Attempt int      `json:"a"`
}

// Enqueue adds messages to their channels' streams in one round trip.
func (o *Outbox) Enqueue(ctx context.Context, msgs ...Outbound) error {
	if len(msgs) == 0 {
		return nil
	}
	_, err := o.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, m := range msgs {
			b, err := json.Marshal(entry{Msg: m})
			if err != nil {
				return err
			}
			p.XAdd(ctx, &redis.XAddArgs{Stream: streamKey(m.To.Channel), MaxLen: streamMaxLen, Approx: true, Values: []any{"e", b}})
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("enqueue replies: %w", err)
	}
	return nil
}

// Run sends a channel's messages until ctx ends. consumer names this process
// in the group; entries it left pending before a crash are sent first.
func (o *Outbox) Run(ctx context.Context, channel, consumer string, s Sender) error {
	if err := o.ensureGroup(ctx, channel); err != nil {
		return err
	}
	if _, err := o.read(ctx, channel, consumer, s, "0", -1); err != nil {
		return err
	}
	lastClaim := time.Time{}
	for ctx.Err() == nil {
		if err := o.promoteDue(ctx, channel); err != nil && ctx.Err() == nil {
			o.log.Warn("outbox: promote retries", "channel", channel, "err", err)
		}
		if time.Since(lastClaim) > claimIdle {
			o.claimAbandoned(ctx, channel, consumer, s)
			lastClaim = time.Now()
		}
		_, err := o.read(ctx, channel, consumer, s, ">", o.block)
		if err != nil && redis.HasErrorPrefix(err, "NOGROUP") {
			// Redis lost its data (a restart without persistence): the
			// group goes with the stream. Make it again and go on.
			o.log.Warn("outbox: the consumer group is gone; making it again", "channel", channel)
			err = o.ensureGroup(ctx, channel)
		}
		if err != nil && ctx.Err() == nil {
			o.log.Warn("outbox: read", "channel", channel, "err", err)
			sleep(ctx, time.Second)
		}
	}
	return nil
}

// Drain sends what a channel's stream holds now, including retries already
// due, and returns; the console uses it to print a turn's replies.
func (o *Outbox) Drain(ctx context.Context, channel string, s Sender) error {
	if err := o.ensureGroup(ctx, channel); err != nil {
		return err
	}
	if err := o.promoteDue(ctx, channel); err != nil {
		return err
	}
	for {
		n, err := o.read(ctx, channel, "drain", s, ">", -1)
		if err != nil || n == 0 {
			return err
		}
	}
}

func (o *Outbox) ensureGroup(ctx context.Context, channel string) error {
	err := o.rdb.XGroupCreateMkStream(ctx, streamKey(channel), senderGroup, "0").Err()
	if err != nil && !redis.HasErrorPrefix(err, "BUSYGROUP") {
		return fmt.Errorf("outbox group: %w", err)
	}
	return nil
}

// read takes entries from the group (id ">" for new ones, "0" for this
// consumer's pending ones) and sends them; block < 0 does not wait.
func (o *Outbox) read(ctx context.Context, channel, consumer string, s Sender, id string, block time.Duration) (int, error) {
	res, err := o.rdb.XReadGroup(ctx, &redis.XReadGroupArgs{
		Group: senderGroup, Consumer: consumer, Streams: []string{streamKey(channel), id}, Count: 50, Block: block,
	}).Result()
	if errors.Is(err, redis.Nil) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n := 0
	for _, st := range res {
		for _, m := range st.Messages {
			o.deliver(ctx, channel, m, s)
			n++
		}
	}
	return n, nil
}

func (o *Outbox) claimAbandoned(ctx context.Context, channel, consumer string, s Sender) {
	msgs, _, err := o.rdb.XAutoClaim(ctx, &redis.XAutoClaimArgs{
		Stream: streamKey(channel), Group: senderGroup, Consumer: consumer, MinIdle: claimIdle, Start: "0", Count: 50,
	}).Result()
	if err != nil {
		o.log.Warn("outbox: claim", "channel", channel, "err", err)
		return
	}
	for _, m := range msgs {
		o.deliver(ctx, channel, m, s)
	}
}

// deliver sends one entry, then acknowledges it: done, parked for a retry,
// or given up.
func (o *Outbox) deliver(ctx context.Context, channel string, m redis.XMessage, s Sender) {
	raw, _ := m.Values["e"].(string)
	var e entry
	if err := json.Unmarshal([]byte(raw), &e); err != nil {
		o.log.Error("outbox: unreadable entry dropped", "channel", channel, "entry", m.ID, "err", err)
		o.ack(ctx, channel, m.ID, nil, time.Time{})
		return
	}
	if stopped, err := o.Stopped(ctx, e.Msg.To); err != nil || (stopped && !e.Msg.EvenIfStopped) {
		if err == nil {
			o.ack(ctx, channel, m.ID, nil, time.Time{}) // they asked for nothing more
		}
		return
	}
	// Skip a reply already sent (the same turn enqueued twice). The mark is
	// set after the send: a crash in between sends it again rather than
	// never.
	if e.Msg.ID != "" {
		sent, err := o.rdb.Exists(ctx, sentKey(channel, e.Msg.ID)).Result()
		if err != nil {
			o.log.Warn("outbox: dedupe", "channel", channel, "err", err)
			return // left pending; tried again later
		}
		if sent > 0 {
			o.ack(ctx, channel, m.ID, nil, time.Time{})
			return
		}
	}
	err := s.Send(ctx, e.Msg)
	if err == nil {
		if e.Msg.ID != "" {
			if err := o.rdb.Set(ctx, sentKey(channel, e.Msg.ID), 1, sentTTL).Err(); err != nil {
				o.log.Warn("outbox: mark sent", "channel", channel, "err", err)
			}
		}
		o.ack(ctx, channel, m.ID, nil, time.Time{})
		return
	}
	if ctx.Err() != nil {
		return // left pending; sent again at the next start
	}
	var se *SendError
	if errors.As(err, &se) && se.Stopped {
		if err := o.Stop(ctx, e.Msg.To); err != nil {
			o.log.Warn("outbox: mark stopped", "channel", channel, "err", err)
		}
	}
	retry, after := Retryable(err)
	e.Attempt++
	if !retry || e.Attempt >= o.maxAttempts {
		o.log.Warn("outbox: message given up", "channel", channel, "message", e.Msg.ID, "to", Mask(e.Msg.To.ID),
			"attempts", e.Attempt, "err", err)
		o.ack(ctx, channel, m.ID, nil, time.Time{})
		return
	}
	wait := max(after, o.baseDelay<<min(e.Attempt-1, 10))
	o.log.Info("outbox: send failed, will retry", "channel", channel, "message", e.Msg.ID, "in", wait, "err", err)
	o.ack(ctx, channel, m.ID, &e, time.Now().Add(wait))
}

// ack removes an entry from the stream and, for a retry, parks it in the
// delayed set, in one transaction.
func (o *Outbox) ack(ctx context.Context, channel, id string, retry *entry, due time.Time) {
	_, err := o.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.XAck(ctx, streamKey(channel), senderGroup, id)
		p.XDel(ctx, streamKey(channel), id)
		if retry != nil {
			b, _ := json.Marshal(retry)
			p.ZAdd(ctx, delayedKey(channel), redis.Z{Score: float64(due.UnixMilli()), Member: b})
		}
		return nil
	})
	if err != nil {
		o.log.Warn("outbox: ack", "channel", channel, "entry", id, "err", err)
	}
}

// promoteScript moves due retries back to the stream atomically.
var promoteScript = redis.NewScript(`
local due = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, 100)
for _, e in ipairs(due) do
  redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'e', e)
  redis.call('ZREM', KEYS[2], e)
end
return #due`)

func (o *Outbox) promoteDue(ctx context.Context, channel string) error {
	return promoteScript.Run(ctx, o.rdb, []string{streamKey(channel), delayedKey(channel)},
		strconv.FormatInt(time.Now().UnixMilli(), 10), streamMaxLen).Err()
}

// Backlog is how long the oldest reply of a channel has waited to be sent:
// the oldest entry its senders have taken and not acknowledged, or else the
// oldest they have not taken yet; 0 when none waits. Retries parked for
// later do not count.
func (o *Outbox) Backlog(ctx context.Context, channel string) (time.Duration, error) {
	stream := streamKey(channel)
	var oldest string
	pending, err := o.rdb.XPending(ctx, stream, senderGroup).Result()
	switch {
	case err == nil && pending.Count > 0:
		oldest = pending.Lower
	case err == nil, redis.HasErrorPrefix(err, "NOGROUP"), errors.Is(err, redis.Nil):
		// Nothing taken: the first entry is the oldest waiting (entries are
		// deleted once sent). A missing group means no sender took any.
		first, err := o.rdb.XRangeN(ctx, stream, "-", "+", 1).Result()
		if err != nil {
			return 0, err
		}
		if len(first) == 0 {
			return 0, nil
		}
		oldest = first[0].ID
	default:
		return 0, err
	}
	ms, _, _ := strings.Cut(oldest, "-")
	at, err := strconv.ParseInt(ms, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("outbox entry id %q: %w", oldest, err)
	}
	return max(time.Since(time.UnixMilli(at)), 0), nil
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// Mask hides the middle of a phone number or chat id for logs:
// "+6281234567890" becomes "+6281****890".
func Mask(id string) string {
	r := []rune(id)
	if len(r) <= 6 {
		return "****"
	}
	return string(r[:min(5, len(r)-4)]) + "****" + string(r[len(r)-3:])
}

// OptOuts keeps the citizens who receive nothing more on their channel
// (they blocked the bot or opted out).
type OptOuts interface {
	Stop(ctx context.Context, a Address) error
	Resume(ctx context.Context, a Address) error
	Stopped(ctx context.Context, a Address) (bool, error)
}

// Stop records that a citizen receives nothing more on their channel;
// queued messages to them are dropped.
func (o *Outbox) Stop(ctx context.Context, a Address) error { return o.optOuts.Stop(ctx, a) }

// Resume undoes Stop (the citizen opted back in).
func (o *Outbox) Resume(ctx context.Context, a Address) error { return o.optOuts.Resume(ctx, a) }

// Stopped reports whether a citizen asked for nothing more.
func (o *Outbox) Stopped(ctx context.Context, a Address) (bool, error) {
	return o.optOuts.Stopped(ctx, a)
}

// redisOptOuts keeps opt-outs in Redis, for a service with no database.
type redisOptOuts struct{ rdb redis.UniversalClient }

func (r redisOptOuts) Stop(ctx context.Context, a Address) error {
	return r.rdb.Set(ctx, stoppedKey(a), 1, 0).Err()
}

func (r redisOptOuts) Resume(ctx context.Context, a Address) error {
	return r.rdb.Del(ctx, stoppedKey(a)).Err()
}

func (r redisOptOuts) Stopped(ctx context.Context, a Address) (bool, error) {
	n, err := r.rdb.Exists(ctx, stoppedKey(a)).Result()
	return n > 0, err
}
