package telegram

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

const testToken = "123456:TEST"

// call is one request the fake Bot API received.
type call struct {
	Method string
	Params map[string]string
	At     time.Time
}

// fakeAPI is a Bot API server in-process that records calls and answers
// sendMessage with what a test queued for a chat (an error) or success.
type fakeAPI struct {
	*httptest.Server
	mu       sync.Mutex
	calls    []call
	failures map[string][]string // chat id → JSON error answers, first first
	files    map[string][]byte   // file path → content
}

func newFakeAPI(t *testing.T) *fakeAPI {
	f := &fakeAPI{failures: map[string][]string{}, files: map[string][]byte{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeAPI) serve(w http.ResponseWriter, r *http.Request) {
	if path, ok := strings.CutPrefix(r.URL.Path, "/file/bot"+testToken+"/"); ok {
		f.mu.Lock()
		b, found := f.files[path]
		f.mu.Unlock()
		if !found {
			http.NotFound(w, r)
			return
		}
		w.Write(b)
		return
	}
	method, ok := strings.CutPrefix(r.URL.Path, "/bot"+testToken+"/")
	if !ok {
		http.Error(w, `{"ok":false,"error_code":401,"description":"Unauthorized"}`, http.StatusUnauthorized)
		return
	}
	params := map[string]string{}
	if err := r.ParseMultipartForm(1 << 20); err == nil {
		for k, v := range r.MultipartForm.Value {
			params[k] = v[0]
		}
	}
	f.mu.Lock()
	f.calls = append(f.calls, call{Method: method, Params: params, At: time.Now()})
	var fail string
	if method == "sendMessage" && len(f.failures[params["chat_id"]]) > 0 {
		fail, f.failures[params["chat_id"]] = f.failures[params["chat_id"]][0], f.failures[params["chat_id"]][1:]
	}
	f.mu.Unlock()
	if fail != "" {
		w.Write([]byte(fail))
		return
	}
	switch method {
	case "sendMessage":
		fmt.Fprintf(w, `{"ok":true,"result":{"message_id":1,"date":0,"chat":{"id":%s,"type":"private"},"text":%q}}`, params["chat_id"], params["text"])
	case "getFile":
		id := params["file_id"]
		fmt.Fprintf(w, `{"ok":true,"result":{"file_id":%q,"file_unique_id":"u%s","file_size":%d,"file_path":"photos/%s.jpg"}}`,
			id, id, len(f.files["photos/"+id+".jpg"]), id)
	default:
		w.Write([]byte(`{"ok":true,"result":true}`))
	}
}

// sent returns the texts sent to a chat.
func (f *fakeAPI) sent(chat string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, c := range f.calls {
		if c.Method == "sendMessage" && c.Params["chat_id"] == chat {
			out = append(out, c.Params["text"])
		}
	}
	return out
}

func (f *fakeAPI) callsOf(method string) []call {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []call
	for _, c := range f.calls {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// update builds a webhook body.
func update(id int64, message map[string]any) string {
	b, _ := json.Marshal(map[string]any{"update_id": id, "message": message})
	return string(b)
}

func textMessage(chat int64, text string) map[string]any {
	return map[string]any{"message_id": 1, "date": 1764300000, "text": text,
		"chat": map[string]any{"id": chat, "type": "private"}, "from": map[string]any{"id": chat, "is_bot": false, "first_name": "Siti"}}
}
