package reports

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/sp4n-lapor/lapor/calendar"
	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/routing/geo"
	"github.com/sp4n-lapor/lapor/routing/model"
	"github.com/sp4n-lapor/lapor/storage"
)

// Working days an admin has to verify and forward a new report.
const verifyWorkdays = 3

var (
	appName  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,39}$`)
	agencyID = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,79}$`)
)

// Filed is a filed report's receipt, and its JSON as first given: a retry
// with the same idempotency key gets the same bytes.
type Filed struct {
	Receipt  report.Receipt
	JSON     []byte
	Replayed bool
}

// File validates a report, routes it unless it carries the decision its
// filer previewed, and files it for caller under an idempotency key (empty:
// none); the receipt is in lang. A retry with the same key and request
// files nothing and gets the first receipt; a *report.RejectedError says
// what the request must change.
func (s *Service) File(ctx context.Context, caller string, req report.Request, key, lang string) (Filed, error) {
	// Two filings are the same when their requests are: the hash is taken
	// before normalizing, so that a retry sent as it was matches.
	hash := sha256.New()
	if err := json.NewEncoder(hash).Encode(req); err != nil {
		return Filed{}, err
	}
	now := s.now()
	r, named, problems, err := s.check(ctx, caller, &req, now.In(calendar.WIB))
	if err != nil {
		return Filed{}, err
	}
	if len(problems) > 0 {
		return Filed{}, &report.RejectedError{Code: "validation_failed", Problems: problems}
	}
	var decision report.Routing
	if req.Routing != nil {
		decision = *req.Routing
	} else if decision, err = s.route(ctx, &req, lang); err != nil {
		return Filed{}, err
	}
	if req.AgencyID != "" {
		decision.Agency = report.Agency{ID: named.ID, Name: named.Name}
		decision.Confidence, decision.Fallback, decision.Note, decision.Alternatives = 1, string(routing.FallbackNone), "", nil
	}
	routeTo(r, decision)
	r.Status = storage.StatusAwaitingVerification
	r.VerifyDueAt = s.cal.Deadline(now, verifyWorkdays)

	p := locales.New(lang)
	var receipt report.Receipt
	stored, err := s.store.File(ctx, storage.Filing{
		Report: r,
		Events: []storage.ReportEvent{{
			Kind: storage.EventRouted, Actor: "system", AgencyID: decision.Agency.ID, Note: decision.Fallback,
		}},
		Actor: caller, Principal: caller, Key: key, RequestHash: hex.EncodeToString(hash.Sum(nil)),
		Receipt: func(r *storage.Report) ([]byte, error) {
			receipt = s.receipt(p, r, decision)
			return json.Marshal(receipt)
		},
	})
	if errors.Is(err, storage.ErrIdempotencyMismatch) {
		return Filed{}, &report.RejectedError{Code: "idempotency_key_reused"}
	}
	if err != nil {
		return Filed{}, err
	}
	if stored.Replayed {
		if err := json.Unmarshal(stored.Receipt, &receipt); err != nil {
			return Filed{}, err
		}
	} else {
		channel, _, _ := strings.Cut(r.Source, ":") // one series per channel, not per agency
		s.filed.WithLabelValues(channel, r.Type).Inc()
		s.log.Info("report filed", "report", r.TrackingCode, "agency", r.AgencyID, "source", r.Source)
	}
	return Filed{Receipt: receipt, JSON: stored.Receipt, Replayed: stored.Replayed}, nil
}

// routeTo sends a report where a routing decision says, and keeps the
// decision's explanation with it.
func routeTo(r *storage.Report, d report.Routing) {
	r.AgencyID, r.Sector, r.RegionCode = d.Agency.ID, d.Sector, d.RegionCode
	if r.Type == "" {
		r.Type = d.Type
	}
	r.RoutingConfidence, r.RoutingFallback = d.Confidence, d.Fallback
	r.RoutingWords = strings.Join(d.Words, " ")
	if len(d.Alternatives) > 0 {
		alts, _ := json.Marshal(d.Alternatives)
		r.RoutingAlternatives = string(alts)
	}
}

