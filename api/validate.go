package api

import (
	"regexp"

	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/report"
)

// Limits of the admin forms' fields, in characters.
const (
	maxLabel = 200 // a key's label, a decree number, an agency's or office's name
	maxURL   = 500
)

var appName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,39}$`)

// validator collects what is wrong with an admin form, field by field, in
// the language of the request; a report's own fields are checked by the
// report service.
type validator struct {
	p      *locales.Printer
	fields []fieldError
}

func (v *validator) add(field, msgID string, data map[string]any) {
	v.fields = append(v.fields, fieldError{Field: field, Message: v.p.T(msgID, data)})
}

func (v *validator) length(field, value string, min, max int) {
	v.problem(report.CheckText(field, value, min, max))
}

func (v *validator) oneOf(field, value string, allowed []string) {
	v.problem(report.CheckOneOf(field, value, allowed))
}

// problem adds a problem the report vocabulary's checks found, if any.
func (v *validator) problem(p *report.Problem) {
	if p != nil {
		v.add(p.Field, p.MsgID, p.Data)
	}
}

// validIdempotencyKey reports whether a key is 1 to 255 visible ASCII characters.
func validIdempotencyKey(k string) bool {
	if len(k) == 0 || len(k) > 255 {
		return false
	}
	for i := range len(k) {
		if k[i] < 0x21 || k[i] > 0x7e {
			return false
		}
	}
	return true
}
