package widget

import (
	"context"
	"sync"
	"time"
)

// agencyCache keeps what the directory said of an agency for a while, since
// every widget request asks.
type agencyCache struct {
	dir Directory
	ttl time.Duration

	mu      sync.Mutex
	entries map[string]cachedAgency
}

type cachedAgency struct {
	a   Agency
	ok  bool
	exp time.Time
}

// maxCachedAgencies bounds the cache: ids come from URLs anyone can send.
const maxCachedAgencies = 4096

func newAgencyCache(dir Directory, ttl time.Duration) *agencyCache {
	return &agencyCache{dir: dir, ttl: ttl, entries: map[string]cachedAgency{}}
}

func (c *agencyCache) get(ctx context.Context, id string) (Agency, bool, error) {
	now := time.Now()
	c.mu.Lock()
	e, hit := c.entries[id]
	c.mu.Unlock()
	if hit && now.Before(e.exp) {
		return e.a, e.ok, nil
	}
	a, ok, err := c.dir(ctx, id)
	if err != nil {
		return Agency{}, false, err
	}
	c.mu.Lock()
	if len(c.entries) >= maxCachedAgencies {
		clear(c.entries)
	}
	c.entries[id] = cachedAgency{a: a, ok: ok, exp: now.Add(c.ttl)}
	c.mu.Unlock()
	return a, ok, nil
}
