package storage

import (
	"context"
	"time"
)

// Attachment is a file of a report: evidence its reporter sent, or a file
// an agency attached to an answer; stored under the data directory and
// named by its SHA-256.
type Attachment struct {
	ID       uint64  `gorm:"primaryKey"`
	ReportID *uint64 `gorm:"index"` // nil until the report it belongs to is filed
	Report   *Report `gorm:"constraint:OnDelete:RESTRICT"`
	// EventID is the event that brought the file, an agency's answer; nil
	// for the reporter's evidence, filed with the report.
	EventID     *uint64 `gorm:"index"`
	FileName    string  `gorm:"size:255"`
	ContentType string  `gorm:"size:100;not null"`
	Size        int64   `gorm:"not null"`
	SHA256      string  `gorm:"size:64;index;not null"`
	StoragePath string  `gorm:"size:500;not null"`
	CreatedAt   time.Time
}

// ReportAttachments returns a report's files, in the order they were sent.
func (s *Store) ReportAttachments(ctx context.Context, reportID uint64) ([]Attachment, error) {
	var out []Attachment
	err := s.db.WithContext(ctx).Where("report_id = ?", reportID).Order("id").Find(&out).Error
	return out, err
}
