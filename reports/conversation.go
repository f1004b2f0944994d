package reports

import (
	"context"

	"github.com/sp4n-lapor/lapor/report"
)

// Conversation is the service as the conversation in the same process
// calls it: a trusted caller, which files for the channels.
type Conversation struct{ s *Service }

// Conversation returns the service for the in-process conversation.
func (s *Service) Conversation() Conversation { return Conversation{s} }

// Preview implements dialog.Desk.
func (c Conversation) Preview(ctx context.Context, r report.Request, lang string) (report.Routing, error) {
	return c.s.Preview(ctx, r, lang)
}

// File implements dialog.Desk.
func (c Conversation) File(ctx context.Context, r report.Request, key, lang string) (report.Receipt, error) {
	filed, err := c.s.File(ctx, CallerConversation, r, key, lang)
	return filed.Receipt, err
}

// Track implements dialog.Desk.
func (c Conversation) Track(ctx context.Context, code, lang string) (report.Public, error) {
	return c.s.Track(ctx, code, lang)
}

// Followup implements dialog.Desk.
func (c Conversation) Followup(ctx context.Context, code string, from report.Contact, lang string) (report.Followup, error) {
	return c.s.Followup(ctx, code, from, lang)
}

// Reply implements dialog.Desk.
func (c Conversation) Reply(ctx context.Context, code string, r report.Reply) error {
	return c.s.Reply(ctx, code, r)
}

// Rate implements dialog.Desk.
func (c Conversation) Rate(ctx context.Context, code string, r report.Rating) error {
	return c.s.Rate(ctx, code, r)
}
