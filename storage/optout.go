package storage

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm/clause"
)

// OptOut is a citizen who asked for no more messages on a channel (STOP,
// BERHENTI) or who blocked the bot: kept in the database, so that it
// outlives Redis losing its data.
type OptOut struct {
	Channel   string `gorm:"primaryKey;size:20"`
	Address   string `gorm:"primaryKey;size:200"`
	CreatedAt time.Time
}

// StopContact records an opt-out; a second one changes nothing.
func (s *Store) StopContact(ctx context.Context, channel, address string) error {
	return s.db.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).
		Create(&OptOut{Channel: channel, Address: address}).Error
}

// ResumeContact forgets an opt-out: the citizen opted back in.
func (s *Store) ResumeContact(ctx context.Context, channel, address string) error {
	return s.db.WithContext(ctx).Where("channel = ? AND address = ?", channel, address).Delete(&OptOut{}).Error
}

// ContactStopped reports whether a citizen opted out of a channel.
func (s *Store) ContactStopped(ctx context.Context, channel, address string) (bool, error) {
	var o OptOut
	err := s.db.WithContext(ctx).Where("channel = ? AND address = ?", channel, address).Take(&o).Error
	if errors.Is(notFound(err), ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}
