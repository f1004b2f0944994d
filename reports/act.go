package reports

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/sp4n-lapor/lapor/calendar"
	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/storage"
)

// Working days an agency has to follow up a report it received, and after
// which an answered report closes by itself when its reporter does not
// reply.
const (
	followUpWorkdays = 5
	closeWorkdays    = 10
)

// ErrClosed is returned for an action on a report that is done.
var ErrClosed = errors.New("report closed")

// Answer records an agency's follow-up of a report and sends it to the
// reporter on the channel they used. actor is who acted ("agency:<id>",
// "admin").
func (s *Service) Answer(ctx context.Context, v Viewer, actor, code string, a report.Answer, lang string) (report.Ticket, error) {
	problems := report.CheckFiles(a.Attachments)
	if p := report.CheckText("text", a.Text, 1, report.MaxAnswer); p != nil {
		problems = append(problems, *p)
	}
	files := make([]storage.Attachment, 0, len(a.Attachments))
	for i, f := range a.Attachments {
		path := channels.FilePath(f.SHA256)
		if _, err := os.Stat(filepath.Join(s.dataDir, path)); err != nil {
			problems = append(problems, report.Problem{Field: fmt.Sprintf("attachments[%d].sha256", i), MsgID: "field_file_missing"})
		}
		files = append(files, storage.Attachment{ContentType: f.ContentType, Size: f.Size, SHA256: f.SHA256, FileName: f.FileName, StoragePath: path})
	}
	if len(problems) > 0 {
		return report.Ticket{}, &report.RejectedError{Code: "validation_failed", Problems: problems}
	}
	r, err := s.open(ctx, v, code)
	if err != nil {
		return report.Ticket{}, err
	}
	e := storage.ReportEvent{Kind: storage.EventAnswered, Actor: actor, AgencyID: r.AgencyID, Note: a.Text, Files: files}
	closeDue := s.cal.Deadline(s.now(), closeWorkdays)
	if _, err := s.act(ctx, r, e, storage.Deadlines{Close: &closeDue}, "notify_answered"); err != nil {
		return report.Ticket{}, err
	}
	return s.Ticket(ctx, v, code, lang)
}

// Forward hands a report to another agency (disposisi), which has five
// working days to follow it up; the reporter is told who has it now. The
// agency that forwarded it no longer sees it, unless it is its parent.
func (s *Service) Forward(ctx context.Context, v Viewer, actor, code string, f report.Forward, lang string) (report.Summary, error) {
	var problems []report.Problem
	if p := report.CheckText("reason", f.Reason, 0, report.MaxReason); p != nil {
		problems = append(problems, *p)
	}
	to, problem, err := s.lookUpAgency(ctx, "agency_id", f.AgencyID)
	if err != nil {
		return report.Summary{}, err
	}
	if f.AgencyID == "" {
		problem = &report.Problem{Field: "agency_id", MsgID: "field_required"}
	}
	if problem != nil {
		problems = append(problems, *problem)
	}
	if len(problems) > 0 {
		return report.Summary{}, &report.RejectedError{Code: "validation_failed", Problems: problems}
	}
	r, err := s.open(ctx, v, code)
	if err != nil {
		return report.Summary{}, err
	}
	due := s.cal.Deadline(s.now(), followUpWorkdays)
	e := storage.ReportEvent{Kind: storage.EventForwarded, Actor: actor, AgencyID: to.ID, Note: f.Reason}
	moved, err := s.act(ctx, r, e, storage.Deadlines{FollowUp: &due, NoClose: true}, "notify_forwarded")
	if err != nil {
		return report.Summary{}, err
	}
	return s.summary(locales.New(lang), s.agencyNames(ctx), moved), nil
}

