package widget_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/sp4n-lapor/lapor/channels/widget"
	"github.com/sp4n-lapor/lapor/dialog"
)

// BenchmarkMessageToReply measures a citizen's message through the widget:
// POST …/messages, the conversation engine, the outbox, the session log,
// until a long poll returns the bot's answer. Each parallel client has its
// own session and alternates two commands the bot always answers, without
// filing.
func BenchmarkMessageToReply(b *testing.B) {
	limits := widget.DefaultLimits
	limits.PerIP, limits.Messages, limits.SessionsPerIP = 1<<30, 1<<30, 1<<30
	g := newRig(b, limits, dialog.WithAnswersPerMinute(1<<30))
	var n atomic.Int64
	b.SetParallelism(4)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		c := &rig{t: g.t, srv: g.srv, ip: g.ip}
		c.start("admin-nasional")
		cursor := ""
		for pb.Next() {
			id := fmt.Sprintf("bench-%08d", n.Add(1))
			text := []string{"mulai", "bantuan"}[n.Load()%2]
			req, _ := http.NewRequest("POST", c.srv.URL+"/widget/v1/admin-nasional/messages", strings.NewReader(`{"id":"`+id+`","text":"`+text+`"}`))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+c.auth)
			res, err := http.DefaultClient.Do(req)
			if err != nil || res.StatusCode != http.StatusAccepted {
				b.Errorf("POST: %v %v", err, res) // not Fatal: this is not the benchmark's goroutine
				return
			}
			res.Body.Close()
			for mine, answered := false, false; !answered; {
				req, _ := http.NewRequest("GET", c.srv.URL+"/widget/v1/admin-nasional/messages?wait=5&after="+cursor, nil)
				req.Header.Set("Authorization", "Bearer "+c.auth)
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					b.Error(err)
					return
				}
				var a struct{ Messages []widget.Entry }
				json.NewDecoder(res.Body).Decode(&a)
				res.Body.Close()
				for _, e := range a.Messages {
					cursor = e.ID
					mine = mine || e.ClientID == id
					answered = answered || mine && e.From == "bot"
				}
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msg/s")
}
