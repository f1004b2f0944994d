package understand

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	now := time.Date(2026, 11, 28, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		in      string
		want    string // YYYY-MM-DD, "?" for unknown, "" for not a date
		ongoing bool
	}{
		{"kemarin", "2026-11-27", false},
		{"kmrn sore", "2026-11-27", false},
		{"tadi pagi", "2026-11-28", false},
		{"hari ini", "2026-11-28", false},
		{"3 hari lalu", "2026-11-25", false},
		{"3 hari yang lalu", "2026-11-25", false},
		{"seminggu lalu", "2026-11-21", false},
		{"2 minggu lalu", "2026-11-14", false},
		{"sejak minggu lalu", "2026-11-21", true},
		{"sejak bulan lalu", "2026-10-28", true},
		{"12 Januari", "2026-01-12", false},
		{"12 jan 2025", "2025-01-12", false},
		{"tgl 5 desember", "2025-12-05", false}, // no year and after today: last year
		{"12/01/2026", "2026-01-12", false},
		{"12-01-26", "2026-01-12", false},
		{"2026-01-12", "2026-01-12", false},
		{"sejak Agustus", "2026-08-01", true},
		{"yesterday", "2026-11-27", false},
		{"5 days ago", "2026-11-23", false},
		{"tidak tahu", "?", false},
		{"lupa pak", "?", false},
		{"31 februari", "", false},
		{"jalan rusak", "", false},
		{"13/13/2026", "", false},
	}
	for _, tt := range tests {
		d, ok := ParseDate(tt.in, now)
		got := ""
		switch {
		case ok && d.Known:
			got = d.Day.Format(time.DateOnly)
		case ok:
			got = "?"
		}
		if got != tt.want || (ok && d.Ongoing != tt.ongoing) {
			t.Errorf("ParseDate(%q) = %q ongoing=%v, want %q ongoing=%v", tt.in, got, d.Ongoing, tt.want, tt.ongoing)
		}
	}
}

func TestChoiceAndWords(t *testing.T) {
	types := [][]string{{"pengaduan", "aduan", "keluhan", "complaint"}, {"aspirasi", "saran", "usul"}, {"informasi", "info"}}
	tests := []struct {
		in   string
		want int
	}{
		{"1", 0}, {"2.", 1}, {" 3 ", 2}, {"no 2", 1}, {"pengaduan", 0}, {"mau kasih saran", 1},
		{"Informasi", 2}, {"4", -1}, {"entahlah", -1}, {"", -1},
	}
	for _, tt := range tests {
		if got := Choice(tt.in, types); got != tt.want {
			t.Errorf("Choice(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
	for in, want := range map[string]bool{"ya": true, "Iya kirim": true, "kirim": true, "ok": true, "tidak": false} {
		if yes, ok := YesNo(in); !ok || yes != want {
			t.Errorf("YesNo(%q) = %v, %v", in, yes, ok)
		}
	}
	if _, ok := YesNo("jalan rusak parah di depan sekolah"); ok {
		t.Error("a sentence read as yes/no")
	}
	for in, want := range map[string]bool{"lewati": true, "Skip": true, "tidak ada": true, "-": true, "foto": false} {
		if Skip(in) != want {
			t.Errorf("Skip(%q) = %v", in, !want)
		}
	}
	cmds := map[string]Command{"batal": CmdCancel, "BANTUAN": CmdHelp, "/start": CmdRestart, "english": CmdEnglish,
		"bahasa": CmdBahasa, "jalan rusak": CmdNone}
	for in, want := range cmds {
		if got, _ := ParseCommand(in); got != want {
			t.Errorf("ParseCommand(%q) = %q, want %q", in, got, want)
		}
	}
	if c, code := ParseCommand("status lpr-7k2m-9qxt"); c != CmdStatus || code != "LPR-7K2M-9QXT" {
		t.Errorf("status command = %q %q", c, code)
	}
}

func TestParseReply(t *testing.T) {
	for _, tt := range []struct {
		in, code, reply string
		ok              bool
	}{
		{"balas LPR-7K2M-9QXT Jalan belum diperbaiki, Pak", "LPR-7K2M-9QXT", "Jalan belum diperbaiki, Pak", true},
		{"Balas lpr7k2m9qxt sudah beres terima kasih", "LPR7K2M9QXT", "sudah beres terima kasih", true},
		{"balas LPR-7K2M-9QXT", "", "", false},
		{"balas saja nanti", "", "", false},
		{"jalan rusak parah", "", "", false},
	} {
		code, reply, ok := ParseReply(tt.in)
		if code != tt.code || reply != tt.reply || ok != tt.ok {
			t.Errorf("ParseReply(%q) = %q, %q, %v", tt.in, code, reply, ok)
		}
	}
}

func TestStars(t *testing.T) {
	for in, want := range map[string]int{"5": 5, " 1 ": 1, "4 bintang": 4, "6": 0, "10": 0, "lima": 0, "5 jalan rusak": 0} {
		if got, ok := Stars(in); got != want || ok != (want > 0) {
			t.Errorf("Stars(%q) = %d, %v", in, got, ok)
		}
	}
}
