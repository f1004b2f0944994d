package api

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/storage"
)

// Working days an admin has to verify and forward a new report.
const verifyWorkdays = 3

// agencyRef names an agency in a report.
type agencyRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type routingView struct {
	Sector     string `json:"sector,omitempty"`
	RegionCode string `json:"region_code,omitempty"`
	// RegionCandidates are the kab/kota the place named fits, when several.
	RegionCandidates []string              `json:"region_candidates,omitempty"`
	Confidence       float64               `json:"confidence"`
	Fallback         string                `json:"fallback,omitempty"`
	Words            []string              `json:"words,omitempty"`
	Alternatives     []routing.Alternative `json:"alternatives,omitempty"`
	Note             string                `json:"note,omitempty"`
}

// filedView is the answer to a filed report.
type filedView struct {
	TrackingCode string      `json:"tracking_code"`
	Status       string      `json:"status"`
	StatusLabel  string      `json:"status_label"`
	Type         string      `json:"type"`
	Agency       agencyRef   `json:"agency"`
	Routing      routingView `json:"routing"`
	CreatedAt    time.Time   `json:"created_at"`
	VerifyDueAt  time.Time   `json:"verify_due_at"`
	URL          string      `json:"url"`
}

func (s *Server) createReport(c *gin.Context) {
	key := c.GetHeader("Idempotency-Key")
	if key != "" && !validIdempotencyKey(key) {
		s.fail(c, http.StatusBadRequest, "bad_idempotency_key", "error_bad_idempotency_key", nil)
		return
	}
	var req reportRequest
	raw, ok := s.readJSON(c, &req)
	if !ok {
		return
	}
	p, who, ctx := printer(c), caller(c), c.Request.Context()
	now := s.now()
	report, problems := req.toReport(p, who, now)
	agency, problem, err := s.knownAgency(ctx, "agency_id", req.AgencyID, p)
	if err != nil {
		s.internal(c, "look up agency", err)
		return
	}
	if problem != nil {
		problems = append(problems, *problem)
	}
	if _, problem, err := s.knownAgency(ctx, "source", via(report.Source), p); err != nil {
		s.internal(c, "look up agency", err)
		return
	} else if problem != nil {
		problems = append(problems, *problem)
	}
	if len(problems) > 0 {
		s.failFields(c, problems)
		return
	}

	// Routing reads the sector, type and region even when the filer named
	// the agency, so that every report carries them.
	decision, err := s.cfg.Router.Route(ctx, routing.Request{
		Title: report.Title, Text: report.Description, Sector: report.Sector, RegionCode: report.RegionCode,
		Via: via(report.Source), GuessRegion: report.Conversation == "",
	})
	if err != nil {
		s.internal(c, "route", err)
		return
	}
	if agency.ID != "" {
		decision.AgencyID, decision.AgencyName = agency.ID, agency.Name
		decision.Confidence, decision.Fallback, decision.Alternatives = 1, routing.FallbackNone, nil
	}
	report.AgencyID = decision.AgencyID
	report.Sector = decision.Sector
	report.RegionCode = decision.RegionCode
	if report.Type == "" {
		report.Type = decision.Type
	}
	report.RoutingConfidence = decision.Confidence
	report.RoutingFallback = string(decision.Fallback)
	report.RoutingWords = strings.Join(decision.Words, " ")
	if alts, err := json.Marshal(decision.Alternatives); err == nil && len(decision.Alternatives) > 0 {
		report.RoutingAlternatives = string(alts)
	}
	report.Status = storage.StatusAwaitingVerification
	report.VerifyDueAt = s.cfg.Calendar.Deadline(now, verifyWorkdays)

	actor := who.Scope
	sum := sha256.Sum256(raw)
	filed, err := s.cfg.Store.File(ctx, storage.Filing{
		Report: report,
		Events: []storage.ReportEvent{{
			Kind: storage.EventRouted, Actor: "system", AgencyID: decision.AgencyID, Note: string(decision.Fallback),
		}},
		Actor:       actor,
		Principal:   who.Scope,
		Key:         key,
		RequestHash: hex.EncodeToString(sum[:]),
		Respond: func(r *storage.Report) (int, []byte, error) {
			body, err := json.Marshal(s.filedView(p, r, decision))
			return http.StatusCreated, body, err
		},
	})
	if errors.Is(err, storage.ErrIdempotencyMismatch) {
		s.fail(c, http.StatusUnprocessableEntity, "idempotency_key_reused", "error_idempotency_mismatch", nil)
		return
	}
	if err != nil {
		s.internal(c, "file report", err)
		return
	}
	if filed.Replayed {
		c.Header("Idempotent-Replayed", "true")
	} else {
		channel, _, _ := strings.Cut(report.Source, ":") // one series per channel, not per agency
		s.metrics.reportsFiled.WithLabelValues(channel, report.Type).Inc()
		s.cfg.Logger.Info("report filed", "report", report.TrackingCode, "agency", decision.AgencyID, "source", report.Source)
	}
	c.Data(filed.StatusCode, "application/json; charset=utf-8", filed.Body)
}

func (s *Server) filedView(p *locales.Printer, r *storage.Report, d routing.Decision) filedView {
	v := filedView{
		TrackingCode: r.TrackingCode,
		Status:       r.Status,
		StatusLabel:  p.T("status_"+r.Status, nil),
		Type:         r.Type,
		Agency:       agencyRef{ID: d.AgencyID, Name: d.AgencyName},
		Routing: routingView{
			Sector: d.Sector, RegionCode: d.RegionCode, RegionCandidates: d.RegionCandidates, Confidence: d.Confidence,
			Fallback: string(d.Fallback), Words: d.Words, Alternatives: d.Alternatives,
		},
		CreatedAt:   r.CreatedAt,
		VerifyDueAt: r.VerifyDueAt,
		URL:         s.cfg.PublicURL + "/api/v1/reports/" + r.TrackingCode,
	}
	if d.Fallback != routing.FallbackNone {
		v.Routing.Note = p.T("routing_fallback_"+string(d.Fallback), nil)
	}
	return v
}

// knownAgency looks up an agency a request names in field; an unknown one is
// a problem of that field. An empty id is no agency and no problem.
func (s *Server) knownAgency(ctx context.Context, field, id string, p *locales.Printer) (storage.Agency, *fieldError, error) {
	if id == "" {
		return storage.Agency{}, nil, nil
	}
	a, err := s.cfg.Store.Agency(ctx, id)
	if errors.Is(err, storage.ErrNotFound) {
		return a, &fieldError{Field: field, Message: p.T("field_unknown_agency", nil)}, nil
	}
	return a, nil, err
}
