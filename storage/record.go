package storage

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Record appends an event to a report and updates, in the same transaction,
// what the report caches of its events: its status, and the agency that
// holds it after a forward or a return. followUpDue, when not nil, is the
// new deadline of the agency's follow-up. It returns the report as it is
// now; a report changed by another request meanwhile waits for it.
func (s *Store) Record(ctx context.Context, reportID uint64, e ReportEvent, followUpDue *time.Time) (Report, error) {
	var r Report
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		q := tx
		if s.dialect == "postgres" { // SQLite has one writer already
			q = q.Clauses(clause.Locking{Strength: "UPDATE"})
		}
		if err := q.Take(&r, reportID).Error; err != nil {
			return notFound(err)
		}
		e.ID, e.ReportID = 0, r.ID
		if err := tx.Create(&e).Error; err != nil {
			return err
		}
		var events []ReportEvent
		if err := tx.Where("report_id = ?", r.ID).Order("id").Find(&events).Error; err != nil {
			return err
		}
		r.Status = DeriveStatus(events)
		if e.Moves() {
			r.AgencyID = e.AgencyID
		}
		if followUpDue != nil {
			r.FollowUpDueAt = followUpDue
		}
		if e.Kind == EventRated {
			n, err := strconv.Atoi(e.Note)
			if err != nil {
				return fmt.Errorf("rating %q: %w", e.Note, err)
			}
			r.Rating = &n
		}
		return tx.Model(&r).Select("status", "agency_id", "follow_up_due_at", "rating", "updated_at").Updates(&r).Error
	})
	if err != nil {
		return Report{}, fmt.Errorf("record %s event: %w", e.Kind, err)
	}
	return r, nil
}
