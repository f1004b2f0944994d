package dialog

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sp4n-lapor/lapor/calendar"
	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/dialog/understand"
	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/report"
)

// turn is one inbound message being handled. Its handlers change the state
// and add replies; the question of the step they leave the conversation at
// is asked last, once, by run.
type turn struct {
	e   *Engine
	st  *State
	in  channels.Inbound
	p   *locales.Printer
	now time.Time
	out []channels.Outbound
	// asking says the current step's question is to be asked at the end.
	asking bool
}

func newTurn(e *Engine, st *State, in channels.Inbound) *turn {
	return &turn{e: e, st: st, in: in, p: locales.New(st.Lang), now: e.now().In(calendar.WIB)}
}

func (t *turn) run(ctx context.Context) error {
	defer func() { t.st.UpdatedAt = t.now }()
	if err := t.handle(ctx, strings.TrimSpace(t.in.Text)); err != nil {
		return err
	}
	if !t.asking {
		return nil
	}
	if t.st.Step == StepConfirm {
		if err := t.route(ctx); err != nil {
			return err
		}
	}
	t.prompt()
	return nil
}

func (t *turn) handle(ctx context.Context, text string) error {
	if !utf8.ValidString(text) || strings.ContainsRune(text, 0) {
		t.say("bot_bad_characters", nil) // a database cannot keep it: take nothing of it
		t.reprompt()
		return nil
	}
	if cmd, arg := understand.ParseCommand(text); cmd != understand.CmdNone {
		return t.command(ctx, cmd, arg)
	}
	if code, reply, ok := understand.ParseReply(text); ok {
		if err := t.reply(ctx, code, reply); err != nil {
			return err
		}
		t.reprompt()
		return nil
	}
	st := t.st
	if st.Step == StepStart || st.Step == StepDone {
		if took, err := t.followUp(ctx, text); took || err != nil {
			return err
		}
	}
	if t.in.Phone != "" {
		st.Draft.Phone = t.in.Phone
		if text == "" && t.in.Location == nil && len(t.in.Attachments) == 0 {
			t.say("bot_phone_saved", nil)
			t.reprompt()
			return nil
		}
	}
	if t.inProgress() && !st.UpdatedAt.IsZero() && t.now.Sub(st.UpdatedAt) > t.e.resumeAfter {
		st.ResumeStep, st.Step, st.Misses = st.Step, StepResume, 0
		t.say("bot_resume", map[string]any{"What": clip(st.Draft.Description, 60)})
		t.asking = true
		return nil
	}
	if yes, ok := understand.YesNo(text); ok && yes && isSend(text) && t.inProgress() && st.Step != StepConfirm && st.Draft.Description != "" {
		t.fillDefaults() // "send what there is"
		t.goTo(StepConfirm)
		return nil
	}
	switch st.Step {
	case StepStart, StepDone:
		return t.start(ctx, text)
	case StepQueued:
		t.say("bot_queued_wait", nil)
	case StepResume:
		t.resume(text)
	case StepType:
		return t.answerType(ctx, text)
	case StepWhat:
		return t.answerWhat(ctx, text)
	case StepWhere:
		t.answerWhere(text)
	case StepWherePick:
		t.answerWherePick(text)
	case StepWhen:
		t.answerWhen(text)
	case StepEvidence:
		t.answerEvidence(text)
	case StepName:
		t.answerName(text)
	case StepPrivacy:
		t.answerPrivacy(text)
	case StepConfirm:
		return t.answerConfirm(ctx, text)
	}
	return nil
}

func (t *turn) inProgress() bool {
	switch t.st.Step {
	case StepStart, StepDone, StepQueued, StepResume:
		return false
	}
	return true
}

func (t *turn) command(ctx context.Context, cmd understand.Command, arg string) error {
	st := t.st
	switch cmd {
	case understand.CmdCancel:
		t.reset()
		t.say("bot_cancelled", nil)
	case understand.CmdHelp:
		t.say("bot_help", nil)
		t.reprompt()
	case understand.CmdRestart:
		t.reset()
		t.say("bot_greeting", nil)
		t.advance()
	case understand.CmdStatus:
		t.status(ctx, arg)
		t.reprompt()
	case understand.CmdEnglish, understand.CmdBahasa:
		st.Lang = "en"
		if cmd == understand.CmdBahasa {
			st.Lang = "id"
		}
		t.p = locales.New(st.Lang)
		t.say("bot_language", nil)
		t.reprompt()
	}
	return nil
}

