// Package msglog keeps in storage what the channels must not lose with
// Redis: the message log (what was sent, and what providers say of its
// delivery) and the opt-outs. It adapts the channels' interfaces to the
// store, kept apart so that neither imports the other.
package msglog

import (
	"context"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/storage"
)

// Log is the message log in a store.
type Log struct{ Store *storage.Store }

var _ channels.DeliveryLog = Log{}

// Sent implements channels.DeliveryLog.
func (l Log) Sent(ctx context.Context, m channels.Outbound, providerID string) error {
	return l.Store.LogSent(ctx, storage.Message{OutboundID: m.ID, Conversation: m.Conversation,
		Channel: m.To.Channel, Recipient: m.To.ID, Text: m.Text, ProviderID: providerID})
}

// Delivered implements channels.DeliveryLog.
func (l Log) Delivered(ctx context.Context, messageID, status, errorCode string) error {
	return l.Store.LogDelivery(ctx, messageID, status, errorCode)
}
