package dialog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/internal/redistest"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/reports"
	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/routing/model"
	"github.com/sp4n-lapor/lapor/storage"
	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

// testRedis is miniredis, or database 2 of the server LAPOR_TEST_REDIS_URL names.
func testRedis(t testing.TB) redis.UniversalClient { return redistest.Client(t, 2) }

// backend is the report service on a real store, which can be switched off
// to play an unreachable one.
type backend struct {
	store *storage.Store
	down  atomic.Bool
	svc   *reports.Service // for the agency's actions
	desk  reports.Conversation
}

var errDown = errors.New("dial tcp 10.0.0.1:443: connection refused")

func (b *backend) Preview(ctx context.Context, r report.Request, lang string) (report.Routing, error) {
	if b.down.Load() {
		return report.Routing{}, errDown
	}
	return b.desk.Preview(ctx, r, lang)
}

func (b *backend) File(ctx context.Context, r report.Request, key, lang string) (report.Receipt, error) {
	if b.down.Load() {
		return report.Receipt{}, errDown
	}
	return b.desk.File(ctx, r, key, lang)
}

func (b *backend) Track(ctx context.Context, code, lang string) (report.Public, error) {
	if b.down.Load() {
		return report.Public{}, errDown
	}
	return b.desk.Track(ctx, code, lang)
}

func (b *backend) Followup(ctx context.Context, code string, from report.Contact, lang string) (report.Followup, error) {
	if b.down.Load() {
		return report.Followup{}, errDown
	}
	return b.desk.Followup(ctx, code, from, lang)
}

func (b *backend) Reply(ctx context.Context, code string, r report.Reply) error {
	if b.down.Load() {
		return errDown
	}
	return b.desk.Reply(ctx, code, r)
}

func (b *backend) Rate(ctx context.Context, code string, r report.Rating) error {
	if b.down.Load() {
		return errDown
	}
	return b.desk.Rate(ctx, code, r)
}

// harness is an engine wired as in production, on test Redis and SQLite.
type harness struct {
	t       testing.TB
	engine  *Engine
	outbox  *channels.Outbox
	backend *backend
	now     time.Time
	mu      sync.Mutex
	ns      string // makes this test's addresses its own on a shared Redis
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func newHarness(t testing.TB) *harness {
	t.Helper()
	store := storagetest.SQLite(t)
	router := routing.NewRouter(model.DefaultClassifier(), store.Directory())
	rdb := testRedis(t)
	h := &harness{t: t, now: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC), ns: randomID()[:8]}
	h.outbox = channels.NewOutbox(rdb, channels.WithLogger(quiet))
	svc := reports.New(store, router, reports.WithLogger(quiet), reports.WithNotifier(h.outbox))
	b := &backend{store: store, svc: svc, desk: svc.Conversation()}
	h.backend = b
	h.engine = New(rdb, h.outbox, b, WithLogger(quiet), WithClock(h.clock))
	return h
}

func (h *harness) clock() time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.now
}

func (h *harness) advance(d time.Duration) {
	h.mu.Lock()
	h.now = h.now.Add(d)
	h.mu.Unlock()
}

// recorder is a Sender that keeps what it is given.
type recorder struct {
	mu   sync.Mutex
	sent []channels.Outbound
}

func (r *recorder) Send(_ context.Context, m channels.Outbound) error {
	r.mu.Lock()
	r.sent = append(r.sent, m)
	r.mu.Unlock()
	return nil
}

// citizen is one person talking to the bot.
type citizen struct {
	h    *harness
	addr channels.Address
	seq  int
}

func (h *harness) citizen(channel, id string) *citizen {
	return &citizen{h: h, addr: h.address(channel, id)}
}

func (h *harness) address(channel, id string) channels.Address {
	return channels.Address{Channel: channel, ID: id + "-" + h.ns}
}

// say sends a message and returns the replies it got.
func (c *citizen) say(text string) []channels.Outbound {
	c.h.t.Helper()
	return c.send(channels.Inbound{Text: text})
}

func (c *citizen) send(in channels.Inbound) []channels.Outbound {
	c.h.t.Helper()
	c.seq++
	if in.ID == "" {
		in.ID = fmt.Sprintf("%s-%d", c.addr.ID, c.seq)
	}
	in.From = c.addr
	if err := c.h.engine.Handle(context.Background(), in); err != nil {
		c.h.t.Fatalf("Handle(%q): %v", in.Text, err)
	}
	return c.replies()
}

// replies drains the citizen's channel of the replies queued for them.
func (c *citizen) replies() []channels.Outbound {
	c.h.t.Helper()
	rec := &recorder{}
	if err := c.h.outbox.Drain(context.Background(), c.addr.Channel, rec); err != nil {
		c.h.t.Fatal(err)
	}
	var mine []channels.Outbound
	for _, m := range rec.sent {
		if m.To == c.addr {
			mine = append(mine, m)
		}
	}
	return mine
}

func texts(ms []channels.Outbound) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(m.Text + "\n")
	}
	return b.String()
}

// trackingCode finds the code in a reply.
func trackingCode(ms []channels.Outbound) string {
	for _, m := range ms {
		if i := strings.Index(m.Text, "LPR-"); i >= 0 && len(m.Text) >= i+13 {
			return m.Text[i : i+13]
		}
	}
	return ""
}

// state reads a citizen's conversation as the engine saved it.
func (h *harness) state(addr channels.Address) *State {
	h.t.Helper()
	_, st, _, _, err := h.engine.store.load(context.Background(), addr, "")
	if err != nil || st == nil {
		h.t.Fatalf("state of %s: %v", addr, err)
	}
	return st
}

// filed finds the report whose tracking code the replies give.
func (h *harness) filed(t testing.TB, replies []channels.Outbound) storage.Report {
	t.Helper()
	code := trackingCode(replies)
	r, err := h.backend.store.ReportByCode(context.Background(), code)
	if err != nil {
		t.Fatalf("report %q not in the database: %v\n%s", code, err, texts(replies))
	}
	return r
}

// devComplaint is one of the real 2017 complaints of testdata, as typed,
// with the region its label names ("" for none).
type devComplaint struct {
	ID         string `json:"id"`
	Text       string `json:"text"`
	RegionCode string `json:"region_code"`
}

// devComplaints reads the 30 complaints of testdata/messy-2017.jsonl.
func devComplaints(t testing.TB) []devComplaint {
	t.Helper()
	b, err := os.ReadFile("testdata/messy-2017.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var out []devComplaint
	for line := range strings.Lines(string(b)) {
		var c devComplaint
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	if len(out) != 30 {
		t.Fatalf("%d complaints in testdata, want 30", len(out))
	}
	return out
}
