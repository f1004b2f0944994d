package dialog

import (
	"context"

	"github.com/sp4n-lapor/lapor/report"
)

// Desk is the report service as the conversation uses it: in the same
// process (reports.Service.Conversation) or, for a conversation service
// deployed apart from the backend, through the REST API (api/client).
type Desk interface {
	// Preview routes a finished draft without filing it: the agency the
	// summary names, which File then files to.
	Preview(ctx context.Context, r report.Request, lang string) (report.Routing, error)
	// File files a report once per idempotency key; a *report.RejectedError
	// means trying again as it is will not help.
	File(ctx context.Context, r report.Request, key, lang string) (report.Receipt, error)
	// Track answers a report's public status; report.ErrNotFound for an
	// unknown code.
	Track(ctx context.Context, code, lang string) (report.Public, error)
	// Followup tells the reporter who writes from an address where their
	// report stands; report.ErrNotFound when it is not theirs.
	Followup(ctx context.Context, code string, from report.Contact, lang string) (report.Followup, error)
	// Reply adds the reporter's reply to the agency's answer to the report.
	Reply(ctx context.Context, code string, r report.Reply) error
	// Rate keeps the reporter's rating of a closed report.
	Rate(ctx context.Context, code string, r report.Rating) error
}
