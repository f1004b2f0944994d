package channels

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/sp4n-lapor/lapor/internal/redistest"
)

func testRedis(t *testing.T) redis.UniversalClient { return redistest.Client(t, 3) }

// flaky fails each message's first sends with the errors it is given.
type flaky struct {
	mu    sync.Mutex
	fails map[string][]error
	sent  []Outbound
	tries map[string]int
}

func (f *flaky) Send(_ context.Context, m Outbound) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.tries == nil {
		f.tries = map[string]int{}
	}
	f.tries[m.ID]++
	if errs := f.fails[m.ID]; len(errs) > 0 {
		f.fails[m.ID] = errs[1:]
		return errs[0]
	}
	f.sent = append(f.sent, m)
	return nil
}

func TestOutboxDeliversOnceAndRetries(t *testing.T) {
	rdb := testRedis(t)
	ob := NewOutbox(rdb, WithRetry(3, time.Millisecond), WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	ctx := context.Background()
	to := Address{Channel: SMS, ID: "6281200000000"}
	s := &flaky{fails: map[string][]error{
		"transient": {errors.New("timeout"), &SendError{Err: errors.New("429"), Retryable: true, RetryAfter: 5 * time.Millisecond}},
		"final":     {&SendError{Err: errors.New("21211 invalid number"), Retryable: false}},
		"hopeless":  {errors.New("5xx"), errors.New("5xx"), errors.New("5xx"), errors.New("5xx")},
	}}
	msgs := []Outbound{
		{ID: "ok", To: to, Text: "a"}, {ID: "ok", To: to, Text: "a"}, // the same reply enqueued twice
		{ID: "transient", To: to, Text: "b"}, {ID: "final", To: to, Text: "c"}, {ID: "hopeless", To: to, Text: "d"},
	}
	if err := ob.Enqueue(ctx, msgs...); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if err := ob.Drain(ctx, SMS, s); err != nil {
			t.Fatal(err)
		}
		if n, _ := rdb.ZCard(ctx, delayedKey(SMS)).Result(); n == 0 && s.tries["hopeless"] >= 3 && s.tries["transient"] >= 3 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	sent := map[string]int{}
	for _, m := range s.sent {
		sent[m.ID]++
	}
	if sent["ok"] != 1 || sent["transient"] != 1 || sent["final"] != 0 || sent["hopeless"] != 0 {
		t.Errorf("sent %v; want ok and transient once each, final and hopeless never", sent)
	}
	if s.tries["final"] != 1 || s.tries["hopeless"] != 3 {
		t.Errorf("tries %v: a final error is not retried, a retryable one up to 3 times", s.tries)
	}
	if n, _ := rdb.XLen(ctx, streamKey(SMS)).Result(); n != 0 {
		t.Errorf("%d entries left in the stream", n)
	}
}

func TestOutboxRunSendsPendingAfterACrash(t *testing.T) {
	rdb := testRedis(t)
	ob := NewOutbox(rdb, WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	ctx := context.Background()
	to := Address{Channel: Telegram, ID: "42"}
	if err := ob.Enqueue(ctx, Outbound{ID: "m1", To: to, Text: "halo"}); err != nil {
		t.Fatal(err)
	}
	// A consumer read it and died before sending.
	if err := ob.ensureGroup(ctx, Telegram); err != nil {
		t.Fatal(err)
	}
	if _, err := rdb.XReadGroup(ctx, &redis.XReadGroupArgs{Group: senderGroup, Consumer: "node-1", Streams: []string{streamKey(Telegram), ">"}, Count: 1}).Result(); err != nil {
		t.Fatal(err)
	}
	s := &flaky{}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { ob.Run(runCtx, Telegram, "node-1", s); close(done) }()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		n := len(s.sent)
		s.mu.Unlock()
		if n > 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
	if len(s.sent) != 1 || s.sent[0].ID != "m1" {
		t.Errorf("after restart sent %+v, want m1", s.sent)
	}
}

// A sender stops soon after its context ends, though go-redis lets a
// blocking read run its course: a shutdown waits at most readBlock.
func TestOutboxRunStopsSoon(t *testing.T) {
	ob := NewOutbox(testRedis(t), WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan time.Time)
	go func() {
		ob.Run(ctx, Widget, "test", &flaky{})
		done <- time.Now()
	}()
	time.Sleep(100 * time.Millisecond) // Run is blocked on the empty stream by now
	stopped := time.Now()
	cancel()
	select {
	case end := <-done:
		if d := end.Sub(stopped); d > readBlock+500*time.Millisecond {
			t.Errorf("Run took %v to stop", d)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop")
	}
}

// TestOutboxAfterRedisLosesItsData: a sender whose Redis restarted empty
// (the stream and its consumer group gone) makes the group again and sends
// what comes next; the backlog tells how long the oldest reply waits.
func TestOutboxAfterRedisLosesItsData(t *testing.T) {
	rdb := testRedis(t)
	ob := NewOutbox(rdb, WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := &flaky{}
	done := make(chan struct{})
	go func() { ob.Run(ctx, Telegram, "restart-test", s); close(done) }()
	to := Address{Channel: Telegram, ID: "777"}
	waitSent := func(n int) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			s.mu.Lock()
			got := len(s.sent)
			s.mu.Unlock()
			if got >= n {
				return
			}
		}
		t.Fatalf("%d messages sent, want %d", len(s.sent), n)
	}
	if err := ob.Enqueue(ctx, Outbound{ID: "before", To: to, Text: "a"}); err != nil {
		t.Fatal(err)
	}
	waitSent(1)
	if err := rdb.Del(ctx, streamKey(Telegram)).Err(); err != nil { // what a restart without data does to it
		t.Fatal(err)
	}
	if err := ob.Enqueue(ctx, Outbound{ID: "after", To: to, Text: "b"}); err != nil {
		t.Fatal(err)
	}
	waitSent(2)
	if lag, err := ob.Backlog(ctx, Telegram); err != nil || lag != 0 {
		t.Errorf("backlog with nothing waiting: %v, %v", lag, err)
	}
	cancel()
	<-done
	// With no sender running, a reply waits, and the backlog says so.
	if err := ob.Enqueue(context.Background(), Outbound{ID: "waiting", To: to, Text: "c"}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(30 * time.Millisecond)
	if lag, err := ob.Backlog(context.Background(), Telegram); err != nil || lag < 20*time.Millisecond || lag > time.Minute {
		t.Errorf("backlog of a waiting reply: %v, %v", lag, err)
	}
}
