package calendar

import (
	"strings"
	"testing"
	"time"
)

func TestDeadline(t *testing.T) {
	c := Default()
	if err := c.Load(strings.NewReader("# a year whose decree is not built in\n2027-03-10,Idul Fitri\n")); err != nil {
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
		{"loaded dated holiday skipped", "2027-03-09 09:00", 1, "2027-03-11"},
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

// TestDecreedHolidays: Idul Fitri 2026 and its cuti bersama are no working
// days, so a report filed the Thursday before waits until after them.
func TestDecreedHolidays(t *testing.T) {
	c := Default()
	for _, day := range []string{"2026-03-19", "2026-03-20", "2026-03-23", "2026-03-24", "2025-04-07", "2026-12-24"} {
		d, _ := time.ParseInLocation(time.DateOnly, day, WIB)
		if c.IsWorkday(d.Add(12 * time.Hour)) {
			t.Errorf("%s is a working day", day)
		}
	}
	filed := time.Date(2026, 3, 18, 10, 0, 0, 0, WIB) // Wednesday, cuti bersama Nyepi itself
	if got, want := c.Deadline(filed, 3), time.Date(2026, 3, 27, 23, 59, 59, 0, WIB); !got.Equal(want) {
		t.Errorf("3 working days after %v: %v, want %v (25, 26, 27 March)", filed, got, want)
	}
}
