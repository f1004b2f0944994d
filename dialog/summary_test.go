package dialog

import (
	"context"
	"strings"
	"testing"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/routing/geo"
)

// TestSummaryAgencyIsFiledAgency holds a conversation for each of the dev
// complaints in testdata and checks that the agency the summary names is
// the agency the report is filed to, with the routing the summary came from.
func TestSummaryAgencyIsFiledAgency(t *testing.T) {
	h := newHarness(t)
	regions := geo.AllRegions()
	for _, c := range devComplaints(t) {
		where := "lewati"
		if c.RegionCode != "" {
			where, _ = regions.Name(c.RegionCode)
		}
		citizen := h.citizen(channels.SMS, "dev-"+c.ID)
		summary := converse(t, citizen, "halo", c.Text, where)
		st := h.state(citizen.addr)
		if st.Step != StepConfirm || st.Draft.Routing == nil {
			t.Fatalf("%s: no summary with a routing decision: step %q", c.ID, st.Step)
		}
		shown := st.Draft.Routing
		r := h.filed(t, citizen.say("kirim"))
		agency, err := h.backend.store.Agency(context.Background(), r.AgencyID)
		if err != nil {
			t.Fatalf("%s: filed to %q: %v", c.ID, r.AgencyID, err)
		}
		if want := "Tujuan: " + clip(agency.Name, 55); !strings.Contains(summary, want) {
			t.Errorf("%s: filed to %s (%s), the summary said:\n%s", c.ID, agency.ID, agency.Name, summary)
		}
		if r.AgencyID != shown.Agency.ID || r.Sector != shown.Sector || r.RoutingConfidence != shown.Confidence ||
			r.RoutingFallback != shown.Fallback {
			t.Errorf("%s: filed routing %s %s %v %q, shown %+v", c.ID, r.AgencyID, r.Sector, r.RoutingConfidence, r.RoutingFallback, shown)
		}
	}
}

// converse answers every question as answerFor does until the summary,
// and returns the summary.
func converse(t *testing.T, c *citizen, first, story, where string) string {
	t.Helper()
	replies := texts(c.say(first))
	for range 20 {
		if strings.Contains(replies, "Ringkasan laporan") {
			return replies
		}
		replies = texts(c.say(answerFor(replies, story, where)))
	}
	t.Fatalf("no summary after 20 answers; last:\n%s", replies)
	return ""
}
