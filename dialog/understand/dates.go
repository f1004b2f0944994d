package understand

import (
	"strconv"
	"strings"
	"time"
)

// Date is what a citizen said of when something happened.
type Date struct {
	Day     time.Time // the day, at midnight in the zone of now
	Known   bool      // false for "tidak tahu"
	Ongoing bool      // "sejak …": it began then and goes on
}

var months = map[string]time.Month{
	"januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "pebruari": 2, "february": 2,
	"maret": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6, "june": 6,
	"juli": 7, "jul": 7, "july": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
	"september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "october": 10,
	"november": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12, "dec": 12, "december": 12,
}

var unknownWords = []string{"tidak tahu", "tidak ingat", "lupa", "entah", "don t know", "dont know", "not sure", "unknown", "tidak pasti"}

var units = map[string]int{
	"hari": 1, "day": 1, "days": 1, "minggu": 7, "pekan": 7, "week": 7, "weeks": 7,
	"bulan": 30, "month": 30, "months": 30, "tahun": 365, "year": 365, "years": 365,
}

// ParseDate reads when something happened, relative to now: "kemarin",
// "tadi pagi", "3 hari lalu", "sejak minggu lalu", "12 Januari",
// "12/01/2026", "2026-01-12", "tidak tahu". A day after now, or one with no
// year that would be, is taken as last year's; ok is false when the text
// is not a date.
func ParseDate(text string, now time.Time) (Date, bool) {
	t := joined(text)
	for _, u := range unknownWords {
		if strings.Contains(t, u) {
			return Date{}, true
		}
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	ws := strings.Fields(t)
	has := func(w string) bool { return strings.Contains(" "+t+" ", " "+w+" ") }
	ongoing := has("sejak") || has("since") || strings.HasPrefix(t, "dari ")
	known := func(d time.Time) (Date, bool) { return Date{Day: d, Known: true, Ongoing: ongoing}, true }

	// "3 hari lalu", "2 minggu yang lalu", "5 days ago", "seminggu lalu"
	for i, w := range ws {
		n, unit := 0, 0
		if strings.HasPrefix(w, "se") && units[w[2:]] > 0 {
			n, unit = 1, units[w[2:]]
		} else if v, err := strconv.Atoi(w); err == nil && i+1 < len(ws) && units[ws[i+1]] > 0 {
			n, unit = v, units[ws[i+1]]
		}
		if unit > 0 && n > 0 && n < 100 && (has("lalu") || has("ago") || has("yang lalu")) {
			return known(today.AddDate(0, 0, -n*unit))
		}
	}
	switch {
	case has("kemarin lusa"):
		return known(today.AddDate(0, 0, -2))
	case has("kemarin") || has("yesterday"):
		return known(today.AddDate(0, 0, -1))
	case has("hari ini") || has("tadi") || has("barusan") || has("today") || has("this morning"):
		return known(today)
	case has("minggu lalu") || has("pekan lalu") || has("last week"):
		return known(today.AddDate(0, 0, -7))
	case has("bulan lalu") || has("last month"):
		return known(today.AddDate(0, -1, 0))
	case has("tahun lalu") || has("last year"):
		return known(today.AddDate(-1, 0, 0))
	}
	if d, ok := numericDate(t, now.Location()); ok {
		return known(notAfter(d, today, false))
	}
	// "12 januari", "12 jan 2026", "januari 12"
	for i, w := range ws {
		m, ok := months[w]
		if !ok {
			continue
		}
		day, year := 0, 0
		if i > 0 {
			day, _ = strconv.Atoi(ws[i-1])
		}
		if day == 0 && i+1 < len(ws) {
			day, _ = strconv.Atoi(ws[i+1])
		}
		if i+1 < len(ws) {
			if y, err := strconv.Atoi(ws[len(ws)-1]); err == nil && y > 1900 {
				year = y
			}
		}
		if day == 0 {
			day = 1 // "sejak Januari"
		}
		if day > 31 {
			return Date{}, false
		}
		y := year
		if y == 0 {
			y = today.Year()
		}
		d := time.Date(y, m, day, 0, 0, 0, 0, now.Location())
		if d.Day() != day {
			return Date{}, false // 31 Februari
		}
		return known(notAfter(d, today, year == 0))
	}
	return Date{}, false
}

// numericDate reads 12/01/2026, 12-01-2026, 12.01.26 (day first) and 2026-01-12.
func numericDate(t string, loc *time.Location) (time.Time, bool) {
	ws := strings.Fields(t) // Normalize turned / - . into spaces
	var nums []int
	for _, w := range ws {
		n, err := strconv.Atoi(w)
		if err != nil {
			nums = nums[:0]
			continue
		}
		nums = append(nums, n)
		if len(nums) == 3 {
			break
		}
	}
	if len(nums) != 3 {
		return time.Time{}, false
	}
	d, m, y := nums[0], nums[1], nums[2]
	if d > 1900 { // year first
		y, d = d, nums[2]
	}
	if y < 100 {
		y += 2000
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1945 {
		return time.Time{}, false
	}
	out := time.Date(y, time.Month(m), d, 0, 0, 0, 0, loc)
	return out, out.Day() == d
}

// notAfter keeps a date from lying in the future: a yearless one goes back
// a year, a dated one is capped at today.
func notAfter(d, today time.Time, yearless bool) time.Time {
	if !d.After(today) {
		return d
	}
	if yearless {
		return d.AddDate(-1, 0, 0)
	}
	return today
}

// FindDate looks for when something happened inside a longer text, such as
// a complaint: only words ("kemarin", "sejak bulan lalu", "12 Januari"),
// since the numbers of a complaint are more often money or addresses.
func FindDate(text string, now time.Time) (Date, bool) {
	d, ok := ParseDate(text, now)
	if !ok || !d.Known {
		return Date{}, false
	}
	if _, numeric := numericDate(joined(text), now.Location()); numeric {
		return Date{}, false
	}
	return d, true
}
