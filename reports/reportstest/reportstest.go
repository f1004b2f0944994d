// Package reportstest helps test what the report service tells reporters.
package reportstest

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/sp4n-lapor/lapor/channels"
)

// Told is a reports.Notifier that keeps what it is given.
type Told struct {
	mu   sync.Mutex
	msgs []channels.Outbound
}

// Enqueue implements reports.Notifier.
func (t *Told) Enqueue(_ context.Context, msgs ...channels.Outbound) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.msgs = append(t.msgs, msgs...)
	return nil
}

// All returns the messages so far, oldest first.
func (t *Told) All() []channels.Outbound {
	t.mu.Lock()
	defer t.mu.Unlock()
	return slices.Clone(t.msgs)
}

// Count counts the messages whose text holds part.
func (t *Told) Count(part string) int {
	n := 0
	for _, m := range t.All() {
		if strings.Contains(m.Text, part) {
			n++
		}
	}
	return n
}
