package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/channels/msglog"
	"github.com/sp4n-lapor/lapor/channels/twilio"
)

// startTwilio mounts the SMS, WhatsApp and status webhooks and starts their
// senders, when Twilio credentials are set; it says once when they are off.
func startTwilio(ctx context.Context, svc *service, log *slog.Logger, wg *sync.WaitGroup) error {
	cfg := svc.cfg
	if cfg.TwilioAccountSID == "" || cfg.TwilioAuthToken == "" {
		log.Info("SMS and WhatsApp channels off: LAPOR_TWILIO_ACCOUNT_SID and LAPOR_TWILIO_AUTH_TOKEN are not set")
		return nil
	}
	if cfg.PublicURL == "" {
		return errors.New("the Twilio channels need LAPOR_PUBLIC_URL: Twilio signs the URL it calls")
	}
	interval, err := time.ParseDuration(cfg.TwilioSendInterval)
	if err != nil || interval <= 0 {
		return fmt.Errorf("LAPOR_TWILIO_SEND_INTERVAL is %q: want a duration such as 1s or 200ms", cfg.TwilioSendInterval)
	}
	ch, err := twilio.New(twilio.Config{
		SendInterval: interval,
		AccountSID:   cfg.TwilioAccountSID, AuthToken: cfg.TwilioAuthToken, SMSFrom: cfg.TwilioSMSFrom,
		WhatsAppFrom: cfg.TwilioWhatsAppFrom, WhatsAppTemplate: cfg.TwilioWhatsAppTemplate, APIURL: cfg.TwilioAPIURL,
		PublicURL: cfg.PublicURL, DataDir: cfg.DataDir, Logger: log, Log: msglog.Log{Store: svc.store},
	}, svc.engine.Handle, svc.outbox, svc.rdb)
	if err != nil {
		return err
	}
	svc.mount(ch.Routes())
	sender := ch.Sender()
	for _, channel := range []string{channels.SMS, channels.WhatsApp} {
		svc.runSender(ctx, wg, channel, sender)
	}
	log.Info("SMS and WhatsApp channels on", "sms_from", cfg.TwilioSMSFrom, "whatsapp_from", cfg.TwilioWhatsAppFrom)
	return nil
}
