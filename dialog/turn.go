package dialog

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sp4n-lapor/lapor/calendar"
	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/dialog/understand"
	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/routing"
)

// Answers a step accepts: the words of each numbered option.
var (
	typeOptions = [][]string{
		{"pengaduan", "aduan", "keluhan", "lapor", "complaint"},
		{"aspirasi", "saran", "usul", "usulan", "suggestion", "aspiration"},
		{"informasi", "info", "permintaan informasi", "tanya", "information", "question"},
	}
	typeValues     = []string{"pengaduan", "aspirasi", "informasi"}
	privacyOptions = [][]string{
		{"biasa", "normal", "umum", "publik"},
		{"anonim", "anonymous", "tanpa nama"},
		{"rahasia", "confidential", "secret"},
	}
	privacyValues  = []string{"biasa", "anonim", "rahasia"}
	resumeOptions  = [][]string{{"lanjut", "lanjutkan", "continue"}, {"baru", "mulai baru", "new"}}
	confirmOptions = [][]string{{"kirim", "send"}, {"batal", "cancel"}}
	// editWords name the parts of the summary a citizen can change.
	editWords = map[string]Step{
		"jenis": StepType, "type": StepType, "isi": StepWhat, "cerita": StepWhat, "masalah": StepWhat, "what": StepWhat,
		"lokasi": StepWhere, "tempat": StepWhere, "alamat": StepWhere, "location": StepWhere, "where": StepWhere,
		"waktu": StepWhen, "tanggal": StepWhen, "kapan": StepWhen, "when": StepWhen, "date": StepWhen,
		"bukti": StepEvidence, "foto": StepEvidence, "evidence": StepEvidence, "photo": StepEvidence,
		"nama": StepName, "name": StepName, "privasi": StepPrivacy, "privacy": StepPrivacy,
	}
)

const (
	minDescription = 10  // characters, as the API requires
	maxName        = 100 // characters
	maxMisses      = 3   // unclear answers before the bot offers a way out
)

// turn is one inbound message being handled.
type turn struct {
	ctx context.Context
	e   *Engine
	st  *State
	in  channels.Inbound
	p   *locales.Printer
	now time.Time
	out []channels.Outbound
}

func newTurn(ctx context.Context, e *Engine, st *State, in channels.Inbound) *turn {
	return &turn{ctx: ctx, e: e, st: st, in: in, p: locales.New(st.Lang), now: e.now().In(calendar.WIB)}
}

