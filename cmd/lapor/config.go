package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"text/tabwriter"

	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/routing/model"
)

// Config is every setting of the service; each is a flag and a LAPOR_*
// environment variable, the flag winning.
type Config struct {
	Addr         string
	DatabaseURL  string
	RedisURL     string
	PublicURL    string
	AdminToken   string
	DataDir      string
	HolidaysFile string
	LogLevel     string

	TelegramToken         string
	TelegramAPIURL        string
	TelegramWebhookSecret string
	TelegramMode          string

	TwilioAccountSID       string
	TwilioAuthToken        string
	TwilioSMSFrom          string
	TwilioWhatsAppFrom     string
	TwilioWhatsAppTemplate string
	TwilioAPIURL           string
	TwilioSendInterval     string

	WidgetDemo string
	TrustProxy string

	RoutingMinConfidence string
	RoutingModel         string

	BackendURL   string
	BackendToken string
}

type setting struct {
	flag, env, def, usage string
	value                 func(*Config) *string
}

var settings = []setting{
	{"addr", "LAPOR_ADDR", ":8080", "address to listen on",
		func(c *Config) *string { return &c.Addr }},
	{"database-url", "LAPOR_DATABASE_URL", "lapor.db", "postgres://… for PostgreSQL; a file path or sqlite://PATH for SQLite",
		func(c *Config) *string { return &c.DatabaseURL }},
	{"redis-url", "LAPOR_REDIS_URL", "", "redis://… (add master_name= for Sentinel, addr= for more Cluster nodes); empty: in-process Redis, state lost on exit",
		func(c *Config) *string { return &c.RedisURL }},
	{"public-url", "LAPOR_PUBLIC_URL", "", "externally visible base URL, such as https://lapor.example.go.id, for links and webhooks",
		func(c *Config) *string { return &c.PublicURL }},
	{"admin-token", "LAPOR_ADMIN_TOKEN", "", "bootstrap admin bearer token; empty: a random one, logged once at start",
		func(c *Config) *string { return &c.AdminToken }},
	{"data-dir", "LAPOR_DATA_DIR", "lapor-data", "directory for attachments",
		func(c *Config) *string { return &c.DataDir }},
	{"holidays-file", "LAPOR_HOLIDAYS_FILE", "", "extra holidays and cuti bersama, lines YYYY-MM-DD,name, for counting working days",
		func(c *Config) *string { return &c.HolidaysFile }},
	{"backend-url", "LAPOR_BACKEND_URL", "", "base URL of a backend deployed apart, whose REST API the conversation files through; empty: the report service in this process",
		func(c *Config) *string { return &c.BackendURL }},
	{"backend-token", "LAPOR_BACKEND_TOKEN", "", "admin token of the backend at LAPOR_BACKEND_URL",
		func(c *Config) *string { return &c.BackendToken }},
	{"log-level", "LAPOR_LOG_LEVEL", "info", "debug, info, warn or error",
		func(c *Config) *string { return &c.LogLevel }},
	{"telegram-token", "LAPOR_TELEGRAM_TOKEN", "", "bot token from BotFather; empty: the Telegram channel is off",
		func(c *Config) *string { return &c.TelegramToken }},
	{"telegram-api-url", "LAPOR_TELEGRAM_API_URL", "https://api.telegram.org", "Bot API server (a self-hosted one, or a test server); file downloads use it too",
		func(c *Config) *string { return &c.TelegramAPIURL }},
	{"telegram-webhook-secret", "LAPOR_TELEGRAM_WEBHOOK_SECRET", "", "secret Telegram sends with each update; empty: derived from the token",
		func(c *Config) *string { return &c.TelegramWebhookSecret }},
	{"telegram-mode", "LAPOR_TELEGRAM_MODE", "", "webhook or polling; empty: webhook when LAPOR_PUBLIC_URL is set, else polling",
		func(c *Config) *string { return &c.TelegramMode }},
	{"twilio-account-sid", "LAPOR_TWILIO_ACCOUNT_SID", "", "Twilio account SID (AC…); empty: the SMS and WhatsApp channels are off",
		func(c *Config) *string { return &c.TwilioAccountSID }},
	{"twilio-auth-token", "LAPOR_TWILIO_AUTH_TOKEN", "", "Twilio auth token: signs webhooks and authenticates the REST API",
		func(c *Config) *string { return &c.TwilioAuthToken }},
	{"twilio-sms-from", "LAPOR_TWILIO_SMS_FROM", "", "SMS sender: a number (+62…) or a messaging service SID (MG…)",
		func(c *Config) *string { return &c.TwilioSMSFrom }},
	{"twilio-whatsapp-from", "LAPOR_TWILIO_WHATSAPP_FROM", "", "WhatsApp sender, whatsapp:+62…",
		func(c *Config) *string { return &c.TwilioWhatsAppFrom }},
	{"twilio-whatsapp-template", "LAPOR_TWILIO_WHATSAPP_TEMPLATE", "", "ContentSid (HX…) of an approved one-variable template for messages outside the 24-hour window",
		func(c *Config) *string { return &c.TwilioWhatsAppTemplate }},
	{"twilio-api-url", "LAPOR_TWILIO_API_URL", "https://api.twilio.com", "Twilio REST API base URL (a test server or proxy)",
		func(c *Config) *string { return &c.TwilioAPIURL }},
	{"twilio-send-interval", "LAPOR_TWILIO_SEND_INTERVAL", "1s", "pace of messages from one sender number (an SMS long code sends about a segment a second)",
		func(c *Config) *string { return &c.TwilioSendInterval }},
	{"widget-demo", "LAPOR_WIDGET_DEMO", "admin-nasional", "agency whose web chat widget the demo page at / shows; empty: no page at /",
		func(c *Config) *string { return &c.WidgetDemo }},
	{"trust-proxy", "LAPOR_TRUST_PROXY", "false", "true behind a reverse proxy: client addresses (for the widget's rate limits) come from X-Forwarded-For",
		func(c *Config) *string { return &c.TrustProxy }},
	{"routing-min-confidence", "LAPOR_ROUTING_MIN_CONFIDENCE", strconv.FormatFloat(model.DefaultMinConfidence, 'g', -1, 64),
		"sector confidence (0 to 1) below which a report goes to the national admin's triage queue instead of an agency; see lapor classify --eval",
		func(c *Config) *string { return &c.RoutingMinConfidence }},
	{"routing-model", "LAPOR_ROUTING_MODEL", "", "model file written by lapor train to route with; empty: the model built in, learnt from the 2017 dev set",
		func(c *Config) *string { return &c.RoutingModel }},
}

