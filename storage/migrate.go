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
			&Attachment{}, &APIKey{}, &IdempotencyRecord{}, &Message{})
		if err != nil {
			return err
		}
		return seed(ctx, conn)
	})
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}
