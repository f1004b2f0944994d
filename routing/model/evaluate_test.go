package model

import (
	"math"
	"slices"
	"testing"

	"github.com/sp4n-lapor/lapor/routing/geo"
)

// TestCrossValidation measures the classifier on the dev set with 5-fold
// cross-validation beside naive Bayes, and logs the numbers docs/routing.md quotes.
func TestCrossValidation(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-validation takes seconds")
	}
	ev := Evaluate(DevSet(), 5, 0, geo.DefaultGazetteer())
	t.Logf("sector: %+v (naive Bayes %+v)", ev.Sector, ev.SectorBaseline)
	t.Logf("sector top 3: %.3f; routed by minimum confidence: %+v", ev.SectorTop3, ev.Routed)
	t.Logf("type:   %+v (naive Bayes %+v); from the agency %+v", ev.Type, ev.TypeBaseline, ev.TypeHabit)
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

// TestTestScoresUnseenComplaints trains on four fifths of the dev set and
// scores the rest, as lapor classify --test does with the embedded model.
func TestTestScoresUnseenComplaints(t *testing.T) {
	var train, test []Example
	for i, e := range DevSet() { // every fifth: the file runs sector by sector
		if i%5 == 4 {
			test = append(test, e)
		} else {
			train = append(train, e)
		}
	}
	ev := Test(TrainClassifier(train, geo.DefaultGazetteer()), train, test)
	t.Logf("sector %+v (naive Bayes %+v), type %+v, region %+v", ev.Sector, ev.SectorBaseline, ev.Type, ev.Region)
	regional := 0
	for _, e := range test {
		if len(e.RegionCode) == 5 {
			regional++
		}
	}
	if ev.Sector.N != len(test) || ev.Region.N != regional || ev.Folds != 0 {
		t.Errorf("scored %d complaints, %d regions, %d folds; want %d, %d, 0", ev.Sector.N, ev.Region.N, ev.Folds, len(test), regional)
	}
	if ev.Sector.Accuracy <= ev.SectorBaseline.Accuracy || ev.Sector.Accuracy < 0.6 {
		t.Errorf("sector accuracy %.3f, naive Bayes %.3f", ev.Sector.Accuracy, ev.SectorBaseline.Accuracy)
	}
	national := Test(DefaultClassifier(), train, []Example{{Title: "Paspor", Text: "antrian paspor penuh", Sector: "imigrasi", Type: "pengaduan"}})
	if national.Region != (Scores{}) || national.Sector.Accuracy != 1 {
		t.Errorf("one national complaint: sector %+v, region %+v", national.Sector, national.Region)
	}
}
