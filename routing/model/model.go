package model

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/routing/geo"
)

//go:generate go run ../../cmd/lapor train --out data/model.gob.gz

// ModelFile is where `go generate ./routing/model` writes the trained classifier,
// embedded in the binary so that it loads in milliseconds instead of
// training at every start.
const ModelFile = "data/model.gob.gz"

// savedLinear is a linear model as stored: the vocabulary in feature order,
// weights as float32 (their precision is far beyond what the data supports).
type savedLinear struct {
	Classes []string
	Terms   []string
	IDF     []float32
	W       [][]float32
	Bias    []float32
	Counts  []int // training examples per class
}

type savedClassifier struct {
	Sector, Type, Region savedLinear
}

func saveLinear(m *linear) savedLinear {
	s := savedLinear{Classes: m.classes, Terms: make([]string, len(m.vocab)), IDF: make([]float32, len(m.idf)),
		W: make([][]float32, len(m.w)), Bias: make([]float32, len(m.bias))}
	for t, i := range m.vocab {
		s.Terms[i] = t
	}
	for i, v := range m.idf {
		s.IDF[i] = float32(v)
	}
	for i, row := range m.w {
		s.W[i] = make([]float32, len(row))
		for c, v := range row {
			s.W[i][c] = float32(v)
		}
	}
	for i, v := range m.bias {
		s.Bias[i] = float32(v)
	}
	for _, n := range m.counts {
		s.Counts = append(s.Counts, int(n))
	}
	return s
}

func (s savedLinear) load() *linear {
	m := &linear{classes: s.Classes, vocab: make(map[string]int, len(s.Terms)), idf: make([]float64, len(s.IDF)),
		w: make([][]float64, len(s.W)), bias: make([]float64, len(s.Bias))}
	for i, t := range s.Terms {
		m.vocab[t] = i
	}
	for i, v := range s.IDF {
		m.idf[i] = float64(v)
	}
	flat := make([]float64, len(s.W)*len(s.Classes))
	for i, row := range s.W {
		m.w[i] = flat[i*len(s.Classes) : (i+1)*len(s.Classes)]
		for c, v := range row {
			m.w[i][c] = float64(v)
		}
	}
	for i, v := range s.Bias {
		m.bias[i] = float64(v)
	}
	for _, n := range s.Counts {
		m.counts = append(m.counts, float64(n))
	}
	return m
}

// WriteModel writes a classifier in the embedded model's format.
func WriteModel(w io.Writer, c *Classifier) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(zw).Encode(savedClassifier{Sector: saveLinear(c.sector), Type: saveLinear(c.typ), Region: saveLinear(c.region)}); err != nil {
		return err
	}
	return zw.Close()
}

// readModel reads a classifier written by WriteModel.
func readModel(r io.Reader, gaz *geo.Gazetteer) (*Classifier, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	var s savedClassifier
	if err := gob.NewDecoder(zr).Decode(&s); err != nil {
		return nil, err
	}
	if len(s.Sector.Counts) != len(s.Sector.Classes) {
		return nil, errors.New("the model lacks the sector's example counts, which the lexicon prior needs (run go generate ./routing/model)")
	}
	for _, code := range s.Sector.Classes {
		if _, ok := SectorByCode(code); !ok {
			return nil, fmt.Errorf("the model knows sector %q, which is not one of sectors.csv", code)
		}
	}
	for _, t := range s.Type.Classes {
		if !slices.Contains(report.Types, t) {
			return nil, fmt.Errorf("the model knows type %q, which is not one of %s", t, strings.Join(report.Types, ", "))
		}
	}
	for _, code := range s.Region.Classes {
		if _, ok := geo.AllRegions().Lookup(code); !ok && code != noRegion {
			return nil, fmt.Errorf("the model knows region %q, which is not a Kemendagri code", code)
		}
	}
	return &Classifier{sector: s.Sector.load(), typ: s.Type.load(), region: s.Region.load(), gaz: gaz}, nil
}

var embeddedModel = sync.OnceValues(func() (*Classifier, error) {
	b, err := dataFS.ReadFile(ModelFile)
	if err != nil {
		return nil, fmt.Errorf("embedded model: %w (run go generate ./routing/model)", err)
	}
	return readModel(bytes.NewReader(b), geo.DefaultGazetteer())
})

// LoadModel reads a classifier that WriteModel wrote to a file (lapor
// train), to route with instead of the embedded model.
func LoadModel(path string) (*Classifier, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c, err := readModel(f, geo.DefaultGazetteer())
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", path, err)
	}
	return c, nil
}

// DefaultClassifier is the embedded model, trained on the dev set.
func DefaultClassifier() *Classifier {
	c, err := embeddedModel()
	if err != nil {
		panic(err) // embedded data is checked by the package tests
	}
	return c
}
