package storage

import (
	"regexp"
	"testing"
)

func TestNewTrackingCode(t *testing.T) {
	shape := regexp.MustCompile(`^LPR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$`)
	seen := map[string]bool{}
	for range 10000 {
		c := NewTrackingCode()
		if !shape.MatchString(c) {
			t.Fatalf("code %q has the wrong shape", c)
		}
		if seen[c] {
			t.Fatalf("code %q drawn twice in 10,000: not 40 random bits", c)
		}
		seen[c] = true
	}
}

func TestNormalizeTrackingCode(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"LPR-7K2M-9QXT", "LPR-7K2M-9QXT", true},
		{"lpr-7k2m-9qxt", "LPR-7K2M-9QXT", true},
		{"LPR7K2M9QXT", "LPR-7K2M-9QXT", true},
		{"7k2m9qxt", "LPR-7K2M-9QXT", true},
		{" lpr 7k2m 9qxt ", "LPR-7K2M-9QXT", true},
		{"LPR-OIL0-0000", "LPR-0110-0000", true},
		{"LPR-7K2M-9QXU", "", false}, // U is not in the alphabet
		{"LPR-7K2M-9QX", "", false},
		{"", "", false},
		{"'; DROP TABLE reports; --", "", false},
	}
	for _, tt := range tests {
		got, err := NormalizeTrackingCode(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("NormalizeTrackingCode(%q) = %q, %v; want %q, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
