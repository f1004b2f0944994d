package reports

import (
	"context"
	"fmt"

	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/routing"
)

// Preview routes a report without filing it: the decision a conversation
// shows the citizen in its summary and then files (report.Request.Routing),
// so that the report goes where the citizen was told. The note is in lang.
func (s *Service) Preview(ctx context.Context, req report.Request, lang string) (report.Routing, error) {
	req.Normalize()
	return s.route(ctx, &req, lang)
}

// route reads a normalized request's sector, type and region, and picks its
// agency; it does so even for a report that names its agency, so that every
// report carries them.
func (s *Service) route(ctx context.Context, req *report.Request, lang string) (report.Routing, error) {
	// A report without a title is read as titled with its first words, as
	// the complaints routing learnt from were.
	title := req.Title
	if title == "" {
		title = firstWords(req.Description, derivedTitle)
	}
	d, err := s.router.Route(ctx, routing.Request{
		Title: title, Text: req.Description, Sector: req.Sector, RegionCode: req.RegionCode,
		Via: via(req.Source), GuessRegion: req.ConversationID == "",
	})
	if err != nil {
		return report.Routing{}, fmt.Errorf("route: %w", err)
	}
	out := report.Routing{
		Agency: report.Agency{ID: d.AgencyID, Name: d.AgencyName}, Type: d.Type, Sector: d.Sector,
		RegionCode: d.RegionCode, RegionCandidates: d.RegionCandidates, Confidence: d.Confidence,
		Fallback: string(d.Fallback), Words: d.Words,
	}
	for _, a := range d.Alternatives {
		out.Alternatives = append(out.Alternatives, report.Alternative(a))
	}
	if d.Fallback != routing.FallbackNone {
		out.Note = locales.New(lang).T("routing_fallback_"+string(d.Fallback), nil)
	}
	return out, nil
}
