package api

import (
	"errors"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/sp4n-lapor/lapor/internal/ratelimit"
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

// lookupsPerMinute is how many public lookups one address may make a minute:
// enough for a household or an office behind one address, too few to try
// tracking codes at random.
const lookupsPerMinute = 120

// limitLookups answers 429 to an address over lookupsPerMinute.
func (s *Server) limitLookups() gin.HandlerFunc {
	return func(c *gin.Context) {
		if s.cfg.Lookups == nil {
			return
		}
		ip := ratelimit.ClientIP(c.Request, s.cfg.TrustProxy)
		ok, wait, err := s.cfg.Lookups.Allow(c.Request.Context(), ip, lookupsPerMinute, time.Minute)
		if err != nil {
			s.cfg.Logger.Warn("lookup rate limit not counted", "err", err)
		}
		if !ok {
			c.Header("Retry-After", ratelimit.RetryAfter(wait))
			s.fail(c, http.StatusTooManyRequests, "rate_limited", "error_rate_limited", nil)
		}
	}
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

// followup tells the reporter writing from an address where their report
// stands: for a conversation service deployed apart.
func (s *Server) followup(c *gin.Context) {
	var from report.Contact
	if !s.readJSON(c, &from) {
		return
	}
	f, err := s.cfg.Reports.Followup(c.Request.Context(), c.Param("code"), from, language(c))
	s.answerTicket(c, http.StatusOK, f, err)
}

// reply adds a reporter's reply, relayed by a conversation service.
func (s *Server) reply(c *gin.Context) {
	var r report.Reply
	if !s.readJSON(c, &r) {
		return
	}
	s.noContent(c, s.cfg.Reports.Reply(c.Request.Context(), c.Param("code"), r))
}

// rate keeps a reporter's rating, relayed by a conversation service.
func (s *Server) rate(c *gin.Context) {
	var r report.Rating
	if !s.readJSON(c, &r) {
		return
	}
	s.noContent(c, s.cfg.Reports.Rate(c.Request.Context(), c.Param("code"), r))
}

// noContent answers 204, or the error the report service gave.
func (s *Server) noContent(c *gin.Context, err error) {
	if err == nil {
		c.Status(http.StatusNoContent)
		return
	}
	s.answerTicket(c, 0, nil, err)
}
