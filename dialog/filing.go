package dialog

import (
	"context"
	"errors"
	"strings"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/routing"
)

// route reads the finished draft once: the agency the summary names and the
// report is filed to. It runs again only when the story or the region
// changed since (takeDescription and setRegion forget the decision).
func (t *turn) route(ctx context.Context) error {
	if t.st.Draft.Routing != nil {
		return nil
	}
	d, err := t.e.desk.Preview(ctx, t.request(), t.st.Lang)
	if err != nil {
		return err // not taken: the channel delivers the message again
	}
	t.st.Draft.Routing = &d
	return nil
}

// file sends the confirmed report to the report service; when it cannot be
// reached, the report is queued and retried until filed.
func (t *turn) file(ctx context.Context) error {
	t.fillDefaults()
	r := t.request()
	r.Normalize()
	if problems := r.Check(t.now); len(problems) > 0 {
		// The steps refuse what the filing would; this only catches a draft
		// saved under other rules. Ask again what cannot be filed.
		t.e.log.Warn("confirmed draft fails the filing's checks", "conv", t.st.ConvID, "field", problems[0].Field)
		t.say("bot_unfileable", nil)
		t.st.Editing = true
		t.goTo(stepOf(problems[0].Field))
		return nil
	}
	key := filingKey(t.st.ConvID)
	receipt, err := t.e.desk.File(ctx, r, key, t.st.Lang)
	if err == nil {
		t.filed(receipt.TrackingCode)
		return nil
	}
	if rej := (*report.RejectedError)(nil); errors.As(err, &rej) {
		t.e.log.Error("the report service rejected a confirmed report; queued for an operator to look at", "conv", t.st.ConvID, "err", err)
	} else {
		t.e.log.Warn("report service unreachable; report queued", "conv", t.st.ConvID, "err", err)
	}
	job := filingJob{Key: key, ConvID: t.st.ConvID, To: t.in.From, Lang: t.st.Lang, Report: r}
	if err := t.e.queue.push(ctx, job, t.now); err != nil {
		return err // nothing saved: the channel delivers the message again
	}
	t.st.Step = StepQueued
	t.say("bot_queued", nil)
	return nil
}

// stepOf is the step that asks for a request's field.
func stepOf(field string) Step {
	switch {
	case strings.HasPrefix(field, "location"), field == "region_code":
		return StepWhere
	case strings.HasPrefix(field, "attachments"):
		return StepEvidence
	case strings.HasPrefix(field, "reporter"):
		return StepName
	case field == "incident_date":
		return StepWhen
	case field == "type":
		return StepType
	case field == "privacy":
		return StepPrivacy
	}
	return StepWhat
}

func (t *turn) filed(code string) {
	t.st.Step, t.st.LastCode, t.st.Misses = StepDone, code, 0
	t.say("bot_filed", map[string]any{"Code": code})
}

func (t *turn) status(ctx context.Context, code string) {
	// The reporter's own report: with the agency's latest answer in brief.
	if f, err := t.e.desk.Followup(ctx, code, t.me(), t.st.Lang); err == nil {
		data := map[string]any{"Code": f.TrackingCode, "Status": f.StatusLabel, "Agency": f.Agency.Name}
		if f.LatestAnswer == "" {
			t.say("bot_status", data)
			return
		}
		data["Answer"] = clip(f.LatestAnswer, 100)
		t.say("bot_status_answer", data)
		return
	}
	st, err := t.e.desk.Track(ctx, code, t.st.Lang)
	switch {
	case errors.Is(err, report.ErrNotFound):
		t.say("bot_status_not_found", map[string]any{"Code": code})
	case err != nil:
		t.e.log.Warn("status lookup failed", "err", err)
		t.say("bot_status_unavailable", nil)
	default:
		t.say("bot_status", map[string]any{"Code": st.TrackingCode, "Status": st.StatusLabel, "Agency": st.Agency.Name})
	}
}

// request turns the draft into the report to file, with the routing
// decision the summary showed.
func (t *turn) request() report.Request {
	d := t.st.Draft
	source := t.in.From.Channel
	switch {
	case source == channels.Console:
		source = "api:console"
	case t.in.Via != "":
		source += ":" + t.in.Via
	}
	r := report.Request{
		Type: d.Type, Description: d.Description, RegionCode: d.RegionCode, IncidentDate: d.IncidentDate,
		Privacy: d.Privacy, Source: source, ConversationID: t.st.ConvID, Routing: d.Routing,
		Reporter: report.Contact{Name: d.Name, Channel: reporterChannel(t.in.From.Channel), Address: t.in.From.ID, Phone: d.Phone,
			Language: t.st.Lang},
	}
	if d.LocationText != "" || d.Latitude != nil {
		r.Location = &report.Place{Text: d.LocationText, Latitude: d.Latitude, Longitude: d.Longitude}
	}
	for _, a := range d.Attachments {
		r.Attachments = append(r.Attachments, report.File{ContentType: a.ContentType, Size: a.Size, SHA256: a.SHA256, FileName: a.FileName})
	}
	return r
}

func reporterChannel(ch string) string {
	if ch == channels.Console {
		return "app"
	}
	return ch
}

func filingKey(convID string) string { return "conv-" + convID }

// agencyName is the agency the summary names.
func agencyName(d *report.Routing) string {
	if d == nil || d.Agency.Name == "" {
		return routing.NationalAdminName
	}
	return d.Agency.Name
}
