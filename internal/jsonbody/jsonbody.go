// Package jsonbody reads JSON request bodies strictly, and shapes the errors
// answered, the same way for the REST API and the web widget.
package jsonbody

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
)

// Error is a body refused, with what the answer needs: the HTTP status, the
// error code, and the locale message id with its data.
type Error struct {
	Status int
	Code   string
	MsgID  string
	Data   map[string]any
}

func (e *Error) Error() string { return e.Code }

// Read reads the body of r into v, strictly: the content type must be JSON
// (415), the body within limit bytes (413), the JSON well formed with no
// unknown fields and nothing after it (400). A refused body is an *Error.
func Read(w http.ResponseWriter, r *http.Request, limit int64, v any) error {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return &Error{http.StatusUnsupportedMediaType, "unsupported_media_type", "error_unsupported_media_type", nil}
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return &Error{http.StatusRequestEntityTooLarge, "body_too_large", "error_body_too_large", map[string]any{"Limit": limit}}
	}
	if err != nil {
		return badJSON(err.Error())
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badJSON(err.Error())
	}
	if _, err := dec.Token(); err != io.EOF {
		return badJSON("data after the JSON value")
	}
	return nil
}

func badJSON(detail string) *Error {
	return &Error{http.StatusBadRequest, "bad_json", "error_bad_json", map[string]any{"Detail": detail}}
}
