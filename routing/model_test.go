package routing

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"time"
)

// TestEmbeddedModelIsCurrent fails when the embedded model is not the one
// the code and the dev set train today: run go generate ./routing.
func TestEmbeddedModelIsCurrent(t *testing.T) {
	raw, err := dataFS.ReadFile(ModelFile)
	if err != nil {
		t.Fatal(err)
	}
	DefaultGazetteer() // built once for the whole service, not part of loading the model
	start := time.Now()
	embedded, err := readModel(bytes.NewReader(raw), DefaultGazetteer())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("embedded model (%d bytes) loaded in %v", len(raw), time.Since(start))
	var buf bytes.Buffer
	if err := WriteModel(&buf, TrainClassifier(DevSet(), DefaultGazetteer())); err != nil {
		t.Fatal(err)
	}
	fresh, err := readModel(&buf, DefaultGazetteer())
	if err != nil {
		t.Fatal(err)
	}
	for _, pair := range [][2]*linear{{embedded.sector, fresh.sector}, {embedded.typ, fresh.typ}, {embedded.region, fresh.region}} {
		a, b := pair[0], pair[1]
		if len(a.vocab) != len(b.vocab) || len(a.classes) != len(b.classes) {
			t.Fatalf("embedded model: %d terms, %d classes; trained now: %d, %d (run go generate ./routing)",
				len(a.vocab), len(a.classes), len(b.vocab), len(b.classes))
		}
		for term, i := range a.vocab {
			j, ok := b.vocab[term]
			if !ok {
				t.Fatalf("term %q is only in the embedded model (run go generate ./routing)", term)
			}
			for c := range a.classes {
				if math.Abs(a.w[i][c]-b.w[j][c]) > 1e-4 {
					t.Fatalf("weight of %q differs: %v vs %v (run go generate ./routing)", term, a.w[i][c], b.w[j][c])
				}
			}
		}
	}
}

// TestModelWithoutCounts: a model written before the sector's example counts
// were kept is refused with a word on what to do, not read to fail later.
func TestModelWithoutCounts(t *testing.T) {
	c := TrainClassifier(DevSet()[:100], DefaultGazetteer())
	c.sector.counts = nil
	var buf bytes.Buffer
	if err := WriteModel(&buf, c); err != nil {
		t.Fatal(err)
	}
	if _, err := readModel(&buf, DefaultGazetteer()); err == nil || !strings.Contains(err.Error(), "go generate") {
		t.Errorf("a model without counts: error %v", err)
	}
}
