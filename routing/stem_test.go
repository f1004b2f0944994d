package routing

import "testing"

func TestStem(t *testing.T) {
	tests := map[string]string{
		"perbaikannya": "baik", "dikirimkan": "kirim", "pelayanan": "layan", "menulis": "tulis",
		"penyakit": "sakit", "memukul": "pukul", "membaca": "baca", "mencari": "cari", "pengaduan": "aduan",
		"kerusakan": "rusak", "jalan": "jalan", "rusak": "rusak", "bpjs": "bpjs", "e-ktp": "e-ktp",
		"ditindaklanjuti": "tindaklanjuti", "sekolah": "kolah", "terlambat": "lambat", "berlubang": "lubang",
	}
	for in, want := range tests {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
	}
}
