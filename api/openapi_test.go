package api

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

// TestOpenAPICoversRoutes keeps the document and the router in step: every
// API route is documented, and nothing documented is missing.
func TestOpenAPICoversRoutes(t *testing.T) {
	ts := newTestServer(t, storagetest.SQLite(t))
	r := ts.do("GET", "/api/v1/openapi.json", "")
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(r.Body, &doc); err != nil || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi.json: %v, version %q", err, doc.OpenAPI)
	}
	param := regexp.MustCompile(`:(\w+)`)
	routes := map[string]bool{}
	for _, rt := range ts.srv.engine.Routes() {
		if !strings.HasPrefix(rt.Path, "/api/") {
			continue
		}
		path := param.ReplaceAllString(rt.Path, "{$1}")
		method := strings.ToLower(rt.Method)
		routes[method+" "+path] = true
		if _, ok := doc.Paths[path][method]; !ok {
			t.Errorf("%s %s is not in openapi.json", rt.Method, path)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if !routes[method+" "+path] {
				t.Errorf("openapi.json documents %s %s, which the server lacks", method, path)
			}
		}
	}
}
