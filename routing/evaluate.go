package routing

import (
	"strconv"
	"strings"
	"time"
)

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
	ours := crossValidate(ex, k, func(train []Example) func(Example) string {
		c := TrainClassifier(train, gaz)
		return func(e Example) string {
			start := time.Now()
			r := c.Classify(e.Title, e.Text)
			elapsed += time.Since(start)
			classified++
			return strings.Join([]string{r.Sector, r.Type, r.RegionCode(), strconv.FormatBool(r.Place.Found())}, "|")
		}
	})
	ps, pt, pr, named := make([]string, len(ex)), make([]string, len(ex)), make([]string, len(ex)), make([]string, len(ex))
	for i, p := range ours {
		f := strings.Split(p, "|")
		ps[i], pt[i], pr[i], named[i] = f[0], f[1], f[2], f[3]
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
		want, got = append(want, e.RegionCode), append(got, pr[i])
		if named[i] == "true" {
			wantNamed, gotNamed = append(wantNamed, e.RegionCode), append(gotNamed, pr[i])
		} else if pr[i] != "" {
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
