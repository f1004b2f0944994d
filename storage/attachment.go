package storage

import (
	"path/filepath"
	"time"
)

// Attachment is a file a reporter sent as evidence, stored under the data
// directory and named by its SHA-256.
type Attachment struct {
	ID          uint64  `gorm:"primaryKey"`
	ReportID    *uint64 `gorm:"index"` // nil until the report it belongs to is filed
	Report      *Report `gorm:"constraint:OnDelete:RESTRICT"`
	FileName    string  `gorm:"size:255"`
	ContentType string  `gorm:"size:100;not null"`
	Size        int64   `gorm:"not null"`
	SHA256      string  `gorm:"size:64;index;not null"`
	StoragePath string  `gorm:"size:500;not null"`
	CreatedAt   time.Time
}

// AttachmentPath is where a file is stored, relative to the data directory:
// named by its SHA-256, under a folder of its first two characters.
func AttachmentPath(sha256 string) string {
	if len(sha256) < 2 {
		return sha256
	}
	return filepath.Join(sha256[:2], sha256)
}
