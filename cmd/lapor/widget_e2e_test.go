package main

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// EnvBrowser, set to "required", fails the browser test when no Chromium is
// installed instead of skipping it (CI installs Debian's chromium).
const EnvBrowser = "LAPOR_TEST_BROWSER"

// EnvScreenshot names a file to which the browser test also writes its
// screenshot (docs/channels.md's picture comes from there).
const EnvScreenshot = "LAPOR_WIDGET_SCREENSHOT"

func browser(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv(EnvBrowser) == "required" {
		t.Fatal("no Chromium found, and " + EnvBrowser + "=required")
	}
	t.Skip("no Chromium: install Debian's chromium to run the browser test")
	return ""
}

// shadow is a JS path into the widget's shadow root.
func shadow(sel string) chromedp.JSPath {
	return chromedp.JSPath(`document.querySelector('#lapor-widget').shadowRoot.querySelector('` + sel + `')`)
}

// tab is a page in headless Chromium, with the widget's helpers.
type tab struct {
	t   *testing.T
	ctx context.Context
}

func newTab(t *testing.T) *tab {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser(t)), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("lang", "id-ID"), chromedp.Flag("accept-lang", "id-ID,id"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(420, 760),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	return &tab{t: t, ctx: ctx}
}

func (b *tab) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

func (b *tab) eval(js string) any {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[any](js))
	if err != nil {
		b.t.Fatalf("%s: %v", js, err)
	}
	return v
}

func (b *tab) logText() string {
	s, _ := b.eval(string(shadow(".log")) + `.innerText`).(string)
	return s
}

// waitFor waits until the chat shows want.
func (b *tab) waitFor(want string) {
	b.t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if strings.Contains(b.logText(), want) {
			return
		}
	}
	b.t.Fatalf("the chat never showed %q; it shows:\n%s", want, b.logText())
}

// say types a message, sends it, and waits for want.
func (b *tab) say(text, want string) {
	b.t.Helper()
	b.do(chromedp.SendKeys(shadow("textarea"), text), chromedp.Click(shadow(".send")))
	b.waitFor(want)
}

// click presses the choice button whose label starts with label, and waits
// for want.
func (b *tab) click(label, want string) {
	b.t.Helper()
	b.eval(fmt.Sprintf(`Array.from(document.querySelector('#lapor-widget').shadowRoot.querySelectorAll('.choice')).find(b => b.textContent.startsWith(%q)).click()`, label))
	b.waitFor(want)
}

// open loads a page and opens its widget.
func (b *tab) open(url string) {
	b.t.Helper()
	b.do(chromedp.Navigate(url), chromedp.WaitVisible(shadow(".launcher")), chromedp.Click(shadow(".launcher")),
		chromedp.WaitVisible(shadow(".panel")))
}

