package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/sp4n-lapor/lapor/calendar"
	"github.com/sp4n-lapor/lapor/jobs"
	"github.com/sp4n-lapor/lapor/storage"
)

func runServe(ctx context.Context, args []string, _ io.Reader, _, stderr io.Writer) error {
	cfg, err := parseConfig("serve", args, stderr)
	if err != nil {
		return err
	}
	return serve(ctx, cfg, newLogger(stderr, cfg.LogLevel), nil)
}

// serve runs the service until ctx ends; listening tells the bound address
// (for tests that listen on port 0).
func serve(ctx context.Context, cfg Config, log *slog.Logger, listening func(addr string)) error {
	svc, err := openService(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer svc.close()
	runCtx, stop := context.WithCancel(ctx)
	var background sync.WaitGroup
	defer func() { stop(); background.Wait() }() // before svc.close
	background.Go(func() { svc.engine.RunFilings(runCtx, filingRetryInterval) })
	queue, err := startJobs(runCtx, svc, log)
	if err != nil {
		return err
	}
	defer func() { // after the HTTP server, before the database closes
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		if err := queue.Stop(ctx); err != nil {
			log.Warn("job queue did not stop cleanly", "err", err)
		}
	}()
	if err := startTelegram(runCtx, svc, log, &background); err != nil {
		return err
	}
	if err := startTwilio(runCtx, svc, log, &background); err != nil {
		return err
	}
	closeWidget, err := startWidget(runCtx, svc, log, &background)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	base := baseURL(cfg.PublicURL, ln.Addr())
	state := "Redis at LAPOR_REDIS_URL"
	if svc.embedded {
		state = "in memory (embedded Redis): conversations in progress are lost when the process stops; set LAPOR_REDIS_URL to keep them"
	}
	log.Info("LAPOR! is running",
		"api", base+"/api/v1", "openapi", base+"/api/v1/openapi.json", "widget", base+"/widget.js",
		"database", svc.store.Dialect(), "state", state)
	if listening != nil {
		listening(ln.Addr().String())
	}

	hs := &http.Server{Handler: svc.api.Handler(), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	hs.RegisterOnShutdown(closeWidget)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// filingRetryInterval is how often queued reports are tried again;
// sweepInterval how often the time limits are checked.
const (
	filingRetryInterval = 5 * time.Second
	sweepInterval       = time.Minute
)

// startJobs runs the job queue that every process shares: the sweep of the
// reports' time limits.
func startJobs(ctx context.Context, svc *service, log *slog.Logger) (*jobs.Queue, error) {
	db, err := svc.store.SQL()
	if err != nil {
		return nil, err
	}
	return jobs.Start(ctx, db, svc.store.Dialect(), svc.reports.Sweep, sweepInterval, log)
}

// openStore opens and migrates the database.
func openStore(ctx context.Context, cfg Config, log *slog.Logger) (*storage.Store, error) {
	store, err := storage.Open(cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	if err := store.Migrate(ctx); err != nil {
		store.Close()
		return nil, err
	}
	db, err := store.SQL()
	if err == nil {
		err = jobs.Migrate(ctx, db, store.Dialect())
	}
	if err != nil {
		store.Close()
		return nil, err
	}
	log.Debug("database ready", "database", store.Dialect(), "migrate_ms", time.Since(start).Milliseconds())
	return store, nil
}

func loadCalendar(holidaysFile string) (*calendar.Calendar, error) {
	cal := calendar.Default()
	if holidaysFile == "" {
		return cal, nil
	}
	f, err := os.Open(holidaysFile)
	if err != nil {
		return nil, fmt.Errorf("holidays file: %w", err)
	}
	defer f.Close()
	if err := cal.Load(f); err != nil {
		return nil, fmt.Errorf("holidays file %s: %w", holidaysFile, err)
	}
	return cal, nil
}

func randomToken() string {
	b := make([]byte, 24)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// baseURL is where people reach the service: the public URL when set, else
// the listening address with localhost for an unspecified host.
func baseURL(publicURL string, addr net.Addr) string {
	if publicURL != "" {
		return strings.TrimRight(publicURL, "/")
	}
	host, port, _ := net.SplitHostPort(addr.String())
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}
