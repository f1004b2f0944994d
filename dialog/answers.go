package dialog

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sp4n-lapor/lapor/dialog/understand"
	"github.com/sp4n-lapor/lapor/report"
)

// Each answerX reads the citizen's answer to step X.

func (t *turn) answerType(ctx context.Context, text string) error {
	if i := understand.Choice(text, typeOptions); i >= 0 {
		t.st.Draft.Type = report.Types[i]
		t.advance()
		return nil
	}
	if looksLikeReport(text) && isDescription(text) { // went straight to the story
		if err := t.takeDescription(ctx, text); err != nil {
			return err
		}
		t.advance()
		return nil
	}
	if understand.Skip(text) && t.skip() {
		return nil
	}
	t.miss("bot_retry_choice", typeChoices...)
	return nil
}

func (t *turn) answerWhat(ctx context.Context, text string) error {
	t.takeExtras()
	if isDescription(text) {
		if err := t.takeDescription(ctx, text); err != nil {
			return err
		}
		t.advance()
		return nil
	}
	if text == "" && len(t.in.Attachments) > 0 {
		t.say("bot_evidence_more", map[string]any{"Count": len(t.st.Draft.Attachments)})
		t.reprompt()
		return nil
	}
	if utf8.RuneCountInString(text) > report.MaxDescription {
		t.say("bot_too_long", map[string]any{"Max": report.MaxDescription})
		return nil
	}
	t.miss("bot_retry_what")
	return nil
}

func (t *turn) answerWhere(text string) {
	if t.in.Location != nil {
		t.takeExtras()
		if t.st.Draft.RegionCode != "" {
			t.advance()
			return
		}
		t.say("bot_ask_where_city", nil)
		return
	}
	if understand.Skip(text) && t.skip() {
		return
	}
	if utf8.RuneCountInString(text) > report.MaxLocation {
		t.say("bot_too_long", map[string]any{"Max": report.MaxLocation})
		return
	}
	place := t.e.gaz.Resolve(text)
	switch {
	case place.Found():
		t.setPlace(place)
		if t.st.Draft.LocationText == "" {
			t.st.Draft.LocationText = text
		}
		t.advance()
	case place.Ambiguous():
		t.offer(place.Candidates)
		if t.st.Draft.LocationText == "" {
			t.st.Draft.LocationText = text
		}
		t.goTo(StepWherePick)
	default:
		t.miss("bot_retry_where")
	}
}

func (t *turn) answerWherePick(text string) {
	var options [][]string
	for _, name := range t.candidateNames() {
		options = append(options, []string{strings.ToLower(name)})
	}
	if i := understand.Choice(text, options); i >= 0 {
		t.setRegion(t.st.Candidates[i])
		t.st.Candidates = nil
		t.advance()
		return
	}
	if understand.Skip(text) && t.skip() {
		return
	}
	if place := t.e.gaz.Resolve(text); place.Found() {
		t.setPlace(place)
		t.st.Candidates = nil
		t.advance()
		return
	}
	t.miss("bot_retry_choice", t.candidateNames()...)
}

func (t *turn) answerWhen(text string) {
	if understand.Skip(text) && t.skip() {
		return
	}
	date, ok := understand.ParseDate(text, t.now)
	if !ok {
		t.miss("bot_retry_when")
		return
	}
	d := &t.st.Draft
	d.IncidentDate, d.Since = "", false
	if date.Known {
		d.IncidentDate, d.Since = date.Day.Format(time.DateOnly), date.Ongoing
	}
	t.answered(StepWhen)
	t.advance()
}

func (t *turn) answerEvidence(text string) {
	if len(t.in.Attachments) > 0 || t.in.Location != nil {
		t.takeExtras()
		t.say("bot_evidence_more", map[string]any{"Count": len(t.st.Draft.Attachments)})
		return
	}
	if understand.Skip(text) && t.skip() {
		return
	}
	t.miss("bot_ask_evidence")
}

func (t *turn) answerName(text string) {
	if understand.Skip(text) && t.skip() {
		return
	}
	if n := utf8.RuneCountInString(text); n >= 2 && n <= report.MaxName {
		t.st.Draft.Name = text
		t.answered(StepName)
		t.advance()
		return
	}
	t.miss("bot_ask_name")
}

func (t *turn) answerPrivacy(text string) {
	if i := understand.Choice(text, privacyOptions); i >= 0 {
		t.st.Draft.Privacy = report.Privacies[i]
		t.advance()
		return
	}
	if understand.Skip(text) && t.skip() {
		return
	}
	t.miss("bot_retry_choice", privacyChoices...)
}

func (t *turn) answerConfirm(ctx context.Context, text string) error {
	if step, ok := editRequest(text); ok {
		t.st.Editing = true
		t.goTo(step)
		return nil
	}
	switch understand.Choice(text, confirmOptions) {
	case 0:
		return t.file(ctx)
	case 1:
		t.reset()
		t.say("bot_cancelled", nil)
		return nil
	}
	if yes, ok := understand.YesNo(text); ok && yes {
		return t.file(ctx)
	}
	t.miss("bot_retry_confirm")
	return nil
}
