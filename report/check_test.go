package report

import (
	"strings"
	"testing"
	"time"
)

func TestCheck(t *testing.T) {
	today := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	good := Request{Type: TypePengaduan, Description: "Jalan di depan pasar rusak parah", Privacy: PrivacyBiasa,
		Reporter: Contact{Name: "Budi", Channel: SMS, Address: "+6281234567890"}}
	tests := []struct {
		name  string
		edit  func(r *Request)
		field string // the first problem's field; "" for none
	}{
		{"good", func(*Request) {}, ""},
		{"no type: read from the text", func(r *Request) { r.Type = "" }, ""},
		{"unknown type", func(r *Request) { r.Type = "keluhan" }, "type"},
		{"short description", func(r *Request) { r.Description = "rusak" }, "description"},
		{"NUL byte", func(r *Request) { r.Description = "jalan rusak\x00 parah" }, "description"},
		{"broken UTF-8", func(r *Request) { r.Reporter.Name = "Bu\xffdi" }, "reporter.name"},
		{"name too long", func(r *Request) { r.Reporter.Name = strings.Repeat("a", MaxName+1) }, "reporter.name"},
		{"place too long", func(r *Request) { r.Location = &Place{Text: strings.Repeat("a", MaxLocation+1)} }, "location.text"},
		{"future date", func(r *Request) { r.IncidentDate = "2026-12-02" }, "incident_date"},
		{"today", func(r *Request) { r.IncidentDate = "2026-12-01" }, ""},
		{"eleven files", func(r *Request) { r.Attachments = make([]File, MaxAttachments+1) }, "attachments"},
		{"a file without its hash", func(r *Request) { r.Attachments = []File{{ContentType: "image/jpeg", Size: 1}} }, "attachments[0].sha256"},
		{"address without channel", func(r *Request) { r.Reporter.Channel = "" }, "reporter.channel"},
		{"bad phone", func(r *Request) { r.Reporter.Phone = "call me" }, "reporter.phone"},
	}
	for _, tt := range tests {
		r := good
		tt.edit(&r)
		r.Normalize()
		problems := r.Check(today)
		got := ""
		if len(problems) > 0 {
			got = problems[0].Field
		}
		if got != tt.field {
			t.Errorf("%s: problems %v, want the first on %q", tt.name, problems, tt.field)
		}
	}
}
