package reports

import (
	"context"
	"strconv"

	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/storage"
)

// ByReporter is the actor of what a reporter does.
const ByReporter = "reporter"

// reporters finds a report whose reporter writes from an address; any other
// is report.ErrNotFound, so that a tracking code is not enough to speak for
// its reporter.
func (s *Service) reporters(ctx context.Context, code string, from report.Contact) (storage.Report, error) {
	r, err := s.Report(ctx, code)
	if err != nil {
		return r, err
	}
	if from.Address == "" || r.ReporterChannel != from.Channel || r.ReporterAddress != from.Address {
		return storage.Report{}, report.ErrNotFound
	}
	return r, nil
}

// Followup tells a reporter where their report stands, with the agency's
// latest answer.
func (s *Service) Followup(ctx context.Context, code string, from report.Contact, lang string) (report.Followup, error) {
	r, err := s.reporters(ctx, code, from)
	if err != nil {
		return report.Followup{}, err
	}
	events, err := s.store.ReportEvents(ctx, r.ID)
	if err != nil {
		return report.Followup{}, err
	}
	f := report.Followup{TrackingCode: r.TrackingCode, Status: r.Status, StatusLabel: locales.New(lang).T("status_"+r.Status, nil),
		Agency:      report.Agency{ID: r.AgencyID, Name: s.agencyNames(ctx)(r.AgencyID)},
		AwaitsReply: awaitsReply(r.Status), AwaitsRating: r.Status == storage.StatusDone && r.Rating == nil}
	for _, e := range events {
		if e.Kind == storage.EventAnswered {
			f.LatestAnswer = e.Note
		}
	}
	return f, nil
}

// awaitsReply says whether a report waits for its reporter's reply: the
// agency answered, and it is not done.
func awaitsReply(status string) bool {
	return status == storage.StatusFollowedUp || status == storage.StatusReporterReplied
}

// Reply adds a reporter's reply to the agency's follow-up to the report,
// for the agency to read.
func (s *Service) Reply(ctx context.Context, code string, rp report.Reply) error {
	if p := report.CheckText("text", rp.Text, 1, report.MaxAnswer); p != nil {
		return &report.RejectedError{Code: "validation_failed", Problems: []report.Problem{*p}}
	}
	r, err := s.reporters(ctx, code, rp.From)
	if err != nil {
		return err
	}
	if !awaitsReply(r.Status) {
		return &report.RejectedError{Code: "not_awaiting_reply"}
	}
	_, err = s.store.Record(ctx, r.ID, &storage.ReportEvent{Kind: storage.EventReporterReplied, Actor: ByReporter,
		AgencyID: r.AgencyID, Note: rp.Text}, storage.Deadlines{NoClose: true})
	return err
}

// Rate keeps a reporter's rating of a closed report, once.
func (s *Service) Rate(ctx context.Context, code string, rt report.Rating) error {
	if rt.Stars < 1 || rt.Stars > 5 {
		return &report.RejectedError{Code: "validation_failed", Problems: []report.Problem{{Field: "stars", MsgID: "field_stars"}}}
	}
	r, err := s.reporters(ctx, code, rt.From)
	if err != nil {
		return err
	}
	if r.Status != storage.StatusDone || r.Rating != nil {
		return &report.RejectedError{Code: "not_awaiting_rating"}
	}
	_, err = s.store.Record(ctx, r.ID, &storage.ReportEvent{Kind: storage.EventRated, Actor: ByReporter,
		AgencyID: r.AgencyID, Note: strconv.Itoa(rt.Stars)}, storage.Deadlines{})
	return err
}
