package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sp4n-lapor/lapor/channels"
)

// outboxStalled is how long a reply may wait before the service says it is
// not ready: a sender that cannot send, or none running for a channel.
const outboxStalled = 5 * time.Minute

// runSender sends a channel's replies until ctx ends, and watches its
// outbox: the lapor_outbox_oldest_seconds gauge and the readiness check.
func (s *service) runSender(ctx context.Context, wg *sync.WaitGroup, channel string, sender channels.Sender) {
	s.senders = append(s.senders, channel)
	s.metrics.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name:        "lapor_outbox_oldest_seconds",
		Help:        "How long the oldest reply of a channel has waited to be sent; retries parked for later do not count.",
		ConstLabels: prometheus.Labels{"channel": channel},
	}, func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		lag, err := s.outbox.Backlog(ctx, channel)
		if err != nil {
			return -1
		}
		return lag.Seconds()
	}))
	wg.Go(func() { s.outbox.Run(ctx, channel, consumerName(), sender) })
}

// outboxReady fails when a channel's oldest reply has waited too long.
func (s *service) outboxReady(ctx context.Context) error {
	for _, channel := range s.senders {
		lag, err := s.outbox.Backlog(ctx, channel)
		if err != nil {
			return err
		}
		if lag > outboxStalled {
			return fmt.Errorf("%s replies wait %s", channel, lag.Round(time.Second))
		}
	}
	return nil
}
