// Package client calls the report service through the REST API v1, as plain
// Go: the desk of a conversation service that runs apart from the backend
// (LAPOR_BACKEND_URL). It speaks the wire types of package report and maps
// the API's errors back to theirs.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/sp4n-lapor/lapor/internal/jsonbody"
	"github.com/sp4n-lapor/lapor/report"
)

// Client is a REST client of one backend.
type Client struct {
	base  string
	token string
	http  *http.Client
}

// New returns a client of the API at baseURL (such as
// https://lapor.example.go.id) that authenticates with token, an admin
// token: the conversation files for every channel.
func New(baseURL, token string) *Client {
	return &Client{base: strings.TrimRight(baseURL, "/"), token: token, http: &http.Client{Timeout: 15 * time.Second}}
}

// Preview implements dialog.Desk with POST /api/v1/reports/preview.
func (c *Client) Preview(ctx context.Context, r report.Request, lang string) (report.Routing, error) {
	var out report.Routing
	err := c.call(ctx, http.MethodPost, "/api/v1/reports/preview", r, lang, "", http.StatusOK, &out)
	return out, err
}

// File implements dialog.Desk with POST /api/v1/reports.
func (c *Client) File(ctx context.Context, r report.Request, key, lang string) (report.Receipt, error) {
	var out report.Receipt
	err := c.call(ctx, http.MethodPost, "/api/v1/reports", r, lang, key, http.StatusCreated, &out)
	return out, err
}

// Track implements dialog.Desk with GET /api/v1/reports/{code}.
func (c *Client) Track(ctx context.Context, code, lang string) (report.Public, error) {
	var out report.Public
	err := c.call(ctx, http.MethodGet, "/api/v1/reports/"+url.PathEscape(code), nil, lang, "", http.StatusOK, &out)
	return out, err
}

func (c *Client) call(ctx context.Context, method, path string, body any, lang, key string, want int, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept-Language", lang)
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	switch {
	case res.StatusCode == want && out == nil:
		return nil
	case res.StatusCode == want:
		return json.Unmarshal(b, out)
	case res.StatusCode == http.StatusNotFound:
		return report.ErrNotFound
	case res.StatusCode >= 400 && res.StatusCode < 500 && res.StatusCode != http.StatusTooManyRequests:
		// Refused as it is: a bad request, or a key that may not file.
		var e jsonbody.Envelope
		_ = json.Unmarshal(b, &e)
		rej := &report.RejectedError{Code: e.Error.Code}
		for _, f := range e.Error.Fields {
			rej.Problems = append(rej.Problems, report.Problem{Field: f.Field})
		}
		return rej
	default:
		return fmt.Errorf("%s %s: the backend answered %d", method, path, res.StatusCode)
	}
}

// Followup implements dialog.Desk with POST /api/v1/reports/{code}/followup.
func (c *Client) Followup(ctx context.Context, code string, from report.Contact, lang string) (report.Followup, error) {
	var out report.Followup
	err := c.call(ctx, http.MethodPost, "/api/v1/reports/"+url.PathEscape(code)+"/followup", from, lang, "", http.StatusOK, &out)
	return out, err
}

// Reply implements dialog.Desk with POST /api/v1/reports/{code}/replies.
func (c *Client) Reply(ctx context.Context, code string, r report.Reply) error {
	return c.call(ctx, http.MethodPost, "/api/v1/reports/"+url.PathEscape(code)+"/replies", r, "", "", http.StatusNoContent, nil)
}

// Rate implements dialog.Desk with POST /api/v1/reports/{code}/ratings.
func (c *Client) Rate(ctx context.Context, code string, r report.Rating) error {
	return c.call(ctx, http.MethodPost, "/api/v1/reports/"+url.PathEscape(code)+"/ratings", r, "", "", http.StatusNoContent, nil)
}
