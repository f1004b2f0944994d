// Package reports is the report service: every rule about a report's life
// that more than one edge needs. The REST API and the conversation call it
// as plain Go: it validates a report once for every caller, previews and
// files its routing decision, keeps filing idempotent, and says what the
// public may see of a report.
package reports

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sp4n-lapor/lapor/calendar"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/storage"
)

// Store is what the service needs of storage.
type Store interface {
	File(ctx context.Context, f storage.Filing) (storage.Filed, error)
	ReportByCode(ctx context.Context, code string) (storage.Report, error)
	ReportEvents(ctx context.Context, reportID uint64) ([]storage.ReportEvent, error)
	ReportAttachments(ctx context.Context, reportID uint64) ([]storage.Attachment, error)
	Agency(ctx context.Context, id string) (storage.Agency, error)
	Units(ctx context.Context, id string) ([]string, error)
	Tickets(ctx context.Context, q storage.TicketQuery) ([]storage.Report, error)
	TicketCounts(ctx context.Context, q storage.TicketQuery) (map[string]int64, error)
	Messages(ctx context.Context, conversation string) ([]storage.Message, error)
	Record(ctx context.Context, reportID uint64, e *storage.ReportEvent, d storage.Deadlines) (storage.Report, error)
	RecordIf(ctx context.Context, reportID uint64, e *storage.ReportEvent, d storage.Deadlines, cond func(storage.Report) bool) (storage.Report, error)
	DueToClose(ctx context.Context, now time.Time, limit int) ([]storage.Report, error)
	OverdueByAgency(ctx context.Context, now time.Time) (map[string]int64, error)
	Dispositions(ctx context.Context) ([]storage.Report, error)
}

// Callers, as the service knows them: the scope of an API key, or the
// conversation in the same process.
const (
	CallerAdmin        = storage.ScopeAdmin
	CallerConversation = "conversation"
)

// Service files reports and answers for them.
type Service struct {
	store     Store
	router    routing.Router
	cal       *calendar.Calendar
	publicURL string
	log       *slog.Logger
	now       func() time.Time
	filed     *prometheus.CounterVec
	overdue   *prometheus.GaugeVec
	notifier  Notifier
	dataDir   string
}

// Option changes a service's defaults.
type Option func(*Service)

// WithCalendar sets the working days the time limits count (default
// calendar.Default()).
func WithCalendar(c *calendar.Calendar) Option { return func(s *Service) { s.cal = c } }

// WithPublicURL sets the externally visible base URL, for links in receipts.
func WithPublicURL(u string) Option {
	return func(s *Service) { s.publicURL = strings.TrimRight(u, "/") }
}

// WithDataDir sets the directory files are stored in (channels.FilePath),
// where agencies' uploads go.
func WithDataDir(dir string) Option { return func(s *Service) { s.dataDir = dir } }

// WithLogger sets the service's logger.
func WithLogger(l *slog.Logger) Option { return func(s *Service) { s.log = l } }

// WithClock sets the service's clock, for tests.
func WithClock(now func() time.Time) Option { return func(s *Service) { s.now = now } }

// WithRegistry registers the service's metrics (reports filed per channel
// and type, overdue per agency) with reg.
func WithRegistry(reg prometheus.Registerer) Option {
	return func(s *Service) { reg.MustRegister(s.filed, s.overdue) }
}

// New returns a service on store that routes with router.
func New(store Store, router routing.Router, opts ...Option) *Service {
	s := &Service{
		store: store, router: router, cal: calendar.Default(), log: slog.Default(), now: time.Now,
		filed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lapor_reports_filed_total", Help: "Reports filed, by source channel and type.",
		}, []string{"source", "type"}),
		overdue: newOverdueGauge(),
	}
	for _, o := range opts {
		o(s)
	}
	return s
}

// lookUpAgency finds an agency a request names in field; an unknown one is
// a problem of that field, an empty id no agency and no problem.
func (s *Service) lookUpAgency(ctx context.Context, field, id string) (storage.Agency, *report.Problem, error) {
	if id == "" {
		return storage.Agency{}, nil, nil
	}
	a, err := s.store.Agency(ctx, id)
	if errors.Is(err, storage.ErrNotFound) {
		return a, &report.Problem{Field: field, MsgID: "field_unknown_agency"}, nil
	}
	return a, nil, err
}
