package routing

import (
	"context"
	"sync"
	"time"
)

// cachedDirectory remembers a directory's answers for a while: routing one
// report asks a dozen of them, mostly the same across reports.
type cachedDirectory struct {
	dir      Directory
	ttl      time.Duration
	mu       sync.Mutex
	since    time.Time
	agencies map[string]cachedAgency
	national map[string][]DirectoryAgency
}

type cachedAgency struct {
	a  DirectoryAgency
	ok bool
}

// CachedDirectory wraps dir so that its answers are reused for ttl: a
// change of connectivity reaches routing within ttl.
func CachedDirectory(dir Directory, ttl time.Duration) Directory {
	return &cachedDirectory{dir: dir, ttl: ttl}
}

func (c *cachedDirectory) fresh() {
	if time.Since(c.since) > c.ttl {
		c.since = time.Now()
		c.agencies = map[string]cachedAgency{}
		c.national = map[string][]DirectoryAgency{}
	}
}

func (c *cachedDirectory) Agency(ctx context.Context, id string) (DirectoryAgency, bool, error) {
	c.mu.Lock()
	c.fresh()
	hit, found := c.agencies[id]
	c.mu.Unlock()
	if found {
		return hit.a, hit.ok, nil
	}
	a, ok, err := c.dir.Agency(ctx, id)
	if err != nil {
		return a, ok, err
	}
	c.mu.Lock()
	c.agencies[id] = cachedAgency{a, ok}
	c.mu.Unlock()
	return a, ok, nil
}

func (c *cachedDirectory) National(ctx context.Context, sector string) ([]DirectoryAgency, error) {
	c.mu.Lock()
	c.fresh()
	hit, found := c.national[sector]
	c.mu.Unlock()
	if found {
		return hit, nil
	}
	list, err := c.dir.National(ctx, sector)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.national[sector] = list
	c.mu.Unlock()
	return list, nil
}
