package api

import (
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/storage"
)

// widgetRequest is an agency's web chat widget settings, replaced whole.
type widgetRequest struct {
	DisplayName    string   `json:"display_name"`
	LogoURL        string   `json:"logo_url"`
	Color          string   `json:"color"`
	Greeting       string   `json:"greeting"`
	AllowedOrigins []string `json:"allowed_origins"`
}

type widgetView struct {
	AgencyID       string   `json:"agency_id"`
	DisplayName    string   `json:"display_name"`
	LogoURL        string   `json:"logo_url"`
	Color          string   `json:"color"`
	Greeting       string   `json:"greeting"`
	AllowedOrigins []string `json:"allowed_origins"`
}

// Limits of widget settings.
const (
	maxGreeting = 500
	maxOrigins  = 20
)

var hexColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

func (s *Server) updateWidget(c *gin.Context) {
	var req widgetRequest
	if !s.readJSON(c, &req) {
		return
	}
	w, problems := req.toWidget(printer(c))
	if len(problems) > 0 {
		s.failFields(c, problems)
		return
	}
	a, err := s.cfg.Store.UpdateWidget(c.Request.Context(), c.Param("id"), w)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		s.fail(c, http.StatusNotFound, "agency_not_found", "error_agency_not_found", map[string]any{"ID": c.Param("id")})
	case err != nil:
		s.internal(c, "update widget", err)
	default:
		s.cfg.Logger.Info("agency widget changed", "agency", a.ID, "origins", len(a.Widget.AllowedOrigins()))
		c.JSON(http.StatusOK, widgetView{
			AgencyID: a.ID, DisplayName: a.Widget.DisplayName, LogoURL: a.Widget.LogoURL, Color: a.Widget.Color,
			Greeting: a.Widget.Greeting, AllowedOrigins: a.Widget.AllowedOrigins(),
		})
	}
}

func (req widgetRequest) toWidget(p *locales.Printer) (storage.Widget, []fieldError) {
	v := &validator{p: p}
	w := storage.Widget{
		DisplayName: strings.TrimSpace(req.DisplayName), LogoURL: strings.TrimSpace(req.LogoURL),
		Color: strings.ToLower(strings.TrimSpace(req.Color)), Greeting: strings.TrimSpace(req.Greeting),
	}
	v.length("display_name", w.DisplayName, 0, maxLabel)
	v.length("greeting", w.Greeting, 0, maxGreeting)
	if w.LogoURL != "" {
		if u, err := url.Parse(w.LogoURL); err != nil || u.Scheme != "https" || u.Host == "" || len(w.LogoURL) > maxURL {
			v.add("logo_url", "field_bad_https_url", nil)
		}
	}
	if w.Color != "" && !hexColor.MatchString(w.Color) {
		v.add("color", "field_bad_color", nil)
	}
	if len(req.AllowedOrigins) > maxOrigins {
		v.add("allowed_origins", "field_too_many", map[string]any{"Max": maxOrigins})
	}
	var origins []string
	for _, o := range req.AllowedOrigins {
		o = strings.TrimRight(strings.TrimSpace(o), "/")
		if !isOrigin(o) {
			v.add("allowed_origins", "field_bad_origin", map[string]any{"Origin": o})
			continue
		}
		origins = append(origins, o)
	}
	w.Origins = strings.Join(origins, " ")
	return w, v.fields
}

// isOrigin reports whether o is a web origin a widget may be embedded on:
// https, or http on the developer's own machine; scheme and host, no path.
func isOrigin(o string) bool {
	u, err := url.Parse(o)
	local := u != nil && (u.Hostname() == "localhost" || u.Hostname() == "127.0.0.1")
	return err == nil && (u.Scheme == "https" || u.Scheme == "http" && local) && u.Host != "" &&
		u.Path == "" && u.RawQuery == "" && u.User == nil && u.Scheme+"://"+u.Host == o
}
