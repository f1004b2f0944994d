package dialog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/report"
)

// filingJob is a confirmed report the backend has not taken yet.
type filingJob struct {
	Key      string           `json:"key"` // the Idempotency-Key: one report however often it is tried
	ConvID   string           `json:"conv"`
	To       channels.Address `json:"to"`
	Lang     string           `json:"lang"`
	Report   report.Request   `json:"report"`
	Attempts int              `json:"attempts"`
}

// filingQueue keeps jobs in Redis without expiry, in a hash by key and a
// sorted set by when each is due; both share the hash tag {filing}.
type filingQueue struct {
	rdb redis.UniversalClient
}

const (
	filingJobsKey = "lapor:{filing}:jobs"
	filingDueKey  = "lapor:{filing}:due"
	maxFilingWait = time.Hour
)

func filingBackoff(attempts int) time.Duration {
	return min(maxFilingWait, 5*time.Second<<min(attempts, 12))
}

func (q filingQueue) push(ctx context.Context, job filingJob, now time.Time) error {
	b, err := json.Marshal(job)
	if err != nil {
		return err
	}
	_, err = q.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, filingJobsKey, job.Key, b)
		p.ZAdd(ctx, filingDueKey, redis.Z{Score: float64(now.Add(filingBackoff(job.Attempts)).UnixMilli()), Member: job.Key})
		return nil
	})
	if err != nil {
		return fmt.Errorf("queue filing: %w", err)
	}
	return nil
}

// due returns the jobs whose time has come.
func (q filingQueue) due(ctx context.Context, now time.Time) ([]filingJob, error) {
	keys, err := q.rdb.ZRangeByScore(ctx, filingDueKey, &redis.ZRangeBy{
		Min: "-inf", Max: strconv.FormatInt(now.UnixMilli(), 10), Count: 20,
	}).Result()
	if err != nil || len(keys) == 0 {
		return nil, err
	}
	raw, err := q.rdb.HMGet(ctx, filingJobsKey, keys...).Result()
	if err != nil {
		return nil, err
	}
	var jobs []filingJob
	for i, r := range raw {
		s, _ := r.(string)
		var j filingJob
		if err := json.Unmarshal([]byte(s), &j); err != nil {
			q.rdb.ZRem(ctx, filingDueKey, keys[i]) // no job behind it
			continue
		}
		jobs = append(jobs, j)
	}
	return jobs, nil
}

func (q filingQueue) done(ctx context.Context, key string) error {
	_, err := q.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HDel(ctx, filingJobsKey, key)
		p.ZRem(ctx, filingDueKey, key)
		return nil
	})
	return err
}

// Pending counts the reports waiting for the backend.
func (e *Engine) Pending(ctx context.Context) (int64, error) {
	return e.queue.rdb.HLen(ctx, filingJobsKey).Result()
}

// RunFilings retries queued reports until ctx ends, checking every interval.
func (e *Engine) RunFilings(ctx context.Context, interval time.Duration) {
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		if err := e.RetryFilings(ctx); err != nil && ctx.Err() == nil {
			e.log.Warn("filing queue", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// RetryFilings tries once each queued report that is due; a filed one is
// told to its citizen with its tracking code.
func (e *Engine) RetryFilings(ctx context.Context) error {
	now := e.now()
	jobs, err := e.queue.due(ctx, now)
	if err != nil {
		return err
	}
	for _, job := range jobs {
		receipt, err := e.desk.File(ctx, job.Report, job.Key, job.Lang)
		if err != nil {
			job.Attempts++
			if rej := (*report.RejectedError)(nil); errors.As(err, &rej) {
				e.log.Error("queued report rejected by the backend", "job", job.Key, "attempts", job.Attempts, "err", err)
			}
			if err := e.queue.push(ctx, job, now); err != nil {
				return err
			}
			continue
		}
		if err := e.deliverFiled(ctx, job, receipt.TrackingCode); err != nil {
			return err
		}
		if err := e.queue.done(ctx, job.Key); err != nil {
			return err
		}
		e.log.Info("queued report filed", "job", job.Key, "report", receipt.TrackingCode)
	}
	return nil
}

// deliverFiled tells the citizen the tracking code and, if the conversation
// still waits for this report, marks it filed.
func (e *Engine) deliverFiled(ctx context.Context, job filingJob, code string) error {
	return e.step(ctx, job.To, "filed-"+job.Key, func(st *State, _ int64) ([]channels.Outbound, error) {
		if st.ConvID == job.ConvID && st.Step == StepQueued {
			st.Step, st.LastCode = StepDone, code
		}
		p := locales.New(job.Lang)
		return []channels.Outbound{{Text: p.T("bot_filed", map[string]any{"Code": code})}}, nil
	})
}
