package routing

import (
	"math"
	"slices"
	"testing"
)

// TestCrossValidation measures the classifier on the dev set with 5-fold
// cross-validation beside naive Bayes, and logs the numbers README.md quotes.
func TestCrossValidation(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-validation takes seconds")
	}
	ev := Evaluate(DevSet(), 5, 0, DefaultGazetteer())
	t.Logf("sector: %+v (naive Bayes %+v)", ev.Sector, ev.SectorBaseline)
	t.Logf("sector top 3: %.3f; routed by minimum confidence: %+v", ev.SectorTop3, ev.Routed)
	t.Logf("type:   %+v (naive Bayes %+v)", ev.Type, ev.TypeBaseline)
	t.Logf("region: %+v; named in %.2f (%+v), guessed in %.2f", ev.Region, ev.RegionFound, ev.RegionNamed, ev.RegionGuessed)
	if ev.Sector.Accuracy <= ev.SectorBaseline.Accuracy || ev.Sector.MacroF1 <= ev.SectorBaseline.MacroF1 {
		t.Errorf("the classifier does no better than naive Bayes on sector")
	}
}

func TestTop3AndCoverage(t *testing.T) {
	ex := []Example{{Sector: "pos"}, {Sector: "energi"}, {Sector: "sosial"}, {Sector: "desa"}}
	read := func(sector string, p float64, next ...string) reading {
		c := Classification{Sector: sector, Confidence: p}
		for _, n := range next {
			c.Alternatives = append(c.Alternatives, Scored{Label: n})
		}
		return reading{Classification: c}
	}
	rs := []reading{
		read("pos", 0.95, "bumn", "energi", "sosial"), // right
		read("bumn", 0.6, "energi", "pos", "sosial"),  // second
		read("pos", 0.3, "bumn", "sosial", "desa"),    // third
		read("sosial", 0.2, "pos", "energi", "desa"),  // fourth: not in the top 3
	}
	if got := top3(ex, rs); got != 0.75 {
		t.Errorf("top3 = %v, want 0.75", got)
	}
	want := []Coverage{{DefaultMinConfidence, 0.75, 1.0 / 3}, {0.5, 0.5, 0.5}, {0.7, 0.25, 1}, {0.9, 0.25, 1}}
	if got := coverage(ex, rs); !slices.Equal(got, want) {
		t.Errorf("coverage = %v, want %v", got, want)
	}
}

func TestCalibrationError(t *testing.T) {
	ex := []Example{{Sector: "pos"}, {Sector: "energi"}, {Sector: "sosial"}}
	rs := []reading{
		{Classification: Classification{Sector: "pos", Confidence: 0.95}},    // right
		{Classification: Classification{Sector: "pos", Confidence: 0.95}},    // wrong, same bin: 0.95 against 0.5
		{Classification: Classification{Sector: "sosial", Confidence: 0.15}}, // right: 0.15 against 1
	}
	want := (2*0.45 + 0.85) / 3
	if got := calibrationError(ex, rs); math.Abs(got-want) > 1e-9 {
		t.Errorf("calibration error %v, want %v", got, want)
	}
}