func (t *turn) run() error {
	defer func() { t.st.UpdatedAt = t.now }()
	text := strings.TrimSpace(t.in.Text)
	if cmd, arg := understand.ParseCommand(text); cmd != understand.CmdNone {
		return t.command(cmd, arg)
	}
	st := t.st
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
		t.ask("bot_ask_resume_pick", "choice_resume_continue", "choice_resume_new")
		return nil
	}
	if yes, ok := understand.YesNo(text); ok && yes && isSend(text) && t.inProgress() && st.Step != StepConfirm && st.Draft.Description != "" {
		t.fillDefaults() // "send what there is"
		t.goTo(StepConfirm)
		return nil
	}
	switch st.Step {
	case StepStart, StepDone:
		t.start(text)
	case StepQueued:
		t.say("bot_queued_wait", nil)
	case StepResume:
		t.resume(text)
	case StepType:
		t.answerType(text)
	case StepWhat:
		t.answerWhat(text)
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
		return t.answerConfirm(text)
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

func (t *turn) command(cmd understand.Command, arg string) error {
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
		t.status(arg)
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

func (t *turn) start(text string) {
	if t.st.Step == StepDone {
		t.reset()
	}
	t.say("bot_greeting", nil)
	if looksLikeReport(text) {
		t.takeDescription(text)
		t.st.Draft.Type = t.guessType(text)
	}
	t.takeExtras()
	t.advance()
}

// takeExtras keeps what came with any message: a shared location, files.
func (t *turn) takeExtras() {
	d := &t.st.Draft
	if loc := t.in.Location; loc != nil {
		d.Latitude, d.Longitude = &loc.Latitude, &loc.Longitude
		if loc.Label != "" {
			d.LocationText = loc.Label
			if d.RegionCode == "" {
				t.setPlace(t.e.gaz.Find(loc.Label))
			}
		}
	}
	d.Attachments = append(d.Attachments, t.in.Attachments...)
}

func (t *turn) takeDescription(text string) {
	d := &t.st.Draft
	d.Description = text
	if d.RegionCode == "" {
		// "Bogor" is a kota and a kabupaten: the agency whose widget the
		// citizen writes through may say which, else ask rather than guess.
		switch p := t.e.gaz.Find(text); {
		case !p.Ambiguous():
			t.setPlace(p)
		case !t.settleByVia(text):
			t.offer(p.Candidates)
		}
	}
	if d.IncidentDate == "" && !d.Answered[StepWhen] {
		if date, ok := understand.FindDate(text, t.now); ok && date.Known {
			d.IncidentDate, d.Since = date.Day.Format(time.DateOnly), date.Ongoing
			t.answered(StepWhen)
		}
	}
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
// a correction, and asks it.
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

func (t *turn) goTo(s Step) {
	t.st.Step, t.st.Misses = s, 0
	t.prompt()
}

// miss answers an unclear reply: the retry message, or after three a way out.
func (t *turn) miss(retryID string, choices ...string) {
	t.st.Misses++
	if t.st.Misses >= maxMisses {
		if t.st.Step == StepWhat {
			t.say("bot_stuck_what", nil)
		} else {
			t.say("bot_stuck", nil)
		}
		return
	}
	t.ask(retryID, choices...)
}

// skippable handles LEWATI at a step: optional steps are marked answered,
// required ones take their default once the bot has offered a way out.
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
		d.Type = typeValues[0]
	case StepPrivacy:
		d.Privacy = privacyValues[0]
	default:
		return false
	}
	t.advance()
	return true
}

func (t *turn) answerType(text string) {
	if i := understand.Choice(text, typeOptions); i >= 0 {
		t.st.Draft.Type = typeValues[i]
		t.advance()
		return
	}
	if looksLikeReport(text) { // went straight to the story
		t.takeDescription(text)
		t.st.Draft.Type = t.guessType(text)
		t.advance()
		return
	}
	if understand.Skip(text) && t.skip() {
		return
	}
	t.miss("bot_retry_choice", typeChoices...)
}

func (t *turn) answerWhat(text string) {
	t.takeExtras()
	if utf8.RuneCountInString(text) >= minDescription && len(strings.Fields(text)) >= 2 {
		t.takeDescription(text)
		t.advance()
		return
	}
	if text == "" && len(t.in.Attachments) > 0 {
		t.say("bot_evidence_more", map[string]any{"Count": len(t.st.Draft.Attachments)})
		t.prompt()
		return
	}
	t.miss("bot_retry_what")
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

// settleByVia places the report where routing places a description whose
// place name several regions share, when the agency the citizen writes
// through settles it (a Kabupaten Bogor widget and "Bogor"), and reports
// whether it did.
func (t *turn) settleByVia(text string) bool {
	if t.in.Via == "" || t.e.router == nil {
		return false
	}
	dec, err := t.e.router.Route(t.ctx, routing.Request{Text: text, Via: t.in.Via})
	if err != nil || dec.RegionCode == "" || len(dec.RegionCandidates) > 0 {
		return false
	}
	t.setRegion(dec.RegionCode)
	return true
}

// offer keeps the regions a place name fits, at most six, to be offered
// at StepWherePick.
func (t *turn) offer(cands []routing.Region) {
	t.st.Candidates = nil
	for _, c := range cands[:min(len(cands), 6)] {
		t.st.Candidates = append(t.st.Candidates, c.Code)
	}
}

func (t *turn) answerWherePick(text string) {
	var options [][]string
	for _, code := range t.st.Candidates {
		r, _ := t.e.gaz.Regions().Lookup(code)
		options = append(options, []string{strings.ToLower(r.Name)})
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
	if n := utf8.RuneCountInString(text); n >= 2 && n <= maxName {
		t.st.Draft.Name = text
		t.answered(StepName)
		t.advance()
		return
	}
	t.miss("bot_ask_name")
}

func (t *turn) answerPrivacy(text string) {
	if i := understand.Choice(text, privacyOptions); i >= 0 {
		t.st.Draft.Privacy = privacyValues[i]
		t.advance()
		return
	}
	if understand.Skip(text) && t.skip() {
		return
	}
	t.miss("bot_retry_choice", privacyChoices...)
}

func (t *turn) answerConfirm(text string) error {
	if step, ok := editRequest(text); ok {
		t.st.Editing = true
		t.goTo(step)
		return nil
	}
	switch understand.Choice(text, confirmOptions) {
	case 0:
		return t.file()
	case 1:
		t.reset()
		t.say("bot_cancelled", nil)
		return nil
	}
	if yes, ok := understand.YesNo(text); ok && yes {
		return t.file()
	}
	t.miss("bot_retry_confirm")
	return nil
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
		d.Type = typeValues[0]
	}
	if d.Privacy == "" {
		d.Privacy = privacyValues[0]
	}
}

// file sends the confirmed report to the backend; when it cannot be
// reached, the report is queued and retried until filed.
func (t *turn) file() error {
	t.fillDefaults()
	r := t.report()
	filed, err := t.e.filer.File(t.ctx, r, filingKey(t.st.ConvID))
	if err == nil {
		t.filed(filed.TrackingCode)
		return nil
	}
	var rej *RejectedError
	if errors.As(err, &rej) {
		t.e.log.Error("backend rejected a confirmed report; queued for an operator to look at", "conv", t.st.ConvID, "err", err)
	} else {
		t.e.log.Warn("backend unreachable; report queued", "conv", t.st.ConvID, "err", err)
	}
	job := filingJob{Key: filingKey(t.st.ConvID), ConvID: t.st.ConvID, To: t.in.From, Lang: t.st.Lang, Report: r}
	if err := t.e.queue.push(t.ctx, job, t.now); err != nil {
		return err // nothing saved: the channel delivers the message again
	}
	t.st.Step = StepQueued
	t.say("bot_queued", nil)
	return nil
}

func (t *turn) filed(code string) {
	t.st.Step, t.st.LastCode, t.st.Misses = StepDone, code, 0
	t.say("bot_filed", map[string]any{"Code": code})
}

func (t *turn) status(code string) {
	st, err := t.e.filer.Status(context.WithValue(t.ctx, langKey{}, t.st.Lang), code)
	switch {
	case errors.Is(err, ErrReportNotFound):
		t.say("bot_status_not_found", map[string]any{"Code": code})
	case err != nil:
		t.e.log.Warn("status lookup failed", "err", err)
		t.say("bot_status_unavailable", nil)
	default:
		t.say("bot_status", map[string]any{"Code": st.TrackingCode, "Status": st.StatusLabel, "Agency": st.Agency.Name})
	}
}

// report turns the draft into the REST request.
func (t *turn) report() Report {
	d := t.st.Draft
	source := t.in.From.Channel
	switch {
	case source == channels.Console:
		source = "api:console"
	case t.in.Via != "":
		source += ":" + t.in.Via
	}
	r := Report{
		Type: d.Type, Description: d.Description, RegionCode: d.RegionCode, IncidentDate: d.IncidentDate,
		Privacy: d.Privacy, Source: source, ConversationID: t.st.ConvID,
		Reporter: ReportContact{Name: d.Name, Channel: reporterChannel(t.in.From.Channel), Address: t.in.From.ID, Phone: d.Phone},
	}
	if d.LocationText != "" || d.Latitude != nil {
		r.Location = &ReportPlace{Text: d.LocationText, Latitude: d.Latitude, Longitude: d.Longitude}
	}
	for _, a := range d.Attachments {
		r.Attachments = append(r.Attachments, ReportFile{ContentType: a.ContentType, Size: a.Size, SHA256: a.SHA256, FileName: a.FileName})
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

func isSend(text string) bool {
	w := strings.ToLower(strings.TrimSpace(text))
	return w == "kirim" || w == "send"
}

// editRequest reads "ubah lokasi", "change name", "ganti 3".
func editRequest(text string) (Step, bool) {
	ws := strings.Fields(strings.ToLower(text))
	if len(ws) < 2 || (ws[0] != "ubah" && ws[0] != "ganti" && ws[0] != "change" && ws[0] != "edit" && ws[0] != "koreksi") {
		return "", false
	}
	s, ok := editWords[ws[1]]
	return s, ok
}

// looksLikeReport tells a story ("jalan di depan SDN 3 rusak parah") from a
// greeting ("halo", "selamat pagi").
func looksLikeReport(text string) bool {
	return utf8.RuneCountInString(text) >= 25 && len(strings.Fields(text)) >= 5
}

// guessType reads the kind of report from its words with the routing
// classifier; without a router, a complaint.
func (t *turn) guessType(text string) string {
	if t.e.router != nil {
		if d, err := t.e.router.Route(t.ctx, routing.Request{Text: text}); err == nil && d.Type != "" {
			return d.Type
		}
	}
	return typeValues[0]
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n-3])) + "..."
}
