package text

import (
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Jln. di dpn SDN 3 rusaaaak parahh!!", "jalan di depan sdn 3 rusak parah"},
		{"sdh 3 bln blm diperbaiki, yg bener aja", "sudah 3 bulan belum diperbaiki yang bener saja"},
		{"Kab. Bandung Barat, Kec. Lembang", "kabupaten bandung barat kecamatan lembang"},
		{"Mohon maaf saat ini", "mohon maaf saat ini"},
		{"pungutan di SMP N 2", "pungutan di smp n 2"}, // the school, not "sampai"
		{"", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(Normalize(tt.in), " "); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