// reset forgets the draft and begins a new conversation id.
func (t *turn) reset() {
	*t.st = State{ConvID: randomID(), Lang: t.st.Lang, LastCode: t.st.LastCode}
}

func (t *turn) start(ctx context.Context, text string) error {
	if t.st.Step == StepDone {
		t.reset()
	}
	t.say("bot_greeting", nil)
	if looksLikeReport(text) && isDescription(text) {
		if err := t.takeDescription(ctx, text); err != nil {
			return err
		}
	}
	t.takeExtras()
	t.advance()
	return nil
}

func (t *turn) answered(s Step) {
	if t.st.Draft.Answered == nil {
		t.st.Draft.Answered = map[Step]bool{}
	}
	t.st.Draft.Answered[s] = true
}

// next is the first step still unanswered.
func (t *turn) next() Step {
	d := t.st.Draft
	switch {
	case d.Type == "":
		return StepType
	case d.Description == "":
		return StepWhat
	case d.RegionCode == "" && !d.Answered[StepWhere] && len(t.st.Candidates) > 0:
		return StepWherePick
	case d.RegionCode == "" && !d.Answered[StepWhere]:
		return StepWhere
	case d.IncidentDate == "" && !d.Answered[StepWhen]:
		return StepWhen
	case !d.Answered[StepEvidence]:
		return StepEvidence
	case d.Name == "" && !d.Answered[StepName]:
		return StepName
	case d.Privacy == "":
		return StepPrivacy
	}
	return StepConfirm
}

// advance moves to the next unanswered step, or back to the summary after
// a correction.
func (t *turn) advance() {
	next := t.next()
	if t.st.Editing {
		t.st.Editing = false
		if next == StepWhat || next == StepType || next == StepPrivacy {
			t.goTo(next) // a required answer went missing
			return
		}
		next = StepConfirm
	}
	t.goTo(next)
}

// goTo moves to a step, whose question run asks.
func (t *turn) goTo(s Step) {
	t.st.Step, t.st.Misses = s, 0
	t.asking = true
}

// reprompt asks the current question again, after help or a status.
func (t *turn) reprompt() {
	t.asking = t.inProgress() || t.st.Step == StepResume
}

// miss answers an unclear reply: the retry message; at the third, a way
// out; after it, nothing, until an answer the step takes or a command (a
// citizen who pays per SMS is not sent the same prompt again and again).
func (t *turn) miss(retryID string, choices ...string) {
	t.st.Misses++
	switch {
	case t.st.Misses > maxMisses:
	case t.st.Misses == maxMisses && t.st.Step == StepWhat:
		t.say("bot_stuck_what", nil)
	case t.st.Misses == maxMisses:
		t.say("bot_stuck", nil)
	default:
		t.ask(retryID, choices...)
	}
}

// skip handles LEWATI at a step: optional steps are marked answered,
// required ones take their default. It reports whether the step could be
// skipped.
func (t *turn) skip() bool {
	d := &t.st.Draft
	switch t.st.Step {
	case StepWhere, StepWherePick, StepWhen, StepEvidence, StepName:
		step := t.st.Step
		if step == StepWherePick {
			step = StepWhere
			t.st.Candidates = nil
		}
		t.answered(step)
	case StepType:
		d.Type = report.TypePengaduan
	case StepPrivacy:
		d.Privacy = report.PrivacyBiasa
	default:
		return false
	}
	t.advance()
	return true
}

func (t *turn) resume(text string) {
	switch understand.Choice(text, resumeOptions) {
	case 0:
		t.goTo(t.st.ResumeStep)
	case 1:
		t.reset()
		t.say("bot_greeting", nil)
		t.advance()
	default:
		t.miss("bot_retry_choice", "choice_resume_continue", "choice_resume_new")
	}
}

func (t *turn) fillDefaults() {
	d := &t.st.Draft
	if d.Type == "" {
		d.Type = report.TypePengaduan
	}
	if d.Privacy == "" {
		d.Privacy = report.PrivacyBiasa
	}
}
