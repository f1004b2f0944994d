package twilio

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/sp4n-lapor/lapor/channels"
)

const (
	testSID   = "AC00000000000000000000000000000001"
	testToken = "0123456789abcdef0123456789abcdef"
	publicURL = "https://lapor.example.go.id"
)

// fakeTwilio is Twilio's REST API in-process: it records messages created
// and serves media, and answers with queued failures when a test asks.
type fakeTwilio struct {
	*httptest.Server
	mu       sync.Mutex
	messages []url.Values
	failures []string // JSON error bodies with their status, "status|body"
	media    map[string][]byte
}

func newFakeTwilio(t *testing.T) *fakeTwilio {
	f := &fakeTwilio{media: map[string][]byte{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeTwilio) serve(w http.ResponseWriter, r *http.Request) {
	user, pass, ok := r.BasicAuth()
	if !ok || user != testSID || pass != testToken {
		http.Error(w, `{"code":20003,"message":"Authenticate","status":401}`, http.StatusUnauthorized)
		return
	}
	if b, ok := f.media[r.URL.Path]; ok {
		w.Header().Set("Content-Type", "image/jpeg")
		w.Write(b)
		return
	}
	if r.URL.Path != "/2010-04-01/Accounts/"+testSID+"/Messages.json" {
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

// sentTo returns the messages created for a recipient ("+62…" or "whatsapp:+62…").
func (f *fakeTwilio) sentTo(to string) []url.Values {
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

// sign computes X-Twilio-Signature as Twilio does: HMAC-SHA1 of the URL and
// the sorted parameters, keyed by the auth token.
func sign(token, fullURL string, form url.Values) string {
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

func errorsAs(err error, target **channels.SendError) bool { return errors.As(err, target) }
