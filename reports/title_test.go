package reports

import "testing"

func TestPublicTitleMasksIdentity(t *testing.T) {
	tests := []struct{ given, description, want string }{
		{"", "Nama saya Budi Santoso, jalan di depan rumah rusak", "Nama saya ***, jalan di depan rumah rusak"},
		{"", "Saya Siti Aminah NIK 3374011203900001 belum menerima e-KTP", "Saya *** belum menerima e-KTP"},
		{"", "Hubungi saya di 081234567890 soal lampu jalan mati", "Hubungi saya di *** soal lampu jalan mati"},
		{"", "Telp +62 812-3456-7890, air PDAM mati tiga hari", "Telp ***, air PDAM mati tiga hari"},
		{"", "NIK 3374 0112 0390 0001 ditolak puskesmas", "NIK *** ditolak puskesmas"},
		{"", "Email saya budi.s@mail.co.id tidak dibalas dinas", "Email saya *** tidak dibalas dinas"},
		{"", "Rumah di Jl. Melati No. 12 RT 03/RW 05 kebanjiran", "Rumah di Jl. Melati *** kebanjiran"},
		{"", "Bapak Darmo petugas kelurahan meminta uang", "Bapak *** petugas kelurahan meminta uang"},
		{"", "Saya warga Kota Semarang mengeluhkan jalan rusak", "Saya warga Kota Semarang mengeluhkan jalan rusak"},
		{"", "Pada 12-01-2026 jembatan di Desa Sukamaju putus", "Pada 12-01-2026 jembatan di Desa Sukamaju putus"},
		{"Laporan a.n. Joko Widodo Susilo", "jalan rusak parah sekali", "Laporan a.n. ***"},
	}
	for _, tt := range tests {
		if got := publicTitle(tt.given, tt.description); got != tt.want {
			t.Errorf("publicTitle(%q, %q)\n = %q\nwant %q", tt.given, tt.description, got, tt.want)
		}
	}
}
