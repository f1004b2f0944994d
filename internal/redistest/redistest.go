// Package redistest gives tests a Redis: miniredis, or the server that
// LAPOR_TEST_REDIS_URL names (as in CI).
package redistest

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
)

// EnvURL names the variable holding a Redis URL for tests.
const EnvURL = "LAPOR_TEST_REDIS_URL"

var flushed sync.Map // database number → struct{}

// Client returns a Redis client for a test. On a real server it uses
// database db, emptied once per test binary, so that packages testing at
// the same time stay out of each other's keys: each package picks its own
// (dialog 2, channels 3, channels/telegram 5, channels/twilio 6, channels/widget 7).
func Client(t testing.TB, db int) redis.UniversalClient {
	t.Helper()
	var rdb *redis.Client
	if u := os.Getenv(EnvURL); u != "" {
		opt, err := redis.ParseURL(u)
		if err != nil {
			t.Fatal(err)
		}
		opt.DB = db
		rdb = redis.NewClient(opt)
		if _, done := flushed.LoadOrStore(db, struct{}{}); !done {
			if err := rdb.FlushDB(context.Background()).Err(); err != nil {
				t.Fatalf("real Redis: %v", err)
			}
		}
	} else {
		rdb = redis.NewClient(&redis.Options{Addr: miniredis.RunT(t).Addr()})
	}
	t.Cleanup(func() { rdb.Close() })
	return rdb
}
