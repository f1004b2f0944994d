package channels

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// maxPaced is how many keys a Pacer remembers before it forgets them all:
// the idle ones would otherwise pile up.
const maxPaced = 50_000

// Pacer spaces sends per key (a chat, a sender number): one per interval
// each, as providers ask.
type Pacer[K comparable] struct {
	every time.Duration
	mu    sync.Mutex
	keys  map[K]*rate.Limiter
}

// NewPacer returns a pacer of one send per key every interval.
func NewPacer[K comparable](every time.Duration) *Pacer[K] {
	return &Pacer[K]{every: every, keys: map[K]*rate.Limiter{}}
}

// Wait blocks until key may send again, or ctx ends.
func (p *Pacer[K]) Wait(ctx context.Context, key K) error {
	p.mu.Lock()
	if len(p.keys) > maxPaced {
		p.keys = map[K]*rate.Limiter{}
	}
	l, ok := p.keys[key]
	if !ok {
		l = rate.NewLimiter(rate.Every(p.every), 1)
		p.keys[key] = l
	}
	p.mu.Unlock()
	return l.Wait(ctx)
}
