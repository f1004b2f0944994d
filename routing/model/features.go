package model

import (
	"bufio"
	"strings"
	"sync"

	"github.com/sp4n-lapor/lapor/routing/geo"
	"github.com/sp4n-lapor/lapor/routing/text"
)

var stopwords = sync.OnceValue(func() map[string]bool {
	f, err := dataFS.Open("data/stopwords-id.txt")
	if err != nil {
		panic(err) // embedded data is checked by the package tests
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" {
			out[w] = true
		}
	}
	return out
})

// complaintWords are a complaint's words, normalised once for every model:
// all of them, the title's and the text's, and all of them as phrases, for
// the type's cues and for routing.
type complaintWords struct {
	all, title, body []string
	phrases          text.Phrases
	asks             bool // a question mark
}

func readWords(title, body string) complaintWords {
	all := text.Normalize(title + " " + body)
	return complaintWords{all: all, title: text.Normalize(title), body: text.Normalize(body), phrases: text.PhrasesOf(all),
		asks: strings.Contains(title+body, "?")}
}

// sectorTerms are the words that tell a complaint's sector: stop words,
// numbers and the names of the place it names dropped, stemmed; with the
// pairs of neighbouring words, and the title's words and lexicon phrases
// marked again, since titles are dense. Place names are dropped because
// where a complaint is says nothing of what it is about: a road in
// Pedurungan is public works, though the 2017 admins sent much from there
// to the kecamatan office.
func sectorTerms(cw complaintWords, place geo.Place) []string {
	stop, named := stopwords(), place.Words()
	keep := func(words []string) []string {
		var out []string
		for i, w := range words {
			inAddress := geo.IsTitle(w) && i+1 < len(words) && named[words[i+1]]
			if len(w) < 2 || stop[w] || isNumber(w) || named[w] || inAddress {
				continue
			}
			out = append(out, text.Stem(w))
		}
		return out
	}
	terms := withBigrams(keep(cw.all))
	lex := lexiconTerms(cw.all)
	for range lexiconWeight {
		terms = append(terms, lex...)
	}
	for _, w := range keep(cw.title) {
		terms = append(terms, "t:"+w)
	}
	for _, t := range lexiconTerms(cw.title) {
		terms = append(terms, "t:"+t)
	}
	return terms
}

// typeTerms are the words that tell a question or a suggestion from a
// complaint: stop words kept ("apakah", "bagaimana", "mohon"), the opening
// words marked, and a question mark.
func typeTerms(cw complaintWords) []string {
	terms := withBigrams(cw.all)
	for i, w := range cw.body {
		if i >= 4 {
			break
		}
		terms = append(terms, "start:"+w)
	}
	for _, w := range cw.title {
		terms = append(terms, "t:"+w)
	}
	if cw.asks {
		terms = append(terms, "?")
	}
	return terms
}

// lexiconWeight is how many times a lexicon feature counts.
const lexiconWeight = 3

func withBigrams(words []string) []string {
	out := append([]string(nil), words...)
	for i := 1; i < len(words); i++ {
		out = append(out, words[i-1]+"_"+words[i])
	}
	return out
}

func isNumber(w string) bool {
	for i := range len(w) {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}
