package reports

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/routing/geo"
	"github.com/sp4n-lapor/lapor/storage"
)

// Viewer is who looks at tickets: an agency, by the key it holds, or the
// admin (Agency empty), who sees every report whole.
type Viewer struct {
	Agency string
}

// Admin is the viewer who sees everything.
var Admin = Viewer{}

// Query filters an inbox.
type Query struct {
	Status, Sector, Region, Text string
	Overdue                      bool
	From, To                     *time.Time
	Cursor                       string
	Limit                        int
}

// Page sizes of an inbox.
const (
	DefaultPageSize = 25
	MaxPageSize     = 100
)

// sees says whether a viewer may see a report: an agency its own, its
// units' and offices' (units holds them), a rahasia report only its own.
func (v Viewer) sees(r storage.Report, units []string) bool {
	switch {
	case v.Agency == "":
		return true
	case r.AgencyID == v.Agency:
		return true
	case r.Privacy == report.PrivacyRahasia:
		return false
	}
	for _, u := range units {
		if r.AgencyID == u {
			return true
		}
	}
	return false
}

// scope is what a viewer's inbox selects.
func (s *Service) scope(ctx context.Context, v Viewer) (storage.TicketQuery, []string, error) {
	if v.Agency == "" {
		return storage.TicketQuery{}, nil, nil
	}
	units, err := s.store.Units(ctx, v.Agency)
	if err != nil {
		return storage.TicketQuery{}, nil, err
	}
	return storage.TicketQuery{Agencies: append([]string{v.Agency}, units...), RahasiaOf: v.Agency}, units, nil
}

// Tickets lists the tickets a viewer may see that a query selects, newest
// first, a page at a time, with the counts per status.
func (s *Service) Tickets(ctx context.Context, v Viewer, q Query, lang string) (report.TicketPage, error) {
	tq, _, err := s.scope(ctx, v)
	if err != nil {
		return report.TicketPage{}, err
	}
	tq.Sector, tq.Region, tq.Text, tq.Overdue, tq.From, tq.To = q.Sector, q.Region, q.Text, q.Overdue, q.From, q.To
	tq.Now = s.now()
	counts, err := s.store.TicketCounts(ctx, tq)
	if err != nil {
		return report.TicketPage{}, err
	}
	overdue := tq
	overdue.Overdue = true
	late, err := s.store.TicketCounts(ctx, overdue)
	if err != nil {
		return report.TicketPage{}, err
	}
	tq.Status = q.Status
	tq.Before, _ = strconv.ParseUint(q.Cursor, 36, 64)
	tq.Limit = q.Limit
	if tq.Limit <= 0 || tq.Limit > MaxPageSize {
		tq.Limit = DefaultPageSize
	}
	limit := tq.Limit
	tq.Limit++ // one more tells whether there is a next page
	rows, err := s.store.Tickets(ctx, tq)
	if err != nil {
		return report.TicketPage{}, err
	}
	page := report.TicketPage{Tickets: []report.Summary{}, Counts: counts}
	for _, n := range late {
		page.Overdue += n
	}
	if len(rows) > limit {
		rows = rows[:limit]
		page.NextCursor = strconv.FormatUint(rows[limit-1].ID, 36)
	}
	p, name := locales.New(lang), s.agencyNames(ctx)
	for _, r := range rows {
		page.Tickets = append(page.Tickets, s.summary(p, name, r))
	}
	return page, nil
}

