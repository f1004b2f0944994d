package model

import (
	"testing"

	"github.com/sp4n-lapor/lapor/routing/geo"
)

// TestLearningCurve checks, on 200 complaints to keep it quick, that the
// whole of each fold scores what Evaluate does, and that a quarter learns
// from a quarter.
func TestLearningCurve(t *testing.T) {
	ex := DevSet()[:200]
	curve := LearningCurve(ex, 5, geo.DefaultGazetteer(), []float64{0.25, 1})
	ev := Evaluate(ex, 5, 0, geo.DefaultGazetteer())
	t.Logf("learning curve: %+v", curve)
	if curve[1].Sector != ev.Sector || curve[1].Type != ev.Type {
		t.Errorf("with whole folds: sector %+v type %+v; Evaluate: %+v %+v", curve[1].Sector, curve[1].Type, ev.Sector, ev.Type)
	}
	if want := len(ex) * 4 / 5 / 4; curve[0].Train < want-1 || curve[0].Train > want+1 {
		t.Errorf("a quarter learnt from %d complaints, want about %d", curve[0].Train, want)
	}
}
