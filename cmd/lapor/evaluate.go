package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"time"

	"github.com/sp4n-lapor/lapor/routing/geo"
	"github.com/sp4n-lapor/lapor/routing/model"
)

// evaluate prints the cross-validation of the classifier on the labelled
// complaints of path, on the first draw of the folds, then the spread of the
// main scores over splits draws, then the learning curve if asked.
func evaluate(path string, folds, splits int, curve bool, stdout io.Writer) error {
	ex, err := readExamples(path)
	if err != nil {
		return err
	}
	if folds < 2 || folds > len(ex) {
		return fmt.Errorf("--folds %d: want from 2 to the %d complaints of %s", folds, len(ex), path)
	}
	if splits < 1 {
		return fmt.Errorf("--splits %d: want 1 or more", splits)
	}
	start := time.Now()
	ev := model.Evaluate(ex, folds, 0, geo.DefaultGazetteer())
	fmt.Fprintf(stdout, "%d complaints, %d-fold cross-validation (%s)\n", len(ex), folds, time.Since(start).Round(time.Millisecond))
	printScores(ev, stdout)
	if splits > 1 {
		printSpread(ex, folds, splits, ev, stdout)
	}
	if curve {
		fmt.Fprintln(stdout, "learning curve: share of each training fold, complaints learnt from, sector accuracy / macro-F1, type accuracy")
		for _, p := range model.LearningCurve(ex, folds, geo.DefaultGazetteer(), []float64{0.25, 0.5, 0.75, 1}) {
			fmt.Fprintf(stdout, "         %3.0f%%  %4d   %.3f / %.3f   %.3f\n", p.Share*100, p.Train, p.Sector.Accuracy, p.Sector.MacroF1, p.Type.Accuracy)
		}
	}
	return nil
}

// test prints how c, the model built in or the one of the file modelPath,
// scores on the labelled complaints of path, which it should not have learnt
// from: the dev set's are counted.
func test(path string, c *model.Classifier, modelPath string, stdout io.Writer) error {
	ex, err := readExamples(path)
	if err != nil {
		return err
	}
	dev := model.DevSet()
	learnt := map[string]bool{}
	for _, e := range dev {
		learnt[e.ID] = true
	}
	seen := 0
	for _, e := range ex {
		if learnt[e.ID] {
			seen++
		}
	}
	ev := model.Test(c, dev, ex)
	if modelPath == "" {
		fmt.Fprintf(stdout, "%d complaints, scored with the embedded model, which learnt from the %d of the dev set\n", len(ex), len(dev))
	} else {
		fmt.Fprintf(stdout, "%d complaints, scored with the model of %s (the baseline learnt from the %d of the dev set)\n", len(ex), modelPath, len(dev))
	}
	if seen > 0 {
		fmt.Fprintf(stdout, "         %d of them are in the dev set (by id), which the model learnt from: the scores flatter it\n", seen)
	}
	printScores(ev, stdout)
	return nil
}

func readExamples(path string) ([]model.Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ex, err := model.ReadExamples(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(ex) == 0 {
		return nil, fmt.Errorf("%s: no labelled complaints", path)
	}
	return ex, nil
}

// printScores prints an evaluation beside its naive Bayes baseline.
func printScores(ev model.Evaluation, stdout io.Writer) {
	fmt.Fprintf(stdout, "%-8s %-28s %-28s\n", "", "lapor classifier", "naive Bayes baseline")
	row := func(name string, a, b model.Scores) {
		fmt.Fprintf(stdout, "%-8s accuracy %.3f macro-F1 %.3f   accuracy %.3f macro-F1 %.3f\n", name, a.Accuracy, a.MacroF1, b.Accuracy, b.MacroF1)
	}
	row("sector", ev.Sector, ev.SectorBaseline)
	fmt.Fprintf(stdout, "         right sector among the three likeliest (what triage suggests): %.3f\n", ev.SectorTop3)
	fmt.Fprintf(stdout, "         confidence off from accuracy by %.3f (expected calibration error, 10 bins)\n", ev.SectorCalibration)
	row("type", ev.Type, ev.TypeBaseline)
	if h := ev.TypeHabit; h.N > 0 {
		fmt.Fprintf(stdout, "         on the %d reports whose agency other folds hold: %.3f from the text, %.3f from the agency (its most common type there)\n",
			h.N, h.Classifier, h.FromAgency)
	}
	fmt.Fprintf(stdout, "region   right kab/kota on %.3f of the %d reports whose label names one\n", ev.Region.Accuracy, ev.Region.N)
	fmt.Fprintf(stdout, "         named in the text in %.3f (right on %.3f of those), guessed from the words in %.3f\n",
		ev.RegionFound, ev.RegionNamed.Accuracy, ev.RegionGuessed)
	fmt.Fprintln(stdout, "triage   below   routed   right sector of those routed")
	for _, c := range ev.Routed {
		fmt.Fprintf(stdout, "         %.2f    %.3f    %.3f\n", c.MinConfidence, c.Share, c.Accuracy)
	}
	fmt.Fprintf(stdout, "speed    %.0f complaints/s classified (one core)\n", ev.ComplaintsPerSec)
}

// printSpread cross-validates on splits-1 more draws of the folds and prints,
// for each main score, its mean, standard deviation and range over all the
// draws, first's included.
func printSpread(ex []model.Example, folds, splits int, first model.Evaluation, stdout io.Writer) {
	evs := []model.Evaluation{first}
	for split := 1; split < splits; split++ {
		evs = append(evs, model.Evaluate(ex, folds, uint64(split), geo.DefaultGazetteer()))
	}
	fmt.Fprintf(stdout, "spread   over %d draws of the folds: mean ± standard deviation (lowest–highest)\n", splits)
	for _, s := range []struct {
		name  string
		score func(model.Evaluation) float64
	}{
		{"sector accuracy", func(e model.Evaluation) float64 { return e.Sector.Accuracy }},
		{"sector macro-F1", func(e model.Evaluation) float64 { return e.Sector.MacroF1 }},
		{"sector top 3", func(e model.Evaluation) float64 { return e.SectorTop3 }},
		{"sector calibration error", func(e model.Evaluation) float64 { return e.SectorCalibration }},
		{"type accuracy", func(e model.Evaluation) float64 { return e.Type.Accuracy }},
		{"region accuracy", func(e model.Evaluation) float64 { return e.Region.Accuracy }},
	} {
		xs := make([]float64, len(evs))
		for i, e := range evs {
			xs[i] = s.score(e)
		}
		mean, sd, lo, hi := spread(xs)
		fmt.Fprintf(stdout, "         %-24s %.3f ± %.3f (%.3f–%.3f)\n", s.name, mean, sd, lo, hi)
	}
}

// spread is the mean, sample standard deviation, lowest and highest of xs.
func spread(xs []float64) (mean, sd, lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range xs {
		mean += x / float64(len(xs))
		lo, hi = min(lo, x), max(hi, x)
	}
	for _, x := range xs {
		sd += (x - mean) * (x - mean) / float64(len(xs)-1)
	}
	return mean, math.Sqrt(sd), lo, hi
}
