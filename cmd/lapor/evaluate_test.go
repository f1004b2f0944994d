package main

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvaluateSpread cross-validates on the first 150 dev complaints, on two
// draws of three folds, and checks that the spread of each score is printed
// and holds together.
func TestEvaluateSpread(t *testing.T) {
	dev, err := os.ReadFile("../../routing/data/lapor2017-dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfterN(string(dev), "\n", 151)[:150]
	path := filepath.Join(t.TempDir(), "dev.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "")), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := runClassify(context.Background(), []string{"--eval", path, "--folds", "3", "--splits", "2"}, nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if !strings.Contains(text, "150 complaints, 3-fold cross-validation") || !strings.Contains(text, "over 2 draws of the folds") {
		t.Fatalf("output:\n%s", text)
	}
	for _, name := range []string{"sector accuracy", "sector macro-F1", "sector top 3", "type accuracy", "region accuracy"} {
		if !strings.Contains(text, "         "+name) {
			t.Errorf("no spread of %s in:\n%s", name, text)
		}
	}
}

func TestSpread(t *testing.T) {
	mean, sd, lo, hi := spread([]float64{0.70, 0.72, 0.74})
	if math.Abs(mean-0.72) > 1e-9 || math.Abs(sd-0.02) > 1e-9 || lo != 0.70 || hi != 0.74 {
		t.Errorf("spread = %v ± %v (%v–%v), want 0.72 ± 0.02 (0.70–0.74)", mean, sd, lo, hi)
	}
}
