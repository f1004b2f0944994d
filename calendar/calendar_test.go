package calendar

import (
	"strings"
	"testing"
	"time"
)

func TestDeadline(t *testing.T) {
	c := Default()
	if err := c.Load(strings.NewReader("# SKB 2026 sample\n2026-03-20,Idul Fitri\n")); err != nil {
		t.Fatal(err)
	}
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, WIB)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name string
		from string
		n    int
		want string
	}{
		{"monday plus 3", "2026-11-23 10:00", 3, "2026-11-26"},
		{"friday skips the weekend", "2026-11-27 16:00", 3, "2026-12-02"},
		{"saturday counts from monday", "2026-11-28 09:00", 1, "2026-11-30"},
		{"fixed holiday skipped", "2026-08-14 09:00", 1, "2026-08-18"},
		{"christmas skipped", "2026-12-24 09:00", 1, "2026-12-28"},
		{"loaded dated holiday skipped", "2026-03-19 09:00", 1, "2026-03-23"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Deadline(at(tt.from), tt.n)
			if got.Format(time.DateOnly) != tt.want || got.Hour() != 23 {
				t.Errorf("Deadline(%s, %d) = %s, want end of %s", tt.from, tt.n, got, tt.want)
			}
		})
	}
}

func TestDeadlineCountsInWIB(t *testing.T) {
	// 17:30 UTC on Monday is 00:30 WIB on Tuesday.
	got := Default().Deadline(time.Date(2026, 11, 23, 17, 30, 0, 0, time.UTC), 1)
	if got.Format(time.DateOnly) != "2026-11-25" {
		t.Errorf("Deadline = %s, want end of 2026-11-25", got)
	}
}

func TestLoadRejectsBadLines(t *testing.T) {
	if err := Default().Load(strings.NewReader("13-45,nope\n")); err == nil {
		t.Error("Load accepted month 13")
	}
	if err := Default().Load(strings.NewReader("tomorrow\n")); err == nil {
		t.Error("Load accepted a word")
	}
}
