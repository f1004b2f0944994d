package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"

	"github.com/gin-gonic/gin"
)

// readJSON reads a JSON request body into v, strictly: the content type must
// be JSON (415), the body within the limit (413), the JSON well formed with
// no unknown fields and nothing after it (400). It returns the raw body, or
// false once it has answered with the error.
func (s *Server) readJSON(c *gin.Context, v any) ([]byte, bool) {
	if mt, _, err := mime.ParseMediaType(c.GetHeader("Content-Type")); err != nil || mt != "application/json" {
		s.fail(c, http.StatusUnsupportedMediaType, "unsupported_media_type", "error_unsupported_media_type", nil)
		return nil, false
	}
	raw, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, s.cfg.BodyLimit))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		s.fail(c, http.StatusRequestEntityTooLarge, "body_too_large", "error_body_too_large",
			map[string]any{"Limit": s.cfg.BodyLimit})
		return nil, false
	}
	if err != nil {
		s.fail(c, http.StatusBadRequest, "bad_json", "error_bad_json", map[string]any{"Detail": err.Error()})
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		s.fail(c, http.StatusBadRequest, "bad_json", "error_bad_json", map[string]any{"Detail": err.Error()})
		return nil, false
	}
	if _, err := dec.Token(); err != io.EOF {
		s.fail(c, http.StatusBadRequest, "bad_json", "error_bad_json", map[string]any{"Detail": "data after the JSON value"})
		return nil, false
	}
	return raw, true
}
