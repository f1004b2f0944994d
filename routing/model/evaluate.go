package model

import (
	"math"
	"slices"
	"time"

	"github.com/sp4n-lapor/lapor/routing/geo"
)

// Evaluation is the result of cross-validating the classifier on labelled
// complaints, beside a plain naive Bayes baseline.
type Evaluation struct {
	Folds      int     `json:"folds"`
	Sector     Scores  `json:"sector"`
	SectorTop3 float64 `json:"sector_top3"` // the share whose sector is among the three likeliest: what triage suggests
	// SectorCalibration is the expected calibration error of the sector's
	// confidence (10 bins): how far, on average, confidence is from accuracy.
	SectorCalibration float64    `json:"sector_calibration_error"`
	Routed            []Coverage `json:"routed"` // by minimum confidence: how many an agency gets, and how well
	SectorBaseline    Scores     `json:"sector_naive_bayes"`
	Type              Scores     `json:"type"`
	TypeBaseline      Scores     `json:"type_naive_bayes"`
	TypeHabit         TypeHabit  `json:"type_habit"`     // the type read from the agency the admin chose, when the examples name it
	Region            Scores     `json:"region"`         // over the examples whose label names a kab/kota
	RegionNamed       Scores     `json:"region_named"`   // over those of them whose text names a kab/kota
	RegionFound       float64    `json:"region_found"`   // the share whose text names a kab/kota
	RegionGuessed     float64    `json:"region_guessed"` // the share the region model placed

	ComplaintsPerSec float64 `json:"complaints_per_second"`
}

// reading is a classification under cross-validation, with its region.
type reading struct {
	Classification
	region string // the place named, else the guess
}

// Coverage is what a minimum sector confidence does: the share of reports
// routed to an agency (the rest go to triage) and the sector accuracy on
// those.
type Coverage struct {
	MinConfidence float64 `json:"min_confidence"`
	Share         float64 `json:"share"`
	Accuracy      float64 `json:"accuracy"`
}

// DefaultMinConfidence is the sector probability below which a report goes
// to the admin's triage queue with suggestions instead of to an agency,
// unless the router is given another (WithMinConfidence).
const DefaultMinConfidence = 0.25

// coverageAt are the minimum confidences Evaluate reports on.
var coverageAt = []float64{DefaultMinConfidence, 0.5, 0.7, 0.9}

// Evaluate cross-validates the classifier on ex in k folds, drawn by split
// (0 is the split docs/routing.md reports; others tell how much a score owes to
// the draw of the folds). Region is scored on the examples labelled with a
// kab/kota (a label naming only a province is left out): the place the
// gazetteer finds, else the region model's guess.
func Evaluate(ex []Example, k int, split uint64, gaz *geo.Gazetteer) Evaluation {
	var clock readingClock
	ours := crossValidate(ex, k, split, func(train []Example) func(Example) reading {
		return clock.reader(TrainClassifier(train, gaz))
	})
	ev := summarize(ex, ours, clock)
	ev.Folds = k
	sectors, types := labelsOf(ex)
	ev.SectorBaseline = score(sectors, crossValidate(ex, k, split, naiveBayesOn(func(e Example) string { return e.Sector })))
	ev.TypeBaseline = score(types, crossValidate(ex, k, split, naiveBayesOn(func(e Example) string { return e.Type })))
	ev.TypeHabit = typeHabit(ex, k, split, ours)
	return ev
}

// Test scores c on labelled complaints, as Evaluate does, beside a naive
// Bayes baseline trained on train: what c learnt from. The complaints should
// be ones c did not learn from.
func Test(c *Classifier, train, test []Example) Evaluation {
	var clock readingClock
	read := clock.reader(c)
	ours := make([]reading, len(test))
	for i, e := range test {
		ours[i] = read(e)
	}
	ev := summarize(test, ours, clock)
	sectors, types := labelsOf(test)
	apply := func(label func(Example) string) []string {
		predict := naiveBayesOn(label)(train)
		out := make([]string, len(test))
		for i, e := range test {
			out[i] = predict(e)
		}
		return out
	}
	ev.SectorBaseline = score(sectors, apply(func(e Example) string { return e.Sector }))
	ev.TypeBaseline = score(types, apply(func(e Example) string { return e.Type }))
	return ev
}

// readingClock times the classifier's readings.
type readingClock struct {
	elapsed time.Duration
	n       int
}

