package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/dialog"
	"github.com/sp4n-lapor/lapor/report"
)

// benchScript is one citizen's whole conversation, from a story to "kirim".
var benchScript = []string{
	"halo", "1", "lampu jalan di depan rumah saya mati sudah dua minggu", "kota semarang",
	"2 minggu lalu", "lewati", "Budi Santoso", "2", "kirim",
}

func runBench(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "dialog" {
		return errors.New("usage: lapor bench dialog [--conversations N] [--workers N] [--redis-url URL]")
	}
	fs := flag.NewFlagSet("lapor bench dialog", flag.ContinueOnError)
	fs.SetOutput(stderr)
	convs := fs.Int("conversations", 2000, "conversations to hold, each of "+fmt.Sprint(len(benchScript))+" messages")
	workers := fs.Int("workers", 16, "conversations held at once")
	redisURL := fs.String("redis-url", os.Getenv("LAPOR_REDIS_URL"), "Redis to measure against (LAPOR_REDIS_URL); empty: embedded")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	rdb, closeRedis, embedded, err := openRedis(*redisURL)
	if err != nil {
		return err
	}
	defer closeRedis()
	if embedded {
		fmt.Fprintln(stderr, "lapor bench: no --redis-url or LAPOR_REDIS_URL: measuring the embedded Redis, not a real one")
	}
	r, err := benchDialog(ctx, rdb, *convs, *workers)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "dialog: %d messages in %d conversations, %d at once, Redis %s\n", r.messages, *convs, *workers, redisName(embedded))
	fmt.Fprintf(stdout, "  throughput      %.0f messages/s\n", float64(r.messages)/r.elapsed.Seconds())
	fmt.Fprintf(stdout, "  latency         p50 %v, p99 %v\n", r.p50.Round(time.Microsecond), r.p99.Round(time.Microsecond))
	fmt.Fprintf(stdout, "  round trips     %.2f per message\n", float64(r.roundTrips)/float64(r.messages))
	fmt.Fprintf(stdout, "  state           %d bytes per conversation (JSON, at the summary)\n", r.stateBytes)
	return nil
}

func redisName(embedded bool) string {
	if embedded {
		return "embedded (miniredis)"
	}
	return "server"
}

type benchResult struct {
	messages   int
	elapsed    time.Duration
	p50, p99   time.Duration
	roundTrips int64
	stateBytes int
}

// benchDesk answers at once, so that the bench measures the conversation
// and Redis, not the routing and the database behind the report service.
type benchDesk struct{ n atomic.Int64 }

func (f *benchDesk) Preview(context.Context, report.Request, string) (report.Routing, error) {
	return report.Routing{Agency: report.Agency{ID: "pemda-33.74", Name: "Pemerintah Kota Semarang"}, Confidence: 1}, nil
}

func (f *benchDesk) File(context.Context, report.Request, string, string) (report.Receipt, error) {
	return report.Receipt{TrackingCode: fmt.Sprintf("LPR-BNCH-%04d", f.n.Add(1)%10000)}, nil
}

func (f *benchDesk) Track(context.Context, string, string) (report.Public, error) {
	return report.Public{}, report.ErrNotFound
}

func (f *benchDesk) Followup(context.Context, string, report.Contact, string) (report.Followup, error) {
	return report.Followup{}, report.ErrNotFound
}

func (f *benchDesk) Reply(context.Context, string, report.Reply) error { return nil }

func (f *benchDesk) Rate(context.Context, string, report.Rating) error { return nil }

// roundTrips counts the commands and pipelines sent to Redis, but for the
// handshake of each new pooled connection (HELLO, CLIENT SETINFO, AUTH,
// SELECT), which is not the work of a message.
type roundTrips struct{ n atomic.Int64 }

func handshake(cmd redis.Cmder) bool {
	switch cmd.Name() {
	case "hello", "client", "auth", "select":
		return true
	}
	return false
}

func (h *roundTrips) DialHook(next redis.DialHook) redis.DialHook { return next }
func (h *roundTrips) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		if !handshake(cmd) {
			h.n.Add(1)
		}
		return next(ctx, cmd)
	}
}
func (h *roundTrips) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		if len(cmds) > 0 && !handshake(cmds[0]) {
			h.n.Add(1)
		}
		return next(ctx, cmds)
	}
}

func benchDialog(ctx context.Context, rdb redis.UniversalClient, convs, workers int) (benchResult, error) {
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	engine := dialog.New(rdb, channels.NewOutbox(rdb), &benchDesk{}, dialog.WithLogger(quiet))
	run := fmt.Sprint(time.Now().UnixNano())
	addr := func(i int) channels.Address { return channels.Address{Channel: "bench", ID: run + "-" + fmt.Sprint(i)} }
	defer benchCleanup(context.WithoutCancel(ctx), rdb, convs, addr)

	// One conversation up to the summary first, to weigh its state.
	if err := engine.Handle(ctx, channels.Inbound{ID: "warm", From: addr(-1), Text: benchScript[0]}); err != nil {
		return benchResult{}, err
	}
	counter := &roundTrips{}
	rdb.AddHook(counter)
	lat := make([][]time.Duration, workers)
	next := atomic.Int64{}
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	start := time.Now()
	for w := range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= convs {
					return
				}
				for j, text := range benchScript {
					t0 := time.Now()
					err := engine.Handle(ctx, channels.Inbound{ID: fmt.Sprint(j), From: addr(i), Text: text})
					lat[w] = append(lat[w], time.Since(t0))
					if err != nil {
						errs <- err
						return
					}
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(errs)
	if err := <-errs; err != nil {
		return benchResult{}, err
	}
	all := slices.Concat(lat...)
	slices.Sort(all)
	r := benchResult{
		messages: len(all), elapsed: elapsed, roundTrips: counter.n.Load(),
		p50: all[len(all)/2], p99: all[len(all)*99/100],
	}
	// The state at the summary: replay a conversation but its last message.
	probe := addr(convs)
	for j, text := range benchScript[:len(benchScript)-1] {
		if err := engine.Handle(ctx, channels.Inbound{ID: fmt.Sprint(j), From: probe, Text: text}); err != nil {
			return r, err
		}
	}
	d, err := rdb.HGet(ctx, "lapor:conv:{"+probe.String()+"}", "d").Result()
	if err != nil {
		return r, err
	}
	r.stateBytes = len(d)
	return r, nil
}

// benchCleanup removes what the bench wrote: conversations and replies.
func benchCleanup(ctx context.Context, rdb redis.UniversalClient, convs int, addr func(int) channels.Address) {
	for i := -1; i <= convs; i++ {
		a := "lapor:conv:{" + addr(i).String() + "}"
		keys := []string{a, a + ":lock"}
		for j := range benchScript {
			keys = append(keys, a+":seen:"+fmt.Sprint(j))
		}
		keys = append(keys, a+":seen:warm")
		rdb.Del(ctx, keys...)
	}
	rdb.Del(ctx, "lapor:{outbox:bench}:stream", "lapor:{outbox:bench}:delayed")
}
