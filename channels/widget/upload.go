package widget

import (
	"errors"
	"io"
	"mime"
	"net/http"

	"github.com/sp4n-lapor/lapor/channels"
)

// MaxUpload is the largest file a citizen may upload.
const MaxUpload = 10 << 20

// upload takes one file, as multipart/form-data with the fields "id" (the
// message id) and "file", in that order.
func (c *Channel) upload(w http.ResponseWriter, r *http.Request, a Agency) {
	sid, ok := c.sessionOrFail(w, r, a)
	if !ok || !c.allow(w, r, "uploads", sid, c.cfg.Limits.Uploads, hour) {
		return
	}
	if r.ContentLength > MaxUpload+64<<10 {
		c.tooLarge(w, r)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, MaxUpload+64<<10)
	mr, err := r.MultipartReader()
	if err != nil {
		fail(w, r, http.StatusUnsupportedMediaType, "unsupported_media_type", "error_widget_multipart_only", nil)
		return
	}
	var id string
	for {
		part, err := mr.NextPart()
		var tooLarge *http.MaxBytesError
		switch {
		case errors.As(err, &tooLarge):
			c.tooLarge(w, r)
			return
		case err != nil:
			fail(w, r, http.StatusBadRequest, "bad_upload", "error_widget_bad_upload", nil)
			return
		}
		switch part.FormName() {
		case "id":
			b, _ := io.ReadAll(io.LimitReader(part, 65))
			id = string(b)
			continue
		case "file":
		default:
			continue
		}
		if !clientID.MatchString(id) {
			fail(w, r, http.StatusBadRequest, "bad_message_id", "error_widget_bad_message_id", nil)
			return
		}
		att, err := channels.StoreUpload(c.cfg.DataDir, part, MaxUpload, part.FileName())
		if errors.Is(err, channels.ErrFileType) {
			fail(w, r, http.StatusUnsupportedMediaType, "unsupported_file_type", "error_widget_file_type", nil)
			return
		}
		if errors.Is(err, channels.ErrTooLarge) || errors.As(err, &tooLarge) {
			c.tooLarge(w, r)
			return
		}
		if err != nil {
			c.internal(w, r, "store upload", err)
			return
		}
		name := att.FileName
		if name == "" { // shown in the chat: the start of its hash, with its type
			name = att.SHA256[:8] + extension(att.ContentType)
		}
		c.take(w, r, a, id, "file", Entry{From: fromCitizen, File: name}, channels.Inbound{Attachments: []channels.Attachment{att}})
		return
	}
}

func extension(contentType string) string {
	if exts, _ := mime.ExtensionsByType(contentType); len(exts) > 0 {
		return exts[0]
	}
	return ""
}

func (c *Channel) tooLarge(w http.ResponseWriter, r *http.Request) {
	fail(w, r, http.StatusRequestEntityTooLarge, "file_too_large", "error_widget_file_too_large", map[string]any{"MaxMB": MaxUpload >> 20})
}
