package twilio

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/sp4n-lapor/lapor/channels"
)

// deliveryTTL is how long a message's delivery status is kept.
const deliveryTTL = 30 * 24 * time.Hour

func deliveryKey(id string) string { return "lapor:delivery:" + id }

// Delivery is the last status Twilio reported for one of our messages.
type Delivery struct {
	Status    string // queued, sent, delivered, read, failed, undelivered
	SID       string
	ErrorCode string
	At        time.Time
}

// Status is the handler of POST /webhooks/twilio/status?id=<our message id>:
// it keeps the delivery status of the message, and stops a number that
// Twilio says has opted out (21610).
func (c *Channel) Status() http.Handler {
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
		key := deliveryKey(id)
		_, err := c.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
			p.HSet(ctx, key, "status", form.Get("MessageStatus"), "sid", form.Get("MessageSid"),
				"error", form.Get("ErrorCode"), "at", time.Now().UTC().Format(time.RFC3339))
			p.Expire(ctx, key, deliveryTTL)
			return nil
		})
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

// DeliveryStatus returns what Twilio last said of one of our messages.
func (c *Channel) DeliveryStatus(ctx context.Context, id string) (Delivery, bool, error) {
	v, err := c.rdb.HGetAll(ctx, deliveryKey(id)).Result()
	if err != nil || len(v) == 0 {
		return Delivery{}, false, err
	}
	at, _ := time.Parse(time.RFC3339, v["at"])
	return Delivery{Status: v["status"], SID: v["sid"], ErrorCode: v["error"], At: at}, true, nil
}
