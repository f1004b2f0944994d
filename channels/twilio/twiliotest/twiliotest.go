// Package twiliotest is Twilio in-process, for tests: its REST API, which
// records the messages it is asked to send and serves media, and the
// signature Twilio puts on its webhooks.
package twiliotest

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"
)

// The account the API takes.
const (
	SID   = "AC00000000000000000000000000000001"
	Token = "0123456789abcdef0123456789abcdef"
)

// API is Twilio's REST API in-process: it records messages created and
// serves media, and answers with queued failures when a test asks.
type API struct {
	*httptest.Server
	mu       sync.Mutex
	messages []url.Values
	failures []string // JSON error bodies with their status, "status|body"
	// Media are the files it serves, by path.
	Media map[string][]byte
}

// New starts the API for the length of the test.
func New(t testing.TB) *API {
	f := &API{Media: map[string][]byte{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// FailNext makes the next messages fail, each with "status|JSON body".
func (f *API) FailNext(failures ...string) {
	f.mu.Lock()
	f.failures = failures
	f.mu.Unlock()
}

func (f *API) serve(w http.ResponseWriter, r *http.Request) {
	user, pass, ok := r.BasicAuth()
	if !ok || user != SID || pass != Token {
		http.Error(w, `{"code":20003,"message":"Authenticate","status":401}`, http.StatusUnauthorized)
		return
	}
	if b, ok := f.Media[r.URL.Path]; ok {
		w.Header().Set("Content-Type", "image/jpeg")
		w.Write(b)
		return
	}
	if r.URL.Path != "/2010-04-01/Accounts/"+SID+"/Messages.json" {
		http.NotFound(w, r)
		return
	}
	r.ParseForm()
	f.mu.Lock()
	f.messages = append(f.messages, r.PostForm)
	var fail string
	if len(f.failures) > 0 {
		fail, f.failures = f.failures[0], f.failures[1:]
	}
	n := len(f.messages)
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if fail != "" {
		status, body, _ := strings.Cut(fail, "|")
		var code int
		fmt.Sscan(status, &code)
		w.WriteHeader(code)
		w.Write([]byte(body))
		return
	}
	w.WriteHeader(http.StatusCreated)
	fmt.Fprintf(w, `{"sid":"SM%032d","status":"queued","to":%q}`, n, r.PostForm.Get("To"))
}

// SentTo returns the messages created for a recipient ("+62…" or
// "whatsapp:+62…").
func (f *API) SentTo(to string) []url.Values {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []url.Values
	for _, m := range f.messages {
		if m.Get("To") == to {
			out = append(out, m)
		}
	}
	return out
}

// Sign computes X-Twilio-Signature as Twilio does: HMAC-SHA1 of the URL and
// the sorted parameters, keyed by the auth token.
func Sign(token, fullURL string, form url.Values) string {
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(fullURL)
	for _, k := range keys {
		b.WriteString(k + form.Get(k))
	}
	mac := hmac.New(sha1.New, []byte(token))
	mac.Write([]byte(b.String()))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}
