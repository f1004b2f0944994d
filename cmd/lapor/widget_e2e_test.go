package main

import (
	"context"
	"encoding/base64"
	"fmt"
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
// screenshot (the README's picture comes from there).
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

// TestWidgetInABrowser holds a whole conversation in the demo page's widget
// in headless Chromium: a complaint with an image to a tracking code, a
// reload that finds the conversation still there, and markup shown as text.
func TestWidgetInABrowser(t *testing.T) {
	exe := browser(t)
	t.Chdir(t.TempDir())
	base := startServe(t, Config{Addr: "127.0.0.1:0", DatabaseURL: "lapor.db", AdminToken: "t0ken", DataDir: "data",
		LogLevel: "warn", WidgetDemo: "admin-nasional"})

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("lang", "id-ID"), chromedp.Flag("accept-lang", "id-ID,id"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(420, 760),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTimeout()

	eval := func(js string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	logText := func() string {
		s, _ := eval(string(shadow(".log")) + `.innerText`).(string)
		return s
	}
	waitFor := func(want string) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for time.Now().Before(deadline) {
			if strings.Contains(logText(), want) {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("the chat never showed %q; it shows:\n%s", want, logText())
	}
	say := func(text, want string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.SendKeys(shadow("textarea"), text), chromedp.Click(shadow(".send"))); err != nil {
			t.Fatal(err)
		}
		waitFor(want)
	}
	click := func(label, want string) {
		t.Helper()
		eval(fmt.Sprintf(`Array.from(document.querySelector('#lapor-widget').shadowRoot.querySelectorAll('.choice')).find(b => b.textContent.startsWith(%q)).click()`, label))
		waitFor(want)
	}

	// The demo page, under its strict CSP; the widget's button opens the chat.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(shadow(".launcher")),
		chromedp.Click(shadow(".launcher")),
		chromedp.WaitVisible(shadow(".panel")),
	); err != nil {
		t.Fatal(err)
	}
	// An alert, should markup ever run, is recorded instead of shown.
	eval(`window.alerts = []; window.alert = m => window.alerts.push(String(m)); true`)
	if focused := eval(`document.querySelector('#lapor-widget').shadowRoot.activeElement.id`); focused != "lapor-input" {
		t.Errorf("focus after opening is on %q, want the message box", focused)
	}
	waitFor("Halo!")
	say("halo", "Apa jenis laporan")
	click("Pengaduan", "ceritakan")
	say("Jalan di depan SDN 3 Tembalang rusak parah <img src=x onerror=alert(1)>", "Kapan")
	say("kemarin", "bukti")

	png := filepath.Join(t.TempDir(), "jalan.png")
	pixel, _ := base64.StdEncoding.DecodeString("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
	os.WriteFile(png, pixel, 0o600)
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(shadow(`input[type=file]`), []string{png})); err != nil {
		t.Fatal(err)
	}
	waitFor("jalan.png")
	waitFor("diterima")
	say("selesai", "nama")
	say("lewati", "ditampilkan")
	click("Biasa", "Ringkasan")
	say("kirim", "LPR-")

	code := regexp.MustCompile(`LPR-[0-9A-Z]{4}-[0-9A-Z]{4}`).FindString(logText())
	if code == "" {
		t.Fatalf("no tracking code in:\n%s", logText())
	}
	imgs := eval(`document.querySelector('#lapor-widget').shadowRoot.querySelectorAll('img:not(.logo)').length + document.querySelectorAll('img').length`)
	if imgs != 0.0 || !strings.Contains(logText(), "<img src=x onerror=alert(1)>") {
		t.Errorf("markup the citizen typed became %v elements, or is not shown as text", imgs)
	}
	if alerts := eval(`window.alerts.length`); alerts != 0.0 {
		t.Errorf("%v alerts ran", alerts)
	}

	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	saveScreenshot(t, shot)

	// A reload finds the conversation where it was.
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(shadow(".panel"))); err != nil {
		t.Fatal(err)
	}
	waitFor(code)

	// Readable on a 320 px phone: the chat fits the screen, nothing scrolls
	// sideways.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 640)); err != nil {
		t.Fatal(err)
	}
	fits := eval(`(() => { const r = document.querySelector('#lapor-widget').shadowRoot;
		const p = r.querySelector('.panel').getBoundingClientRect(), log = r.querySelector('.log');
		return p.left >= 0 && p.right <= 320 && log.scrollWidth <= log.clientWidth; })()`)
	if fits != true {
		t.Error("at 320 px the chat does not fit the screen")
	}
	// Escape closes the chat and gives the focus back to its button.
	if err := chromedp.Do(ctx, chromedp.Focus(shadow("textarea")), chromedp.KeyEvent(kb.Escape), chromedp.WaitNotVisible(shadow(".panel"))); err != nil {
		t.Fatal(err)
	}
	if focused := eval(`document.querySelector('#lapor-widget').shadowRoot.activeElement.className`); focused != "launcher" {
		t.Errorf("after Escape the focus is on %q, want the launcher", focused)
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
