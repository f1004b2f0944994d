package reports

import (
	"context"
	"errors"

	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/routing/geo"
	"github.com/sp4n-lapor/lapor/routing/model"
	"github.com/sp4n-lapor/lapor/storage"
)

// Report finds a report by what a person typed for its tracking code (any
// case, dashes optional); report.ErrNotFound when none has it.
func (s *Service) Report(ctx context.Context, typed string) (storage.Report, error) {
	code, err := storage.NormalizeTrackingCode(typed)
	if err != nil {
		return storage.Report{}, report.ErrNotFound
	}
	r, err := s.store.ReportByCode(ctx, code)
	if errors.Is(err, storage.ErrNotFound) {
		return r, report.ErrNotFound
	}
	return r, err
}

// Track is what anyone holding a tracking code may see of a report, in
// lang: its status and timeline, never the reporter, and for a rahasia
// report not its title either.
func (s *Service) Track(ctx context.Context, typed, lang string) (report.Public, error) {
	r, err := s.Report(ctx, typed)
	if err != nil {
		return report.Public{}, err
	}
	events, err := s.store.ReportEvents(ctx, r.ID)
	if err != nil {
		return report.Public{}, err
	}
	p, name := locales.New(lang), s.agencyNames(ctx)
	view := report.Public{
		TrackingCode: r.TrackingCode, Status: r.Status, StatusLabel: p.T("status_"+r.Status, nil),
		Type: r.Type, Privacy: r.Privacy, Sector: r.Sector, RegionCode: r.RegionCode,
		Agency:    report.Agency{ID: r.AgencyID, Name: name(r.AgencyID)},
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, VerifyDueAt: r.VerifyDueAt, FollowUpDueAt: r.FollowUpDueAt,
		Timeline: make([]report.TimelineEntry, 0, len(events)),
	}
	if r.Privacy != report.PrivacyRahasia {
		view.Title = r.Title
	}
	if sec, ok := model.SectorByCode(r.Sector); ok {
		view.SectorName = sec.Name
	}
	view.RegionName, _ = geo.AllRegions().Name(r.RegionCode)
	for _, e := range events {
		data := map[string]any{"Agency": name(e.AgencyID)}
		if e.Status != "" {
			data["Status"] = p.T("status_"+e.Status, nil)
		}
		view.Timeline = append(view.Timeline, report.TimelineEntry{At: e.CreatedAt, Event: e.Kind, Label: p.T("event_"+e.Kind, data)})
	}
	return view, nil
}

// agencyNames returns a function that names agencies by id, looking each
// up once: the names of one view.
func (s *Service) agencyNames(ctx context.Context) func(id string) string {
	cache := map[string]string{"": ""}
	return func(id string) string {
		if name, ok := cache[id]; ok {
			return name
		}
		name := id
		if a, err := s.store.Agency(ctx, id); err == nil {
			name = a.Name
		}
		cache[id] = name
		return name
	}
}
