package widget

import "github.com/prometheus/client_golang/prometheus"

// metrics are the widget's own numbers, beside the HTTP server's, which
// count all of /widget/v1/ as one route and mix long streams into latency.
type metrics struct {
	sessions    *prometheus.CounterVec // by result: created, resumed
	messages    *prometheus.CounterVec // taken, by kind: text, file, location
	rateLimited *prometheus.CounterVec // by limit
	open        *prometheus.GaugeVec   // open event streams and long polls
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		sessions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lapor_widget_sessions_total", Help: "Web widget sessions, by result (created, resumed).",
		}, []string{"result"}),
		messages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lapor_widget_messages_total", Help: "Citizens' messages taken by the web widget, by kind (text, file, location).",
		}, []string{"kind"}),
		rateLimited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lapor_widget_rate_limited_total", Help: "Web widget requests refused by a rate limit, by limit.",
		}, []string{"limit"}),
		open: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "lapor_widget_open_readers", Help: "Open web widget event streams and long polls, by kind (events, poll).",
		}, []string{"kind"}),
	}
	reg.MustRegister(m.sessions, m.messages, m.rateLimited, m.open)
	return m
}
