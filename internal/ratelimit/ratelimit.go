// Package ratelimit counts requests in fixed windows in Redis, shared by
// every process, for the web widget and the public API alike.
package ratelimit

import (
	"context"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// Limiter counts requests under a key prefix.
type Limiter struct {
	rdb    redis.UniversalClient
	prefix string
}

// New returns a limiter whose keys start with prefix ("lapor:widget:rate").
func New(rdb redis.UniversalClient, prefix string) *Limiter {
	return &Limiter{rdb: rdb, prefix: prefix}
}

// Allow counts one request for key against limit per window, and says
// whether it may go on and, if not, how long until the window ends. When
// Redis cannot count, it lets the request through and says why: a citizen
// is not turned away for our outage.
func (l *Limiter) Allow(ctx context.Context, key string, limit int, window time.Duration) (ok bool, retryAfter time.Duration, err error) {
	now := time.Now()
	slot := now.Truncate(window)
	k := l.prefix + ":" + key + ":" + strconv.FormatInt(slot.Unix(), 10)
	pipe := l.rdb.TxPipeline()
	n := pipe.Incr(ctx, k)
	pipe.Expire(ctx, k, window)
	if _, err := pipe.Exec(ctx); err != nil {
		return true, 0, err
	}
	if n.Val() <= int64(limit) {
		return true, 0, nil
	}
	return false, slot.Add(window).Sub(now), nil
}

// ClientIP is the address a request comes from: behind a trusted proxy the
// last entry of X-Forwarded-For (the one the proxy added), else the peer.
func ClientIP(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			return strings.TrimSpace(parts[len(parts)-1])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// RetryAfter is the Retry-After header's value for a wait: whole seconds,
// rounded up.
func RetryAfter(wait time.Duration) string { return strconv.Itoa(int(wait.Seconds()) + 1) }
