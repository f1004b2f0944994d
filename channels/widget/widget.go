// Package widget is the web chat channel: a script any government site
// embeds with one line, under the agency's own name, logo and colour, and
// the /widget/v1/ endpoints it talks to (sessions, messages, Server-Sent
// Events with a long-poll fallback, uploads, location). Replies reach the
// browser through the outbox like every channel's: the Sender appends them
// to the session's log, a Redis stream the browser reads from.
package widget

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"
	"github.com/sp4n-lapor/lapor/channels"
)

// Agency is what the widget shows of an agency, and where it may be embedded.
type Agency struct {
	ID          string
	Name        string // the agency's name, when it set no display name
	DisplayName string
	LogoURL     string
	Color       string
	Greeting    string
	Origins     []string // web origins allowed to embed the widget, besides this service's own
}

// Directory finds the agency of a widget; ok is false when there is none.
type Directory func(ctx context.Context, id string) (a Agency, ok bool, err error)

// Config is what the channel needs.
type Config struct {
	Redis     redis.UniversalClient
	Directory Directory
	DataDir   string // where uploads are stored
	Logger    *slog.Logger
	// TrustProxy takes the client's address from X-Forwarded-For (its last
	// entry, the one the proxy in front of us added), for rate limits.
	TrustProxy bool
	// DemoAgency, when set, serves the demo page at / with the widget of
	// that agency.
	DemoAgency string
	// Log, when set, keeps sent messages for the reports' message logs.
	Log channels.DeliveryLog
	// Limits; zero values take the defaults.
	Limits Limits
	// Metrics registers the widget's metrics; nil keeps them unregistered.
	Metrics prometheus.Registerer
}

// Limits are the rate limits of the widget's endpoints.
type Limits struct {
	PerIP          int // requests a minute from one address, all endpoints
	Messages       int // messages a minute in one session
	Uploads        int // uploads an hour in one session
	SessionsPerIP  int // new sessions an hour from one address
	LongPollWait   time.Duration
	SessionTTL     time.Duration // how long an unused session is kept
	HeartbeatEvery time.Duration // comments sent on an idle event stream
}

// DefaultLimits are the limits in production.
var DefaultLimits = Limits{
	PerIP: 240, Messages: 30, Uploads: 20, SessionsPerIP: 30,
	LongPollWait: 25 * time.Second, SessionTTL: 30 * 24 * time.Hour, HeartbeatEvery: 15 * time.Second,
}

// Channel is the web widget.
type Channel struct {
	cfg    Config
	handle channels.Handler
	log    *slog.Logger
	hub    *hub
	dir    *agencyCache
	stats  *metrics
	mux    *http.ServeMux

	closing   chan struct{} // closed by Shutdown: open streams and polls end
	closeOnce sync.Once
}

// New returns the channel; Run must run for replies to reach open streams.
func New(cfg Config, handle channels.Handler) *Channel {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Limits == (Limits{}) {
		cfg.Limits = DefaultLimits
	}
	if cfg.Metrics == nil {
		cfg.Metrics = prometheus.NewRegistry()
	}
	c := &Channel{cfg: cfg, handle: handle, log: cfg.Logger, hub: newHub(cfg.Redis), dir: newAgencyCache(cfg.Directory, agencyTTL),
		stats: newMetrics(cfg.Metrics), closing: make(chan struct{})}
	c.routes()
	return c
}

// agencyTTL is how long an agency's widget settings are reused: a change
// of branding or origins reaches browsers within it.
const agencyTTL = 30 * time.Second

// Run relays reply notices from Redis to the open streams of this process
// until ctx ends.
func (c *Channel) Run(ctx context.Context) { c.hub.run(ctx, c.log) }

// Shutdown ends the open event streams and long polls, which would otherwise
// hold a server's graceful shutdown until its deadline; browsers reconnect to
// another process. For http.Server.RegisterOnShutdown.
func (c *Channel) Shutdown() { c.closeOnce.Do(func() { close(c.closing) }) }

// Handler serves /widget.js, /widget/v1/… and, when configured, the demo
// page at /.
func (c *Channel) Handler() http.Handler { return c.mux }

func (c *Channel) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /widget.js", serveAsset("widget.js", "text/javascript; charset=utf-8"))
	m.HandleFunc("GET /widget/v1/widget.css", serveAsset("widget.css", "text/css; charset=utf-8"))
	if c.cfg.DemoAgency != "" {
		m.HandleFunc("GET /{$}", c.demo)
		m.HandleFunc("GET /demo.css", serveAsset("demo.css", "text/css; charset=utf-8"))
	}
	api := func(pattern string, h func(http.ResponseWriter, *http.Request, Agency)) {
		m.Handle(pattern, c.guard(h))
	}
	api("GET /widget/v1/{agency}/config", c.config)
	api("POST /widget/v1/{agency}/sessions", c.session)
	api("POST /widget/v1/{agency}/messages", c.message)
	api("GET /widget/v1/{agency}/messages", c.poll)
	api("GET /widget/v1/{agency}/events", c.events)
	api("POST /widget/v1/{agency}/uploads", c.upload)
	api("POST /widget/v1/{agency}/location", c.location)
	m.Handle("OPTIONS /widget/v1/{agency}/{what}", c.guard(func(w http.ResponseWriter, _ *http.Request, _ Agency) {
		w.WriteHeader(http.StatusNoContent)
	}))
	m.HandleFunc("/widget/v1/", func(w http.ResponseWriter, r *http.Request) {
		fail(w, r, http.StatusNotFound, "not_found", "error_not_found", nil)
	})
	c.mux = m
}

// Sender returns the sender of replies to widget sessions.
func (c *Channel) Sender() channels.Sender { return sender{c} }

// address is the channel address of a session.
func address(sid string) channels.Address { return channels.Address{Channel: channels.Widget, ID: sid} }

func bearerToken(r *http.Request) string {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return ""
	}
	return strings.TrimSpace(token)
}
