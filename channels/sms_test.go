package channels

import (
	"strings"
	"testing"
)

func TestSegments(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"", 1},
		{strings.Repeat("a", 160), 1},
		{strings.Repeat("a", 161), 2},
		{strings.Repeat("a", 306), 2},
		{strings.Repeat("a", 307), 3},
		{strings.Repeat("€", 80), 1}, // extension characters count twice
		{strings.Repeat("€", 81), 2},
		{strings.Repeat("é", 70) + "ê", 2}, // ê is not GSM-7: UCS-2
		{strings.Repeat("x", 70) + "😀", 2},
	}
	for _, tt := range tests {
		if got := Segments(tt.text); got != tt.want {
			t.Errorf("Segments(%d chars %q…) = %d, want %d", len([]rune(tt.text)), []rune(tt.text)[:min(3, len([]rune(tt.text)))], got, tt.want)
		}
	}
}

func TestToGSM7(t *testing.T) {
	in := "“Jalan” rusak – parah… 😀"
	got := ToGSM7(in)
	if got != "\"Jalan\" rusak - parah... ?" || !IsGSM7(got) {
		t.Errorf("ToGSM7(%q) = %q", in, got)
	}
}

func TestMask(t *testing.T) {
	if got := Mask("+6281234567890"); got != "+6281****890" {
		t.Errorf("Mask = %q", got)
	}
	if got := Mask("12345"); got != "****" {
		t.Errorf("Mask(short) = %q", got)
	}
}
