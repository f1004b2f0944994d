package api

import (
	"context"
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/sp4n-lapor/lapor/internal/jsonbody"
	"github.com/sp4n-lapor/lapor/locales"
)

// fieldError says what is wrong with one field of a request.
type fieldError = jsonbody.FieldError

const printerKey = "lapor.printer"

// language picks the catalogue for the request from Accept-Language.
func (s *Server) language() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Set(printerKey, locales.New(c.GetHeader("Accept-Language")))
		c.Next()
	}
}

// language is the language of the request's printer, for the services
// that answer in it.
func language(c *gin.Context) string { return printer(c).Lang() }

func printer(c *gin.Context) *locales.Printer {
	if p, ok := c.Get(printerKey); ok {
		return p.(*locales.Printer)
	}
	return locales.New()
}

// fail answers with an error whose message is the catalogue's msgID.
func (s *Server) fail(c *gin.Context, status int, code, msgID string, data map[string]any) {
	c.AbortWithStatusJSON(status, jsonbody.Envelope{Error: jsonbody.Detail{Code: code, Message: printer(c).T(msgID, data)}})
}

// failFields answers 422 with what is wrong with each field.
func (s *Server) failFields(c *gin.Context, fields []fieldError) {
	c.AbortWithStatusJSON(http.StatusUnprocessableEntity, jsonbody.Envelope{Error: jsonbody.Detail{
		Code: "validation_failed", Message: printer(c).T("error_validation", nil), Fields: fields,
	}})
}

// internal logs an unexpected error and answers without its details: 503
// when the database or Redis, which requests need, does not answer (try
// again later), else 500.
func (s *Server) internal(c *gin.Context, op string, err error) {
	s.cfg.Logger.Error("request failed", "op", op, "route", c.FullPath(), "err", err)
	ctx, cancel := context.WithTimeout(context.WithoutCancel(c.Request.Context()), time.Second)
	defer cancel()
	for _, name := range []string{"database", "redis"} {
		if ready, ok := s.cfg.Ready[name]; ok && ready(ctx) != nil {
			c.Header("Retry-After", "30")
			s.fail(c, http.StatusServiceUnavailable, "unavailable", "error_unavailable", map[string]any{"What": name})
			return
		}
	}
	s.fail(c, http.StatusInternalServerError, "internal", "error_internal", nil)
}

// recoverer turns a panic in a handler into a logged 500.
func (s *Server) recoverer() gin.HandlerFunc {
	return gin.CustomRecoveryWithWriter(io.Discard, func(c *gin.Context, err any) {
		s.cfg.Logger.Error("handler panicked", "route", c.FullPath(), "panic", err)
		s.fail(c, http.StatusInternalServerError, "internal", "error_internal", nil)
	})
}
