package storage

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// ErrIdempotencyMismatch is returned when an idempotency key is reused with
// a different request.
var ErrIdempotencyMismatch = errors.New("idempotency key reused with a different request")

// IdempotencyRecord remembers the receipt given for a filing under an
// idempotency key, per caller, so that a retry gets the same answer.
type IdempotencyRecord struct {
	ID          uint64 `gorm:"primaryKey"`
	Principal   string `gorm:"size:120;not null;uniqueIndex:idx_idem_principal_key"`
	Key         string `gorm:"column:idem_key;size:255;not null;uniqueIndex:idx_idem_principal_key"`
	RequestHash string `gorm:"size:64;not null"`
	ReportID    uint64 `gorm:"not null"`
	Receipt     []byte `gorm:"column:response;not null"`
	CreatedAt   time.Time
}

// Filing is a report to file with the events that follow its creation, and
// the idempotency key that guards it (empty for none).
type Filing struct {
	Report      *Report
	Events      []ReportEvent // after the created event, which File writes
	Actor       string
	Principal   string
	Key         string
	RequestHash string
	// Receipt renders the answer for the filed report; it is stored with
	// the idempotency key and returned again on a retry.
	Receipt func(*Report) ([]byte, error)
}

// Filed is the outcome of File.
type Filed struct {
	Receipt  []byte
	Replayed bool // an earlier filing with the same key filed it
}

const maxCodeAttempts = 5

// File writes a report, its events and its idempotency record in one
// transaction, giving the report a fresh tracking code. A retry with the same
// key and request returns the first response and files nothing; the same key
// with another request fails with ErrIdempotencyMismatch.
func (s *Store) File(ctx context.Context, f Filing) (Filed, error) {
	if f.Key != "" {
		if filed, err := s.replay(ctx, f); !errors.Is(err, ErrNotFound) {
			return filed, err
		}
	}
	for range maxCodeAttempts {
		f.Report.ID = 0
		f.Report.TrackingCode = NewTrackingCode()
		var filed Filed
		err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			var err error
			filed, err = fileTx(tx, f)
			return err
		})
		switch {
		case err == nil:
			return filed, nil
		case errors.Is(err, errKeyTaken):
			// A concurrent request with the same key won the race.
			return s.replay(ctx, f)
		case errors.Is(err, gorm.ErrDuplicatedKey):
			continue // tracking code collision: draw another
		default:
			return Filed{}, fmt.Errorf("file report: %w", err)
		}
	}
	return Filed{}, fmt.Errorf("file report: no free tracking code after %d attempts", maxCodeAttempts)
}

var errKeyTaken = errors.New("idempotency key taken")

func fileTx(tx *gorm.DB, f Filing) (Filed, error) {
	r := f.Report
	if err := tx.Create(r).Error; err != nil {
		return Filed{}, err
	}
	events := append([]ReportEvent{{Kind: EventCreated, Actor: f.Actor}}, f.Events...)
	for i := range events {
		events[i].ID = 0
		events[i].ReportID = r.ID
		events[i].CreatedAt = r.CreatedAt
	}
	if err := tx.Create(&events).Error; err != nil {
		return Filed{}, err
	}
	for i := range r.Attachments {
		r.Attachments[i].ID = 0
		r.Attachments[i].ReportID = &r.ID
	}
	if len(r.Attachments) > 0 {
		if err := tx.Create(&r.Attachments).Error; err != nil {
			return Filed{}, err
		}
	}
	if s := DeriveStatus(events); s != r.Status {
		return Filed{}, fmt.Errorf("report status %q does not follow from its events (%q)", r.Status, s)
	}
	receipt, err := f.Receipt(r)
	if err != nil {
		return Filed{}, err
	}
	if f.Key != "" {
		rec := IdempotencyRecord{Principal: f.Principal, Key: f.Key, RequestHash: f.RequestHash,
			ReportID: r.ID, Receipt: receipt}
		// The report's only unique column is its tracking code, so a duplicate
		// here, and only here, means the key is taken.
		if err := tx.Create(&rec).Error; errors.Is(err, gorm.ErrDuplicatedKey) {
			return Filed{}, errKeyTaken
		} else if err != nil {
			return Filed{}, err
		}
	}
	return Filed{Receipt: receipt}, nil
}

func (s *Store) replay(ctx context.Context, f Filing) (Filed, error) {
	var rec IdempotencyRecord
	err := s.db.WithContext(ctx).Where("principal = ? AND idem_key = ?", f.Principal, f.Key).Take(&rec).Error
	if err != nil {
		return Filed{}, notFound(err)
	}
	if rec.RequestHash != f.RequestHash {
		return Filed{}, ErrIdempotencyMismatch
	}
	return Filed{Receipt: rec.Receipt, Replayed: true}, nil
}
