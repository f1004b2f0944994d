package api

import (
	"context"
	"errors"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/sp4n-lapor/lapor/calendar"
	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/reports"
	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/storage"
)

// viewer is who the caller is to the report service: the agency of an
// agency key, or the admin.
func viewer(c *gin.Context) reports.Viewer {
	if p := caller(c); p.kind() == scopeAgency {
		return reports.Viewer{Agency: p.name()}
	}
	return reports.Admin
}

// listTickets answers an inbox: the caller's tickets (every report for the
// admin), filtered, newest first, a page at a time.
func (s *Server) listTickets(c *gin.Context) {
	q, ok := s.ticketQuery(c)
	if !ok {
		return
	}
	page, err := s.cfg.Reports.Tickets(c.Request.Context(), viewer(c), q, language(c))
	if err != nil {
		s.internal(c, "list tickets", err)
		return
	}
	c.JSON(http.StatusOK, page)
}

// triage lists the reports that wait in the national admin's queue: routing
// was unsure, no connected agency fits, or an agency returned them.
func (s *Server) triage(c *gin.Context) {
	q, ok := s.ticketQuery(c)
	if !ok {
		return
	}
	page, err := s.cfg.Reports.Tickets(c.Request.Context(), reports.Viewer{Agency: routing.NationalAdminID}, q, language(c))
	if err != nil {
		s.internal(c, "list triage", err)
		return
	}
	c.JSON(http.StatusOK, page)
}

func (s *Server) ticketQuery(c *gin.Context) (reports.Query, bool) {
	q := reports.Query{Status: c.Query("status"), Sector: c.Query("sector"), Region: c.Query("region"),
		Text: c.Query("q"), Cursor: c.Query("cursor")}
	if v := c.Query("overdue"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			s.badQuery(c, "overdue", "true/false")
			return q, false
		}
		q.Overdue = b
	}
	for _, d := range []struct {
		param string
		to    **time.Time
		days  int // "to" is inclusive: the day after, exclusive
	}{{"from", &q.From, 0}, {"to", &q.To, 1}} {
		if v := c.Query(d.param); v != "" {
			day, err := time.ParseInLocation(time.DateOnly, v, calendar.WIB)
			if err != nil {
				s.badQuery(c, d.param, "YYYY-MM-DD")
				return q, false
			}
			day = day.AddDate(0, 0, d.days)
			*d.to = &day
		}
	}
	perPage, ok := s.intQuery(c, "per_page", reports.DefaultPageSize, 1, reports.MaxPageSize)
	q.Limit = perPage
	return q, ok
}

// getTicket answers one ticket the caller may see; any other is 404.
func (s *Server) getTicket(c *gin.Context) {
	t, err := s.cfg.Reports.Ticket(c.Request.Context(), viewer(c), c.Param("code"), language(c))
	s.answerTicket(c, http.StatusOK, t, err)
}

// act reads an action's JSON body and has the report service take it on
// the ticket of the path, as the caller.
func act[B, R any](s *Server, status int, do func(context.Context, reports.Viewer, string, string, B, string) (R, error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		var body B
		if !s.readJSON(c, &body) {
			return
		}
		out, err := do(c.Request.Context(), viewer(c), caller(c).actor(), c.Param("code"), body, language(c))
		s.answerTicket(c, status, out, err)
	}
}

// answerTicket answers v with status, or the error the report service gave.
func (s *Server) answerTicket(c *gin.Context, status int, v any, err error) {
	switch {
	case err == nil:
		c.JSON(status, v)
	case s.notFound(c, err), s.rejected(c, err):
	case errors.Is(err, reports.ErrClosed):
		s.fail(c, http.StatusConflict, "ticket_closed", "error_ticket_closed", map[string]any{"Code": c.Param("code")})
	default:
		s.internal(c, "ticket", err)
	}
}

// overdue lists the agencies holding reports past their deadline.
func (s *Server) overdue(c *gin.Context) {
	list, err := s.cfg.Reports.OverdueAgencies(c.Request.Context())
	if err != nil {
		s.internal(c, "overdue agencies", err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"agencies": list})
}

// attachment downloads a file of a ticket the caller may see.
func (s *Server) attachment(c *gin.Context) {
	a, err := s.cfg.Reports.Attachment(c.Request.Context(), viewer(c), c.Param("code"), c.Param("sha256"))
	s.serveFile(c, a, err)
}

// answerFile downloads a file an agency attached to an answer, for the
// reporter who got its link.
func (s *Server) answerFile(c *gin.Context) {
	a, err := s.cfg.Reports.AnswerFile(c.Request.Context(), c.Param("code"), c.Param("sha256"))
	s.serveFile(c, a, err)
}

// serveFile answers a stored file as an attachment, or the error the
// report service gave in finding it.
func (s *Server) serveFile(c *gin.Context, a storage.Attachment, err error) {
	if err != nil {
		s.answerTicket(c, 0, nil, err)
		return
	}
	f, err := os.Open(filepath.Join(s.cfg.DataDir, a.StoragePath))
	if err != nil {
		s.internal(c, "open attachment", err)
		return
	}
	defer f.Close()
	name := a.FileName
	if name == "" {
		name = a.SHA256
	}
	c.Header("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	c.Header("X-Content-Type-Options", "nosniff")
	c.DataFromReader(http.StatusOK, a.Size, a.ContentType, f, nil)
}

// uploadFile stores a file an agency will attach to its answer: one image
// or PDF, multipart field "file".
func (s *Server) uploadFile(c *gin.Context) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, report.MaxFileSize+64<<10)
	fh, err := c.FormFile("file")
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		s.fail(c, http.StatusRequestEntityTooLarge, "file_too_large", "error_file_too_large", map[string]any{"MB": report.MaxFileSize >> 20})
		return
	case err != nil:
		s.fail(c, http.StatusBadRequest, "bad_upload", "error_bad_upload", nil)
		return
	}
	f, err := fh.Open()
	if err != nil {
		s.internal(c, "open upload", err)
		return
	}
	defer f.Close()
	file, err := s.cfg.Reports.Upload(c.Request.Context(), viewer(c), c.Param("code"), f, fh.Filename)
	switch {
	case errors.Is(err, channels.ErrFileType):
		s.fail(c, http.StatusUnsupportedMediaType, "unsupported_file_type", "error_file_type", nil)
	case errors.Is(err, channels.ErrTooLarge):
		s.fail(c, http.StatusRequestEntityTooLarge, "file_too_large", "error_file_too_large", map[string]any{"MB": report.MaxFileSize >> 20})
	default:
		s.answerTicket(c, http.StatusCreated, file, err)
	}
}
