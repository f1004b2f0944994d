package report

import "time"

// Request is a report to file: the body of POST /api/v1/reports, and what
// the conversation hands the report service.
type Request struct {
	Type         string `json:"type,omitempty"` // empty: read from the text
	Title        string `json:"title,omitempty"`
	Description  string `json:"description"`
	Sector       string `json:"sector,omitempty"`
	RegionCode   string `json:"region_code,omitempty"`
	Location     *Place `json:"location,omitempty"`
	IncidentDate string `json:"incident_date,omitempty"` // YYYY-MM-DD, WIB
	Privacy      string `json:"privacy,omitempty"`       // empty: biasa
	// Reporter is how to answer the reporter; never public.
	Reporter    Contact `json:"reporter"`
	Source      string  `json:"source,omitempty"`
	AgencyID    string  `json:"agency_id,omitempty"`
	Attachments []File  `json:"attachments,omitempty"`
	// ConversationID links a report filed by a chat to that chat's messages.
	ConversationID string `json:"conversation_id,omitempty"`
	// Routing is a decision the filer previewed and showed the reporter:
	// the report is filed to it instead of being routed again.
	Routing *Routing `json:"routing,omitempty"`
}

// Place is where the reported matter is.
type Place struct {
	Text      string   `json:"text,omitempty"`
	Latitude  *float64 `json:"latitude,omitempty"`
	Longitude *float64 `json:"longitude,omitempty"`
}

// Contact is how to reach the reporter.
type Contact struct {
	Name    string `json:"name,omitempty"`
	Channel string `json:"channel,omitempty"`
	Address string `json:"address,omitempty"`
	Phone   string `json:"phone,omitempty"`
	// Language is the language to answer in, id (the default) or en.
	Language string `json:"language,omitempty"`
}

// File is an attachment already stored in the data directory under its
// SHA-256, as the channel adapters store them.
type File struct {
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
	FileName    string `json:"file_name,omitempty"`
}

// Agency names an agency.
type Agency struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Routing is where routing sends a report, and why.
type Routing struct {
	Agency     Agency `json:"agency"`
	Type       string `json:"type,omitempty"` // the type the text reads as
	Sector     string `json:"sector,omitempty"`
	RegionCode string `json:"region_code,omitempty"`
	// RegionCandidates are the kab/kota the place named fits, when several.
	RegionCandidates []string      `json:"region_candidates,omitempty"`
	Confidence       float64       `json:"confidence"`
	Fallback         string        `json:"fallback,omitempty"`
	Words            []string      `json:"words,omitempty"`
	Alternatives     []Alternative `json:"alternatives,omitempty"`
	// Note explains the fallback taken, in the caller's language.
	Note string `json:"note,omitempty"`
}

// Alternative is another agency routing considered.
type Alternative struct {
	AgencyID   string  `json:"agency_id"`
	Sector     string  `json:"sector"`
	Confidence float64 `json:"confidence"`
}

// Receipt is the answer to a filed report.
type Receipt struct {
	TrackingCode string    `json:"tracking_code"`
	Status       string    `json:"status"`
	StatusLabel  string    `json:"status_label"`
	Type         string    `json:"type"`
	Agency       Agency    `json:"agency"`
	Routing      Routing   `json:"routing"`
	CreatedAt    time.Time `json:"created_at"`
	VerifyDueAt  time.Time `json:"verify_due_at"`
	URL          string    `json:"url"`
}

// Public is what anyone holding a tracking code may see: never the
// reporter, and for a rahasia report not its title either.
type Public struct {
	TrackingCode  string          `json:"tracking_code"`
	Status        string          `json:"status"`
	StatusLabel   string          `json:"status_label"`
	Type          string          `json:"type"`
	Title         string          `json:"title,omitempty"`
	Privacy       string          `json:"privacy"`
	Sector        string          `json:"sector,omitempty"`
	SectorName    string          `json:"sector_name,omitempty"`
	RegionCode    string          `json:"region_code,omitempty"`
	RegionName    string          `json:"region_name,omitempty"`
	Agency        Agency          `json:"agency"`
	CreatedAt     time.Time       `json:"created_at"`
	UpdatedAt     time.Time       `json:"updated_at"`
	VerifyDueAt   time.Time       `json:"verify_due_at"`
	FollowUpDueAt *time.Time      `json:"follow_up_due_at,omitempty"`
	Timeline      []TimelineEntry `json:"timeline"`
}

// TimelineEntry is one step of a report's public timeline.
type TimelineEntry struct {
	At    time.Time `json:"at"`
	Event string    `json:"event"`
	Label string    `json:"label"`
}
