package model

import (
	"math"
	"math/rand/v2"
	"slices"
)

// linear is a multinomial logistic regression over TF-IDF features: the
// model behind the sector and type classifiers. It trains in a fraction of a
// second on the dev set, so the binary ships the data and trains at start.
type linear struct {
	classes []string
	vocab   map[string]int
	idf     []float64
	w       [][]float64 // per feature, per class
	bias    []float64
	counts  []float64 // the training examples of each class
}

type linearOptions struct {
	epochs int
	rate   float64
	l2     float64
	minDF  int
	// runs is how many times the model is fitted, each visiting the
	// examples in another order; the weights are averaged (1 if 0).
	runs int
	// balance weighs each class's examples by (largest class / class size)
	// to this power: 0 weighs all alike, 1 makes every class count alike.
	balance float64
}

type sparse struct {
	idx []int
	val []float64
}

func trainLinear(docs [][]string, labels []string, opt linearOptions) *linear {
	m := &linear{vocab: map[string]int{}}
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, t := range d {
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
	}
	terms := make([]string, 0, len(df))
	for t, n := range df {
		if n >= opt.minDF {
			terms = append(terms, t)
		}
	}
	slices.Sort(terms) // deterministic feature order
	for i, t := range terms {
		m.vocab[t] = i
		m.idf = append(m.idf, math.Log(float64(1+len(docs))/float64(1+df[t]))+1)
	}
	for _, l := range labels {
		if !slices.Contains(m.classes, l) {
			m.classes = append(m.classes, l)
		}
	}
	slices.Sort(m.classes)
	k := len(m.classes)
	m.w = make([][]float64, len(terms))
	for i := range m.w {
		m.w[i] = make([]float64, k)
	}
	m.bias = make([]float64, k)
	xs := make([]sparse, len(docs))
	ys := make([]int, len(docs))
	for i, d := range docs {
		xs[i] = m.vector(d)
		ys[i], _ = slices.BinarySearch(m.classes, labels[i])
	}
	runs := max(opt.runs, 1)
	for run := range runs {
		w, bias := descend(xs, ys, k, len(terms), opt, uint64(run+1))
		for f := range w {
			for c := range k {
				m.w[f][c] += w[f][c] / float64(runs)
			}
		}
		for c := range k {
			m.bias[c] += bias[c] / float64(runs)
		}
	}
	m.counts = make([]float64, k)
	for _, y := range ys {
		m.counts[y]++
	}
	return m
}

// descend fits the weights by Adagrad on the softmax loss (per-weight step
// sizes suit sparse text), visiting the examples in an order drawn from seed.
func descend(xs []sparse, ys []int, k, features int, opt linearOptions, seed uint64) (w [][]float64, bias []float64) {
	w, gw := make([][]float64, features), make([][]float64, features)
	for i := range w {
		w[i], gw[i] = make([]float64, k), make([]float64, k)
	}
	bias, gb := make([]float64, k), make([]float64, k)
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	size := make([]float64, k)
	for _, y := range ys {
		size[y]++
	}
	weight := make([]float64, k)
	for c := range k {
		weight[c] = math.Pow(slices.Max(size)/size[c], opt.balance)
	}
	fit := &linear{w: w, bias: bias}
	rng := rand.New(rand.NewPCG(seed, 2))
	p := make([]float64, k)
	for range opt.epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			fit.scores(xs[i], p)
			softmax(p)
			p[ys[i]] -= 1 // gradient of the loss on the scores
			for c := range k {
				g := p[c] * weight[ys[i]]
				gb[c] += g * g
				bias[c] -= opt.rate * g / (math.Sqrt(gb[c]) + 1e-8)
				for j, f := range xs[i].idx {
					gf := g*xs[i].val[j] + opt.l2*w[f][c]
					gw[f][c] += gf * gf
					w[f][c] -= opt.rate * gf / (math.Sqrt(gw[f][c]) + 1e-8)
				}
			}
		}
	}
	return w, bias
}

// vector is a document's TF-IDF vector: sublinear counts, unit length, its
// features in order, so that the same text gives the same scores to the
// last bit in every run.
func (m *linear) vector(doc []string) sparse {
	idx := make([]int, 0, len(doc))
	for _, t := range doc {
		if i, ok := m.vocab[t]; ok {
			idx = append(idx, i)
		}
	}
	slices.Sort(idx)
	var v sparse
	norm := 0.0
	for start := 0; start < len(idx); {
		end := start + 1
		for end < len(idx) && idx[end] == idx[start] {
			end++
		}
		i := idx[start]
		x := (1 + math.Log(float64(end-start))) * m.idf[i]
		v.idx = append(v.idx, i)
		v.val = append(v.val, x)
		norm += x * x
		start = end
	}
	norm = math.Sqrt(norm)
	for j := range v.val {
		v.val[j] /= norm
	}
	return v
}

func (m *linear) scores(x sparse, out []float64) {
	copy(out, m.bias)
	for j, f := range x.idx {
		for c, w := range m.w[f] {
			out[c] += w * x.val[j]
		}
	}
}

func softmax(p []float64) {
	hi := slices.Max(p)
	sum := 0.0
	for i := range p {
		p[i] = math.Exp(p[i] - hi)
		sum += p[i]
	}
	for i := range p {
		p[i] /= sum
	}
}

// temper divides the log-probabilities p by t and normalises them again:
// with t > 1 a model that is surer than it is right becomes less sure,
// without any change to the order of its classes.
func temper(p []float64, t float64) {
	for i := range p {
		p[i] = math.Log(p[i]) / t
	}
	softmax(p)
}

// predict returns the probability of each class, in m.classes order.
func (m *linear) predict(doc []string) []float64 {
	p := make([]float64, len(m.classes))
	m.scores(m.vector(doc), p)
	softmax(p)
	return p
}
