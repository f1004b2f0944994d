package model

import (
	"strings"
	"testing"

	"github.com/sp4n-lapor/lapor/routing/text"
)

// TestGuessNeedsWords: the region model guesses where a complaint that names
// no place is only from minGuessWords; cut to fewer, the same complaint is
// not placed. A province, or a name several kab/kota share, lets it guess
// whatever the length.
func TestGuessNeedsWords(t *testing.T) {
	c := DefaultClassifier()
	guessed := 0
	for _, e := range DevSet() { // which it learnt from, so it guesses many
		cl := c.Classify(e.Title, e.Text)
		if !cl.Place.NamesNothing() || c.GuessRegion(cl) == "" {
			continue
		}
		guessed++
		short := strings.Join(text.Normalize(e.Title + " " + e.Text)[:minGuessWords-1], " ")
		if cl := c.Classify("", short); cl.Place.NamesNothing() && c.GuessRegion(cl) != "" {
			t.Errorf("%q (%d words) placed in %s", short, cl.Phrases.Count(), c.GuessRegion(cl))
		}
	}
	if guessed < 100 {
		t.Errorf("%d dev complaints naming no place were placed; the guess seems off", guessed)
	}
	for text, may := range map[string]bool{
		"jalan rusak":                         false,
		"Harga BBM di SPBU dinaikkan sepihak": false,
		"saluran air mampet sejak minggu lalu dan setiap hujan meluap ke rumah warga": true,
		"jalan rusak di Bandung":     true, // Kota or Kabupaten Bandung
		"jalan rusak di Jawa Tengah": true, // a province
	} {
		if got := c.Classify("", text).mayGuess(); got != may {
			t.Errorf("%q: may guess %v, want %v", text, got, may)
		}
	}
}
