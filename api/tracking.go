package api

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/sp4n-lapor/lapor/report"
)

// getReport answers what anyone holding a tracking code may see.
func (s *Server) getReport(c *gin.Context) {
	view, err := s.cfg.Reports.Track(c.Request.Context(), c.Param("code"), language(c))
	if s.notFound(c, err) {
		return
	}
	if err != nil {
		s.internal(c, "track report", err)
		return
	}
	c.JSON(http.StatusOK, view)
}

// notFound answers 404 for a tracking code no report has, and says whether
// it did.
func (s *Server) notFound(c *gin.Context, err error) bool {
	if !errors.Is(err, report.ErrNotFound) {
		return false
	}
	s.fail(c, http.StatusNotFound, "report_not_found", "error_report_not_found", map[string]any{"Code": c.Param("code")})
	return true
}
