package routing

import "time"

// Evaluation is the result of cross-validating the classifier on labelled
// complaints, beside a plain naive Bayes baseline.
type Evaluation struct {
	Folds          int     `json:"folds"`
	Sector         Scores  `json:"sector"`
	SectorBaseline Scores  `json:"sector_naive_bayes"`
	Type           Scores  `json:"type"`
	TypeBaseline   Scores  `json:"type_naive_bayes"`
	Region         Scores  `json:"region"`         // over the examples whose label names a kab/kota
	RegionNamed    Scores  `json:"region_named"`   // over those of them whose text names a kab/kota
	RegionFound    float64 `json:"region_found"`   // the share whose text names a kab/kota
	RegionGuessed  float64 `json:"region_guessed"` // the share the region model placed

	ComplaintsPerSec float64 `json:"complaints_per_second"`
}

// Evaluate cross-validates the classifier on ex in k folds. Region is scored
// on the examples labelled with a kab/kota (a label naming only a province is
// left out): the place the gazetteer finds, else the region model's guess.
func Evaluate(ex []Example, k int, gaz *Gazetteer) Evaluation {
	ev := Evaluation{Folds: k}
	sectors, types := make([]string, len(ex)), make([]string, len(ex))
	for i, e := range ex {
		sectors[i], types[i] = e.Sector, e.Type
	}
	var elapsed time.Duration
	var classified int
	type reading struct {
		Classification
		region string // the place named, else the guess
	}
	ours := crossValidate(ex, k, func(train []Example) func(Example) reading {
		c := TrainClassifier(train, gaz)
		return func(e Example) reading {
			start := time.Now()
			r := reading{Classification: c.Classify(e.Title, e.Text)}
			if r.Place.Found() {
				r.region = r.Place.KabKota.Code
			} else {
				r.region = c.GuessRegion(r.Classification)
			}
			elapsed += time.Since(start)
			classified++
			return r
		}
	})
	ps, pt := make([]string, len(ex)), make([]string, len(ex))
	for i, r := range ours {
		ps[i], pt[i] = r.Sector, r.Type
	}
	ev.Sector, ev.Type = score(sectors, ps), score(types, pt)
	ev.ComplaintsPerSec = float64(classified) / elapsed.Seconds()
	ev.SectorBaseline = score(sectors, crossValidate(ex, k, naiveBayesOn(func(e Example) string { return e.Sector })))
	ev.TypeBaseline = score(types, crossValidate(ex, k, naiveBayesOn(func(e Example) string { return e.Type })))

	var want, got, wantNamed, gotNamed []string
	guessed := 0
	for i, e := range ex {
		if len(e.RegionCode) != 5 { // "33.74": a kab/kota
			continue
		}
		code := ours[i].region
		want, got = append(want, e.RegionCode), append(got, code)
		if ours[i].Place.Found() {
			wantNamed, gotNamed = append(wantNamed, e.RegionCode), append(gotNamed, code)
		} else if code != "" {
			guessed++
		}
	}
	ev.Region = score(want, got)
	ev.RegionNamed = score(wantNamed, gotNamed)
	ev.RegionFound = float64(len(wantNamed)) / float64(len(want))
	ev.RegionGuessed = float64(guessed) / float64(len(want))
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
