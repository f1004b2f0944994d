package twilio

import (
	"net/http"
	"strings"

	"github.com/sp4n-lapor/lapor/channels"
)

// status handles Twilio's delivery statuses, at StatusPath?id=<our message
// id>: it records the status of the message in the delivery log, and stops
// a number that Twilio says has opted out (21610).
func (c *Channel) status() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		form, ok := c.verified(w, r)
		if !ok {
			return
		}
		id := r.URL.Query().Get("id")
		if id == "" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		ctx := r.Context()
		err := c.cfg.Log.Delivered(ctx, id, form.Get("MessageStatus"), form.Get("ErrorCode"))
		if err == nil && form.Get("ErrorCode") == "21610" {
			to := channels.Address{Channel: channels.SMS, ID: form.Get("To")}
			if wa, ok := strings.CutPrefix(form.Get("To"), "whatsapp:"); ok {
				to = channels.Address{Channel: channels.WhatsApp, ID: wa}
			}
			err = c.out.Stop(ctx, to)
		}
		if err != nil {
			http.Error(w, "try again", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
}
