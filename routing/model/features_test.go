package model

import (
	"slices"
	"testing"

	"github.com/sp4n-lapor/lapor/routing/geo"
	"github.com/sp4n-lapor/lapor/routing/text"
)

func TestSectorTermsLeaveOutTheAddress(t *testing.T) {
	complaint := "Jalan rusak di kecamatan Tembalang kota Semarang, dekat kantor kecamatan"
	terms := sectorTerms(readWords("", complaint), geo.DefaultGazetteer().Find(complaint))
	for _, w := range []string{"tembalang", "semarang"} {
		if slices.Contains(terms, text.Stem(w)) {
			t.Errorf("the place name %q is among the sector's words %v", w, terms)
		}
	}
	// "kecamatan" once introduces the place (dropped) and once is the office
	// (kept): one occurrence is left.
	if n := count(terms, text.Stem("kecamatan")); n != 1 {
		t.Errorf("%q occurs %d times in %v, want once (the office)", text.Stem("kecamatan"), n, terms)
	}
	if !slices.Contains(terms, "jalan_rusak") {
		t.Errorf("the complaint's own words are gone: %v", terms)
	}
	if terms := sectorTerms(readWords("", complaint), geo.Place{}); !slices.Contains(terms, text.Stem("tembalang")) {
		t.Errorf("with no place found, every word counts: %v", terms)
	}
}

func count(terms []string, w string) int {
	n := 0
	for _, t := range terms {
		if t == w {
			n++
		}
	}
	return n
}
