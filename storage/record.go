package storage

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Deadlines are what an event sets of a report's time limits; a nil one is
// left as it is.
type Deadlines struct {
	FollowUp *time.Time // the agency follows up by then
	Close    *time.Time // it closes by itself then, unless the reporter replies
	// NoClose clears the close deadline: the report waits for the agency.
	NoClose bool
}

// ErrStale is returned by RecordIf when the report no longer is as the
// condition wants.
var ErrStale = errors.New("report changed meanwhile")

// Record appends an event to a report and updates, in the same transaction,
// what the report caches of its events: its status, the agency that holds
// it after a forward or a return, its rating, and its deadlines. It returns
// the report as it is now; a report changed by another request meanwhile
// waits for it. The event gets its id.
func (s *Store) Record(ctx context.Context, reportID uint64, e *ReportEvent, d Deadlines) (Report, error) {
	return s.RecordIf(ctx, reportID, e, d, nil)
}

// RecordIf is Record when the report, read under its lock, satisfies cond;
// otherwise it records nothing and fails with ErrStale. Two processes that
// act on the same report for the same reason act once.
func (s *Store) RecordIf(ctx context.Context, reportID uint64, e *ReportEvent, d Deadlines, cond func(Report) bool) (Report, error) {
	var r Report
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		q := tx
		if s.dialect == "postgres" { // SQLite has one writer already
			q = q.Clauses(clause.Locking{Strength: "UPDATE"})
		}
		if err := q.Take(&r, reportID).Error; err != nil {
			return notFound(err)
		}
		if cond != nil && !cond(r) {
			return ErrStale
		}
		e.ID, e.ReportID = 0, r.ID
		if err := tx.Create(e).Error; err != nil {
			return err
		}
		for i := range e.Files {
			e.Files[i].ID, e.Files[i].ReportID, e.Files[i].EventID = 0, &r.ID, &e.ID
		}
		if len(e.Files) > 0 {
			if err := tx.Create(&e.Files).Error; err != nil {
				return err
			}
		}
		var events []ReportEvent
		if err := tx.Where("report_id = ?", r.ID).Order("id").Find(&events).Error; err != nil {
			return err
		}
		r.Status = DeriveStatus(events)
		if e.Moves() {
			r.AgencyID = e.AgencyID
		}
		if d.FollowUp != nil {
			r.FollowUpDueAt = d.FollowUp
		}
		if d.Close != nil {
			r.CloseDueAt = d.Close
		}
		if d.NoClose {
			r.CloseDueAt = nil
		}
		if e.Kind == EventRated {
			n, err := strconv.Atoi(e.Note)
			if err != nil {
				return fmt.Errorf("rating %q: %w", e.Note, err)
			}
			r.Rating = &n
		}
		return tx.Model(&r).Select("status", "agency_id", "follow_up_due_at", "close_due_at", "rating", "updated_at").Updates(&r).Error
	})
	if err != nil {
		return Report{}, fmt.Errorf("record %s event: %w", e.Kind, err)
	}
	return r, nil
}
