package model

import (
	"slices"
	"testing"
)

func TestRuleOutTypes(t *testing.T) {
	classes := []string{"aspirasi", "informasi", "pengaduan"}
	for _, tt := range []struct {
		title, text string
		left        []string // the types left, in the order of classes
	}{
		{"", "jalan rusak berlubang sejak bulan lalu", []string{"pengaduan"}},
		{"", "jalan rusak, kapan diperbaiki", []string{"informasi", "pengaduan"}},
		{"Jalan rusak?", "sudah sebulan", []string{"informasi", "pengaduan"}},
		{"Saran", "sebaiknya jalan diperlebar", []string{"aspirasi", "pengaduan"}},
		{"", "mohon info, sebaiknya bagaimana?", classes},
	} {
		p := []float64{0.5, 0.3, 0.2}
		ruleOutTypes(classes, readWords(tt.title, tt.text), p)
		var left []string
		for c, x := range p {
			if x > 0 {
				left = append(left, classes[c])
			}
		}
		if !slices.Equal(left, tt.left) {
			t.Errorf("%q %q: %v left, want %v", tt.title, tt.text, left, tt.left)
		}
	}
}
