package reports

import (
	"context"
	"fmt"
	"strconv"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/storage"
)

// Notifier queues messages to citizens: the channels' outbox.
type Notifier interface {
	Enqueue(ctx context.Context, msgs ...channels.Outbound) error
}

// WithNotifier sets where messages to reporters go; without one, reporters
// are not told of what happens to their reports.
func WithNotifier(n Notifier) Option { return func(s *Service) { s.notifier = n } }

// smsSegments is how many SMS segments one message to a reporter may take;
// a longer one goes as several.
const smsSegments = 2

// notify tells a report's reporter of an event, on the channel they filed
// by, in their language, with the tracking code; reporters of apps are
// told by their app.
func (s *Service) notify(ctx context.Context, r storage.Report, e storage.ReportEvent, msgID string) error {
	if s.notifier == nil || r.ReporterAddress == "" {
		return nil
	}
	switch r.ReporterChannel {
	case report.Telegram, report.WhatsApp, report.SMS, report.Widget:
	default:
		return nil
	}
	p, name := locales.New(r.ReporterLang), s.agencyNames(ctx)
	data := map[string]any{"Code": r.TrackingCode, "Agency": name(r.AgencyID), "Text": e.Note, "Reason": e.Note}
	if e.Until != nil {
		data["Until"] = e.Until.Format("02/01/2006")
	}
	text := p.T(msgID, data)
	for _, f := range e.Files { // an answer's files, behind links only the reporter has
		name := f.FileName
		if name == "" {
			name = f.SHA256[:8]
		}
		text += "\n" + p.T("notify_attachment", map[string]any{"Name": name, "URL": s.answerFileURL(r.TrackingCode, f.SHA256)})
	}
	parts := []string{text}
	if r.ReporterChannel == report.SMS {
		parts = channels.SplitSMS(text, smsSegments)
	}
	to := channels.Address{Channel: r.ReporterChannel, ID: r.ReporterAddress}
	msgs := make([]channels.Outbound, len(parts))
	for i, part := range parts {
		// One id per event and part: each event is told once.
		msgs[i] = channels.Outbound{ID: fmt.Sprintf("report-%s-%d-%s", r.TrackingCode, e.ID, strconv.Itoa(i)),
			To: to, Text: part, Conversation: r.Conversation}
	}
	if err := s.notifier.Enqueue(ctx, msgs...); err != nil {
		return fmt.Errorf("tell the reporter: %w", err)
	}
	return nil
}

// answerFileURL is where a reporter downloads a file an agency attached to
// an answer: the tracking code and the file's SHA-256 open it.
func (s *Service) answerFileURL(code, sha256 string) string {
	return s.publicURL + "/api/v1/reports/" + code + "/files/" + sha256
}

// AnswerFile finds a file an agency attached to an answer to a report, for
// its reporter; the reporter's own evidence is not served so.
func (s *Service) AnswerFile(ctx context.Context, code, sha256 string) (storage.Attachment, error) {
	r, err := s.Report(ctx, code)
	if err != nil {
		return storage.Attachment{}, err
	}
	files, err := s.store.ReportAttachments(ctx, r.ID)
	if err != nil {
		return storage.Attachment{}, err
	}
	for _, f := range files {
		if f.SHA256 == sha256 && f.EventID != nil {
			return f, nil
		}
	}
	return storage.Attachment{}, report.ErrNotFound
}
