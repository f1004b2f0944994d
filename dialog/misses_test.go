package dialog

import (
	"strings"
	"testing"

	"github.com/sp4n-lapor/lapor/channels"
)

// TestUnclearAnswersStopReprompting: three unclear answers get a retry, a
// retry and a way out; more get nothing, until an answer the step takes.
func TestUnclearAnswersStopReprompting(t *testing.T) {
	h := newHarness(t)
	c := h.citizen(channels.SMS, "6281200000088")
	c.say("halo")
	for i, want := range []string{"nomor pilihan", "nomor pilihan", "LEWATI", "", ""} {
		got := texts(c.say("hmm"))
		if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("unclear answer %d: %q, want %q", i+1, got, want)
		}
	}
	if got := texts(c.say("1")); !strings.Contains(got, "ceritakan") {
		t.Errorf("a clear answer after them: %q", got)
	}
}

// TestAFloodIsTakenButNotAnswered: a sender over the limit a minute gets no
// answers, while its messages still step the conversation.
func TestAFloodIsTakenButNotAnswered(t *testing.T) {
	h := newHarness(t)
	c := h.citizen(channels.SMS, "6281200000089")
	answered := 0
	for range DefaultAnswersPerMinute + 10 {
		if len(c.say("bantuan")) > 0 {
			answered++
		}
	}
	if answered != DefaultAnswersPerMinute {
		t.Errorf("%d of %d messages answered, want %d", answered, DefaultAnswersPerMinute+10, DefaultAnswersPerMinute)
	}
}
