// Package twilio is the SMS and WhatsApp channel through Twilio: webhooks
// that check Twilio's signature and turn its form posts into
// channels.Inbound, delivery-status callbacks, and a sender built on
// twilio-go's REST client and its Messages API.
package twilio

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/sp4n-lapor/lapor/channels"
	"github.com/twilio/twilio-go/client"
	openapi "github.com/twilio/twilio-go/rest/api/v2010"
)

// DefaultAPIURL is Twilio's REST API.
const DefaultAPIURL = "https://api.twilio.com"

// MaxMediaSize is the largest file taken from a citizen.
const MaxMediaSize = 20 << 20

// Config is what the channel needs.
type Config struct {
	AccountSID   string
	AuthToken    string
	SMSFrom      string // a number (+62…) or a messaging service SID (MG…)
	WhatsAppFrom string // whatsapp:+62…
	// WhatsAppTemplate is the ContentSid of an approved template with one
	// variable, for messages outside WhatsApp's 24-hour window; without it
	// such messages wait for the citizen's next message.
	WhatsAppTemplate string
	APIURL           string // DefaultAPIURL, or a test server or proxy
	PublicURL        string // the base URL Twilio calls, for signatures and status callbacks
	DataDir          string
	// SendInterval paces messages from one sender number (an SMS long code
	// sends about one segment a second); 0: one a second.
	SendInterval time.Duration
	Logger       *slog.Logger
	// HTTPClient fetches media; nil: one that never connects inside the
	// network but to APIURL's host, with a 30 s timeout.
	HTTPClient *http.Client
	// Log keeps sent messages and their delivery statuses.
	Log channels.DeliveryLog
}

// Channel is the Twilio adapter for SMS and WhatsApp.
type Channel struct {
	cfg       Config
	api       *openapi.ApiService
	validator client.RequestValidator
	handle    channels.Handler
	out       *channels.Outbox
	rdb       redis.UniversalClient
	log       *slog.Logger
	apiURL    *url.URL
}

// New returns the channel.
func New(cfg Config, handle channels.Handler, out *channels.Outbox, rdb redis.UniversalClient) (*Channel, error) {
	if cfg.APIURL == "" {
		cfg.APIURL = DefaultAPIURL
	}
	if cfg.Log == nil {
		return nil, fmt.Errorf("twilio: no delivery log")
	}
	base, err := url.Parse(strings.TrimRight(cfg.APIURL, "/"))
	if err != nil || base.Host == "" {
		return nil, fmt.Errorf("twilio: API URL %q is not a URL", cfg.APIURL)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.SendInterval == 0 {
		cfg.SendInterval = time.Second
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = mediaClient(30*time.Second, base)
	}
	restHTTP := &http.Client{Timeout: 15 * time.Second, Transport: rewriteHost{base: base, next: http.DefaultTransport},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	// Only the Messages API: the umbrella package links all of Twilio's APIs.
	rest := &client.Client{Credentials: client.NewCredentials(cfg.AccountSID, cfg.AuthToken), HTTPClient: restHTTP}
	rest.SetAccountSid(cfg.AccountSID)
	return &Channel{cfg: cfg, api: openapi.NewApiServiceWithClient(rest), validator: client.NewRequestValidator(cfg.AuthToken), handle: handle,
		out: out, rdb: rdb, log: cfg.Logger, apiURL: base}, nil
}

// rewriteHost sends twilio-go's requests to the configured API URL.
type rewriteHost struct {
	base *url.URL
	next http.RoundTripper
}

func (t rewriteHost) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host, r.Host = t.base.Scheme, t.base.Host, t.base.Host
	return t.next.RoundTrip(r)
}
