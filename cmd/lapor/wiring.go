package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"
	"github.com/sp4n-lapor/lapor/api"
	"github.com/sp4n-lapor/lapor/api/client"
	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/channels/msglog"
	"github.com/sp4n-lapor/lapor/dialog"
	"github.com/sp4n-lapor/lapor/internal/ratelimit"
	"github.com/sp4n-lapor/lapor/reports"
	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/storage"
)

// service is everything the commands share: storage, Redis, the API, the
// outbox and the conversation engine, wired as in production.
type service struct {
	cfg      Config
	store    *storage.Store
	rdb      redis.UniversalClient
	embedded bool // Redis runs in-process
	api      *api.Server
	reports  *reports.Service
	metrics  *prometheus.Registry // what /metrics serves
	outbox   *channels.Outbox
	senders  []string // the channels this process sends replies on
	engine   *dialog.Engine
	close    func()
}

func openService(ctx context.Context, cfg Config, log *slog.Logger) (*service, error) {
	if cfg.BackendURL != "" && cfg.BackendToken == "" {
		return nil, fmt.Errorf("LAPOR_BACKEND_URL needs LAPOR_BACKEND_TOKEN, the backend's admin token")
	}
	trust, err := cfg.trustProxy()
	if err != nil {
		return nil, err
	}
	routerOpts, err := cfg.routerOptions()
	if err != nil {
		return nil, err
	}
	store, err := openStore(ctx, cfg, log)
	if err != nil {
		return nil, err
	}
	rdb, closeRedis, embedded, err := openRedis(cfg.RedisURL)
	if err != nil {
		store.Close()
		return nil, err
	}
	s := &service{cfg: cfg, store: store, rdb: rdb, embedded: embedded, close: func() { closeRedis(); store.Close() }}
	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		s.close()
		return nil, fmt.Errorf("data dir: %w", err)
	}
	cal, err := loadCalendar(cfg.HolidaysFile)
	if err != nil {
		s.close()
		return nil, err
	}
	if s.cfg.AdminToken == "" {
		s.cfg.AdminToken = randomToken()
		log.Warn("LAPOR_ADMIN_TOKEN is not set: using a random admin token for this run only", "admin_token", s.cfg.AdminToken)
	}
	start := time.Now()
	model, err := cfg.classifier()
	if err != nil {
		s.close()
		return nil, err
	}
	router := routing.NewRouter(model, store.Directory(), routerOpts...)
	log.Debug("classifier loaded", "ms", time.Since(start).Milliseconds(), "file", cfg.RoutingModel)
	s.metrics = prometheus.NewRegistry()
	s.outbox = channels.NewOutbox(rdb, channels.WithLogger(log), channels.WithOptOuts(msglog.OptOuts{Store: store}))
	svc := reports.New(store, router, reports.WithCalendar(cal), reports.WithPublicURL(cfg.PublicURL),
		reports.WithLogger(log), reports.WithRegistry(s.metrics), reports.WithNotifier(s.outbox), reports.WithDataDir(cfg.DataDir))
	s.reports = svc
	s.api = api.New(api.Config{
		Store: store, Reports: svc, AdminToken: s.cfg.AdminToken, PublicURL: strings.TrimRight(cfg.PublicURL, "/"), DataDir: cfg.DataDir,
		Lookups: ratelimit.New(rdb, "lapor:api:rate:lookup"), TrustProxy: trust,
		Logger: log, Registry: s.metrics,
		Ready: map[string]func(context.Context) error{
			"database": store.Ping,
			"redis":    func(ctx context.Context) error { return rdb.Ping(ctx).Err() },
			"outbox":   s.outboxReady,
		},
	})
	// The conversation files with the report service in this process, or
	// through the REST API of a backend deployed apart.
	var desk dialog.Desk = svc.Conversation()
	if cfg.BackendURL != "" {
		desk = client.New(cfg.BackendURL, cfg.BackendToken)
	}
	s.engine = dialog.New(rdb, s.outbox, desk, dialog.WithLogger(log))
	return s, nil
}

// mount serves a channel adapter's routes beside the API.
func (s *service) mount(routes []channels.Route) {
	for _, r := range routes {
		s.api.Mount(r.Method, r.Path, r.Handler)
	}
}