// Ticket is one ticket as a viewer may see it; report.ErrNotFound for one
// it may not, as for a code no report has.
func (s *Service) Ticket(ctx context.Context, v Viewer, code, lang string) (report.Ticket, error) {
	r, err := s.visibleReport(ctx, v, code)
	if err != nil {
		return report.Ticket{}, err
	}
	events, err := s.store.ReportEvents(ctx, r.ID)
	if err != nil {
		return report.Ticket{}, err
	}
	files, err := s.store.ReportAttachments(ctx, r.ID)
	if err != nil {
		return report.Ticket{}, err
	}
	msgs, err := s.store.Messages(ctx, r.Conversation)
	if err != nil {
		return report.Ticket{}, err
	}
	p, name := locales.New(lang), s.agencyNames(ctx)
	t := report.Ticket{
		Summary: s.summary(p, name, r), Description: r.Description, Source: r.Source, UpdatedAt: r.UpdatedAt,
		Routing:  storedRouting(r),
		Timeline: make([]report.Event, 0, len(events)), Attachments: make([]report.Attachment, 0, len(files)),
		Conversation: make([]report.SentMessage, 0, len(msgs)), Rating: r.Rating,
	}
	if r.LocationText != "" || r.Latitude != nil {
		t.Location = &report.Place{Text: r.LocationText, Latitude: r.Latitude, Longitude: r.Longitude}
	}
	if r.IncidentDate != nil {
		t.IncidentDate = r.IncidentDate.Format(time.DateOnly)
	}
	if r.Privacy != report.PrivacyAnonim || v.Agency == "" {
		t.Reporter = &report.Contact{Name: r.ReporterName, Channel: r.ReporterChannel, Address: r.ReporterAddress,
			Phone: r.ReporterPhone, Language: r.ReporterLang}
	}
	actors := map[uint64]string{}
	for _, e := range events {
		actors[e.ID] = e.Actor
		t.Timeline = append(t.Timeline, event(p, name, e))
		if e.Kind == storage.EventRouted {
			t.Routing.Agency = report.Agency{ID: e.AgencyID, Name: name(e.AgencyID)}
		}
	}
	base := s.publicURL + "/api/v1/agency/tickets/"
	if v.Agency == "" {
		base = s.publicURL + "/api/v1/admin/reports/"
	}
	for _, f := range files {
		by := ByReporter
		if f.EventID != nil {
			by = actors[*f.EventID]
		}
		t.Attachments = append(t.Attachments, report.Attachment{
			File: report.File{ContentType: f.ContentType, Size: f.Size, SHA256: f.SHA256, FileName: f.FileName},
			URL:  base + r.TrackingCode + "/attachments/" + f.SHA256, By: by,
		})
	}
	if t.Reporter == nil {
		// What the conversation said may name the reporter (a summary shown
		// before they chose anonim): an agency reads none of it.
		msgs = nil
	}
	for _, m := range msgs {
		t.Conversation = append(t.Conversation, report.SentMessage{Text: m.Text, SentAt: m.CreatedAt, Status: m.Status})
	}
	return t, nil
}

// visibleReport finds a report a viewer may see by its code.
func (s *Service) visibleReport(ctx context.Context, v Viewer, code string) (storage.Report, error) {
	r, err := s.Report(ctx, code)
	if err != nil {
		return r, err
	}
	_, units, err := s.scope(ctx, v)
	if err != nil {
		return r, err
	}
	if !v.sees(r, units) {
		return storage.Report{}, report.ErrNotFound
	}
	return r, nil
}

func (s *Service) summary(p *locales.Printer, name func(string) string, r storage.Report) report.Summary {
	sum := report.Summary{
		TrackingCode: r.TrackingCode, Status: r.Status, StatusLabel: p.T("status_"+r.Status, nil), Type: r.Type,
		Title: r.Title, Privacy: r.Privacy, Sector: r.Sector, RegionCode: r.RegionCode,
		Agency:    report.Agency{ID: r.AgencyID, Name: name(r.AgencyID)},
		CreatedAt: r.CreatedAt, VerifyDueAt: r.VerifyDueAt, FollowUpDueAt: r.FollowUpDueAt,
	}
	sum.RegionName, _ = geo.AllRegions().Name(r.RegionCode)
	if r.AgencyID == routing.NationalAdminID {
		sum.Suggestions = storedRouting(r).Alternatives
	}
	now := s.now()
	switch r.Status {
	case storage.StatusAwaitingVerification:
		sum.Overdue = now.After(r.VerifyDueAt)
	case storage.StatusForwarded:
		sum.Overdue = r.FollowUpDueAt != nil && now.After(*r.FollowUpDueAt)
	}
	return sum
}

// storedRouting is the routing decision kept with a report.
func storedRouting(r storage.Report) report.Routing {
	d := report.Routing{Sector: r.Sector, RegionCode: r.RegionCode, Confidence: r.RoutingConfidence, Fallback: r.RoutingFallback}
	if r.RoutingWords != "" {
		d.Words = strings.Fields(r.RoutingWords)
	}
	if r.RoutingAlternatives != "" {
		_ = json.Unmarshal([]byte(r.RoutingAlternatives), &d.Alternatives)
	}
	return d
}

func event(p *locales.Printer, name func(string) string, e storage.ReportEvent) report.Event {
	data := map[string]any{"Agency": name(e.AgencyID)}
	if e.Status != "" {
		data["Status"] = p.T("status_"+e.Status, nil)
	}
	out := report.Event{At: e.CreatedAt, Event: e.Kind, Label: p.T("event_"+e.Kind, data), Actor: e.Actor, Note: e.Note, Until: e.Until}
	if e.AgencyID != "" {
		out.Agency = &report.Agency{ID: e.AgencyID, Name: name(e.AgencyID)}
	}
	return out
}

// Attachment finds a file of a ticket a viewer may see.
func (s *Service) Attachment(ctx context.Context, v Viewer, code, sha256 string) (storage.Attachment, error) {
	r, err := s.visibleReport(ctx, v, code)
	if err != nil {
		return storage.Attachment{}, err
	}
	files, err := s.store.ReportAttachments(ctx, r.ID)
	if err != nil {
		return storage.Attachment{}, err
	}
	for _, f := range files {
		if f.SHA256 == sha256 {
			return f, nil
		}
	}
	return storage.Attachment{}, report.ErrNotFound
}
