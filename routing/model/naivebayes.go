package model

import (
	"math"
	"strings"
	"unicode"
)

// naiveBayes is the plain multinomial naive Bayes over a bag of lowercase
// words (no stemming, no stop words, Laplace smoothing): the baseline the
// classifier is measured against.
type naiveBayes struct {
	classes []string
	prior   map[string]float64
	counts  map[string]map[string]float64
	totals  map[string]float64
	vocab   map[string]bool
}

func bagOfWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func trainNaiveBayes(docs [][]string, labels []string) *naiveBayes {
	nb := &naiveBayes{prior: map[string]float64{}, counts: map[string]map[string]float64{}, totals: map[string]float64{}, vocab: map[string]bool{}}
	for i, d := range docs {
		c := labels[i]
		if nb.counts[c] == nil {
			nb.counts[c] = map[string]float64{}
			nb.classes = append(nb.classes, c)
		}
		nb.prior[c]++
		for _, w := range d {
			nb.counts[c][w]++
			nb.totals[c]++
			nb.vocab[w] = true
		}
	}
	return nb
}

func (nb *naiveBayes) classify(doc []string) string {
	best, bestScore := "", math.Inf(-1)
	v := float64(len(nb.vocab))
	for _, c := range nb.classes {
		s := math.Log(nb.prior[c])
		for _, w := range doc {
			if nb.vocab[w] {
				s += math.Log((nb.counts[c][w] + 1) / (nb.totals[c] + v))
			}
		}
		if s > bestScore {
			best, bestScore = c, s
		}
	}
	return best
}
