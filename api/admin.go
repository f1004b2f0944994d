package api

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/storage"
)

type keyRequest struct {
	Label string `json:"label"`
}

type keyView struct {
	Key       string    `json:"key"`
	Hint      string    `json:"hint"`
	Scope     string    `json:"scope"`
	Label     string    `json:"label,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	Warning   string    `json:"warning"`
}

func (s *Server) createAgencyKey(c *gin.Context) {
	a, ok := s.agency(c)
	if ok {
		s.createKey(c, storage.ScopeAgencyPrefix+a.ID)
	}
}

func (s *Server) createAppKey(c *gin.Context) {
	name := c.Param("name")
	if !appName.MatchString(name) {
		s.failFields(c, []fieldError{{Field: "name", Message: printer(c).T("field_bad_app_name", nil)}})
		return
	}
	s.createKey(c, storage.ScopeAppPrefix+name)
}

// createKey makes a key for a scope and shows it this once. The body, with
// an optional label, may be omitted.
func (s *Server) createKey(c *gin.Context, scope string) {
	var req keyRequest
	if c.Request.ContentLength != 0 {
		if !s.readJSON(c, &req) {
			return
		}
	}
	req.Label = strings.TrimSpace(req.Label)
	if len([]rune(req.Label)) > maxLabel {
		s.failFields(c, []fieldError{{Field: "label", Message: printer(c).T("field_too_long", map[string]any{"Max": maxLabel})}})
		return
	}
	key, k, err := s.cfg.Store.CreateAPIKey(c.Request.Context(), scope, req.Label)
	if err != nil {
		s.internal(c, "create api key", err)
		return
	}
	s.cfg.Logger.Info("api key created", "scope", scope, "hint", k.Hint)
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusCreated, keyView{
		Key: key, Hint: k.Hint, Scope: k.Scope, Label: k.Label, CreatedAt: k.CreatedAt,
		Warning: printer(c).T("key_shown_once", nil),
	})
}

type connectivityRequest struct {
	DecreeOnFile *bool   `json:"decree_on_file"`
	DecreeNumber *string `json:"decree_number"`
	Activated    *bool   `json:"activated"`
	Receives     *string `json:"receives"`
	WebhookURL   *string `json:"webhook_url"`
}

func (s *Server) updateAgency(c *gin.Context) {
	var req connectivityRequest
	if !s.readJSON(c, &req) {
		return
	}
	if problems := req.validate(printer(c)); len(problems) > 0 {
		s.failFields(c, problems)
		return
	}
	a, err := s.cfg.Store.UpdateConnectivity(c.Request.Context(), c.Param("id"), storage.ConnectivityUpdate(req))
	switch {
	case errors.Is(err, storage.ErrNotFound):
		s.fail(c, http.StatusNotFound, "agency_not_found", "error_agency_not_found", map[string]any{"ID": c.Param("id")})
	case errors.Is(err, storage.ErrNeedsWebhookURL):
		s.failFields(c, []fieldError{{Field: "webhook_url", Message: printer(c).T("field_required", nil)}})
	case err != nil:
		s.internal(c, "update connectivity", err)
	default:
		s.cfg.Logger.Info("agency connectivity changed", "agency", a.ID, "connected", a.Connected)
		c.JSON(http.StatusOK, viewAgency(a, true))
	}
}

type connectivityView struct {
	Target struct {
		Min int `json:"min"`
		Max int `json:"max"`
	} `json:"target"`
	ShortOfMin   int64   `json:"short_of_min"`
	PercentOfMin float64 `json:"percent_of_min"`
	storage.Connectivity
}

func (req *connectivityRequest) validate(p *locales.Printer) []fieldError {
	v := &validator{p: p}
	if req.Receives != nil && *req.Receives != "" {
		v.oneOf("receives", *req.Receives, []string{storage.ReceiveInbox, storage.ReceiveWebhook})
	}
	if req.WebhookURL != nil && *req.WebhookURL != "" {
		u, err := url.Parse(*req.WebhookURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			v.add("webhook_url", "field_bad_webhook", nil)
		}
	}
	if req.DecreeNumber != nil {
		v.length("decree_number", *req.DecreeNumber, 0, maxLabel)
	}
	return v.fields
}

func (s *Server) connectivity(c *gin.Context) {
	conn, err := s.cfg.Store.Connectivity(c.Request.Context())
	if err != nil {
		s.internal(c, "count connectivity", err)
		return
	}
	v := connectivityView{Connectivity: conn}
	v.Target.Min, v.Target.Max = storage.TargetMinConnected, storage.TargetMaxConnected
	v.ShortOfMin = max(0, int64(storage.TargetMinConnected)-conn.Overall.Connected)
	v.PercentOfMin = float64(int(1000*float64(conn.Overall.Connected)/storage.TargetMinConnected)) / 10
	c.JSON(http.StatusOK, v)
}
