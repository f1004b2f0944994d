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
	dev, err := os.ReadFile("../../routing/model/data/lapor2017-dev.jsonl")
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
	for _, bad := range [][]string{{"--folds", "1"}, {"--folds", "0"}, {"--folds", "151"}, {"--splits", "0"}} {
		err := runClassify(context.Background(), append([]string{"--eval", path}, bad...), nil, &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), bad[0]) {
			t.Errorf("%v: error %v, want one naming %s", bad, err, bad[0])
		}
	}
	text := out.String()
	if !strings.Contains(text, "150 complaints, 3-fold cross-validation") || !strings.Contains(text, "over 2 draws of the folds") ||
		!strings.Contains(text, "reports whose agency other folds hold") {
		t.Fatalf("output:\n%s", text)
	}
	for _, name := range []string{"sector accuracy", "sector macro-F1", "sector top 3", "sector calibration error", "type accuracy", "region accuracy"} {
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

// TestScoreHeldOut scores the embedded model on labelled complaints, and
// says when they are ones it learnt from.
func TestScoreHeldOut(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	unseen := write("unseen.jsonl", "\ufeff"+`{"id": "x1", "title": "Paspor", "text": "antrian paspor online selalu penuh", "type": "pengaduan", "sector": "imigrasi", "region_code": null}`+"\n\n"+
		`{"id": "x2", "text": "jalan rusak berlubang di Kota Semarang", "type": "pengaduan", "sector": "pekerjaan-umum", "region_code": "33.74"}`+"\n")
	dev, err := os.ReadFile("../../routing/model/data/lapor2017-dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	seen := write("seen.jsonl", strings.Join(strings.SplitAfterN(string(dev), "\n", 11)[:10], ""))
	for _, tt := range []struct {
		path string
		want []string
		not  string
	}{
		{unseen, []string{"2 complaints, scored with the embedded model, which learnt from the 975 of the dev set", "region   right kab/kota on 1.000 of the 1 reports"}, "in the dev set (by id)"},
		{seen, []string{"10 complaints", "10 of them are in the dev set (by id), which the model learnt from"}, ""},
	} {
		var out bytes.Buffer
		if err := runClassify(context.Background(), []string{"--test", tt.path}, nil, &out, &out); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("no %q in:\n%s", w, out.String())
			}
		}
		if tt.not != "" && strings.Contains(out.String(), tt.not) {
			t.Errorf("%q in:\n%s", tt.not, out.String())
		}
	}
	empty := write("empty.jsonl", "\n")
	if err := runClassify(context.Background(), []string{"--test", empty}, nil, &bytes.Buffer{}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "no labelled complaints") {
		t.Errorf("an empty file: error %v", err)
	}
	unlabelled := write("unlabelled.jsonl", `{"id": "x3", "text": "antrian paspor penuh"}`+"\n")
	var out bytes.Buffer
	if err := runClassify(context.Background(), []string{"--test", unlabelled}, nil, &out, &out); err == nil || !strings.Contains(err.Error(), `line 1: a labelled complaint needs its "sector" and "type"`) {
		t.Errorf("a complaint without labels: error %v", err)
	}
	if err := runClassify(context.Background(), []string{"--test", unseen, "--eval", unseen}, nil, &out, &out); err == nil {
		t.Error("--test and --eval together: no error")
	}
}
