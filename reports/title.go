package reports

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sp4n-lapor/lapor/report"
)

// derivedTitle is the length a title made of the description's first words
// stays within, in characters.
const derivedTitle = 80

// mask stands in for what a public title must not show.
const mask = "***"

// What identifies a person in free text: emails, phone numbers (08…, +62…,
// 62…), NIK and other long numbers, and the parts of a street address that
// point at one house (No. 12, RT 03/RW 05, Blok C-7, Gg. Mawar). Each is
// looked for only in a text that holds its clue (an @, nine digits, a
// digit after "no"), which most complaints' first lines do not: a regular
// expression's search is costly beside the rest of filing.
var identifying = []struct {
	clue func(lower string, digits int) bool
	re   *regexp.Regexp
}{
	{func(l string, _ int) bool { return strings.Contains(l, "@") },
		regexp.MustCompile(`[\w.+-]+@[\w-]+(\.[\w-]+)+`)},
	{func(_ string, d int) bool { return d >= 9 },
		regexp.MustCompile(`(\+?62|\b0)[\s.-]?8[\d\s.-]{7,14}\d`)},
	{func(_ string, d int) bool { return d >= 9 },
		regexp.MustCompile(`\b\d{4}[\s.-]?\d{4}[\s.-]?\d{4}[\s.-]?\d{4}\b|\b\d{9,}\b`)},
	{func(l string, d int) bool { return d > 0 && strings.Contains(l, "no") },
		regexp.MustCompile(`(?i)\b(no|nomor|nomer)\.?\s*\d+[a-z]?\b`)},
	{func(l string, d int) bool { return d > 0 && (strings.Contains(l, "rt") || strings.Contains(l, "rw")) },
		regexp.MustCompile(`(?i)\b(rt|rw)\.?\s*\d+(\s*/\s*(rw\.?\s*)?\d+)?`)},
	{func(l string, d int) bool { return d > 0 && strings.Contains(l, "bl") },
		regexp.MustCompile(`(?i)\b(blok|blk)\.?\s*[a-z]?-?\d+[a-z]?\b`)},
	{func(l string, _ int) bool { return strings.Contains(l, "gg") || strings.Contains(l, "gang") },
		regexp.MustCompile(`(?i)\b(gg|gang)\.?\s+\S+`)},
}

// nameCues are the words after which Indonesians give a person's name:
// "nama saya Budi", "saya Siti Aminah", "a.n. Joko", "Bapak Darmo".
var nameCues = map[string]bool{
	"saya": true, "aku": true, "bernama": true, "namaku": true, "nama": true, "an": true, "a.n": true, "a.n.": true,
	"bapak": true, "ibu": true, "pak": true, "bu": true, "sdr": true, "sdri": true, "saudara": true, "saudari": true,
	"mas": true, "mbak": true, "kak": true, "bpk": true, "ibunda": true, "ayah": true, "anak": true, "istri": true, "suami": true,
}

// notNames are capitalised words that follow a cue without being a name:
// "saya Warga Kota Semarang", "Bapak Presiden", "Ibu Kota".
var notNames = map[string]bool{
	"warga": true, "penduduk": true, "masyarakat": true, "kota": true, "kabupaten": true, "kab": true,
	"desa": true, "kelurahan": true, "kecamatan": true, "provinsi": true, "mohon": true, "ingin": true,
	"mau": true, "sudah": true, "telah": true, "tinggal": true, "adalah": true, "sebagai": true, "selaku": true,
	"presiden": true, "gubernur": true, "bupati": true, "walikota": true, "wali": true, "camat": true,
	"lurah": true, "kepala": true, "menteri": true, "yang": true, "dan": true, "di": true, "dari": true,
	"pengguna": true, "peserta": true, "pelanggan": true, "guru": true, "orang": true, "seorang": true,
	"jalan": true, "jl": true, "jln": true, "rs": true, "rsud": true, "sd": true, "smp": true, "sma": true,
}

// publicTitle is the title the public sees: the one given, else the first
// words of the description, with whatever identifies a person masked first.
func publicTitle(given, description string) string {
	if given != "" {
		return truncateRunes(maskIdentity(given), report.MaxTitle)
	}
	// Masking reads the beginning only, long enough that what the title
	// shows was read whole.
	return firstWords(maskIdentity(firstWords(description, maskedLength)), derivedTitle)
}

// maskedLength is how much of a description, in characters, is masked to
// make a title of: masks shorten a text, so more than the title's length.
const maskedLength = 4 * derivedTitle

// maskIdentity masks emails, phone numbers, NIK, house addresses and the
// capitalised names that follow a name cue.
func maskIdentity(s string) string {
	lower, digits := strings.ToLower(s), countDigits(s)
	for _, id := range identifying {
		if id.clue(lower, digits) {
			s = id.re.ReplaceAllString(s, mask)
		}
	}
	words := strings.Fields(s)
	for i := 0; i < len(words); i++ {
		if !nameCues[strings.ToLower(strings.Trim(words[i], ",:;"))] {
			continue
		}
		// "Nama saya: Budi Santoso", "a.n. Siti": up to three capitalised
		// words after the cue, skipping a second cue.
		j := i + 1
		if j < len(words) && nameCues[strings.ToLower(strings.Trim(words[j], ",:;"))] {
			j++
		}
		for n := 0; n < 3 && j < len(words) && looksLikeName(words[j]); n, j = n+1, j+1 {
			words[j] = mask + trailingPunct(words[j])
		}
		i = j - 1
	}
	return collapseMasks(strings.Join(words, " "))
}

func countDigits(s string) int {
	n := 0
	for i := range len(s) {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

func looksLikeName(w string) bool {
	core := strings.Trim(w, ",.:;!?()\"'")
	r, _ := utf8.DecodeRuneInString(core)
	return core != "" && core != mask && unicode.IsUpper(r) && !notNames[strings.ToLower(core)]
}

func trailingPunct(w string) string {
	return w[len(strings.TrimRight(w, ",.:;!?)")):]
}

// collapseMasks makes "*** *** ***" one mask, so that a title does not tell
// how many words a name had.
func collapseMasks(s string) string {
	for strings.Contains(s, mask+" "+mask) {
		s = strings.ReplaceAll(s, mask+" "+mask, mask)
	}
	return s
}

// firstWords is the description's first words, within n characters, one
// space between words.
func firstWords(desc string, n int) string {
	var b strings.Builder
	b.Grow(min(len(desc), 4*n) + len("…"))
	count := 0 // characters written
	for w := range strings.FieldsSeq(desc) {
		wn := utf8.RuneCountInString(w)
		if count > 0 && count+1+wn > n {
			b.WriteString("…")
			break
		}
		if count > 0 {
			b.WriteByte(' ')
			count++
		}
		b.WriteString(w)
		count += wn
	}
	return b.String()
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
