package telegram

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"github.com/sp4n-lapor/lapor/channels"
	"golang.org/x/time/rate"
)

// Telegram's limits for bots: about one message a second to a chat, about
// thirty a second overall; we keep under both.
const (
	defaultPerChatInterval = time.Second
	overallPerSec          = 25
)

// Sender sends replies with the Bot API, within Telegram's rate limits.
type Sender struct {
	c       *Channel
	overall *rate.Limiter
	chats   *channels.Pacer[int64]
}

var _ channels.Sender = (*Sender)(nil)

// Sender returns the channel's sender.
func (c *Channel) Sender() *Sender {
	return &Sender{c: c, overall: rate.NewLimiter(overallPerSec, overallPerSec), chats: channels.NewPacer[int64](c.cfg.PerChatInterval)}
}

// Send implements channels.Sender. Choices become reply-keyboard buttons
// (with a location button when asked), removed by the next plain message.
func (s *Sender) Send(ctx context.Context, m channels.Outbound) error {
	chatID, err := strconv.ParseInt(m.To.ID, 10, 64)
	if err != nil {
		return &channels.SendError{Err: fmt.Errorf("telegram: chat id %q: %w", m.To.ID, err)}
	}
	if err := s.chats.Wait(ctx, chatID); err != nil {
		return err
	}
	if err := s.overall.Wait(ctx); err != nil {
		return err
	}
	sent, err := s.c.bot.SendMessage(ctx, &bot.SendMessageParams{ChatID: chatID, Text: m.Text, ReplyMarkup: keyboard(m)})
	if err != nil {
		return sendError(err)
	}
	if log := s.c.cfg.Log; log != nil {
		// Telegram reports no delivery later: sent is as far as it goes.
		if err := log.Sent(ctx, m, strconv.Itoa(sent.ID)); err != nil {
			s.c.log.Warn("telegram: log sent message", "message", m.ID, "err", err)
		}
		if err := log.Delivered(ctx, m.ID, "sent", ""); err != nil {
			s.c.log.Warn("telegram: log sent message", "message", m.ID, "err", err)
		}
	}
	return nil
}

func keyboard(m channels.Outbound) models.ReplyMarkup {
	if len(m.Choices) == 0 && m.LocationButton == "" {
		return &models.ReplyKeyboardRemove{RemoveKeyboard: true}
	}
	var rows [][]models.KeyboardButton
	for _, c := range m.Choices {
		rows = append(rows, []models.KeyboardButton{{Text: c}})
	}
	if m.LocationButton != "" {
		rows = append(rows, []models.KeyboardButton{{Text: m.LocationButton, RequestLocation: true}})
	}
	return &models.ReplyKeyboardMarkup{Keyboard: rows, ResizeKeyboard: true, OneTimeKeyboard: true}
}

// sendError says what the outbox should do about a failed send: wait as
// asked on 429, stop for good on 403 (the citizen blocked the bot), give up
// on other 4xx, retry the rest (5xx, timeouts).
func sendError(err error) error {
	if err == nil {
		return nil
	}
	var tooMany *bot.TooManyRequestsError
	switch {
	case errors.As(err, &tooMany):
		return &channels.SendError{Err: err, Retryable: true, RetryAfter: time.Duration(tooMany.RetryAfter) * time.Second}
	case errors.Is(err, bot.ErrorForbidden):
		return &channels.SendError{Err: err, Stopped: true}
	case errors.Is(err, bot.ErrorBadRequest), errors.Is(err, bot.ErrorUnauthorized), errors.Is(err, bot.ErrorNotFound):
		return &channels.SendError{Err: err}
	}
	return &channels.SendError{Err: err, Retryable: true}
}