// reader reads a complaint with c: its classification, and the kab/kota
// named, else the region model's guess when it agrees with what the text
// names (a province, a name several kab/kota share), as routing takes it.
func (clock *readingClock) reader(c *Classifier) func(Example) reading {
	return func(e Example) reading {
		start := time.Now()
		r := reading{Classification: c.Classify(e.Title, e.Text)}
		if r.Place.Found() {
			r.region = r.Place.KabKota.Code
		} else if g := c.GuessRegion(r.Classification); r.Place.Admits(g) {
			r.region = g
		}
		clock.elapsed += time.Since(start)
		clock.n++
		return r
	}
}

// summarize scores the readings rs of the examples ex against their labels;
// the baselines are left to the caller.
func summarize(ex []Example, rs []reading, clock readingClock) Evaluation {
	var ev Evaluation
	sectors, types := labelsOf(ex)
	ps, pt := make([]string, len(ex)), make([]string, len(ex))
	for i, r := range rs {
		ps[i], pt[i] = r.Sector, r.Type
	}
	ev.Sector, ev.Type = score(sectors, ps), score(types, pt)
	ev.SectorTop3, ev.Routed, ev.SectorCalibration = top3(ex, rs), coverage(ex, rs), calibrationError(ex, rs)
	ev.ComplaintsPerSec = float64(clock.n) / clock.elapsed.Seconds()

	var want, got, wantNamed, gotNamed []string
	guessed := 0
	for i, e := range ex {
		if len(e.RegionCode) != 5 { // "33.74": a kab/kota
			continue
		}
		code := rs[i].region
		want, got = append(want, e.RegionCode), append(got, code)
		if rs[i].Place.Found() {
			wantNamed, gotNamed = append(wantNamed, e.RegionCode), append(gotNamed, code)
		} else if code != "" {
			guessed++
		}
	}
	ev.Region = score(want, got)
	ev.RegionNamed = score(wantNamed, gotNamed)
	ev.RegionFound = float64(len(wantNamed)) / float64(max(len(want), 1))
	ev.RegionGuessed = float64(guessed) / float64(max(len(want), 1))
	return ev
}

func naiveBayesOn(label func(Example) string) func([]Example) func(Example) string {
	return func(train []Example) func(Example) string {
		var docs [][]string
		var ls []string
		for _, e := range train {
			docs = append(docs, bagOfWords(e.Title+" "+e.Text))
			ls = append(ls, label(e))
		}
		m := trainNaiveBayes(docs, ls)
		return func(e Example) string { return m.classify(bagOfWords(e.Title + " " + e.Text)) }
	}
}

// top3 is the share of examples whose sector is the classifier's first
// choice or one of the next two.
func top3(ex []Example, rs []reading) float64 {
	n := 0
	for i, r := range rs {
		next := r.Alternatives[:min(2, len(r.Alternatives))]
		if r.Sector == ex[i].Sector || slices.ContainsFunc(next, func(s Scored) bool { return s.Label == ex[i].Sector }) {
			n++
		}
	}
	return float64(n) / float64(len(ex))
}

// coverage is, for each minimum confidence of coverageAt, the share of the
// examples a router would send to an agency and how many of those it would
// send to the right sector.
func coverage(ex []Example, rs []reading) []Coverage {
	out := make([]Coverage, len(coverageAt))
	for j, least := range coverageAt {
		routed, right := 0, 0
		for i, r := range rs {
			if r.Confidence < least {
				continue
			}
			routed++
			if r.Sector == ex[i].Sector {
				right++
			}
		}
		out[j] = Coverage{MinConfidence: least, Share: float64(routed) / float64(len(ex)), Accuracy: float64(right) / float64(max(routed, 1))}
	}
	return out
}

// calibrationError is the expected calibration error of the sector's
// confidence over 10 equal bins of confidence: the gap between the mean
// confidence and the accuracy of each bin, weighed by its share of the
// examples.
func calibrationError(ex []Example, rs []reading) float64 {
	var conf, right [10]float64
	for i, r := range rs {
		b := min(int(r.Confidence*10), 9)
		conf[b] += r.Confidence
		if r.Sector == ex[i].Sector {
			right[b]++
		}
	}
	e := 0.0
	for b := range conf {
		e += math.Abs(conf[b]-right[b]) / float64(len(rs))
	}
	return e
}
