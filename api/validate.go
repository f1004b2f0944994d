package api

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sp4n-lapor/lapor/calendar"
	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/locales"
	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/storage"
)

// reportRequest is the body of POST /api/v1/reports.
type reportRequest struct {
	Type         string              `json:"type"`
	Title        string              `json:"title"`
	Description  string              `json:"description"`
	Sector       string              `json:"sector"`
	RegionCode   string              `json:"region_code"`
	Location     *locationRequest    `json:"location"`
	IncidentDate string              `json:"incident_date"`
	Privacy      string              `json:"privacy"`
	Reporter     reporterRequest     `json:"reporter"`
	Source       string              `json:"source"`
	AgencyID     string              `json:"agency_id"`
	Attachments  []attachmentRequest `json:"attachments"`
	// ConversationID links a report filed by a chat to that chat's messages.
	ConversationID string `json:"conversation_id"`
}

// attachmentRequest names a file already stored in the data directory under
// its SHA-256 (see channels.FilePath), as the channel adapters store them.
type attachmentRequest struct {
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
	FileName    string `json:"file_name"`
}

type locationRequest struct {
	Text      string   `json:"text"`
	Latitude  *float64 `json:"latitude"`
	Longitude *float64 `json:"longitude"`
}

type reporterRequest struct {
	Name    string `json:"name"`
	Channel string `json:"channel"`
	Address string `json:"address"`
	Phone   string `json:"phone"`
}

// Limits of report fields, in characters.
const (
	maxTitle       = 200
	minDescription = 10
	maxDescription = 20000
	maxLocation    = 500
	maxName        = 200
	maxURL         = 500
	maxAddress     = 200
	derivedTitle   = 80
	maxAttachments = 10
	maxFileSize    = 20 << 20
)

var (
	reportTypes     = []string{storage.TypeComplaint, storage.TypeAspiration, storage.TypeInformation}
	privacyOptions  = []string{storage.PrivacyNormal, storage.PrivacyAnonymous, storage.PrivacyConfidential}
	channelSources  = []string{"telegram", "whatsapp", "sms", "widget"}
	reporterChannel = append(append([]string{}, channelSources...), "email", "web", "app")
	appName         = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,39}$`)
	agencyID        = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,79}$`)
	conversationID  = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
	sha256Hex       = regexp.MustCompile(`^[0-9a-f]{64}$`)
	phoneNumber     = regexp.MustCompile(`^\+?[0-9]{8,15}$`)
)

// validator collects what is wrong with a request, field by field, in the
// language of the request.
type validator struct {
	p      *locales.Printer
	fields []fieldError
}

func (v *validator) add(field, msgID string, data map[string]any) {
	v.fields = append(v.fields, fieldError{Field: field, Message: v.p.T(msgID, data)})
}

func (v *validator) length(field, value string, min, max int) {
	n := utf8.RuneCountInString(value)
	switch {
	case min > 0 && n == 0:
		v.add(field, "field_required", nil)
	case n < min:
		v.add(field, "field_too_short", map[string]any{"Min": min})
	case n > max:
		v.add(field, "field_too_long", map[string]any{"Max": max})
	}
}

func (v *validator) oneOf(field, value string, allowed []string) {
	for _, a := range allowed {
		if value == a {
			return
		}
	}
	if value == "" {
		v.add(field, "field_required", nil)
		return
	}
	v.add(field, "field_one_of", map[string]any{"Values": strings.Join(allowed, ", ")})
}