// check normalizes and validates a request, and turns it into a report
// still to be routed, with the agency it names (agency_id), if any. today
// is the filing date in WIB.
func (s *Service) check(ctx context.Context, caller string, req *report.Request, today time.Time) (*storage.Report, storage.Agency, []report.Problem, error) {
	req.Normalize()
	problems := req.Check(today)
	source, problem := sourceOf(req.Source, caller)
	if problem != nil {
		problems = append(problems, *problem)
	}
	if req.Reporter.Language != "" {
		if p := report.CheckOneOf("reporter.language", req.Reporter.Language, locales.Languages); p != nil {
			problems = append(problems, *p)
		}
	}
	if req.Sector != "" {
		if _, ok := model.SectorByCode(req.Sector); !ok {
			problems = append(problems, report.Problem{Field: "sector", MsgID: "field_unknown_sector"})
		}
	}
	if req.RegionCode != "" {
		if _, ok := geo.AllRegions().Lookup(req.RegionCode); !ok {
			problems = append(problems, report.Problem{Field: "region_code", MsgID: "field_unknown_region"})
		}
	}
	ids := map[string]string{"agency_id": req.AgencyID, "source": via(source)}
	if req.Routing != nil {
		if !trusted(caller) {
			problems = append(problems, report.Problem{Field: "routing", MsgID: "field_routing_not_allowed"})
		}
		ids["routing.agency.id"] = req.Routing.Agency.ID
	}
	var named storage.Agency
	for _, field := range []string{"agency_id", "source", "routing.agency.id"} {
		a, problem, err := s.lookUpAgency(ctx, field, ids[field])
		if err != nil {
			return nil, named, nil, err
		}
		if problem != nil {
			problems = append(problems, *problem)
		}
		if field == "agency_id" {
			named = a
		}
	}
	r := &storage.Report{
		Type: req.Type, Title: publicTitle(req.Title, req.Description), Description: req.Description,
		Sector: req.Sector, RegionCode: req.RegionCode, Privacy: req.Privacy,
		ReporterName: req.Reporter.Name, ReporterChannel: req.Reporter.Channel, ReporterAddress: req.Reporter.Address,
		ReporterPhone: req.Reporter.Phone, ReporterLang: req.Reporter.Language, Source: source, Conversation: req.ConversationID,
	}
	if loc := req.Location; loc != nil {
		r.LocationText, r.Latitude, r.Longitude = loc.Text, loc.Latitude, loc.Longitude
	}
	if req.IncidentDate != "" {
		if d, err := time.ParseInLocation(time.DateOnly, req.IncidentDate, calendar.WIB); err == nil {
			r.IncidentDate = &d
		}
	}
	for _, f := range req.Attachments {
		r.Attachments = append(r.Attachments, storage.Attachment{
			ContentType: f.ContentType, Size: f.Size, SHA256: f.SHA256, FileName: f.FileName,
			StoragePath: channels.FilePath(f.SHA256),
		})
	}
	return r, named, problems, nil
}

// trusted callers may name any source and file a previewed decision: the
// admin and the conversation, which speaks for the channels.
func trusted(caller string) bool { return caller == CallerAdmin || caller == CallerConversation }

// sourceOf is the source a caller files under: an app always as
// "api:<app>"; a trusted caller as it says, by default "api:admin".
func sourceOf(src, caller string) (string, *report.Problem) {
	if app, ok := strings.CutPrefix(caller, storage.ScopeAppPrefix); ok {
		if src != "" && src != "api:"+app {
			return "", &report.Problem{Field: "source", MsgID: "field_source_not_allowed"}
		}
		return "api:" + app, nil
	}
	if name, ok := strings.CutPrefix(src, "api:"); ok && appName.MatchString(name) {
		return src, nil
	}
	if slices.Contains(report.Channels, src) || agencyID.MatchString(via(src)) {
		return src, nil
	}
	if src == "" {
		return "api:admin", nil
	}
	return "", &report.Problem{Field: "source", MsgID: "field_bad_source"}
}

// via is the agency a source names after its channel ("widget:pemda-33.74"),
// or "".
func via(source string) string {
	for _, c := range report.Channels {
		if id, ok := strings.CutPrefix(source, c+":"); ok {
			return id
		}
	}
	return ""
}

func (s *Service) receipt(p *locales.Printer, r *storage.Report, d report.Routing) report.Receipt {
	return report.Receipt{
		TrackingCode: r.TrackingCode, Status: r.Status, StatusLabel: p.T("status_"+r.Status, nil), Type: r.Type,
		Agency: d.Agency, Routing: d, CreatedAt: r.CreatedAt, VerifyDueAt: r.VerifyDueAt,
		URL: s.publicURL + "/api/v1/reports/" + r.TrackingCode,
	}
}
