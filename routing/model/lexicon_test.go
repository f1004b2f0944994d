package model

import (
	"math"
	"slices"
	"testing"
)

func TestWeighByLexicon(t *testing.T) {
	classes, counts := []string{"energi", "pos"}, []float64{10, 10}
	p := []float64{0.5, 0.5}
	weighByLexicon(classes, counts, []string{"listrik", "lex:energi", "lex:energi:pln"}, p)
	if want := math.Exp(2) / (math.Exp(2) + 1); math.Abs(p[0]-want) > 1e-9 {
		t.Errorf("one phrase: p = %v, want energi at %.4f", p, want)
	}
	// A phrase counted three times (lexiconWeight) is one phrase; a third
	// phrase adds nothing.
	p = []float64{0.5, 0.5}
	terms := []string{"lex:energi:pln", "lex:energi:pln", "lex:energi:pln", "lex:energi:listrik", "lex:energi:padam"}
	weighByLexicon(classes, counts, terms, p)
	if want := math.Exp(4) / (math.Exp(4) + 1); math.Abs(p[0]-want) > 1e-9 {
		t.Errorf("three phrases: p = %v, want energi at %.4f", p, want)
	}
	p = []float64{0.3, 0.7}
	weighByLexicon(classes, counts, []string{"paket", "kirim"}, p)
	if p[0] != 0.3 || p[1] != 0.7 {
		t.Errorf("no phrase changed p to %v", p)
	}
}

func TestDecidingWordsNameTheLexiconFirst(t *testing.T) {
	cl := DefaultClassifier().Classify("", "listrik PLN padam sejak kemarin malam, kulkas rusak")
	want := []string{"pln", "listrik", "padam"}
	if cl.Sector != "energi" || len(cl.Words) < 3 || len(cl.Words) > 5 || !slices.Equal(cl.Words[:3], want) {
		t.Errorf("sector %s, words %v: want energi, words starting %v", cl.Sector, cl.Words, want)
	}
}
