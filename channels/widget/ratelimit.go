package widget

import (
	"net/http"
	"strconv"
	"time"
)

// Windows of the rate limits.
const (
	minute = time.Minute
	hour   = time.Hour
)

// allow counts one request against limit per window for key (fixed windows
// in Redis, shared by every process); over it, it answers 429 with
// Retry-After and returns false. When Redis cannot count, it lets the
// request through: a citizen is not turned away for our outage.
func (c *Channel) allow(w http.ResponseWriter, r *http.Request, kind, key string, limit int, window time.Duration) bool {
	now := time.Now()
	slot := now.Truncate(window)
	k := "lapor:widget:rate:" + kind + ":" + key + ":" + strconv.FormatInt(slot.Unix(), 10)
	ctx := r.Context()
	pipe := c.cfg.Redis.TxPipeline()
	n := pipe.Incr(ctx, k)
	pipe.Expire(ctx, k, window)
	if _, err := pipe.Exec(ctx); err != nil {
		c.log.Warn("widget: rate limit not counted", "err", err)
		return true
	}
	if n.Val() <= int64(limit) {
		return true
	}
	c.stats.rateLimited.WithLabelValues(kind).Inc()
	wait := slot.Add(window).Sub(now)
	w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
	fail(w, r, http.StatusTooManyRequests, "rate_limited", "error_widget_rate_limited", nil)
	return false
}
