package report

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotFound is returned for a tracking code no report has.
var ErrNotFound = errors.New("report not found")

// RejectedError is a request the report service refuses: trying it again as
// it is will not help. Code is "validation_failed" with the Problems, or
// "idempotency_key_reused".
type RejectedError struct {
	Code     string
	Problems []Problem
}

func (e *RejectedError) Error() string {
	fields := make([]string, 0, len(e.Problems))
	for _, p := range e.Problems {
		fields = append(fields, p.Field+": "+p.MsgID)
	}
	return fmt.Sprintf("report rejected: %s %s", e.Code, strings.Join(fields, ", "))
}
