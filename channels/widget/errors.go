package widget

import (
	"encoding/json"
	"net/http"

	"github.com/sp4n-lapor/lapor/internal/jsonbody"
	"github.com/sp4n-lapor/lapor/locales"
)

// fail answers with an error, its message in the browser's language.
func fail(w http.ResponseWriter, r *http.Request, status int, code, msgID string, data map[string]any) {
	writeJSON(w, status, jsonbody.Envelope{Error: jsonbody.Detail{Code: code, Message: printer(r).T(msgID, data)}})
}

func (c *Channel) internal(w http.ResponseWriter, r *http.Request, what string, err error) {
	c.log.Error("widget: "+what, "err", err)
	fail(w, r, http.StatusServiceUnavailable, "unavailable", "error_widget_unavailable", nil)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func printer(r *http.Request) *locales.Printer {
	return locales.New(r.Header.Get("Accept-Language"))
}
