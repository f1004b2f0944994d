package report

import "time"

// Ticket is a report as the agency that handles it sees it, and as the
// admin sees it (with the reporter as filed, anonim or not).
type Ticket struct {
	Summary
	Description  string `json:"description"`
	Location     *Place `json:"location,omitempty"`
	IncidentDate string `json:"incident_date,omitempty"`
	// Reporter is absent for an anonim report, except to the admin.
	Reporter     *Contact      `json:"reporter,omitempty"`
	Source       string        `json:"source"`
	Routing      Routing       `json:"routing"`
	UpdatedAt    time.Time     `json:"updated_at"`
	Timeline     []Event       `json:"timeline"`
	Attachments  []Attachment  `json:"attachments"`
	Conversation []SentMessage `json:"conversation"`
	// Rating is the reporter's rating of the handling, 1 to 5, once given.
	Rating *int `json:"rating,omitempty"`
}

// Attachment is a file of a ticket, with where the caller downloads it.
type Attachment struct {
	File
	URL string `json:"url"`
	// By is who brought the file: "reporter", or the agency that attached it
	// to an answer ("agency:<id>").
	By string `json:"by"`
}

// Summary is a ticket as an inbox lists it.
type Summary struct {
	TrackingCode  string     `json:"tracking_code"`
	Status        string     `json:"status"`
	StatusLabel   string     `json:"status_label"`
	Type          string     `json:"type"`
	Title         string     `json:"title"`
	Privacy       string     `json:"privacy"`
	Sector        string     `json:"sector,omitempty"`
	RegionCode    string     `json:"region_code,omitempty"`
	RegionName    string     `json:"region_name,omitempty"`
	Agency        Agency     `json:"agency"`
	CreatedAt     time.Time  `json:"created_at"`
	VerifyDueAt   time.Time  `json:"verify_due_at"`
	FollowUpDueAt *time.Time `json:"follow_up_due_at,omitempty"`
	// Overdue says the deadline of the report's current step has passed.
	Overdue bool `json:"overdue"`
	// Suggestions are the agencies routing considered next, for a report
	// in the national admin's triage queue.
	Suggestions []Alternative `json:"suggestions,omitempty"`
}

// Event is one step of a report's life, with who took it.
type Event struct {
	At     time.Time  `json:"at"`
	Event  string     `json:"event"`
	Label  string     `json:"label"`
	Actor  string     `json:"actor"`
	Agency *Agency    `json:"agency,omitempty"`
	Note   string     `json:"note,omitempty"`
	Until  *time.Time `json:"until,omitempty"`
}

// SentMessage is a message the conversation that filed a report sent the
// reporter, with what the provider said of its delivery.
type SentMessage struct {
	Text   string    `json:"text"`
	SentAt time.Time `json:"sent_at"`
	Status string    `json:"status"`
}

// TicketPage is one page of an inbox, newest first, with the number of
// tickets in each status that the filters select.
type TicketPage struct {
	Tickets    []Summary        `json:"tickets"`
	NextCursor string           `json:"next_cursor,omitempty"`
	Counts     map[string]int64 `json:"counts"`
	// Overdue counts the tickets the filters select that are past the
	// deadline of their current step.
	Overdue int64 `json:"overdue"`
}

// AgencyOverdue is how many reports an agency holds past their deadline.
type AgencyOverdue struct {
	Agency  Agency `json:"agency"`
	Overdue int64  `json:"overdue"`
}

// Answer is an agency's follow-up, sent to the reporter.
type Answer struct {
	Text string `json:"text"`
	// Attachments are files uploaded to the ticket before
	// (POST …/tickets/{code}/files), sent to the reporter as links.
	Attachments []File `json:"attachments,omitempty"`
}

// Forward hands a report to another agency (disposisi).
type Forward struct {
	AgencyID string `json:"agency_id"`
	Reason   string `json:"reason"`
}

// StatusChange closes, holds, or returns a report.
type StatusChange struct {
	Status string `json:"status"` // StatusSelesai, StatusTunda or StatusBukanWewenang
	Reason string `json:"reason,omitempty"`
	Until  string `json:"until,omitempty"` // YYYY-MM-DD, for tunda
}

// The statuses an agency may set.
const (
	StatusSelesai       = "selesai"
	StatusTunda         = "tunda"
	StatusBukanWewenang = "bukan_wewenang"
)

// Limits of an agency's actions, in characters.
const (
	MaxAnswer = 5000
	MaxReason = 1000
)

// Followup is where a report stands, as its reporter sees it: with the
// agency's latest answer, and whether the reporter rated the handling.
type Followup struct {
	TrackingCode string `json:"tracking_code"`
	Status       string `json:"status"`
	StatusLabel  string `json:"status_label"`
	Agency       Agency `json:"agency"`
	LatestAnswer string `json:"latest_answer,omitempty"`
	// AwaitsReply says the agency answered and the report is not done: what
	// the reporter writes next is a reply to it.
	AwaitsReply bool `json:"awaits_reply"`
	// AwaitsRating says the report is done and not rated yet.
	AwaitsRating bool `json:"awaits_rating"`
}

// Reply is a reporter's answer to the agency's follow-up.
type Reply struct {
	From Contact `json:"from"` // the channel and address the reporter writes from
	Text string  `json:"text"`
}

// Rating is a reporter's rating of how a closed report was handled.
type Rating struct {
	From  Contact `json:"from"`
	Stars int     `json:"stars"` // 1 to 5
}
