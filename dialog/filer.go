package dialog

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"time"
)

// Filer files finished reports with the backend and reads their status.
type Filer interface {
	File(ctx context.Context, r Report, idempotencyKey string) (Filed, error)
	Status(ctx context.Context, code string) (ReportStatus, error)
}

// ErrReportNotFound is returned by Status for an unknown code.
var ErrReportNotFound = errors.New("report not found")

// Report is the body of POST /api/v1/reports.
type Report struct {
	Type         string        `json:"type"`
	Description  string        `json:"description"`
	RegionCode   string        `json:"region_code,omitempty"`
	Location     *ReportPlace  `json:"location,omitempty"`
	IncidentDate string        `json:"incident_date,omitempty"`
	Privacy      string        `json:"privacy"`
	Reporter     ReportContact `json:"reporter"`
	Source       string        `json:"source"`
	Attachments  []ReportFile  `json:"attachments,omitempty"`
	// ConversationID links the report to the messages of its conversation.
	ConversationID string `json:"conversation_id,omitempty"`
}

// ReportPlace is the location of a report.
type ReportPlace struct {
	Text      string   `json:"text,omitempty"`
	Latitude  *float64 `json:"latitude,omitempty"`
	Longitude *float64 `json:"longitude,omitempty"`
}

// ReportContact is how to reach the reporter.
type ReportContact struct {
	Name    string `json:"name,omitempty"`
	Channel string `json:"channel"`
	Address string `json:"address"`
	Phone   string `json:"phone,omitempty"`
}

// ReportFile is an attachment already stored in the data directory.
type ReportFile struct {
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
	FileName    string `json:"file_name,omitempty"`
}

// Filed is the backend's answer to a filed report.
type Filed struct {
	TrackingCode string `json:"tracking_code"`
	Agency       struct {
		Name string `json:"name"`
	} `json:"agency"`
}

// ReportStatus is the public status of a report.
type ReportStatus struct {
	TrackingCode string `json:"tracking_code"`
	StatusLabel  string `json:"status_label"`
	Agency       struct {
		Name string `json:"name"`
	} `json:"agency"`
}

// RejectedError is the backend refusing a report (4xx): trying again with
// the same report will not help.
type RejectedError struct {
	Status int
	Body   string
}

func (e *RejectedError) Error() string {
	return fmt.Sprintf("backend rejected the report: %d %s", e.Status, e.Body)
}

// RESTFiler files through the REST API v1, as any regional app would.
type RESTFiler struct {
	BaseURL string // such as http://localhost:8080
	Token   string // an admin token or key: the dialog files on behalf of channels
	Client  *http.Client
}

var _ Filer = (*RESTFiler)(nil)

// File implements Filer.
func (f *RESTFiler) File(ctx context.Context, r Report, key string) (Filed, error) {
	body, err := json.Marshal(r)
	if err != nil {
		return Filed{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.BaseURL+"/api/v1/reports", bytes.NewReader(body))
	if err != nil {
		return Filed{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+f.Token)
	req.Header.Set("Idempotency-Key", key)
	var out Filed
	if err := f.do(req, http.StatusCreated, &out); err != nil {
		return Filed{}, fmt.Errorf("file report: %w", err)
	}
	return out, nil
}

// Status implements Filer.
func (f *RESTFiler) Status(ctx context.Context, code string) (ReportStatus, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.BaseURL+"/api/v1/reports/"+url.PathEscape(code), nil)
	if err != nil {
		return ReportStatus{}, err
	}
	if lang, ok := ctx.Value(langKey{}).(string); ok {
		req.Header.Set("Accept-Language", lang)
	}
	var out ReportStatus
	err = f.do(req, http.StatusOK, &out)
	var rej *RejectedError
	if errors.As(err, &rej) && rej.Status == http.StatusNotFound {
		return ReportStatus{}, ErrReportNotFound
	}
	return out, err
}

func (f *RESTFiler) do(req *http.Request, want int, out any) error {
	client := f.Client
	if client == nil {
		client = &http.Client{Timeout: 15 * time.Second}
	}
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return err
	}
	switch {
	case res.StatusCode == want:
		return json.Unmarshal(b, out)
	case res.StatusCode >= 400 && res.StatusCode < 500 && res.StatusCode != http.StatusTooManyRequests:
		return &RejectedError{Status: res.StatusCode, Body: strings.TrimSpace(string(b))}
	default:
		return fmt.Errorf("backend answered %d", res.StatusCode)
	}
}

// langKey carries the conversation's language to Status.
type langKey struct{}

// HandlerTransport sends requests straight to an http.Handler, so the dialog
// files through the REST API of the same process without a network hop.
type HandlerTransport struct{ Handler http.Handler }

// RoundTrip implements http.RoundTripper.
func (t HandlerTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	t.Handler.ServeHTTP(rec, req)
	return rec.Result(), nil
}
