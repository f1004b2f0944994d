package api

import (
	"errors"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/sp4n-lapor/lapor/storage"
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
	code, err := storage.NormalizeTrackingCode(c.Param("code"))
	var r storage.Report
	if err == nil {
		r, err = s.cfg.Store.ReportByCode(ctx, code)
	}
	if errors.Is(err, storage.ErrNotFound) || errors.Is(err, storage.ErrBadTrackingCode) {
		s.fail(c, http.StatusNotFound, "report_not_found", "error_report_not_found", map[string]any{"Code": c.Param("code")})
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
