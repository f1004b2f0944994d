package widget

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// recheckEvery is how often a waiting stream or poll re-reads the log even
// without a notice, in case one was lost while the subscription reconnected.
// That is rare, and each re-read of an idle stream is a Redis round trip, so
// it is seldom: a lost notice is late by at most this long.
const recheckEvery = 30 * time.Second

// streamID reports whether a cursor is a Redis stream id: two unsigned
// 64-bit numbers.
func streamID(s string) bool {
	ms, seq, ok := strings.Cut(s, "-")
	_, err1 := strconv.ParseUint(ms, 10, 64)
	_, err2 := strconv.ParseUint(seq, 10, 64)
	return ok && err1 == nil && err2 == nil
}

// reader opens the session of a request that reads the log, and where it
// left off: Last-Event-ID (a stream reconnecting) or ?after=. It answers the
// request itself when it cannot.
func (c *Channel) reader(w http.ResponseWriter, r *http.Request, a Agency) (sid, after string, ok bool) {
	if sid, ok = c.sessionOrFail(w, r, a); !ok {
		return "", "", false
	}
	after = r.Header.Get("Last-Event-ID")
	if after == "" {
		after = r.URL.Query().Get("after")
	}
	if after != "" && after != "0" && !streamID(after) {
		fail(w, r, http.StatusBadRequest, "bad_cursor", "error_widget_bad_cursor", nil)
		return "", "", false
	}
	return sid, after, true
}

// events streams the session's log as Server-Sent Events: each entry as a
// "message" event whose id is the log's cursor, a comment as heartbeat.
func (c *Channel) events(w http.ResponseWriter, r *http.Request, a Agency) {
	ctx := r.Context()
	sid, after, ok := c.reader(w, r, a)
	if !ok {
		return
	}
	open := c.stats.open.WithLabelValues("events")
	open.Inc()
	defer open.Dec()
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no") // nginx: do not hold the stream back
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 3000\n\n")
	rc.Flush()
	woken, stop := c.hub.wait(sid)
	defer stop()
	heartbeat := time.NewTicker(c.cfg.Limits.HeartbeatEvery)
	defer heartbeat.Stop()
	for {
		entries, err := c.readLog(ctx, sid, after)
		if err != nil {
			c.log.Warn("widget: event stream", "err", err)
			return // the browser reconnects from its last id
		}
		for _, e := range entries {
			b, _ := json.Marshal(e)
			fmt.Fprintf(w, "id: %s\nevent: message\ndata: %s\n\n", e.ID, b)
			after = e.ID
		}
		if len(entries) > 0 {
			if err := rc.Flush(); err != nil {
				return
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-c.closing:
			return
		case <-woken:
		case <-time.After(recheckEvery):
		case <-heartbeat.C:
			fmt.Fprint(w, ": ping\n\n")
			if err := rc.Flush(); err != nil {
				return
			}
		}
	}
}

// pollAnswer is the long-poll answer: the entries after the cursor.
type pollAnswer struct {
	Messages []Entry `json:"messages"`
}

// poll answers with the log's entries after the cursor, waiting up to
// LongPollWait (or ?wait= seconds, less) for one: the fallback for browsers
// or proxies where the event stream does not get through.
func (c *Channel) poll(w http.ResponseWriter, r *http.Request, a Agency) {
	ctx := r.Context()
	sid, after, ok := c.reader(w, r, a)
	if !ok {
		return
	}
	wait := c.cfg.Limits.LongPollWait
	if s, err := strconv.Atoi(r.URL.Query().Get("wait")); err == nil && s >= 0 && time.Duration(s)*time.Second < wait {
		wait = time.Duration(s) * time.Second
	}
	deadline := time.Now().Add(wait)
	open := c.stats.open.WithLabelValues("poll")
	open.Inc()
	defer open.Dec()
	woken, stop := c.hub.wait(sid)
	defer stop()
	for {
		entries, err := c.readLog(ctx, sid, after)
		if err != nil {
			c.internal(w, r, "poll", err)
			return
		}
		left := time.Until(deadline)
		if len(entries) > 0 || left <= 0 || c.isClosing() {
			writeJSON(w, http.StatusOK, pollAnswer{Messages: append([]Entry{}, entries...)})
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-c.closing:
		case <-woken:
		case <-time.After(min(left, recheckEvery)):
		}
	}
}

func (c *Channel) isClosing() bool {
	select {
	case <-c.closing:
		return true
	default:
		return false
	}
}
