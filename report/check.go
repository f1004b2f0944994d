package report

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Problem is what is wrong with one field of a request: the field's JSON
// path and a message id of the locales, with its data.
type Problem struct {
	Field string
	MsgID string
	Data  map[string]any
}

var (
	conversationID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
	sha256Hex      = regexp.MustCompile(`^[0-9a-f]{64}$`)
	phoneNumber    = regexp.MustCompile(`^\+?[0-9]{8,15}$`)
)

// CheckText checks a text's length in characters and that it holds only
// text a database keeps (valid UTF-8, no NUL). A min of 0 allows it empty.
func CheckText(field, value string, min, max int) *Problem {
	n := utf8.RuneCountInString(value)
	switch {
	case !utf8.ValidString(value) || strings.ContainsRune(value, 0):
		return &Problem{Field: field, MsgID: "field_bad_characters"}
	case min > 0 && n == 0:
		return &Problem{Field: field, MsgID: "field_required"}
	case n < min:
		return &Problem{Field: field, MsgID: "field_too_short", Data: map[string]any{"Min": min}}
	case n > max:
		return &Problem{Field: field, MsgID: "field_too_long", Data: map[string]any{"Max": max}}
	}
	return nil
}

// Normalize trims the request's texts and fills its defaults.
func (r *Request) Normalize() {
	for _, f := range []*string{&r.Type, &r.Title, &r.Description, &r.Sector, &r.RegionCode, &r.IncidentDate,
		&r.Privacy, &r.Reporter.Name, &r.Reporter.Channel, &r.Reporter.Address, &r.Reporter.Phone, &r.Source, &r.AgencyID} {
		*f = strings.TrimSpace(*f)
	}
	if r.Location != nil {
		r.Location.Text = strings.TrimSpace(r.Location.Text)
	}
	if r.Privacy == "" {
		r.Privacy = PrivacyBiasa
	}
}

// Check returns every problem of a normalized request that needs nothing
// but the request to see, in field order; today bounds the incident date.
// What needs the directory (the agency, sector, region and source) the
// report service checks.
func (r *Request) Check(today time.Time) []Problem {
	var c checker
	if r.Type != "" { // an empty type is read from the text
		c.oneOf("type", r.Type, Types)
	}
	c.text("title", r.Title, 0, MaxTitle)
	c.text("description", r.Description, MinDescription, MaxDescription)
	c.text("source", r.Source, 0, 80)
	c.text("sector", r.Sector, 0, 40)
	c.text("region_code", r.RegionCode, 0, 16)
	c.text("agency_id", r.AgencyID, 0, 80)
	c.oneOf("privacy", r.Privacy, Privacies)
	c.text("reporter.name", r.Reporter.Name, 0, MaxName)
	c.text("reporter.address", r.Reporter.Address, 0, MaxAddress)
	if r.Reporter.Phone != "" && !phoneNumber.MatchString(r.Reporter.Phone) {
		c.add("reporter.phone", "field_phone", nil)
	}
	if r.Reporter.Address != "" || r.Reporter.Channel != "" {
		c.oneOf("reporter.channel", r.Reporter.Channel, ReporterChannels)
	}
	if loc := r.Location; loc != nil {
		c.text("location.text", loc.Text, 0, MaxLocation)
		c.point(loc.Latitude, loc.Longitude)
	}
	if r.IncidentDate != "" {
		d, err := time.ParseInLocation(time.DateOnly, r.IncidentDate, today.Location())
		switch {
		case err != nil:
			c.add("incident_date", "field_bad_date", nil)
		case d.After(today):
			c.add("incident_date", "field_future_date", nil)
		case d.Year() < minIncidentYear:
			c.add("incident_date", "field_date_too_early", map[string]any{"Year": minIncidentYear})
		}
	}
	c.attachments(r.Attachments)
	if r.ConversationID != "" && !conversationID.MatchString(r.ConversationID) {
		c.add("conversation_id", "field_conversation_id", nil)
	}
	return c.problems
}

// minIncidentYear is the earliest year an incident may be dated: the
// republic's first.
const minIncidentYear = 1945

type checker struct{ problems []Problem }

func (c *checker) add(field, msgID string, data map[string]any) {
	c.problems = append(c.problems, Problem{Field: field, MsgID: msgID, Data: data})
}

func (c *checker) text(field, value string, min, max int) {
	if p := CheckText(field, value, min, max); p != nil {
		c.problems = append(c.problems, *p)
	}
}

func (c *checker) oneOf(field, value string, allowed []string) {
	if p := CheckOneOf(field, value, allowed); p != nil {
		c.problems = append(c.problems, *p)
	}
}

// CheckOneOf checks that a value is one of those allowed.
func CheckOneOf(field, value string, allowed []string) *Problem {
	switch {
	case slices.Contains(allowed, value):
		return nil
	case value == "":
		return &Problem{Field: field, MsgID: "field_required"}
	}
	return &Problem{Field: field, MsgID: "field_one_of", Data: map[string]any{"Values": strings.Join(allowed, ", ")}}
}

func (c *checker) point(lat, long *float64) {
	if (lat == nil) != (long == nil) {
		c.add("location", "field_lat_long_pair", nil)
		return
	}
	if lat == nil {
		return
	}
	if *lat < -90 || *lat > 90 {
		c.add("location.latitude", "field_latitude", nil)
	}
	if *long < -180 || *long > 180 {
		c.add("location.longitude", "field_longitude", nil)
	}
}

// CheckFiles checks files named by their SHA-256, at most MaxAttachments.
func CheckFiles(files []File) []Problem {
	var c checker
	c.attachments(files)
	return c.problems
}

func (c *checker) attachments(files []File) {
	if len(files) > MaxAttachments {
		c.add("attachments", "field_too_many", map[string]any{"Max": MaxAttachments})
		return
	}
	for i, f := range files {
		field := "attachments[" + strconv.Itoa(i) + "]"
		if !sha256Hex.MatchString(f.SHA256) {
			c.add(field+".sha256", "field_sha256", nil)
		}
		if f.Size <= 0 || f.Size > MaxFileSize {
			c.add(field+".size", "field_file_size", map[string]any{"Max": MaxFileSize >> 20})
		}
		c.text(field+".content_type", f.ContentType, 1, MaxContentType)
		c.text(field+".file_name", f.FileName, 0, MaxFileName)
	}
}
