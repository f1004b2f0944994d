package widget

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/sp4n-lapor/lapor/internal/ratelimit"
)

// guard finds the widget's agency, answers CORS for the origins the agency
// allows (and this service's own pages), and applies the per-address rate
// limit, before h.
func (c *Channel) guard(h func(http.ResponseWriter, *http.Request, Agency)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, ok, err := c.dir.get(r.Context(), r.PathValue("agency"))
		if err != nil {
			c.internal(w, r, "look up agency", err)
			return
		}
		if !ok {
			fail(w, r, http.StatusNotFound, "agency_not_found", "error_agency_not_found", map[string]any{"ID": r.PathValue("agency")})
			return
		}
		if origin := r.Header.Get("Origin"); origin != "" {
			if !sameOrigin(origin, r) && !slices.Contains(a.Origins, origin) {
				fail(w, r, http.StatusForbidden, "origin_not_allowed", "error_origin_not_allowed", nil)
				return
			}
			h := w.Header()
			h.Set("Access-Control-Allow-Origin", origin)
			h.Add("Vary", "Origin")
			if r.Method == http.MethodOptions {
				h.Set("Access-Control-Allow-Methods", "GET, POST")
				h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, Last-Event-ID")
				h.Set("Access-Control-Max-Age", "600")
			}
		}
		if r.Method == http.MethodOptions {
			h(w, r, a)
			return
		}
		if !c.allow(w, r, "ip", c.clientIP(r), c.cfg.Limits.PerIP, minute) {
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		h(w, r, a)
	})
}

// sameOrigin reports whether origin is the host the request was sent to:
// the service's own pages, such as the demo.
func sameOrigin(origin string, r *http.Request) bool {
	u, err := url.Parse(origin)
	return err == nil && u.Host == r.Host
}

// clientIP is the address rate limits count by.
func (c *Channel) clientIP(r *http.Request) string { return ratelimit.ClientIP(r, c.cfg.TrustProxy) }
