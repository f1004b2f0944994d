package dialog

import (
	"context"
	"errors"

	"github.com/sp4n-lapor/lapor/dialog/understand"
	"github.com/sp4n-lapor/lapor/report"
)

// me is the reporter this conversation speaks with, as reports name them.
func (t *turn) me() report.Contact {
	return report.Contact{Channel: reporterChannel(t.in.From.Channel), Address: t.in.From.ID}
}

// followUp reads a message that comes after the citizen's last report was
// filed: while the agency's answer waits for a reply, the message is the
// reply; once the report is done, a number from 1 to 5 rates it. It says
// whether it took the message.
func (t *turn) followUp(ctx context.Context, text string) (bool, error) {
	if t.st.LastCode == "" || text == "" {
		return false, nil
	}
	f, err := t.e.desk.Followup(ctx, t.st.LastCode, t.me(), t.st.Lang)
	switch {
	case errors.Is(err, report.ErrNotFound):
		return false, nil
	case err != nil:
		return false, err // not taken: the channel delivers it again
	}
	if stars, ok := understand.Stars(text); ok && f.AwaitsRating {
		err := t.e.desk.Rate(ctx, f.TrackingCode, report.Rating{From: t.me(), Stars: stars})
		if rej := (*report.RejectedError)(nil); errors.As(err, &rej) {
			return false, nil // rated meanwhile: the message is something else
		} else if err != nil {
			return false, err
		}
		t.say("bot_rating_thanks", map[string]any{"Code": f.TrackingCode})
		return true, nil
	}
	if !f.AwaitsReply {
		return false, nil
	}
	return true, t.reply(ctx, f.TrackingCode, text)
}

// reply passes the reporter's reply on to the agency of the report.
func (t *turn) reply(ctx context.Context, code, text string) error {
	err := t.e.desk.Reply(ctx, code, report.Reply{From: t.me(), Text: text})
	var rej *report.RejectedError
	switch {
	case errors.Is(err, report.ErrNotFound):
		t.say("bot_status_not_found", map[string]any{"Code": code})
	case errors.As(err, &rej):
		t.say("bot_reply_refused", map[string]any{"Code": code})
	case err != nil:
		return err
	default:
		t.say("bot_reply_taken", map[string]any{"Code": code})
	}
	return nil
}