// routerOptions are the routing settings as options of the router.
func (c Config) routerOptions() ([]routing.RouterOption, error) {
	if c.RoutingMinConfidence == "" {
		return nil, nil // the router's default
	}
	p, err := strconv.ParseFloat(c.RoutingMinConfidence, 64)
	if err != nil || p < 0 || p > 1 {
		return nil, fmt.Errorf("LAPOR_ROUTING_MIN_CONFIDENCE is %q: want a number from 0 to 1", c.RoutingMinConfidence)
	}
	return []routing.RouterOption{routing.WithMinConfidence(p)}, nil
}

// classifier is the model to route with: the file of LAPOR_ROUTING_MODEL,
// else the one built in.
func (c Config) classifier() (*model.Classifier, error) {
	if c.RoutingModel == "" {
		return model.DefaultClassifier(), nil
	}
	m, err := model.LoadModel(c.RoutingModel)
	if err != nil {
		return nil, fmt.Errorf("LAPOR_ROUTING_MODEL: %w", err)
	}
	return m, nil
}

// define adds the setting to fs as a flag into c, its default from the
// environment.
func (s setting) define(fs *flag.FlagSet, c *Config) {
	def := s.def
	if v, ok := os.LookupEnv(s.env); ok {
		def = v
	}
	fs.StringVar(s.value(c), s.flag, def, s.usage)
}

// defineSome adds the settings of these environment variables to fs.
func defineSome(fs *flag.FlagSet, c *Config, envs ...string) {
	for _, s := range settings {
		if slices.Contains(envs, s.env) {
			s.define(fs, c)
		}
	}
}

// parseConfig reads the settings from the environment, then from args.
func parseConfig(name string, args []string, stderr io.Writer) (Config, error) {
	var c Config
	fs := flag.NewFlagSet("lapor "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	for _, s := range settings {
		s.define(fs, &c)
	}
	fs.Usage = func() { printSettings(fs.Output(), name) }
	if err := fs.Parse(args); err != nil {
		return Config{}, err
	}
	if fs.NArg() > 0 {
		return Config{}, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	return c, nil
}

func printSettings(w io.Writer, name string) {
	fmt.Fprintf(w, "Usage: lapor %s [flags]\n\nEvery setting is a flag or an environment variable; the flag wins.\n\n", name)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "FLAG\tENVIRONMENT\tDEFAULT\tMEANING")
	for _, s := range settings {
		def := s.def
		if def == "" {
			def = "(none)"
		}
		fmt.Fprintf(tw, "--%s\t%s\t%s\t%s\n", s.flag, s.env, def, s.usage)
	}
	tw.Flush()
}

// trustProxy reads LAPOR_TRUST_PROXY: whether client addresses come from
// X-Forwarded-For.
func (c Config) trustProxy() (bool, error) {
	if c.TrustProxy == "" {
		return false, nil
	}
	trust, err := strconv.ParseBool(c.TrustProxy)
	if err != nil {
		return false, fmt.Errorf("LAPOR_TRUST_PROXY is %q: want true or false", c.TrustProxy)
	}
	return trust, nil
}
