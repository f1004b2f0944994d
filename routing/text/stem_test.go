package text

import "testing"

func TestStem(t *testing.T) {
	tests := map[string]string{
		"perbaikannya": "baik", "dikirimkan": "kirim", "pelayanan": "layan", "menulis": "tulis",
		"penyakit": "sakit", "memukul": "pukul", "membaca": "baca", "mencari": "cari", "pengaduan": "aduan",
		"kerusakan": "rusak", "jalan": "jalan", "rusak": "rusak", "bpjs": "bpjs", "e-ktp": "e-ktp",
		"ditindaklanjuti": "tindaklanjuti", "terlambat": "lambat", "berlubang": "lubang",
		// Prefixes only where Indonesian puts them: these are roots.
		"sekolah": "sekolah", "sepeda": "sepeda", "keluarga": "keluarga", "meteran": "meter", "bersih": "bersih",
		// ke- with -an, se- with -nya, a second prefix.
		"kesehatan": "sehat", "kelurahan": "lurah", "sebaiknya": "baik", "diperbaiki": "baiki", "keterlambatan": "lambat",
	}
	for in, want := range tests {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
	}
}
