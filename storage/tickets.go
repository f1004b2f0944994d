package storage

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
)

// TicketQuery selects reports for an inbox: an agency's, or every report
// for the admin.
type TicketQuery struct {
	// Agencies are the agencies whose reports are wanted; nil: all.
	Agencies []string
	// RahasiaOf, when set, admits a rahasia report only when it is
	// addressed to this agency itself, not to one of its units.
	RahasiaOf string
	Status    string
	Sector    string
	Region    string // a region code: reports in it or below it
	Overdue   bool   // only reports past their deadline at Now
	Now       time.Time
	From, To  *time.Time // filed within
	Text      string     // in the title or the description, any case
	Before    uint64     // the cursor: reports filed before this one
	Limit     int
}

// Tickets returns the reports a query selects, newest first.
func (s *Store) Tickets(ctx context.Context, q TicketQuery) ([]Report, error) {
	db := s.ticketScope(ctx, q)
	if q.Status != "" {
		db = db.Where("status = ?", q.Status)
	}
	if q.Before > 0 {
		db = db.Where("id < ?", q.Before)
	}
	var out []Report
	err := db.Order("id DESC").Limit(q.Limit).Find(&out).Error
	return out, err
}

// TicketCounts counts the reports a query selects by status, whatever its
// status filter and cursor.
func (s *Store) TicketCounts(ctx context.Context, q TicketQuery) (map[string]int64, error) {
	var rows []struct {
		Status string
		N      int64
	}
	err := s.ticketScope(ctx, q).Model(&Report{}).Select("status, COUNT(*) AS n").Group("status").Scan(&rows).Error
	counts := map[string]int64{}
	for _, r := range rows {
		counts[r.Status] = r.N
	}
	return counts, err
}

// ticketScope is the query's selection but for its status and cursor.
func (s *Store) ticketScope(ctx context.Context, q TicketQuery) *gorm.DB {
	db := s.db.WithContext(ctx).Model(&Report{})
	if q.Agencies != nil {
		db = db.Where("agency_id IN ?", q.Agencies)
	}
	if q.RahasiaOf != "" {
		db = db.Where("privacy <> ? OR agency_id = ?", "rahasia", q.RahasiaOf)
	}
	if q.Sector != "" {
		db = db.Where("sector = ?", q.Sector)
	}
	if q.Region != "" {
		db = db.Where("(region_code = ? OR region_code LIKE ?)", q.Region, q.Region+".%")
	}
	if q.Overdue {
		db = db.Where("(status = ? AND verify_due_at < ?) OR (status = ? AND follow_up_due_at < ?)",
			StatusAwaitingVerification, q.Now, StatusForwarded, q.Now)
	}
	if q.From != nil {
		db = db.Where("created_at >= ?", *q.From)
	}
	if q.To != nil {
		db = db.Where("created_at < ?", *q.To)
	}
	if t := strings.ToLower(strings.TrimSpace(q.Text)); t != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(t) + "%"
		db = db.Where(`(LOWER(title) LIKE ? ESCAPE '\' OR LOWER(description) LIKE ? ESCAPE '\')`, like, like)
	}
	return db
}

// Units lists the ids of an agency's units and offices: the agencies whose
// parent it is.
func (s *Store) Units(ctx context.Context, id string) ([]string, error) {
	var ids []string
	err := s.db.WithContext(ctx).Model(&Agency{}).Where("parent_id = ?", id).Order("id").Pluck("id", &ids).Error
	return ids, err
}

// Rating is how reporters rated the handling of an agency's closed
// reports.
type Rating struct {
	Average float64 `json:"average"`
	Count   int64   `json:"count"`
}

// AgencyRating summarises the ratings of the reports an agency holds.
func (s *Store) AgencyRating(ctx context.Context, id string) (Rating, error) {
	var r Rating
	err := s.db.WithContext(ctx).Model(&Report{}).Where("agency_id = ? AND rating IS NOT NULL", id).
		Select("COALESCE(AVG(rating), 0) AS average, COUNT(rating) AS count").Scan(&r).Error
	return r, err
}

// DueToClose returns, oldest first, at most limit answered reports whose
// reporter did not reply by their close deadline.
func (s *Store) DueToClose(ctx context.Context, now time.Time, limit int) ([]Report, error) {
	var out []Report
	err := s.db.WithContext(ctx).Where("status = ? AND close_due_at < ?", StatusFollowedUp, now).
		Order("close_due_at").Limit(limit).Find(&out).Error
	return out, err
}

// OverdueByAgency counts, per agency, the reports past the deadline of
// their current step: verification, or the agency's follow-up.
func (s *Store) OverdueByAgency(ctx context.Context, now time.Time) (map[string]int64, error) {
	var rows []struct {
		AgencyID string
		N        int64
	}
	err := s.ticketScope(ctx, TicketQuery{Overdue: true, Now: now}).
		Select("agency_id, COUNT(*) AS n").Group("agency_id").Scan(&rows).Error
	out := make(map[string]int64, len(rows))
	for _, r := range rows {
		out[r.AgencyID] = r.N
	}
	return out, err
}

// Dispositions lists the reports that ended with another agency than the
// one routing chose, and not with the national admin (whose queue says
// nothing of a sector), oldest first: corrections of routing by the people
// who handle reports.
func (s *Store) Dispositions(ctx context.Context) ([]Report, error) {
	var out []Report
	err := s.db.WithContext(ctx).Model(&Report{}).Select("reports.*").
		Joins("JOIN report_events ON report_events.report_id = reports.id AND report_events.kind = ?", EventRouted).
		Where("reports.agency_id <> report_events.agency_id AND reports.agency_id <> ?", "admin-nasional").
		Order("reports.id").Find(&out).Error
	return out, err
}
