package widget

import (
	"embed"
	"html/template"
	"net/http"
	"strings"
)

//go:embed assets
var assets embed.FS

// serveAsset serves an embedded file, cacheable for a few minutes so that a
// new release reaches sites soon.
func serveAsset(name, contentType string) http.HandlerFunc {
	b, err := assets.ReadFile("assets/" + name)
	if err != nil {
		panic(err) // embedded at build time
	}
	return func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Type", contentType)
		h.Set("Cache-Control", "public, max-age=300")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Access-Control-Allow-Origin", "*") // public, and loaded by any site
		w.Write(b)
	}
}

var demoPage = template.Must(template.ParseFS(assets, "assets/demo.html"))

// demoCSP is the policy the demo page is served under: as strict as a
// government site's can be, so that the demo proves the widget works there.
const demoCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// demo is the page at /: the widget of the demo agency and what to try.
func (c *Channel) demo(w http.ResponseWriter, r *http.Request) {
	p := printer(r)
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", demoCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	err := demoPage.Execute(w, map[string]string{
		"Lang": p.Lang(), "Title": p.T("demo_title", nil), "Intro": p.T("demo_intro", nil),
		"Try": p.T("demo_try", nil), "Agency": c.cfg.DemoAgency, "Src": scheme(r) + "://" + r.Host + "/widget.js",
	})
	if err != nil && !strings.Contains(err.Error(), "broken pipe") {
		c.log.Warn("widget: demo page", "err", err)
	}
}

func scheme(r *http.Request) string {
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		return "https"
	}
	return "http"
}
