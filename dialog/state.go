package dialog

import (
	"time"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/report"
)

// Step is where a conversation stands: the question the citizen was asked.
type Step string

// Steps, in the order they are asked unless already answered.
const (
	StepStart     Step = ""
	StepType      Step = "type"
	StepWhat      Step = "what"
	StepWhere     Step = "where"
	StepWherePick Step = "where_pick"
	StepWhen      Step = "when"
	StepEvidence  Step = "evidence"
	StepName      Step = "name"
	StepPrivacy   Step = "privacy"
	StepConfirm   Step = "confirm"
	StepResume    Step = "resume" // a returning citizen: continue or start over
	StepQueued    Step = "queued" // confirmed, waiting for the backend to take it
	StepDone      Step = "done"   // filed
)

// Draft is the report being collected.
type Draft struct {
	Type         string                `json:"type,omitempty"`
	Description  string                `json:"desc,omitempty"`
	RegionCode   string                `json:"region,omitempty"`
	Place        string                `json:"place,omitempty"` // "Tembalang, Kota Semarang" as shown back
	LocationText string                `json:"loc,omitempty"`   // what the citizen typed or the pin's label
	Latitude     *float64              `json:"lat,omitempty"`
	Longitude    *float64              `json:"long,omitempty"`
	IncidentDate string                `json:"date,omitempty"` // YYYY-MM-DD
	Since        bool                  `json:"since,omitempty"`
	Attachments  []channels.Attachment `json:"files,omitempty"`
	Name         string                `json:"name,omitempty"`
	Phone        string                `json:"phone,omitempty"` // shared as a contact card
	Privacy      string                `json:"privacy,omitempty"`
	// Answered marks the optional steps the citizen has answered or skipped.
	Answered map[Step]bool `json:"answered,omitempty"`
	// Routing is where the summary said the report goes, and where it is
	// filed; nil until the draft is complete, and again after a change of
	// what routing reads.
	Routing *report.Routing `json:"routing,omitempty"`
}

// State is one conversation, kept in Redis between messages.
type State struct {
	ConvID     string    `json:"conv"` // new for every report; the filing's idempotency key
	Lang       string    `json:"lang"`
	Step       Step      `json:"step"`
	Misses     int       `json:"misses,omitempty"`
	Editing    bool      `json:"editing,omitempty"` // back to the summary after this answer
	Candidates []string  `json:"cands,omitempty"`   // region codes offered at StepWherePick
	ResumeStep Step      `json:"resume,omitempty"`  // the step to go back to from StepResume
	Draft      Draft     `json:"draft"`
	LastCode   string    `json:"last_code,omitempty"`
	UpdatedAt  time.Time `json:"updated"`
}

// valid reports whether the state is one the engine can continue from.
func (s *State) valid() bool {
	switch s.Step {
	case StepStart, StepType, StepWhat, StepWhere, StepWhen, StepEvidence, StepName, StepPrivacy,
		StepConfirm, StepQueued, StepDone:
	case StepWherePick:
		if len(s.Candidates) == 0 {
			return false
		}
	case StepResume:
		if s.ResumeStep == StepResume || s.ResumeStep == StepStart {
			return false
		}
	default:
		return false
	}
	return s.Lang == "id" || s.Lang == "en"
}
