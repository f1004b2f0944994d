// Package locales holds every sentence a citizen, officer or API client
// reads, Indonesian first, and prints them in the language asked for.
package locales

import (
	"embed"
	"fmt"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed *.toml
var files embed.FS

// Languages are the catalogues, the default first.
var Languages = []string{"id", "en"}

var bundle = sync.OnceValues(func() (*i18n.Bundle, error) {
	b := i18n.NewBundle(language.Indonesian)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, lang := range Languages {
		if _, err := b.LoadMessageFileFS(files, lang+".toml"); err != nil {
			return nil, fmt.Errorf("load %s catalogue: %w", lang, err)
		}
	}
	return b, nil
})

// Printer prints messages in one language.
type Printer struct {
	loc *i18n.Localizer
}

// New returns a printer for the first language of prefs it has, such as the
// values of an Accept-Language header; Indonesian when none fits.
func New(prefs ...string) *Printer {
	if len(prefs) == 1 {
		if p, ok := printers()[prefs[0]]; ok {
			return p
		}
	}
	return newPrinter(prefs...)
}

func newPrinter(prefs ...string) *Printer {
	b, err := bundle()
	if err != nil {
		panic(err) // embedded catalogues are checked by the package tests
	}
	return &Printer{loc: i18n.NewLocalizer(b, prefs...)}
}

// printers are the printers of the catalogues' own language codes, made
// once: the services and the conversation ask for them by code on every
// call.
var printers = sync.OnceValue(func() map[string]*Printer {
	m := map[string]*Printer{}
	for _, lang := range Languages {
		m[lang] = newPrinter(lang)
	}
	return m
})

// T prints the message id with its template data. A missing id prints the
// id itself, so that a gap shows instead of failing a request; the package
// tests keep the catalogues complete.
func (p *Printer) T(id string, data map[string]any) string {
	s, err := p.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil {
		return id
	}
	return s
}

// Lang returns the language the printer prints in.
func (p *Printer) Lang() string {
	_, tag, err := p.loc.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: "language_name"})
	if err != nil {
		return Languages[0]
	}
	base, _ := tag.Base()
	return base.String()
}
