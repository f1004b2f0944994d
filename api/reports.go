package api

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/sp4n-lapor/lapor/report"
)

// createReport files a report through the report service, as the caller
// whose key it carries.
func (s *Server) createReport(c *gin.Context) {
	key := c.GetHeader("Idempotency-Key")
	if key != "" && !validIdempotencyKey(key) {
		s.fail(c, http.StatusBadRequest, "bad_idempotency_key", "error_bad_idempotency_key", nil)
		return
	}
	var req report.Request
	if !s.readJSON(c, &req) {
		return
	}
	filed, err := s.cfg.Reports.File(c.Request.Context(), caller(c).Scope, req, key, language(c))
	if s.rejected(c, err) {
		return
	}
	if err != nil {
		s.internal(c, "file report", err)
		return
	}
	if filed.Replayed {
		c.Header("Idempotent-Replayed", "true")
	}
	c.Data(http.StatusCreated, "application/json; charset=utf-8", filed.JSON)
}

// previewReport routes a report without filing it: where it would go, and why.
func (s *Server) previewReport(c *gin.Context) {
	var req report.Request
	if !s.readJSON(c, &req) {
		return
	}
	d, err := s.cfg.Reports.Preview(c.Request.Context(), req, language(c))
	if err != nil {
		s.internal(c, "preview report", err)
		return
	}
	c.JSON(http.StatusOK, d)
}

// rejected answers a request the report service refused (422), and says
// whether it did.
func (s *Server) rejected(c *gin.Context, err error) bool {
	var rej *report.RejectedError
	if !errors.As(err, &rej) {
		return false
	}
	if rej.Code == "idempotency_key_reused" {
		s.fail(c, http.StatusUnprocessableEntity, rej.Code, "error_idempotency_mismatch", nil)
		return true
	}
	p := printer(c)
	fields := make([]fieldError, 0, len(rej.Problems))
	for _, pr := range rej.Problems {
		fields = append(fields, fieldError{Field: pr.Field, Message: p.T(pr.MsgID, pr.Data)})
	}
	s.failFields(c, fields)
	return true
}