// toReport checks a request and turns it into a report. The caller's kind
// decides the source: an app files as "api:<app>", only an admin may name
// another source. today is the filing date, for the incident date's bound.
func (req *reportRequest) toReport(p *locales.Printer, who principal, today time.Time) (*storage.Report, []fieldError) {
	v := &validator{p: p}
	trim(&req.Type, &req.Title, &req.Description, &req.Sector, &req.RegionCode, &req.IncidentDate,
		&req.Privacy, &req.Reporter.Name, &req.Reporter.Channel, &req.Reporter.Address, &req.Reporter.Phone, &req.Source, &req.AgencyID)
	if req.Privacy == "" {
		req.Privacy = storage.PrivacyNormal
	}
	if req.Type != "" { // an empty type is read from the text by routing
		v.oneOf("type", req.Type, reportTypes)
	}
	v.length("title", req.Title, 0, maxTitle)
	v.length("description", req.Description, minDescription, maxDescription)
	if req.Sector != "" {
		if _, ok := routing.SectorByCode(req.Sector); !ok {
			v.add("sector", "field_unknown_sector", nil)
		}
	}
	if req.RegionCode != "" {
		if _, ok := routing.AllRegions().Lookup(req.RegionCode); !ok {
			v.add("region_code", "field_unknown_region", nil)
		}
	}
	v.oneOf("privacy", req.Privacy, privacyOptions)
	v.length("reporter.name", req.Reporter.Name, 0, maxName)
	v.length("reporter.address", req.Reporter.Address, 0, maxAddress)
	if req.Reporter.Phone != "" && !phoneNumber.MatchString(req.Reporter.Phone) {
		v.add("reporter.phone", "field_phone", nil)
	}
	if req.Reporter.Address != "" || req.Reporter.Channel != "" {
		v.oneOf("reporter.channel", req.Reporter.Channel, reporterChannel)
	}

	r := &storage.Report{
		Type: req.Type, Title: req.Title, Description: req.Description, Sector: req.Sector,
		RegionCode: req.RegionCode, Privacy: req.Privacy,
		ReporterName: req.Reporter.Name, ReporterChannel: req.Reporter.Channel, ReporterAddress: req.Reporter.Address,
		ReporterPhone: req.Reporter.Phone,
	}
	if r.Title == "" {
		r.Title = titleFrom(r.Description)
	}
	r.Source = v.source(req.Source, who)
	if loc := req.Location; loc != nil {
		loc.Text = strings.TrimSpace(loc.Text)
		v.length("location.text", loc.Text, 0, maxLocation)
		r.LocationText = loc.Text
		r.Latitude, r.Longitude = v.point(loc.Latitude, loc.Longitude)
	}
	if req.IncidentDate != "" {
		d, err := time.ParseInLocation(time.DateOnly, req.IncidentDate, calendar.WIB)
		switch {
		case err != nil:
			v.add("incident_date", "field_bad_date", nil)
		case d.After(today):
			v.add("incident_date", "field_future_date", nil)
		default:
			r.IncidentDate = &d
		}
	}
	r.Attachments = v.attachments(req.Attachments)
	if req.ConversationID != "" && !conversationID.MatchString(req.ConversationID) {
		v.add("conversation_id", "field_conversation_id", nil)
	}
	r.Conversation = req.ConversationID
	return r, v.fields
}

func (v *validator) attachments(files []attachmentRequest) []storage.Attachment {
	if len(files) > maxAttachments {
		v.add("attachments", "field_too_many", map[string]any{"Max": maxAttachments})
		return nil
	}
	var out []storage.Attachment
	for i, f := range files {
		field := "attachments[" + strconv.Itoa(i) + "]"
		if !sha256Hex.MatchString(f.SHA256) {
			v.add(field+".sha256", "field_sha256", nil)
		}
		if f.Size <= 0 || f.Size > maxFileSize {
			v.add(field+".size", "field_file_size", map[string]any{"Max": maxFileSize >> 20})
		}
		v.length(field+".content_type", f.ContentType, 1, 100)
		v.length(field+".file_name", f.FileName, 0, 255)
		out = append(out, storage.Attachment{
			ContentType: f.ContentType, Size: f.Size, SHA256: f.SHA256, FileName: f.FileName,
			StoragePath: channels.FilePath(f.SHA256),
		})
	}
	return out
}

// via is the agency a source names after its channel ("widget:pemda-33.74"),
// or "".
func via(source string) string {
	for _, c := range channelSources {
		if id, ok := strings.CutPrefix(source, c+":"); ok {
			return id
		}
	}
	return ""
}

func (v *validator) source(src string, who principal) string {
	if who.kind() == scopeApp {
		if src != "" && src != "api:"+who.name() {
			v.add("source", "field_source_not_allowed", nil)
		}
		return "api:" + who.name()
	}
	if name, ok := strings.CutPrefix(src, "api:"); ok && appName.MatchString(name) {
		return src
	}
	if slices.Contains(channelSources, src) || agencyID.MatchString(via(src)) {
		return src
	}
	if src == "" {
		return "api:admin"
	}
	v.add("source", "field_bad_source", nil)
	return ""
}

func (v *validator) point(lat, long *float64) (*float64, *float64) {
	if (lat == nil) != (long == nil) {
		v.add("location", "field_lat_long_pair", nil)
		return nil, nil
	}
	if lat == nil {
		return nil, nil
	}
	if *lat < -90 || *lat > 90 {
		v.add("location.latitude", "field_latitude", nil)
	}
	if *long < -180 || *long > 180 {
		v.add("location.longitude", "field_longitude", nil)
	}
	return lat, long
}

// titleFrom makes a title of a description's first words.
func titleFrom(desc string) string {
	words := strings.Fields(desc)
	var b strings.Builder
	for _, w := range words {
		if b.Len() > 0 && utf8.RuneCountInString(b.String())+1+utf8.RuneCountInString(w) > derivedTitle {
			b.WriteString("…")
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return truncateRunes(b.String(), maxTitle)
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

func trim(fields ...*string) {
	for _, f := range fields {
		*f = strings.TrimSpace(*f)
	}
}

// validIdempotencyKey reports whether a key is 1 to 255 visible ASCII characters.
func validIdempotencyKey(k string) bool {
	if len(k) == 0 || len(k) > 255 {
		return false
	}
	for i := range len(k) {
		if k[i] < 0x21 || k[i] > 0x7e {
			return false
		}
	}
	return true
}
