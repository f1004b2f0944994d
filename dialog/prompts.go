package dialog

import (
	"strconv"
	"strings"
	"time"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/report"
)

// say adds a plain reply.
func (t *turn) say(id string, data map[string]any) {
	t.out = append(t.out, channels.Outbound{Text: t.p.T(id, data)})
}

// ask adds a question whose options are the messages choiceIDs, listed
// numbered in the text (for SMS) and given as buttons where there are any.
func (t *turn) ask(id string, choiceIDs ...string) {
	labels := make([]string, len(choiceIDs))
	for i, c := range choiceIDs {
		labels[i] = t.p.T(c, nil)
	}
	t.askLabels(t.p.T(id, nil), labels)
}

func (t *turn) askLabels(text string, labels []string) {
	var b strings.Builder
	b.WriteString(text)
	for i, l := range labels {
		b.WriteString("\n" + strconv.Itoa(i+1) + ". " + l)
	}
	t.out = append(t.out, channels.Outbound{Text: b.String(), Choices: labels})
}

// prompt asks the question of the current step; the summary names the
// agency routing chose (turn.route).
func (t *turn) prompt() {
	switch t.st.Step {
	case StepType:
		t.ask("bot_ask_type", typeChoices...)
	case StepWhat:
		t.say("bot_ask_what", nil)
	case StepWhere:
		t.say("bot_ask_where", nil)
		t.out[len(t.out)-1].LocationButton = t.p.T("button_send_location", nil)
	case StepWherePick:
		t.askLabels(t.p.T("bot_ask_where_pick", nil), t.candidateNames())
	case StepWhen:
		t.say("bot_ask_when", nil)
	case StepEvidence:
		t.say("bot_ask_evidence", nil)
	case StepName:
		t.say("bot_ask_name", nil)
	case StepPrivacy:
		t.ask("bot_ask_privacy", privacyChoices...)
	case StepConfirm:
		t.say("bot_summary", t.summary())
		t.ask("bot_ask_confirm", "choice_send", "choice_cancel")
	case StepResume:
		t.ask("bot_ask_resume_pick", "choice_resume_continue", "choice_resume_new")
	case StepQueued:
		t.say("bot_queued_wait", nil)
	}
}

// summary is the data of the summary message, shortened to fit 2 SMS
// segments with the longest agency and region names.
func (t *turn) summary() map[string]any {
	d := t.st.Draft
	unknown := t.p.T("summary_unknown", nil)
	where := d.Place
	if where == "" {
		where = d.LocationText
	}
	if where == "" {
		where = unknown
	}
	when := unknown
	if day, err := time.Parse(time.DateOnly, d.IncidentDate); err == nil {
		when = day.Format("02/01/2006")
		if d.Since {
			when = t.p.T("summary_since", map[string]any{"Date": when})
		}
	}
	name := d.Name
	if name == "" || d.Privacy == report.PrivacyAnonim {
		name = t.p.T("summary_anonymous_name", nil)
	}
	return map[string]any{
		"Type":    t.p.T("choice_type_"+d.Type, nil),
		"What":    channels.ToGSM7(clip(d.Description, 50)),
		"Where":   channels.ToGSM7(clip(where, 40)),
		"When":    when,
		"Files":   len(d.Attachments),
		"Name":    channels.ToGSM7(clip(name, 26)),
		"Privacy": t.p.T("privacy_short_"+d.Privacy, nil),
		"Agency":  clip(agencyName(d.Routing), 55),
	}
}
