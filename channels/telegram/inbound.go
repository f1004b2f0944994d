package telegram

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strconv"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/locales"
)

// maxUpdateSize bounds a webhook body; updates are a few kilobytes.
const maxUpdateSize = 1 << 20

// WebhookPath is where Telegram posts updates in webhook mode.
const WebhookPath = "/webhooks/telegram"

// Routes are the channel's webhook, for webhook mode.
func (c *Channel) Routes() []channels.Route {
	return []channels.Route{{Method: http.MethodPost, Path: WebhookPath, Handler: c.webhook()}}
}

// webhook takes updates: 401 without the right secret, 200 once the update
// is taken (handled, or known already), 5xx when it was not, so that
// Telegram delivers it again.
func (c *Channel) webhook() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := r.Header.Get("X-Telegram-Bot-Api-Secret-Token")
		if c.cfg.WebhookSecret == "" || subtle.ConstantTimeCompare([]byte(got), []byte(c.cfg.WebhookSecret)) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		var u models.Update
		if err := json.NewDecoder(io.LimitReader(r.Body, maxUpdateSize)).Decode(&u); err != nil {
			http.Error(w, "bad update", http.StatusBadRequest) // not worth a retry
			return
		}
		if err := c.take(r.Context(), &u); err != nil {
			c.log.Error("telegram: update not taken", "update", u.ID, "err", err)
			http.Error(w, "try again", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}

// take turns an update into an inbound message and hands it to the engine.
func (c *Channel) take(ctx context.Context, u *models.Update) error {
	switch {
	case u.CallbackQuery != nil:
		return c.takeCallback(ctx, u)
	case u.Message != nil:
		return c.takeMessage(ctx, u.ID, u.Message)
	}
	return nil // edited messages and the rest do not step a conversation
}

func (c *Channel) takeCallback(ctx context.Context, u *models.Update) error {
	q := u.CallbackQuery
	// Stop the button's spinner; failing that is not worth a retry.
	if _, err := c.bot.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: q.ID}); err != nil {
		c.log.Warn("telegram: answer callback", "err", err)
	}
	return c.handle(ctx, channels.Inbound{
		ID:   updateID(u.ID),
		From: address(q.From.ID), Text: q.Data, Name: q.From.FirstName, ReceivedAt: time.Now(),
	})
}

func (c *Channel) takeMessage(ctx context.Context, id int64, m *models.Message) error {
	if m.Chat.Type != models.ChatTypePrivate {
		return c.refuseGroup(ctx, id, m)
	}
	in := channels.Inbound{
		ID: updateID(id), From: address(m.Chat.ID), Text: m.Text, ReceivedAt: time.Unix(int64(m.Date), 0),
	}
	if in.Text == "" {
		in.Text = m.Caption
	}
	if m.From != nil {
		in.Name = m.From.FirstName
	}
	if ct := m.Contact; ct != nil && m.From != nil && ct.UserID == m.From.ID {
		in.Phone = ct.PhoneNumber // their own number, from the "share my contact" button
	}
	switch {
	case m.Venue != nil:
		in.Location = &channels.Location{Latitude: m.Venue.Location.Latitude, Longitude: m.Venue.Location.Longitude,
			Label: m.Venue.Title + ", " + m.Venue.Address}
	case m.Location != nil:
		in.Location = &channels.Location{Latitude: m.Location.Latitude, Longitude: m.Location.Longitude}
	}
	file, tooLarge, err := c.file(ctx, m)
	if err != nil {
		return err
	}
	if file != nil {
		in.Attachments = []channels.Attachment{*file}
	}
	if tooLarge {
		p := locales.New(language(m))
		if err := c.out.Enqueue(ctx, channels.Outbound{ID: in.ID + "/too-large", To: in.From,
			Text: p.T("bot_file_too_large", map[string]any{"MB": MaxFileSize >> 20})}); err != nil {
			return err
		}
	}
	if in.Text == "" && in.Location == nil && len(in.Attachments) == 0 && in.Phone == "" {
		return nil // a sticker or the like: nothing for the conversation
	}
	return c.handle(ctx, in)
}

func (c *Channel) refuseGroup(ctx context.Context, id int64, m *models.Message) error {
	return c.out.Enqueue(ctx, channels.Outbound{
		ID: updateID(id) + "/group", To: address(m.Chat.ID), Text: locales.New(language(m)).T("bot_group_refusal", nil),
	})
}

// language is the sender's Telegram language, for replies the adapter
// makes itself; the conversation keeps its own.
func language(m *models.Message) string {
	if m.From == nil {
		return ""
	}
	return m.From.LanguageCode
}

// file downloads the photo (largest size), document or voice note of a
// message into the data directory; tooLarge says it was over MaxFileSize.
func (c *Channel) file(ctx context.Context, m *models.Message) (file *channels.Attachment, tooLarge bool, err error) {
	var fileID, name, contentType string
	var size int64
	switch {
	case len(m.Photo) > 0:
		largest := m.Photo[0]
		for _, p := range m.Photo[1:] {
			if p.Width*p.Height > largest.Width*largest.Height {
				largest = p
			}
		}
		fileID, size, contentType = largest.FileID, int64(largest.FileSize), "image/jpeg"
	case m.Document != nil:
		fileID, size, name, contentType = m.Document.FileID, m.Document.FileSize, m.Document.FileName, m.Document.MimeType
	case m.Voice != nil:
		fileID, size, contentType = m.Voice.FileID, m.Voice.FileSize, m.Voice.MimeType
	default:
		return nil, false, nil
	}
	if size > MaxFileSize {
		return nil, true, nil
	}
	f, err := c.bot.GetFile(ctx, &bot.GetFileParams{FileID: fileID})
	if err != nil {
		return nil, false, fmt.Errorf("telegram: get file: %w", err)
	}
	if f.FileSize > MaxFileSize {
		return nil, true, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.bot.FileDownloadLink(f), nil)
	if err != nil {
		return nil, false, err
	}
	res, err := c.cfg.HTTPClient.Do(req)
	if err != nil {
		return nil, false, fmt.Errorf("telegram: download file: %w", err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, false, fmt.Errorf("telegram: download file: %s", res.Status)
	}
	if contentType == "" {
		contentType = mime.TypeByExtension(path.Ext(f.FilePath))
	}
	if contentType == "" {
		contentType = "application/octet-stream"
	}
	a, err := channels.StoreFile(c.cfg.DataDir, res.Body, MaxFileSize, contentType, name)
	if errors.Is(err, channels.ErrTooLarge) {
		return nil, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	return &a, false, nil
}

func updateID(id int64) string { return "u" + strconv.FormatInt(id, 10) }

func address(chatID int64) channels.Address {
	return channels.Address{Channel: channels.Telegram, ID: strconv.FormatInt(chatID, 10)}
}
