// Package dialogtest wires a conversation engine as production does, on
// miniredis (or a database of LAPOR_TEST_REDIS_URL's server) and SQLite, for
// the tests of channel adapters.
package dialogtest

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"
	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/channels/msglog"
	"github.com/sp4n-lapor/lapor/dialog"
	"github.com/sp4n-lapor/lapor/internal/redistest"
	"github.com/sp4n-lapor/lapor/reports"
	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/routing/model"
	"github.com/sp4n-lapor/lapor/storage"
	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

// Kit is an engine with its outbox, Redis and database.
type Kit struct {
	Engine *dialog.Engine
	Outbox *channels.Outbox
	Redis  redis.UniversalClient
	Store  *storage.Store
	// Reports is the report service the engine files with, whose agency
	// actions reach the citizen through Outbox.
	Reports *reports.Service
}

// Quiet is a logger that writes nothing.
var Quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// New returns a kit whose engine files with the real report service, with
// the engine options given. redisDB
// is the database used on a real Redis server: one per test package, since
// packages run at once and each empties its database when it starts.
func New(t testing.TB, redisDB int, opts ...dialog.Option) *Kit {
	t.Helper()
	store := storagetest.SQLite(t)
	rdb := redistest.Client(t, redisDB)
	router := routing.NewRouter(model.DefaultClassifier(), store.Directory())
	out := channels.NewOutbox(rdb, channels.WithLogger(Quiet), channels.WithOptOuts(msglog.OptOuts{Store: store}))
	svc := reports.New(store, router, reports.WithLogger(Quiet), reports.WithNotifier(out))
	engine := dialog.New(rdb, out, svc.Conversation(), append([]dialog.Option{dialog.WithLogger(Quiet)}, opts...)...)
	return &Kit{Engine: engine, Outbox: out, Redis: rdb, Store: store, Reports: svc}
}

// Report finds a filed report by its tracking code.
func (k *Kit) Report(t testing.TB, code string) storage.Report {
	t.Helper()
	r, err := k.Store.ReportByCode(context.Background(), code)
	if err != nil {
		t.Fatalf("report %q: %v", code, err)
	}
	return r
}

// Filed finds the report whose tracking code a reply gives.
func (k *Kit) Filed(t testing.TB, reply string) storage.Report {
	t.Helper()
	i := strings.Index(reply, "LPR-")
	if i < 0 || len(reply) < i+13 {
		t.Fatalf("no tracking code in %q", reply)
	}
	return k.Report(t, reply[i:i+13])
}

// OnlyFile returns the content of the one file stored under a data
// directory, failing the test when there is not exactly one.
func OnlyFile(t testing.TB, dataDir string) []byte {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dataDir, "*", "*"))
	if len(files) != 1 {
		t.Fatalf("stored files: %v, want one", files)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	return b
}
