package widget

import (
	"context"
	"errors"
	"time"

	"github.com/sp4n-lapor/lapor/channels"
)

// sender delivers replies into the sessions' logs.
type sender struct{ c *Channel }

var errSessionGone = errors.New("widget session expired")

// Send implements channels.Sender. A session that expired cannot be reached
// again: the citizen is marked stopped rather than retried.
func (s sender) Send(ctx context.Context, m channels.Outbound) error {
	c := s.c
	n, err := c.cfg.Redis.Exists(ctx, sessionKey(m.To.ID)).Result()
	if err != nil {
		return err
	}
	if n == 0 {
		return &channels.SendError{Err: errSessionGone, Stopped: true}
	}
	id, err := c.appendLog(ctx, m.To.ID, Entry{
		From: fromBot, Text: m.Text, Choices: m.Choices, LocationButton: m.LocationButton, At: time.Now().UTC(),
	})
	if err != nil {
		return err
	}
	if c.cfg.Log != nil && m.Conversation != "" {
		if err := c.cfg.Log.Sent(ctx, m, id); err != nil {
			c.log.Warn("widget: message log", "err", err)
		}
	}
	return nil
}
