// Package api is the REST backend: filing and tracking reports, the agency
// directory, admin and connectivity endpoints, health and metrics, and the
// OpenAPI document that describes them.
package api

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/sp4n-lapor/lapor/internal/ratelimit"
	"github.com/sp4n-lapor/lapor/reports"
	"github.com/sp4n-lapor/lapor/storage"
)

// Store is what the API needs of storage.
type Store interface {
	Agency(ctx context.Context, id string) (storage.Agency, error)
	AgencyRating(ctx context.Context, id string) (storage.Rating, error)
	Agencies(ctx context.Context, f storage.AgencyFilter) ([]storage.Agency, int64, error)
	UpdateConnectivity(ctx context.Context, id string, u storage.ConnectivityUpdate) (storage.Agency, error)
	UpdateWidget(ctx context.Context, id string, w storage.Widget) (storage.Agency, error)
	CreateBranch(ctx context.Context, bodyID, region, name string) (storage.Agency, error)
	SetServes(ctx context.Context, id string, serves []string, central bool) (storage.Agency, error)
	Connectivity(ctx context.Context) (storage.Connectivity, error)
	CreateAPIKey(ctx context.Context, scope, label string) (string, storage.APIKey, error)
	APIKeyByToken(ctx context.Context, token string) (storage.APIKey, error)
	Messages(ctx context.Context, conversation string) ([]storage.Message, error)
}

// DefaultBodyLimit is the largest request body accepted, in bytes.
const DefaultBodyLimit = 256 << 10

// Config is what the server is built from.
type Config struct {
	Store   Store
	Reports *reports.Service // files reports and answers for them
	// AdminToken is the bootstrap admin bearer token; empty disables it.
	AdminToken string
	// PublicURL is the externally visible base URL, for links in responses.
	PublicURL string
	// DataDir is where attachments are stored, which agencies download.
	DataDir string
	// Lookups limits the public lookups of reports per client address; nil
	// for none.
	Lookups *ratelimit.Limiter
	// TrustProxy reads the client's address from X-Forwarded-For.
	TrustProxy bool
	// Ready names the dependencies /readyz checks, such as the database and Redis.
	Ready     map[string]func(context.Context) error
	Logger    *slog.Logger
	BodyLimit int64 // 0: DefaultBodyLimit
	// Registry collects the metrics served at /metrics; nil makes a new one.
	Registry *prometheus.Registry
}

// Server is the HTTP API.
type Server struct {
	cfg     Config
	engine  *gin.Engine
	metrics *metrics
}

// New builds the server and its routes.
func New(cfg Config) *Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.BodyLimit <= 0 {
		cfg.BodyLimit = DefaultBodyLimit
	}
	if cfg.Registry == nil {
		cfg.Registry = prometheus.NewRegistry()
	}
	gin.SetMode(gin.ReleaseMode)
	s := &Server{cfg: cfg, engine: gin.New(), metrics: newMetrics(cfg.Registry)}
	s.routes()
	return s
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.engine }

// Mount adds a handler outside the API, such as a channel's webhook.
func (s *Server) Mount(method, path string, h http.Handler) {
	s.engine.Handle(method, path, gin.WrapH(h))
}

func (s *Server) routes() {
	e := s.engine
	e.HandleMethodNotAllowed = true
	e.Use(s.recoverer(), s.observe(), s.language(), s.cleanQuery())
	e.NoRoute(func(c *gin.Context) { s.fail(c, http.StatusNotFound, "not_found", "error_not_found", nil) })
	e.NoMethod(func(c *gin.Context) {
		s.fail(c, http.StatusMethodNotAllowed, "method_not_allowed", "error_not_found", nil)
	})

	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	e.GET("/metrics", gin.WrapH(s.metrics.handler(s.cfg.Registry)))

	v1 := e.Group("/api/v1")
	v1.GET("/openapi.json", s.openAPI)
	v1.POST("/reports", s.authorize(scopeAdmin, scopeApp), s.createReport)
	v1.POST("/reports/preview", s.authorize(scopeAdmin, scopeApp), s.previewReport)
	v1.GET("/reports/:code", s.limitLookups(), s.getReport)
	v1.GET("/reports/:code/files/:sha256", s.limitLookups(), s.answerFile)
	v1.POST("/reports/:code/followup", s.authorize(scopeAdmin), s.followup)
	v1.POST("/reports/:code/replies", s.authorize(scopeAdmin), s.reply)
	v1.POST("/reports/:code/ratings", s.authorize(scopeAdmin), s.rate)
	v1.GET("/agencies", s.listAgencies)
	v1.GET("/agencies/:id", s.getAgency)

	agency := v1.Group("/agency", s.authorize(scopeAgency))
	agency.GET("/tickets", s.listTickets)
	agency.GET("/tickets/:code", s.getTicket)
	agency.POST("/tickets/:code/responses", act(s, http.StatusCreated, s.cfg.Reports.Answer))
	agency.POST("/tickets/:code/forward", act(s, http.StatusOK, s.cfg.Reports.Forward))
	agency.POST("/tickets/:code/status", act(s, http.StatusOK, s.cfg.Reports.SetStatus))
	agency.GET("/tickets/:code/attachments/:sha256", s.attachment)
	agency.POST("/tickets/:code/files", s.uploadFile)

	admin := v1.Group("/admin", s.authorize(scopeAdmin))
	admin.GET("/reports", s.listTickets)
	admin.GET("/reports/:code", s.getTicket)
	admin.POST("/reports/:code/forward", act(s, http.StatusOK, s.cfg.Reports.Forward))
	admin.GET("/reports/:code/attachments/:sha256", s.attachment)
	admin.GET("/triage", s.triage)
	admin.GET("/overdue", s.overdue)
	admin.POST("/agencies/:id/keys", s.createAgencyKey)
	admin.POST("/apps/:name/keys", s.createAppKey)
	admin.PATCH("/agencies/:id", s.updateAgency)
	admin.PUT("/agencies/:id/widget", s.updateWidget)
	admin.POST("/agencies/:id/branches", s.createBranch)
	admin.PUT("/agencies/:id/serves", s.setServes)
	admin.GET("/connectivity", s.connectivity)
	admin.GET("/reports/:code/messages", s.reportMessages)
}
