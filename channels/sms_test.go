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

func TestSplitSMS(t *testing.T) {
	long := strings.Repeat("Jalan sudah kami perbaiki dan diaspal ulang. ", 20) // 900 characters
	parts := SplitSMS(long, 2)
	if len(parts) < 3 {
		t.Fatalf("%d parts, want at least 3", len(parts))
	}
	if strings.Join(parts, " ") != strings.TrimSpace(strings.Join(strings.Fields(long), " ")) {
		t.Errorf("the parts lose words: %q", parts)
	}
	for i, p := range parts {
		if Segments(p) > 2 || !IsGSM7(p) {
			t.Errorf("part %d takes %d segments: %q", i, Segments(p), p)
		}
	}
	if got := SplitSMS("Terima kasih “laporannya”", 2); len(got) != 1 || got[0] != `Terima kasih "laporannya"` {
		t.Errorf("a short text: %q", got)
	}
}
