package locales

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func keys(t *testing.T, lang string) map[string]string {
	t.Helper()
	var m map[string]string
	if _, err := toml.DecodeFS(files, lang+".toml", &m); err != nil {
		t.Fatalf("%s.toml: %v", lang, err)
	}
	return m
}

func TestCataloguesComplete(t *testing.T) {
	ref := keys(t, Languages[0])
	for _, lang := range Languages[1:] {
		other := keys(t, lang)
		for k := range ref {
			if strings.TrimSpace(other[k]) == "" {
				t.Errorf("%s.toml lacks %s", lang, k)
			}
		}
		for k := range other {
			if _, ok := ref[k]; !ok {
				t.Errorf("%s.toml has %s, which %s.toml lacks", lang, k, Languages[0])
			}
		}
	}
}

func TestPrinter(t *testing.T) {
	if got := New().T("event_forwarded", map[string]any{"Agency": "PT PLN (Persero)"}); got != "Terdisposisi ke PT PLN (Persero)" {
		t.Errorf("default language printed %q", got)
	}
	en := New("en-US,en;q=0.9")
	if got := en.T("status_selesai", nil); got != "Closed" || en.Lang() != "en" {
		t.Errorf("en printed %q, lang %q", got, en.Lang())
	}
	if got := New("fr").Lang(); got != "id" {
		t.Errorf("an unknown language fell back to %q, want id", got)
	}
	if got := New().T("no_such_message", nil); got != "no_such_message" {
		t.Errorf("missing id printed %q", got)
	}
}
