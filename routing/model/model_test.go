package model

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sp4n-lapor/lapor/routing/geo"
)

// TestEmbeddedModelIsCurrent fails when the embedded model is not the one
// the code and the dev set train today: run go generate ./routing/model.
func TestEmbeddedModelIsCurrent(t *testing.T) {
	raw, err := dataFS.ReadFile(ModelFile)
	if err != nil {
		t.Fatal(err)
	}
	geo.DefaultGazetteer() // built once for the whole service, not part of loading the model
	start := time.Now()
	embedded, err := readModel(bytes.NewReader(raw), geo.DefaultGazetteer())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("embedded model (%d bytes) loaded in %v", len(raw), time.Since(start))
	var buf bytes.Buffer
	if err := WriteModel(&buf, TrainClassifier(DevSet(), geo.DefaultGazetteer())); err != nil {
		t.Fatal(err)
	}
	fresh, err := readModel(&buf, geo.DefaultGazetteer())
	if err != nil {
		t.Fatal(err)
	}
	for _, pair := range [][2]*linear{{embedded.sector, fresh.sector}, {embedded.typ, fresh.typ}, {embedded.region, fresh.region}} {
		a, b := pair[0], pair[1]
		if len(a.vocab) != len(b.vocab) || len(a.classes) != len(b.classes) {
			t.Fatalf("embedded model: %d terms, %d classes; trained now: %d, %d (run go generate ./routing/model)",
				len(a.vocab), len(a.classes), len(b.vocab), len(b.classes))
		}
		for term, i := range a.vocab {
			j, ok := b.vocab[term]
			if !ok {
				t.Fatalf("term %q is only in the embedded model (run go generate ./routing/model)", term)
			}
			for c := range a.classes {
				if math.Abs(a.w[i][c]-b.w[j][c]) > 1e-4 {
					t.Fatalf("weight of %q differs: %v vs %v (run go generate ./routing/model)", term, a.w[i][c], b.w[j][c])
				}
			}
		}
	}
}

// TestModelWithoutCounts: a model written before the sector's example counts
// were kept is refused with a word on what to do, not read to fail later.
func TestModelWithoutCounts(t *testing.T) {
	c := TrainClassifier(DevSet()[:100], geo.DefaultGazetteer())
	c.sector.counts = nil
	var buf bytes.Buffer
	if err := WriteModel(&buf, c); err != nil {
		t.Fatal(err)
	}
	if _, err := readModel(&buf, geo.DefaultGazetteer()); err == nil || !strings.Contains(err.Error(), "go generate") {
		t.Errorf("a model without counts: error %v", err)
	}
}

// TestLoadModel reads a model written to a file, as lapor train writes one,
// and refuses one that routes to sectors or types the service does not know.
func TestLoadModel(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, c *Classifier) string {
		t.Helper()
		path := filepath.Join(dir, name)
		var buf bytes.Buffer
		if err := WriteModel(&buf, c); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	ex := DevSet()[:200]
	trained := TrainClassifier(ex, geo.DefaultGazetteer())
	loaded, err := LoadModel(write("model.gob.gz", trained))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ex[:20] {
		if a, b := trained.Classify(e.Title, e.Text), loaded.Classify(e.Title, e.Text); a.Sector != b.Sector || a.Type != b.Type {
			t.Errorf("%q: trained %s/%s, loaded %s/%s", e.Title, a.Sector, a.Type, b.Sector, b.Type)
		}
	}
	odd := slices.Clone(ex)
	odd[0].Sector = "sihir"
	if _, err := LoadModel(write("odd-sector.gob.gz", TrainClassifier(odd, geo.DefaultGazetteer()))); err == nil || !strings.Contains(err.Error(), `"sihir"`) {
		t.Errorf("a model with an unknown sector: error %v", err)
	}
	odd = slices.Clone(ex)
	odd[0].Type = "pujian"
	if _, err := LoadModel(write("odd-type.gob.gz", TrainClassifier(odd, geo.DefaultGazetteer()))); err == nil || !strings.Contains(err.Error(), `"pujian"`) {
		t.Errorf("a model with an unknown type: error %v", err)
	}
	odd = slices.Clone(ex)
	odd[0].RegionCode = "99.99"
	if _, err := LoadModel(write("odd-region.gob.gz", TrainClassifier(odd, geo.DefaultGazetteer()))); err == nil || !strings.Contains(err.Error(), `"99.99"`) {
		t.Errorf("a model with an unknown region: error %v", err)
	}
	notGzip := filepath.Join(dir, "notes.txt")
	os.WriteFile(notGzip, []byte("not a model"), 0o600)
	for _, path := range []string{notGzip, filepath.Join(dir, "missing.gob.gz")} {
		if _, err := LoadModel(path); err == nil {
			t.Errorf("%s: no error", path)
		}
	}
}
