package widget

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// notifyChannel is the Redis pub/sub channel on which a new log entry is
// announced (its session id): one subscription per process, however many
// browsers are waiting, instead of a blocked Redis connection per stream.
const notifyChannel = "lapor:widget:notify"

// hub wakes the streams and polls of this process waiting on a session.
type hub struct {
	rdb redis.UniversalClient

	mu      sync.Mutex
	waiting map[string]map[chan struct{}]struct{}
}

func newHub(rdb redis.UniversalClient) *hub {
	return &hub{rdb: rdb, waiting: map[string]map[chan struct{}]struct{}{}}
}

// wait returns a channel that receives when the session's log grows, and a
// function to stop waiting.
func (h *hub) wait(sid string) (<-chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	h.mu.Lock()
	if h.waiting[sid] == nil {
		h.waiting[sid] = map[chan struct{}]struct{}{}
	}
	h.waiting[sid][ch] = struct{}{}
	h.mu.Unlock()
	return ch, func() {
		h.mu.Lock()
		delete(h.waiting[sid], ch)
		if len(h.waiting[sid]) == 0 {
			delete(h.waiting, sid)
		}
		h.mu.Unlock()
	}
}

func (h *hub) wake(sid string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.waiting[sid] {
		select {
		case ch <- struct{}{}:
		default: // already woken
		}
	}
}

// notify announces a new entry to every process, this one included.
func (h *hub) notify(ctx context.Context, sid string) {
	h.wake(sid) // at once here, whatever Redis does
	h.rdb.Publish(ctx, notifyChannel, sid)
}

// run relays announcements until ctx ends, resubscribing after a failure.
// Waiters also re-read the log at least every few seconds, so a notice
// lost while resubscribing delays a reply, never loses it.
func (h *hub) run(ctx context.Context, log *slog.Logger) {
	for ctx.Err() == nil {
		sub := h.rdb.Subscribe(ctx, notifyChannel)
		stop := context.AfterFunc(ctx, func() { sub.Close() }) // ends the range below
		for msg := range sub.Channel() {
			h.wake(msg.Payload)
		}
		stop()
		sub.Close()
		if ctx.Err() == nil {
			log.Warn("widget: notice subscription ended, subscribing again")
			select {
			case <-ctx.Done():
			case <-time.After(time.Second):
			}
		}
	}
}
