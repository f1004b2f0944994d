// Package jobs runs the service's periodic work on River, a job queue whose
// jobs live in the service's own database (PostgreSQL, or SQLite through
// River's riversqlite driver) and which every process shares: one process
// at a time is River's leader and schedules the periodic jobs, and each job
// is worked by one process.
package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
)

// driver is River's driver for the database a dialect names.
func driver(db *sql.DB, dialect string) (riverdriver.Driver[*sql.Tx], error) {
	switch dialect {
	case "postgres":
		return riverdatabasesql.New(db), nil
	case "sqlite":
		return riversqlite.New(db), nil
	}
	return nil, fmt.Errorf("jobs: no River driver for %q", dialect)
}

// migrateLockID names the PostgreSQL advisory lock that serialises River's
// migrations of processes starting together.
const migrateLockID = 0x4c41504f5231 // "LAPOR1"

// migrating serialises the migrations of one process; the advisory lock
// those of processes sharing a PostgreSQL database (a SQLite file has one
// process).
var migrating sync.Mutex

// Migrate brings River's tables in the database up to date, one migration
// at a time.
func Migrate(ctx context.Context, db *sql.DB, dialect string) error {
	migrating.Lock()
	defer migrating.Unlock()
	d, err := driver(db, dialect)
	if err != nil {
		return err
	}
	if dialect == "postgres" {
		conn, err := db.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", migrateLockID); err != nil {
			return fmt.Errorf("migrate the job queue: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrateLockID)
	}
	m, err := rivermigrate.New(d, nil)
	if err != nil {
		return err
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("migrate the job queue: %w", err)
	}
	return nil
}

// sweepArgs is the periodic job of the service's time limits.
type sweepArgs struct{}

// Kind implements river.JobArgs.
func (sweepArgs) Kind() string { return "lapor_sweep" }

type sweepWorker struct {
	river.WorkerDefaults[sweepArgs]
	sweep func(context.Context) error
}

func (w *sweepWorker) Work(ctx context.Context, _ *river.Job[sweepArgs]) error { return w.sweep(ctx) }

// Queue is the running job queue of one process.
type Queue struct {
	client *river.Client[*sql.Tx]
}

// Start runs the job queue until Stop: sweep every interval, on whichever
// process the queue's leader picks, once per interval across processes.
func Start(ctx context.Context, db *sql.DB, dialect string, sweep func(context.Context) error, every time.Duration, log *slog.Logger) (*Queue, error) {
	d, err := driver(db, dialect)
	if err != nil {
		return nil, err
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, &sweepWorker{sweep: sweep})
	client, err := river.NewClient(d, &river.Config{
		Logger:  log,
		Queues:  map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: 2}},
		Workers: workers,
		// database/sql drivers have no LISTEN: jobs are fetched by polling.
		PollOnly:          true,
		FetchPollInterval: time.Second,
		PeriodicJobs: []*river.PeriodicJob{river.NewPeriodicJob(river.PeriodicInterval(every),
			func() (river.JobArgs, *river.InsertOpts) {
				return sweepArgs{}, &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByPeriod: every}}
			}, &river.PeriodicJobOpts{ID: "sweep", RunOnStart: true})},
	})
	if err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	}
	if err := client.Start(ctx); err != nil {
		return nil, fmt.Errorf("jobs: start: %w", err)
	}
	return &Queue{client: client}, nil
}

// Stop waits for the jobs in progress, up to ctx's end.
func (q *Queue) Stop(ctx context.Context) error { return q.client.Stop(ctx) }
