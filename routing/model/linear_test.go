package model

import (
	"slices"
	"testing"

	"github.com/sp4n-lapor/lapor/routing/geo"
)

// TestVectorIsInOrder: a document's vector lists its features in order, and
// the same words in another order give the same values to the last bit, so
// that scores do not depend on the order a map is walked in.
func TestVectorIsInOrder(t *testing.T) {
	m := DefaultClassifier().sector
	doc := sectorTerms(readWords("Jalan rusak", "jalan berlubang di depan sekolah, jalan licin saat hujan"), geo.Place{})
	v := m.vector(doc)
	if len(v.idx) < 5 || !slices.IsSorted(v.idx) {
		t.Fatalf("features %v: want several, in order", v.idx)
	}
	reversed := slices.Clone(doc)
	slices.Reverse(reversed)
	if w := m.vector(reversed); !slices.Equal(v.idx, w.idx) || !slices.Equal(v.val, w.val) {
		t.Errorf("reversed words: %v %v, want %v %v", w.idx, w.val, v.idx, v.val)
	}
	norm := 0.0
	for _, x := range v.val {
		norm += x * x
	}
	if norm < 0.999999 || norm > 1.000001 {
		t.Errorf("squared length %v, want 1", norm)
	}
	if e := m.vector([]string{"kata-yang-tidak-ada"}); len(e.idx) != 0 {
		t.Errorf("unknown words: %+v", e)
	}
}
