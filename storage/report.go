package storage

import (
	"context"
	"time"
)

// Report types.
const (
	TypeComplaint   = "pengaduan"
	TypeAspiration  = "aspirasi"
	TypeInformation = "informasi"
)

// Privacy options: anonim hides the reporter from everyone, the agency
// included; rahasia keeps the report itself from the public.
const (
	PrivacyNormal       = "biasa"
	PrivacyAnonymous    = "anonim"
	PrivacyConfidential = "rahasia"
)

// Report is one citizen's complaint, aspiration or request for information.
// Status caches the status its events lead to (see DeriveStatus).
type Report struct {
	ID           uint64 `gorm:"primaryKey"`
	TrackingCode string `gorm:"size:13;uniqueIndex;not null"`
	Type         string `gorm:"size:16;not null"`
	Title        string `gorm:"size:200;not null"`
	Description  string `gorm:"type:text;not null"`
	Sector       string `gorm:"size:40;index"`
	RegionCode   string `gorm:"size:16;index"`
	LocationText string `gorm:"size:500"`
	Latitude     *float64
	Longitude    *float64
	IncidentDate *time.Time
	Privacy      string `gorm:"size:10;not null"`

	ReporterName    string `gorm:"size:200"`
	ReporterChannel string `gorm:"size:20"`
	ReporterAddress string `gorm:"size:200"`
	ReporterPhone   string `gorm:"size:20"`
	ReporterLang    string `gorm:"size:2"` // the language to answer in: id or en
	Source          string `gorm:"size:80;index;not null"`
	// Conversation is the id of the chat that filed the report, whose
	// messages are its message log.
	Conversation string `gorm:"size:64;index"`

	AgencyID          string `gorm:"size:80;index;not null"`
	Status            string `gorm:"size:24;index;not null"`
	RoutingConfidence float64
	RoutingFallback   string `gorm:"size:16"`
	// RoutingWords and RoutingAlternatives keep routing's explanation: the
	// words that decided the sector, and the other agencies it considered (JSON).
	RoutingWords        string `gorm:"size:500"`
	RoutingAlternatives string `gorm:"type:text"`

	CreatedAt     time.Time `gorm:"index"`
	UpdatedAt     time.Time
	VerifyDueAt   time.Time  // verified and forwarded by then (3 working days)
	FollowUpDueAt *time.Time // followed up by then (5 working days after forwarding)
	// CloseDueAt is when an answered report closes by itself if the
	// reporter has not replied (10 working days after the answer).
	CloseDueAt *time.Time
	// Rating is the reporter's rating of the handling, 1 to 5, once closed.
	Rating *int

	Attachments []Attachment `gorm:"-"` // written with the report by File
}

// ReportByCode finds a report by its canonical tracking code.
func (s *Store) ReportByCode(ctx context.Context, code string) (Report, error) {
	var r Report
	err := s.db.WithContext(ctx).Where("tracking_code = ?", code).Take(&r).Error
	return r, notFound(err)
}

// CountReports counts all reports.
func (s *Store) CountReports(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&Report{}).Count(&n).Error
	return n, err
}
