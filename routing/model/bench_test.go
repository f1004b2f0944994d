package model

import (
	"testing"

	"github.com/sp4n-lapor/lapor/routing/geo"
)

// BenchmarkClassify reads the dev set's complaints one after another with
// the embedded model: sector, type and the place the text names.
func BenchmarkClassify(b *testing.B) {
	c, ex := DefaultClassifier(), DevSet()
	b.ResetTimer()
	for i := range b.N {
		e := ex[i%len(ex)]
		c.Classify(e.Title, e.Text)
	}
}

// BenchmarkGuessRegion is the region model's guess alone, which only
// callers that may guess pay for.
func BenchmarkGuessRegion(b *testing.B) {
	c, ex := DefaultClassifier(), DevSet()
	cls := make([]Classification, len(ex))
	for i, e := range ex {
		cls[i] = c.Classify(e.Title, e.Text)
	}
	b.ResetTimer()
	for i := range b.N {
		c.GuessRegion(cls[i%len(cls)])
	}
}

// BenchmarkResolveTypo reads an answer to "where?" with a misspelt kab/kota
// and a misspelt kecamatan, each compared with the names of about its
// length.
func BenchmarkResolveTypo(b *testing.B) {
	g := geo.DefaultGazetteer()
	for b.Loop() {
		g.Resolve("kec tembalng kota semarng")
	}
}
