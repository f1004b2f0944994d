package model

import (
	"maps"
	"math/rand/v2"
	"slices"
)

// Scores are how well predictions matched labels.
type Scores struct {
	N        int     `json:"n"`
	Accuracy float64 `json:"accuracy"`
	MacroF1  float64 `json:"macro_f1"`
}

// score compares predictions with labels; macro-F1 averages the F1 of every
// class that occurs among the labels or the predictions. No labels score 0.
func score(labels, preds []string) Scores {
	if len(labels) == 0 {
		return Scores{}
	}
	tp, fp, fn := map[string]float64{}, map[string]float64{}, map[string]float64{}
	classes := map[string]bool{}
	right := 0
	for i := range labels {
		classes[labels[i]], classes[preds[i]] = true, true
		if labels[i] == preds[i] {
			right++
			tp[labels[i]]++
		} else {
			fp[preds[i]]++
			fn[labels[i]]++
		}
	}
	f1 := 0.0
	for _, c := range slices.Sorted(maps.Keys(classes)) { // a fixed order: the same sum every run
		if d := 2*tp[c] + fp[c] + fn[c]; d > 0 {
			f1 += 2 * tp[c] / d
		}
	}
	return Scores{N: len(labels), Accuracy: float64(right) / float64(len(labels)), MacroF1: f1 / float64(len(classes))}
}

// folds splits n items into k folds at random, seeded by split: the same
// split gives the same folds in every run, another split other folds.
func folds(n, k int, split uint64) [][]int {
	order := rand.New(rand.NewPCG(2017+split, 5)).Perm(n)
	out := make([][]int, k)
	for i, j := range order {
		out[i%k] = append(out[i%k], j)
	}
	return out
}

// crossValidate trains on k-1 folds and predicts the k-th, for each fold of
// the split, and returns the predictions in the examples' order.
func crossValidate[T any](ex []Example, k int, split uint64, train func([]Example) func(Example) T) []T {
	preds := make([]T, len(ex))
	for _, test := range folds(len(ex), k, split) {
		held := map[int]bool{}
		for _, i := range test {
			held[i] = true
		}
		var trainSet []Example
		for i, e := range ex {
			if !held[i] {
				trainSet = append(trainSet, e)
			}
		}
		predict := train(trainSet)
		for _, i := range test {
			preds[i] = predict(ex[i])
		}
	}
	return preds
}

// labelsOf are the examples' sectors and types, in their order.
func labelsOf(ex []Example) (sectors, types []string) {
	sectors, types = make([]string, len(ex)), make([]string, len(ex))
	for i, e := range ex {
		sectors[i], types[i] = e.Sector, e.Type
	}
	return sectors, types
}
