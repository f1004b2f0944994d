package reports

import (
	"cmp"
	"context"
	"errors"
	"slices"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/storage"
)

// BySystem is the actor of what the service does by itself.
const BySystem = "system"

// closeBatch is how many due reports CloseDue reads at a time.
const closeBatch = 100

// CloseDue closes the answered reports whose reporters did not reply by
// their close deadline (10 working days after the answer), and tells each
// reporter. A report that another process closed, or that its reporter
// answered, meanwhile is left alone, so that several processes may sweep
// at once and each report closes once. It returns how many it closed.
func (s *Service) CloseDue(ctx context.Context) (int, error) {
	now := s.now()
	closed := 0
	for {
		due, err := s.store.DueToClose(ctx, now, closeBatch)
		if err != nil {
			return closed, err
		}
		for _, r := range due {
			e := storage.ReportEvent{Kind: storage.EventStatusChanged, Status: storage.StatusDone, Actor: BySystem, AgencyID: r.AgencyID}
			after, err := s.store.RecordIf(ctx, r.ID, &e, storage.Deadlines{NoClose: true}, func(cur storage.Report) bool {
				return cur.Status == storage.StatusFollowedUp && cur.CloseDueAt != nil && cur.CloseDueAt.Before(now)
			})
			if errors.Is(err, storage.ErrStale) {
				continue
			}
			if err != nil {
				return closed, err
			}
			closed++
			s.log.Info("report closed by its time limit", "report", r.TrackingCode, "agency", r.AgencyID)
			if err := s.notify(ctx, after, e, "notify_auto_closed"); err != nil {
				return closed, err
			}
		}
		if len(due) < closeBatch {
			return closed, nil
		}
	}
}

// Overdue counts, per agency, the reports past the deadline of their
// current step, and sets the lapor_reports_overdue gauge to them.
func (s *Service) Overdue(ctx context.Context) (map[string]int64, error) {
	counts, err := s.store.OverdueByAgency(ctx, s.now())
	if err != nil {
		return nil, err
	}
	s.overdue.Reset()
	for agency, n := range counts {
		s.overdue.WithLabelValues(agency).Set(float64(n))
	}
	return counts, nil
}

// OverdueAgencies lists the agencies that hold reports past their deadline,
// most first.
func (s *Service) OverdueAgencies(ctx context.Context) ([]report.AgencyOverdue, error) {
	counts, err := s.Overdue(ctx)
	if err != nil {
		return nil, err
	}
	name := s.agencyNames(ctx)
	out := make([]report.AgencyOverdue, 0, len(counts))
	for id, n := range counts {
		out = append(out, report.AgencyOverdue{Agency: report.Agency{ID: id, Name: name(id)}, Overdue: n})
	}
	slices.SortFunc(out, func(a, b report.AgencyOverdue) int {
		return cmp.Or(cmp.Compare(b.Overdue, a.Overdue), cmp.Compare(a.Agency.ID, b.Agency.ID))
	})
	return out, nil
}

// Sweep closes what is due and counts what is overdue: the service's
// periodic work.
func (s *Service) Sweep(ctx context.Context) error {
	if _, err := s.CloseDue(ctx); err != nil {
		return err
	}
	_, err := s.Overdue(ctx)
	return err
}

func newOverdueGauge() *prometheus.GaugeVec {
	return prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "lapor_reports_overdue", Help: "Reports past the deadline of their current step, by the agency holding them (agencies with none are left out).",
	}, []string{"agency"})
}
