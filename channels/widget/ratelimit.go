package widget

import (
	"net/http"
	"time"

	"github.com/sp4n-lapor/lapor/internal/ratelimit"
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
	ok, wait, err := ratelimit.New(c.cfg.Redis, "lapor:widget:rate:"+kind).Allow(r.Context(), key, limit, window)
	if err != nil {
		c.log.Warn("widget: rate limit not counted", "err", err)
	}
	if ok {
		return true
	}
	c.stats.rateLimited.WithLabelValues(kind).Inc()
	w.Header().Set("Retry-After", ratelimit.RetryAfter(wait))
	fail(w, r, http.StatusTooManyRequests, "rate_limited", "error_widget_rate_limited", nil)
	return false
}
