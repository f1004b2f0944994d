// Package calendar counts Indonesian working days, which skip weekends,
// national holidays and cuti bersama; the time limits of a report (3 working
// days to verify, 5 to follow up, 10 to close) are counted in them.
package calendar

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"time"
)

// WIB is Western Indonesian Time, the zone the national system keeps its
// time limits in.
var WIB = time.FixedZone("WIB", 7*60*60)

// The holidays the calendar knows without a file: the fixed-date ones, and
// the moveable holidays and cuti bersama of the years whose decree is out.
var (
	//go:embed holidays.csv
	fixedHolidays string
	//go:embed skb.csv
	decreedHolidays string
)

// Calendar knows which days are not working days.
type Calendar struct {
	yearly map[string]bool // "01-02": every year
	dated  map[string]bool // "2026-03-20": that day only
}

// Default returns the calendar of the fixed-date national holidays and of
// the moveable holidays and cuti bersama the decrees in skb.csv set.
func Default() *Calendar {
	c := &Calendar{yearly: map[string]bool{}, dated: map[string]bool{}}
	for _, data := range []string{fixedHolidays, decreedHolidays} {
		if err := c.Load(strings.NewReader(data)); err != nil {
			panic(err) // embedded data is checked by the package tests
		}
	}
	return c
}

// Load adds holidays from a file of lines "MM-DD,name" (every year) or
// "YYYY-MM-DD,name" (that day only); blank lines and lines starting with #
// are skipped.
func (c *Calendar) Load(r io.Reader) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		day, _, _ := strings.Cut(line, ",")
		day = strings.TrimSpace(day)
		switch {
		case validDate("2000-"+day) && len(day) == 5:
			c.yearly[day] = true
		case validDate(day):
			c.dated[day] = true
		default:
			return fmt.Errorf("holidays line %d: %q is not MM-DD or YYYY-MM-DD", n, day)
		}
	}
	return sc.Err()
}

func validDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// IsWorkday reports whether the day of t (in WIB) is a working day.
func (c *Calendar) IsWorkday(t time.Time) bool {
	t = t.In(WIB)
	if wd := t.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	return !c.yearly[t.Format("01-02")] && !c.dated[t.Format(time.DateOnly)]
}

// Deadline returns the end (23:59:59 WIB) of the n-th working day after the
// day of t: a report filed on Friday with 3 working days is due at the end of
// the next Wednesday.
func (c *Calendar) Deadline(t time.Time, n int) time.Time {
	d := t.In(WIB)
	d = time.Date(d.Year(), d.Month(), d.Day(), 23, 59, 59, 0, WIB)
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if c.IsWorkday(d) {
			n--
		}
	}
	return d
}
