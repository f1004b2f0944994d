package storage

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// migrateLockID names the PostgreSQL advisory lock that serialises
// migrations of processes starting together.
const migrateLockID = 0x4c41504f52 // "LAPOR"

// Migrate brings the schema up to date and seeds the agency directory. It is
// safe to run on every start and from several processes at once.
func (s *Store) Migrate(ctx context.Context) error {
	err := s.db.WithContext(ctx).Connection(func(conn *gorm.DB) error {
		if s.dialect == "postgres" {
			if err := conn.Exec("SELECT pg_advisory_lock(?)", migrateLockID).Error; err != nil {
				return err
			}
			defer conn.Exec("SELECT pg_advisory_unlock(?)", migrateLockID)
		}
		err := conn.AutoMigrate(&Agency{}, &AgencySector{}, &Report{}, &ReportEvent{},
			&Attachment{}, &APIKey{}, &IdempotencyRecord{}, &Message{}, &OptOut{})
		if err != nil {
			return err
		}
		if err := dropRetired(conn); err != nil {
			return err
		}
		return seed(ctx, conn)
	})
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// dropRetired drops the columns the schema no longer has, which AutoMigrate
// leaves in place: an idempotency record's HTTP status code (a receipt is
// the report service's answer, whatever carries it).
func dropRetired(conn *gorm.DB) error {
	m := conn.Migrator()
	if m.HasColumn(&IdempotencyRecord{}, "status_code") {
		return m.DropColumn(&IdempotencyRecord{}, "status_code")
	}
	return nil
}
