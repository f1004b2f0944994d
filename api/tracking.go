package api

import (
	"errors"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/storage"
)

// publicReport is what anyone holding a tracking code may see: never the
// reporter's name, channel or address, and for a confidential report
// neither its title.
type publicReport struct {
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
	Agency        agencyRef       `json:"agency"`
	CreatedAt     time.Time       `json:"created_at"`
	UpdatedAt     time.Time       `json:"updated_at"`
	VerifyDueAt   time.Time       `json:"verify_due_at"`
	FollowUpDueAt *time.Time      `json:"follow_up_due_at,omitempty"`
	Timeline      []timelineEntry `json:"timeline"`
}

type timelineEntry struct {
	At    time.Time `json:"at"`
	Event string    `json:"event"`
	Label string    `json:"label"`
}

func (s *Server) getReport(c *gin.Context) {
	p, ctx := printer(c), c.Request.Context()
	typed := c.Param("code")
	code, err := storage.NormalizeTrackingCode(typed)
	if err != nil {
		s.fail(c, http.StatusNotFound, "report_not_found", "error_report_not_found", map[string]any{"Code": typed})
		return
	}
	r, err := s.cfg.Store.ReportByCode(ctx, code)
	if errors.Is(err, storage.ErrNotFound) {
		s.fail(c, http.StatusNotFound, "report_not_found", "error_report_not_found", map[string]any{"Code": code})
		return
	}
	if err != nil {
		s.internal(c, "look up report", err)
		return
	}
	events, err := s.cfg.Store.ReportEvents(ctx, r.ID)
	if err != nil {
		s.internal(c, "list report events", err)
		return
	}
	names := &agencyNames{s: s, c: c}
	view := publicReport{
		TrackingCode: r.TrackingCode, Status: r.Status, StatusLabel: p.T("status_"+r.Status, nil),
		Type: r.Type, Privacy: r.Privacy, Sector: r.Sector, RegionCode: r.RegionCode,
		Agency:    agencyRef{ID: r.AgencyID, Name: names.name(r.AgencyID)},
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, VerifyDueAt: r.VerifyDueAt, FollowUpDueAt: r.FollowUpDueAt,
		Timeline: make([]timelineEntry, 0, len(events)),
	}
	if r.Privacy != storage.PrivacyConfidential {
		view.Title = r.Title
	}
	if sec, ok := routing.SectorByCode(r.Sector); ok {
		view.SectorName = sec.Name
	}
	if name, ok := routing.AllRegions().Name(r.RegionCode); ok {
		view.RegionName = name
	}
	for _, e := range events {
		view.Timeline = append(view.Timeline, timelineEntry{At: e.CreatedAt, Event: e.Kind, Label: eventLabel(p, e, names)})
	}
	c.JSON(http.StatusOK, view)
}

func eventLabel(p *locales.Printer, e storage.ReportEvent, names *agencyNames) string {
	data := map[string]any{"Agency": names.name(e.AgencyID)}
	if e.Status != "" {
		data["Status"] = p.T("status_"+e.Status, nil)
	}
	return p.T("event_"+e.Kind, data)
}

// agencyNames looks up agency names once each for one response.
type agencyNames struct {
	s     *Server
	c     *gin.Context
	cache map[string]string
}

func (n *agencyNames) name(id string) string {
	if id == "" {
		return ""
	}
	if name, ok := n.cache[id]; ok {
		return name
	}
	name := id
	if a, err := n.s.cfg.Store.Agency(n.c.Request.Context(), id); err == nil {
		name = a.Name
	}
	if n.cache == nil {
		n.cache = map[string]string{}
	}
	n.cache[id] = name
	return name
}
