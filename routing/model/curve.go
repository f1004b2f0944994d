package model

import (
	"math/rand/v2"
	"slices"

	"github.com/sp4n-lapor/lapor/routing/geo"
)

// CurvePoint is how well the classifier does when it learns from a share of
// each training fold only.
type CurvePoint struct {
	Share  float64 `json:"share"`
	Train  int     `json:"train"` // complaints learnt from, in the first fold
	Sector Scores  `json:"sector"`
	Type   Scores  `json:"type"`
}

// LearningCurve cross-validates the classifier on ex in k folds (split 0),
// training on a random share (seeded) of each training fold, for each of
// shares: what more labelled complaints of the same kind would buy.
func LearningCurve(ex []Example, k int, gaz *geo.Gazetteer, shares []float64) []CurvePoint {
	sectors, types := labelsOf(ex)
	out := make([]CurvePoint, len(shares))
	for j, share := range shares {
		out[j].Share = share
		got := crossValidate(ex, k, 0, func(train []Example) func(Example) Classification {
			keep := rand.New(rand.NewPCG(2017, 7)).Perm(len(train))[:int(share*float64(len(train)))]
			slices.Sort(keep) // the examples' own order, so that a share of 1 is the whole fold
			sub := make([]Example, len(keep))
			for i, n := range keep {
				sub[i] = train[n]
			}
			if out[j].Train == 0 {
				out[j].Train = len(sub)
			}
			c := TrainClassifier(sub, gaz)
			return func(e Example) Classification { return c.Classify(e.Title, e.Text) }
		})
		ps, pt := make([]string, len(ex)), make([]string, len(ex))
		for i, c := range got {
			ps[i], pt[i] = c.Sector, c.Type
		}
		out[j].Sector, out[j].Type = score(sectors, ps), score(types, pt)
	}
	return out
}
