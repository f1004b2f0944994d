// Package telegram is the Telegram channel: a webhook (or long polling) that
// turns Bot API updates into channels.Inbound, and a sender for replies,
// through github.com/go-telegram/bot.
package telegram

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"github.com/sp4n-lapor/lapor/channels"
)

// DefaultAPIURL is Telegram's own Bot API server.
const DefaultAPIURL = "https://api.telegram.org"

// MaxFileSize is the largest file taken from a citizen (the Bot API's own
// download limit).
const MaxFileSize = 20 << 20

// Config is what the channel needs.
type Config struct {
	Token         string
	APIURL        string // DefaultAPIURL, a self-hosted Bot API server, or a test server
	WebhookSecret string // compared with X-Telegram-Bot-Api-Secret-Token
	DataDir       string // where files are stored
	Logger        *slog.Logger
	HTTPClient    *http.Client // nil: a client with a 30 s timeout
	// PerChatInterval is the pace of messages to one chat; 0: one a second.
	PerChatInterval time.Duration
	// Log, when set, keeps sent messages for the reports' message logs.
	Log channels.DeliveryLog
}

// Channel is the Telegram adapter.
type Channel struct {
	cfg    Config
	bot    *bot.Bot
	handle channels.Handler
	out    *channels.Outbox
	log    *slog.Logger
}

// New returns the channel; it makes no call to Telegram yet.
func New(cfg Config, handle channels.Handler, out *channels.Outbox) (*Channel, error) {
	if cfg.APIURL == "" {
		cfg.APIURL = DefaultAPIURL
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.PerChatInterval == 0 {
		cfg.PerChatInterval = defaultPerChatInterval
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 30 * time.Second}
	}
	c := &Channel{cfg: cfg, handle: handle, out: out, log: cfg.Logger}
	b, err := bot.New(cfg.Token,
		bot.WithServerURL(strings.TrimRight(cfg.APIURL, "/")),
		bot.WithSkipGetMe(),
		bot.WithHTTPClient(50*time.Second, cfg.HTTPClient),
		bot.WithDefaultHandler(c.polled),
		bot.WithAllowedUpdates(allowedUpdates),
		bot.WithErrorsHandler(func(err error) { c.log.Warn("telegram", "err", err) }),
	)
	if err != nil {
		return nil, fmt.Errorf("telegram: %w", err)
	}
	c.bot = b
	return c, nil
}

// allowedUpdates are the updates the bot asks for.
var allowedUpdates = bot.AllowedUpdates{models.AllowedUpdateMessage, models.AllowedUpdateEditedMessage, models.AllowedUpdateCallbackQuery}

// RegisterWebhook tells Telegram to post updates to url with the secret.
func (c *Channel) RegisterWebhook(ctx context.Context, url string) error {
	_, err := c.bot.SetWebhook(ctx, &bot.SetWebhookParams{
		URL: url, SecretToken: c.cfg.WebhookSecret, AllowedUpdates: allowedUpdates,
	})
	if err != nil {
		return fmt.Errorf("telegram: set webhook: %w", err)
	}
	return nil
}

// Poll reads updates with getUpdates until ctx ends, for running without a
// public URL. A message the engine fails to take is tried a few times.
func (c *Channel) Poll(ctx context.Context) {
	if _, err := c.bot.DeleteWebhook(ctx, &bot.DeleteWebhookParams{}); err != nil {
		c.log.Warn("telegram: delete webhook before polling", "err", err)
	}
	c.bot.Start(ctx)
}

func (c *Channel) polled(ctx context.Context, _ *bot.Bot, u *models.Update) {
	for attempt := range 5 {
		err := c.take(ctx, u)
		if err == nil {
			return
		}
		c.log.Warn("telegram: update not taken", "update", u.ID, "attempt", attempt+1, "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second << attempt):
		}
	}
}