// TestWidgetInABrowser holds a whole conversation in the demo page's widget
// in headless Chromium: a complaint with an image to a tracking code, a
// reload that finds the conversation still there, and markup shown as text.
func TestWidgetInABrowser(t *testing.T) {
	b := newTab(t)
	t.Chdir(t.TempDir())
	base := startServe(t, Config{Addr: "127.0.0.1:0", DatabaseURL: "lapor.db", AdminToken: "t0ken", DataDir: "data",
		LogLevel: "warn", WidgetDemo: "admin-nasional"})
	// The demo page, under its strict CSP; the widget's button opens the chat.
	b.open(base + "/")
	// An alert, should markup ever run, is recorded instead of shown.
	b.eval(`window.alerts = []; window.alert = m => window.alerts.push(String(m)); true`)
	if focused := b.eval(`document.querySelector('#lapor-widget').shadowRoot.activeElement.id`); focused != "lapor-input" {
		t.Errorf("focus after opening is on %q, want the message box", focused)
	}
	b.waitFor("Halo!")
	b.say("halo", "Apa jenis laporan")
	b.click("Pengaduan", "ceritakan")
	b.say("Jalan di depan SDN 3 Tembalang rusak parah <img src=x onerror=alert(1)>", "Kapan")
	b.say("kemarin", "bukti")

	png := filepath.Join(t.TempDir(), "jalan.png")
	pixel, _ := base64.StdEncoding.DecodeString("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
	os.WriteFile(png, pixel, 0o600)
	b.do(chromedp.SetUploadFiles(shadow(`input[type=file]`), []string{png}))
	b.waitFor("jalan.png")
	b.waitFor("diterima")
	b.say("selesai", "nama")
	b.say("lewati", "ditampilkan")
	b.click("Biasa", "Ringkasan")
	b.say("kirim", "LPR-")

	code := regexp.MustCompile(`LPR-[0-9A-Z]{4}-[0-9A-Z]{4}`).FindString(b.logText())
	if code == "" {
		t.Fatalf("no tracking code in:\n%s", b.logText())
	}
	imgs := b.eval(`document.querySelector('#lapor-widget').shadowRoot.querySelectorAll('img:not(.logo)').length + document.querySelectorAll('img').length`)
	if imgs != 0.0 || !strings.Contains(b.logText(), "<img src=x onerror=alert(1)>") {
		t.Errorf("markup the citizen typed became %v elements, or is not shown as text", imgs)
	}
	if alerts := b.eval(`window.alerts.length`); alerts != 0.0 {
		t.Errorf("%v alerts ran", alerts)
	}

	shot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	saveScreenshot(t, shot)

	// A reload finds the conversation where it was.
	b.do(chromedp.Reload(), chromedp.WaitVisible(shadow(".panel")))
	b.waitFor(code)

	// Readable on a 320 px phone: the chat fits the screen, nothing scrolls
	// sideways.
	b.do(chromedp.EmulateViewport(320, 640))
	fits := b.eval(`(() => { const r = document.querySelector('#lapor-widget').shadowRoot;
		const p = r.querySelector('.panel').getBoundingClientRect(), log = r.querySelector('.log');
		return p.left >= 0 && p.right <= 320 && log.scrollWidth <= log.clientWidth; })()`)
	if fits != true {
		t.Error("at 320 px the chat does not fit the screen")
	}
	// Escape closes the chat and gives the focus back to its button.
	b.do(chromedp.Focus(shadow("textarea")), chromedp.KeyEvent(kb.Escape), chromedp.WaitNotVisible(shadow(".panel")))
	if focused := b.eval(`document.querySelector('#lapor-widget').shadowRoot.activeElement.className`); focused != "launcher" {
		t.Errorf("after Escape the focus is on %q, want the launcher", focused)
	}

	// A reply that comes while the chat is closed (as an agency's answer
	// would) shows as a count on its button, also after a reload.
	sent, err := chromedp.Run(b.ctx, chromedp.Evaluate[float64](`(() => {
		const s = JSON.parse(localStorage.getItem('lapor-widget:admin-nasional'));
		return fetch('/widget/v1/admin-nasional/messages', {method: 'POST',
			headers: {'Content-Type': 'application/json', Authorization: 'Bearer ' + s.token},
			body: JSON.stringify({id: 'from-elsewhere-1', text: 'halo'})}).then(r => r.status); })()`, chromedp.EvalAwaitPromise))
	if err != nil || sent != 202 {
		t.Fatalf("message from elsewhere: %v %v", sent, err)
	}
	badge := func() string {
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if n, _ := b.eval(`(b => b.hidden ? '' : b.textContent)(` + string(shadow(".badge")) + `)`).(string); n != "" {
				return n
			}
		}
		return ""
	}
	if n := badge(); n == "" {
		t.Error("no count of unread replies on the closed chat's button")
	}
	b.do(chromedp.Reload(), chromedp.WaitVisible(shadow(".launcher")))
	if n := badge(); n == "" {
		t.Error("after a reload, no count of the replies that came while the chat was closed")
	}
	b.do(chromedp.Click(shadow(".launcher")), chromedp.WaitVisible(shadow(".panel")))
	if hidden := b.eval(string(shadow(".badge")) + `.hidden`); hidden != true {
		t.Error("the count stays on after the chat is opened")
	}
}

func saveScreenshot(t *testing.T, png []byte) {
	paths := []string{filepath.Join(t.ArtifactDir(), "widget.png")}
	if p := os.Getenv(EnvScreenshot); p != "" {
		paths = append(paths, p)
	}
	for _, p := range paths {
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Errorf("screenshot: %v", err)
		}
	}
	t.Logf("screenshot in %s", paths[0])
}

// TestWidgetOnAnotherSite embeds a city's widget in a page of another origin
// that allows the service only through its Content-Security-Policy: the
// chat carries the city's name and colour, talks across origins (CORS with
// the token in a header), and a site that is not allowed gets no widget.
func TestWidgetOnAnotherSite(t *testing.T) {
	b := newTab(t)
	t.Chdir(t.TempDir())
	base := startServe(t, Config{Addr: "127.0.0.1:0", DatabaseURL: "lapor.db", AdminToken: "t0ken", DataDir: "data", LogLevel: "warn"})
	site := func() *httptest.Server {
		return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Content-Security-Policy", fmt.Sprintf(
				"default-src 'none'; script-src %[1]s; style-src %[1]s; connect-src %[1]s; img-src %[1]s", base))
			fmt.Fprintf(w, `<!doctype html><html><head><title>Pemkot</title></head><body><h1>Pemerintah Kota Semarang</h1>
<script src="%s/widget.js" data-agency="pemda-33.74" async></script></body></html>`, base)
		}))
	}
	allowed, other := site(), site()
	defer allowed.Close()
	defer other.Close()

	body := fmt.Sprintf(`{"display_name":"Lapor Hendi","color":"#0b5394","greeting":"Halo warga Semarang!","allowed_origins":[%q]}`, allowed.URL)
	req, _ := http.NewRequest("PUT", base+"/api/v1/admin/agencies/pemda-33.74/widget", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer t0ken")
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("PUT widget: %v %v", err, res)
	}
	res.Body.Close()

	b.open(allowed.URL)
	b.waitFor("Halo warga Semarang!")
	if title := b.eval(string(shadow(".title")) + `.textContent`); title != "Lapor Hendi" {
		t.Errorf("title %q", title)
	}
	if bg := b.eval(`getComputedStyle(` + string(shadow(".head")) + `).backgroundColor`); bg != "rgb(11, 83, 148)" {
		t.Errorf("header colour %v, want the city's #0b5394", bg)
	}
	b.say("halo", "Apa jenis laporan")

	b.do(chromedp.Navigate(other.URL), chromedp.WaitVisible("h1"), chromedp.Sleep(time.Second))
	if n := b.eval(`document.querySelectorAll('#lapor-widget').length`); n != 0.0 {
		t.Errorf("a site that is not allowed shows the widget")
	}
}
