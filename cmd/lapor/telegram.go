package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/channels/msglog"
	"github.com/sp4n-lapor/lapor/channels/telegram"
)

// startTelegram mounts the Telegram webhook (or starts polling) and the
// Telegram sender, when a token is set; it says once when the channel is off.
func startTelegram(ctx context.Context, svc *service, log *slog.Logger, wg *sync.WaitGroup) error {
	cfg := svc.cfg
	if cfg.TelegramToken == "" {
		log.Info("Telegram channel off: LAPOR_TELEGRAM_TOKEN is not set")
		return nil
	}
	secret := cfg.TelegramWebhookSecret
	if secret == "" {
		// Stable across processes and restarts, unguessable without the token.
		sum := sha256.Sum256([]byte("lapor-telegram-webhook:" + cfg.TelegramToken))
		secret = hex.EncodeToString(sum[:16])
	}
	ch, err := telegram.New(telegram.Config{
		Token: cfg.TelegramToken, APIURL: cfg.TelegramAPIURL, WebhookSecret: secret, DataDir: cfg.DataDir, Logger: log,
		Log: msglog.Log{Store: svc.store},
	}, svc.engine.Handle, svc.outbox)
	if err != nil {
		return err
	}
	mode := cfg.TelegramMode
	if mode == "" {
		mode = "polling"
		if cfg.PublicURL != "" {
			mode = "webhook"
		}
	}
	switch mode {
	case "webhook":
		if cfg.PublicURL == "" {
			return fmt.Errorf("telegram webhook mode needs LAPOR_PUBLIC_URL")
		}
		svc.mount(ch.Routes())
		url := strings.TrimRight(cfg.PublicURL, "/") + telegram.WebhookPath
		if err := ch.RegisterWebhook(ctx, url); err != nil {
			return err
		}
		log.Info("Telegram channel on", "mode", mode, "webhook", url)
	case "polling":
		wg.Go(func() { ch.Poll(ctx) })
		log.Info("Telegram channel on", "mode", mode)
	default:
		return fmt.Errorf("LAPOR_TELEGRAM_MODE is %q: want webhook or polling", mode)
	}
	svc.runSender(ctx, wg, channels.Telegram, ch.Sender())
	return nil
}

// consumerName names this process in the outbox's consumer groups.
func consumerName() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s-%d", host, os.Getpid())
}
