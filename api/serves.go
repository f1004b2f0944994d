package api

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/routing/text"
	"github.com/sp4n-lapor/lapor/storage"
)

// servesRequest is what a national body serves, replaced whole: the phrases
// routing looks for in a complaint, and whether what they name is the
// central government's alone.
type servesRequest struct {
	Serves  []string `json:"serves"`
	Central bool     `json:"central"`
}

// Limits of what a body serves: 20 phrases of up to 40 characters fit the
// column of 1,000.
const (
	maxServes      = 20
	maxServesChars = 40
)

// setServes sets what a national body serves. Routing reads it within the
// directory cache's 30 seconds.
func (s *Server) setServes(c *gin.Context) {
	var req servesRequest
	if !s.readJSON(c, &req) {
		return
	}
	phrases, problems := req.phrases(printer(c))
	if len(problems) > 0 {
		s.failFields(c, problems)
		return
	}
	a, err := s.cfg.Store.SetServes(c.Request.Context(), c.Param("id"), phrases, req.Central)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		s.fail(c, http.StatusNotFound, "agency_not_found", "error_agency_not_found", map[string]any{"ID": c.Param("id")})
	case errors.Is(err, storage.ErrNotNational):
		s.fail(c, http.StatusUnprocessableEntity, "not_a_national_body", "error_serves_not_national", map[string]any{"ID": c.Param("id")})
	case err != nil:
		s.internal(c, "set serves", err)
	default:
		s.cfg.Logger.Info("agency serves changed", "agency", a.ID, "phrases", len(phrases), "central", a.Central)
		c.JSON(http.StatusOK, viewAgency(a, true))
	}
}

// phrases checks the request's phrases and writes each as routing reads a
// complaint (lowercase, abbreviations written out: "Jln rusak" is "jalan
// rusak"), once.
func (req servesRequest) phrases(p *locales.Printer) ([]string, []fieldError) {
	v := &validator{p: p}
	if req.Serves == nil {
		v.add("serves", "field_required", nil)
		return nil, v.fields
	}
	if len(req.Serves) > maxServes {
		v.add("serves", "field_too_many", map[string]any{"Max": maxServes})
		return nil, v.fields
	}
	var out []string
	for i, raw := range req.Serves {
		field := "serves[" + strconv.Itoa(i) + "]"
		phrase := strings.Join(text.Normalize(raw), " ")
		switch {
		case utf8.RuneCountInString(phrase) < 2:
			v.add(field, "field_serves_phrase", nil)
		case utf8.RuneCountInString(phrase) > maxServesChars:
			v.add(field, "field_too_long", map[string]any{"Max": maxServesChars})
		case !slices.Contains(out, phrase):
			out = append(out, phrase)
		}
	}
	return out, v.fields
}
