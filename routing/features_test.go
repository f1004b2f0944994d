package routing

import (
	"slices"
	"testing"
)

func TestSectorTermsLeaveOutTheAddress(t *testing.T) {
	text := "Jalan rusak di kecamatan Tembalang kota Semarang, dekat kantor kecamatan"
	terms := sectorTerms(readWords("", text), DefaultGazetteer().Find(text))
	for _, w := range []string{"tembalang", "semarang"} {
		if slices.Contains(terms, Stem(w)) {
			t.Errorf("the place name %q is among the sector's words %v", w, terms)
		}
	}
	// "kecamatan" once introduces the place (dropped) and once is the office
	// (kept): one occurrence is left.
	if n := count(terms, Stem("kecamatan")); n != 1 {
		t.Errorf("%q occurs %d times in %v, want once (the office)", Stem("kecamatan"), n, terms)
	}
	if !slices.Contains(terms, "jalan_rusak") {
		t.Errorf("the complaint's own words are gone: %v", terms)
	}
	if terms := sectorTerms(readWords("", text), Place{}); !slices.Contains(terms, Stem("tembalang")) {
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
