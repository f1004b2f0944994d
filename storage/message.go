package storage

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Message is one message sent to a citizen, with what the provider said of
// its delivery: the message log of the report its conversation filed.
type Message struct {
	ID           uint64 `gorm:"primaryKey"`
	OutboundID   string `gorm:"size:300;uniqueIndex;not null"` // the id the outbox gave the message
	Conversation string `gorm:"size:64;index"`
	Channel      string `gorm:"size:20"`
	Recipient    string `gorm:"size:200"`
	Text         string `gorm:"type:text"`
	ProviderID   string `gorm:"size:64"`
	Status       string `gorm:"size:20"`
	ErrorCode    string `gorm:"size:10"`
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// deliveryRank orders statuses, so that a late "sent" callback does not
// undo a "delivered" one.
var deliveryRank = map[string]int{"accepted": 1, "queued": 1, "sending": 2, "sent": 3, "failed": 4, "undelivered": 4, "delivered": 5, "read": 6}

// LogSent records a message the provider accepted (OutboundID, the
// conversation, channel, recipient, text and provider id), as queued; a
// status callback that came first keeps its status.
func (s *Store) LogSent(ctx context.Context, row Message) error {
	row.ID, row.Status = 0, "queued"
	err := s.db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "outbound_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"conversation", "channel", "recipient", "text", "provider_id", "updated_at"}),
	}).Create(&row).Error
	if err != nil {
		return fmt.Errorf("log sent message: %w", err)
	}
	return nil
}

// LogDelivery records a status the provider reported for a message; a
// status callback that comes before the send is recorded is kept all the
// same, and a late one never undoes a later status.
func (s *Store) LogDelivery(ctx context.Context, messageID, status, errorCode string) error {
	var row Message
	err := s.db.WithContext(ctx).Where("outbound_id = ?", messageID).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		row = Message{OutboundID: messageID, Status: status, ErrorCode: errorCode}
		err = s.db.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error
		return err
	}
	if err != nil {
		return err
	}
	if deliveryRank[status] < deliveryRank[row.Status] {
		return nil
	}
	return s.db.WithContext(ctx).Model(&row).Updates(map[string]any{"status": status, "error_code": errorCode}).Error
}

// Messages returns the message log of a conversation, oldest first.
func (s *Store) Messages(ctx context.Context, conversation string) ([]Message, error) {
	var out []Message
	if conversation == "" {
		return out, nil
	}
	err := s.db.WithContext(ctx).Where("conversation = ?", conversation).Order("id").Find(&out).Error
	return out, err
}
