package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// messageView is one entry of a report's message log, for admins.
type messageView struct {
	ID         string    `json:"id"`
	Channel    string    `json:"channel"`
	Recipient  string    `json:"recipient"`
	Text       string    `json:"text"`
	ProviderID string    `json:"provider_id,omitempty"`
	Status     string    `json:"status"`
	ErrorCode  string    `json:"error_code,omitempty"`
	SentAt     time.Time `json:"sent_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// reportMessages lists the messages sent in the conversation that filed a
// report, with their delivery status.
func (s *Server) reportMessages(c *gin.Context) {
	ctx := c.Request.Context()
	r, err := s.cfg.Reports.Report(ctx, c.Param("code"))
	if s.notFound(c, err) {
		return
	}
	if err != nil {
		s.internal(c, "look up report", err)
		return
	}
	msgs, err := s.cfg.Store.Messages(ctx, r.Conversation)
	if err != nil {
		s.internal(c, "list messages", err)
		return
	}
	out := make([]messageView, 0, len(msgs))
	for _, m := range msgs {
		out = append(out, messageView{ID: m.OutboundID, Channel: m.Channel, Recipient: m.Recipient, Text: m.Text,
			ProviderID: m.ProviderID, Status: m.Status, ErrorCode: m.ErrorCode, SentAt: m.CreatedAt, UpdatedAt: m.UpdatedAt})
	}
	c.JSON(http.StatusOK, gin.H{"tracking_code": r.TrackingCode, "messages": out})
}
