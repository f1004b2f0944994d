package storage

import (
	"context"
	"time"
)

// Kinds of report events.
const (
	EventCreated         = "created"
	EventRouted          = "routed"
	EventForwarded       = "forwarded"
	EventAnswered        = "answered"
	EventReporterReplied = "reporter_replied"
	EventStatusChanged   = "status_changed"
	// EventReturned is an agency saying a report is not its authority
	// (bukan wewenang): it goes back to the national admin's triage queue.
	EventReturned = "returned"
	// EventRated is the reporter's rating of how a closed report was
	// handled, 1 to 5 in the note.
	EventRated = "rated"
)

// Report statuses, in the words of the live system.
const (
	StatusAwaitingVerification = "menunggu_verifikasi"
	StatusForwarded            = "terdisposisi"       // Terdisposisi ke <instansi>
	StatusFollowedUp           = "ditindaklanjuti"    // Ditindaklanjuti oleh Instansi
	StatusReporterReplied      = "ditanggapi_pelapor" // Ditanggapi oleh Pelapor
	StatusOnHold               = "ditunda"
	StatusDone                 = "selesai"
	StatusArchived             = "diarsipkan"
	StatusNotAuthority         = "bukan_wewenang" // returned to the admin by the agency it was sent to
)

// ReportEvent is one append-only step in a report's life: never updated,
// never deleted.
type ReportEvent struct {
	ID       uint64 `gorm:"primaryKey"`
	ReportID uint64 `gorm:"index;not null"`
	Report   Report `gorm:"constraint:OnDelete:RESTRICT"`
	Kind     string `gorm:"size:24;not null"`
	// Status is the new status of a status_changed event; empty otherwise.
	Status string `gorm:"size:24"`
	// Actor is who acted: "system", "admin", "reporter", or a key's scope and
	// hint ("agency:<id> lpr_3f9a1c", "api:<app> lpr_…").
	Actor string `gorm:"size:100;not null"`
	// AgencyID is the agency the event concerns: routed, forwarded or
	// returned to, answering.
	AgencyID string `gorm:"size:80"`
	Note     string `gorm:"type:text"`
	// Until is the date a report on hold (ditunda) is held until.
	Until     *time.Time
	CreatedAt time.Time
	// Files are written with the event by Record: an answer's attachments.
	Files []Attachment `gorm:"-"`
}

// DeriveStatus folds a report's events, oldest first, into its current
// status; Report.Status caches this value.
func DeriveStatus(events []ReportEvent) string {
	status := ""
	for _, e := range events {
		switch e.Kind {
		case EventCreated:
			status = StatusAwaitingVerification
		case EventForwarded:
			status = StatusForwarded
		case EventAnswered:
			status = StatusFollowedUp
		case EventReporterReplied:
			status = StatusReporterReplied
		case EventStatusChanged:
			status = e.Status
		case EventReturned:
			status = StatusNotAuthority
		}
	}
	return status
}

// ReportEvents returns a report's events, oldest first.
func (s *Store) ReportEvents(ctx context.Context, reportID uint64) ([]ReportEvent, error) {
	var events []ReportEvent
	err := s.db.WithContext(ctx).Where("report_id = ?", reportID).Order("id").Find(&events).Error
	return events, err
}

// Moves says whether an event hands the report to the agency it names.
func (e ReportEvent) Moves() bool {
	return e.Kind == EventForwarded || e.Kind == EventReturned
}
