package dialog

import (
	"context"
	"strings"
	"testing"

	"github.com/sp4n-lapor/lapor/channels"
)

// FuzzConversation sends any sequence of messages (lines of the input) and
// checks that the engine never fails on them and always leaves a state it
// can go on from.
func FuzzConversation(f *testing.F) {
	for _, seed := range []string{
		"halo\n1\njalan rusak parah sekali\nkota semarang\nkemarin\nlewati\nlewati\n1\nkirim",
		"jalan di depan SDN 3 Tembalang rusak parah sejak bulan lalu\nubah lokasi\nbandung\n2\nkirim\nkirim",
		"english\nhello\nbantuan\nbatal\nmulai\nstatus LPR-0000-0000\n\n\n",
		"1\n2\n3\n4\nubah\nubah nama\nlewati\nkirim\nya\ntidak\n?\n💥\n\x00",
	} {
		f.Add(seed)
	}
	h := newHarness(f)
	n := 0
	f.Fuzz(func(t *testing.T, script string) {
		n++
		c := h.citizen(channels.SMS, "fuzz"+strings.Repeat("z", n%7))
		lines := strings.Split(script, "\n")
		for _, line := range lines[:min(len(lines), 40)] { // a conversation, not a flood
			c.seq++
			in := channels.Inbound{ID: c.addr.ID + "-" + randomID(), From: c.addr, Text: line}
			err := h.engine.Handle(context.Background(), in)
			if err != nil {
				t.Fatalf("Handle(%q): %v", line, err)
			}
			_, st, _, _, err := h.engine.store.load(context.Background(), c.addr, "")
			if err != nil || st == nil || !st.valid() {
				t.Fatalf("after %q the state is %+v (%v)", line, st, err)
			}
			if st.Step == StepWherePick && len(st.Candidates) == 0 {
				t.Fatalf("after %q: choosing among no places", line)
			}
		}
	})
}
