package model

import (
	"math"
	"slices"
	"testing"

	"github.com/sp4n-lapor/lapor/routing/geo"
)

// FuzzClassify reads any text as a complaint and as an answer to "where?":
// nothing panics, the confidence is a probability, the sector is one of the
// 32, and a place found is consistent (its kecamatan lies in its kab/kota,
// which is one of the candidates when there are several).
func FuzzClassify(f *testing.F) {
	for _, s := range []string{
		"jalan rusak berlubang di Tembalang", "Bupati Bogor", "kota bandunf", "kabupaten/kota",
		"KTP belum jadi, kec. lembang", "Jl. Magelang raya", "", "🙂🙂🙂", "kota", "kec", "\xff\xfe",
	} {
		f.Add("", s)
	}
	c, g := DefaultClassifier(), geo.DefaultGazetteer()
	sectors := Sectors()
	f.Fuzz(func(t *testing.T, title, text string) {
		cl := c.Classify(title, text)
		if math.IsNaN(cl.Confidence) || cl.Confidence < 0 || cl.Confidence > 1 {
			t.Errorf("confidence %v", cl.Confidence)
		}
		if !slices.ContainsFunc(sectors, func(s Sector) bool { return s.Code == cl.Sector }) {
			t.Errorf("sector %q", cl.Sector)
		}
		for _, p := range []geo.Place{cl.Place, g.Resolve(text)} {
			if p.District != nil && (p.KabKota == nil || p.District.Parent != p.KabKota.Code) {
				t.Errorf("kecamatan %v outside kab/kota %v", p.District, p.KabKota)
			}
			if p.KabKota != nil && p.Ambiguous() && !p.Fits(p.KabKota.Code) {
				t.Errorf("kab/kota %v is not among the candidates %v", p.KabKota, p.Candidates)
			}
		}
	})
}
