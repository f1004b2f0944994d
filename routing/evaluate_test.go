package routing

import "testing"

// TestCrossValidation measures the classifier on the dev set with 5-fold
// cross-validation beside naive Bayes, and logs the numbers README.md quotes.
func TestCrossValidation(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-validation takes seconds")
	}
	ev := Evaluate(DevSet(), 5, DefaultGazetteer())
	t.Logf("sector: %+v (naive Bayes %+v)", ev.Sector, ev.SectorBaseline)
	t.Logf("type:   %+v (naive Bayes %+v)", ev.Type, ev.TypeBaseline)
	t.Logf("region: %+v; named in %.2f (%+v), guessed in %.2f", ev.Region, ev.RegionFound, ev.RegionNamed, ev.RegionGuessed)
	if ev.Sector.Accuracy <= ev.SectorBaseline.Accuracy || ev.Sector.MacroF1 <= ev.SectorBaseline.MacroF1 {
		t.Errorf("the classifier does no better than naive Bayes on sector")
	}
}
