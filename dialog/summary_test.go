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

// converse answers every question with what fits it until the summary,
// and returns the summary.
func converse(t *testing.T, c *citizen, first, story, where string) string {
	t.Helper()
	replies := texts(c.say(first))
	for range 20 {
		var answer string
		switch {
		case strings.Contains(replies, "Ringkasan laporan"):
			return replies
		case strings.Contains(replies, "Apa jenis laporan"):
			answer = "1"
		case strings.Contains(replies, "ceritakan apa yang terjadi"):
			answer = story
		case strings.Contains(replies, "Yang mana?"):
			answer = "1"
		case strings.Contains(replies, "Di mana kejadiannya"), strings.Contains(replies, "belum kami kenali"):
			answer = where
		case strings.Contains(replies, "Kapan kejadiannya"):
			answer = "kemarin"
		case strings.Contains(replies, "foto atau dokumen"):
			answer = "lewati"
		case strings.Contains(replies, "nama Bapak/Ibu"):
			answer = "lewati"
		case strings.Contains(replies, "ditampilkan"):
			answer = "1"
		default:
			t.Fatalf("no answer for:\n%s", replies)
		}
		replies = texts(c.say(answer))
	}
	t.Fatalf("no summary after 20 answers; last:\n%s", replies)
	return ""
}