// SetStatus closes a report (selesai), holds it until a date (tunda), or
// returns it to the national admin's triage queue as not the agency's
// authority (bukan_wewenang); the reporter is told.
func (s *Service) SetStatus(ctx context.Context, v Viewer, actor, code string, c report.StatusChange, lang string) (report.Summary, error) {
	e, problems := statusEvent(c, s.now().In(calendar.WIB))
	if len(problems) > 0 {
		return report.Summary{}, &report.RejectedError{Code: "validation_failed", Problems: problems}
	}
	r, err := s.open(ctx, v, code)
	if err != nil {
		return report.Summary{}, err
	}
	e.Actor = actor
	if e.Kind != storage.EventReturned {
		e.AgencyID = r.AgencyID
	}
	after, err := s.act(ctx, r, e, storage.Deadlines{NoClose: true}, "notify_"+c.Status)
	if err != nil {
		return report.Summary{}, err
	}
	return s.summary(locales.New(lang), s.agencyNames(ctx), after), nil
}

// statusEvent is the event of a status change, or what is wrong with it.
func statusEvent(c report.StatusChange, today time.Time) (storage.ReportEvent, []report.Problem) {
	var problems []report.Problem
	add := func(p *report.Problem) {
		if p != nil {
			problems = append(problems, *p)
		}
	}
	add(report.CheckOneOf("status", c.Status, []string{report.StatusSelesai, report.StatusTunda, report.StatusBukanWewenang}))
	minReason := 0
	if c.Status == report.StatusTunda || c.Status == report.StatusBukanWewenang {
		minReason = 1
	}
	add(report.CheckText("reason", c.Reason, minReason, report.MaxReason))
	e := storage.ReportEvent{Note: c.Reason}
	switch c.Status {
	case report.StatusSelesai:
		e.Kind, e.Status = storage.EventStatusChanged, storage.StatusDone
	case report.StatusBukanWewenang:
		e.Kind, e.AgencyID = storage.EventReturned, routing.NationalAdminID
	case report.StatusTunda:
		e.Kind, e.Status = storage.EventStatusChanged, storage.StatusOnHold
		until, err := time.ParseInLocation(time.DateOnly, c.Until, calendar.WIB)
		switch {
		case c.Until == "":
			add(&report.Problem{Field: "until", MsgID: "field_required"})
		case err != nil:
			add(&report.Problem{Field: "until", MsgID: "field_bad_date"})
		case !until.After(today):
			add(&report.Problem{Field: "until", MsgID: "field_past_date"})
		default:
			e.Until = &until
		}
	}
	return e, problems
}

// Upload stores a file an agency will attach to its answer to a ticket: an
// image or a PDF, read from its content (channels.ErrFileType otherwise),
// at most report.MaxFileSize bytes (channels.ErrTooLarge).
func (s *Service) Upload(ctx context.Context, v Viewer, code string, file io.Reader, name string) (report.File, error) {
	if _, err := s.open(ctx, v, code); err != nil {
		return report.File{}, err
	}
	a, err := channels.StoreUpload(s.dataDir, file, report.MaxFileSize, name)
	if err != nil {
		return report.File{}, err
	}
	return report.File{ContentType: a.ContentType, Size: a.Size, SHA256: a.SHA256, FileName: a.FileName}, nil
}

// open finds a report a viewer may act on: one it sees, not yet done.
func (s *Service) open(ctx context.Context, v Viewer, code string) (storage.Report, error) {
	r, err := s.visibleReport(ctx, v, code)
	if err == nil && (r.Status == storage.StatusDone || r.Status == storage.StatusArchived) {
		return r, ErrClosed
	}
	return r, err
}

// act records an event, tells the reporter with the message msgID, and
// returns the report as the event left it.
func (s *Service) act(ctx context.Context, r storage.Report, e storage.ReportEvent, d storage.Deadlines, msgID string) (storage.Report, error) {
	after, err := s.store.Record(ctx, r.ID, &e, d)
	if err != nil {
		return after, err
	}
	s.log.Info("report event", "report", r.TrackingCode, "event", e.Kind, "actor", e.Actor, "agency", after.AgencyID)
	return after, s.notify(ctx, after, e, msgID)
}
