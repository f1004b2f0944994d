package dialog

import (
	"context"
	"time"

	"github.com/sp4n-lapor/lapor/dialog/understand"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/routing/geo"
)

// maxCandidates is how many regions a place name's choice offers.
const maxCandidates = 6

// takeExtras keeps what came with any message: a shared location, files
// (as many as a report holds; the citizen is told when more came).
func (t *turn) takeExtras() {
	d := &t.st.Draft
	if loc := t.in.Location; loc != nil {
		d.Latitude, d.Longitude = &loc.Latitude, &loc.Longitude
		if loc.Label != "" {
			d.LocationText = clip(loc.Label, report.MaxLocation)
			if d.RegionCode == "" {
				t.setPlace(t.e.gaz.Find(loc.Label))
			}
		}
	}
	room := report.MaxAttachments - len(d.Attachments)
	if len(t.in.Attachments) > room {
		t.say("bot_evidence_full", map[string]any{"Max": report.MaxAttachments})
	}
	d.Attachments = append(d.Attachments, t.in.Attachments[:min(len(t.in.Attachments), max(room, 0))]...)
}

// takeDescription keeps the story, with the place and time it names, and
// guesses its type when the citizen has not chosen one.
func (t *turn) takeDescription(ctx context.Context, text string) error {
	d := &t.st.Draft
	d.Description, d.Routing = text, nil
	place := geo.Place{}
	if d.RegionCode == "" {
		if place = t.e.gaz.Find(text); !place.Ambiguous() {
			t.setPlace(place)
		}
	}
	// "Bogor" is a kota and a kabupaten: the agency whose widget the
	// citizen writes through may say which, else ask rather than guess.
	settle := place.Ambiguous() && t.in.Via != ""
	if d.Type == "" || settle {
		read, err := t.e.desk.Preview(ctx, t.request(), t.st.Lang)
		if err != nil {
			t.e.log.Warn("reading a description failed", "conv", t.st.ConvID, "err", err)
		}
		if d.Type == "" {
			d.Type = read.Type
			if d.Type == "" {
				d.Type = report.TypePengaduan
			}
		}
		if settle && read.RegionCode != "" && len(read.RegionCandidates) == 0 {
			t.setRegion(read.RegionCode)
		}
	}
	if place.Ambiguous() && d.RegionCode == "" {
		t.offer(place.Candidates)
	}
	if d.IncidentDate == "" && !d.Answered[StepWhen] {
		if date, ok := understand.FindDate(text, t.now); ok && date.Known {
			d.IncidentDate, d.Since = date.Day.Format(time.DateOnly), date.Ongoing
			t.answered(StepWhen)
		}
	}
	return nil
}

// offer keeps the regions a place name fits, to be offered at StepWherePick.
func (t *turn) offer(cands []geo.Region) {
	t.st.Candidates = nil
	for _, c := range cands[:min(len(cands), maxCandidates)] {
		t.st.Candidates = append(t.st.Candidates, c.Code)
	}
}

func (t *turn) candidateNames() []string {
	names := make([]string, 0, len(t.st.Candidates))
	for _, code := range t.st.Candidates {
		if r, ok := t.e.gaz.Regions().Lookup(code); ok {
			names = append(names, r.Name)
		}
	}
	return names
}

// setPlace keeps a place the gazetteer found; it does nothing when none was.
func (t *turn) setPlace(p geo.Place) {
	if p.Found() {
		t.setRegion(p.Code())
	}
}

// setRegion keeps a region code and its name; routing must read the draft
// again.
func (t *turn) setRegion(code string) {
	d := &t.st.Draft
	d.RegionCode, d.Routing = code, nil
	d.Place, _ = t.e.gaz.Regions().Name(code)
}
