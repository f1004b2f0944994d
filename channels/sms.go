package channels

import "strings"

// gsm7 holds the characters of the GSM 03.38 basic set; gsm7Ext those of its
// extension table, which take two septets each.
const (
	gsm7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
		"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
	gsm7Ext = "^{}\\[~]|€\f"
)

// SMS segment sizes: one message alone, and each part of a longer one.
const (
	gsmSingle, gsmPart   = 160, 153
	ucs2Single, ucs2Part = 70, 67
)

// lookalikes are characters outside GSM-7 with a GSM-7 stand-in.
var lookalikes = strings.NewReplacer(
	"‘", "'", "’", "'", "‚", "'", "“", "\"", "”", "\"", "„", "\"", "–", "-", "—", "-", "―", "-",
	"…", "...", "\u00a0", " ", "•", "-", "·", "-", "\t", " ", "×", "x",
)

// IsGSM7 reports whether text can be sent in the GSM-7 alphabet.
func IsGSM7(text string) bool {
	for _, r := range text {
		if !strings.ContainsRune(gsm7, r) && !strings.ContainsRune(gsm7Ext, r) {
			return false
		}
	}
	return true
}

// ToGSM7 replaces characters outside GSM-7 with a look-alike, or with "?"
// when there is none, so that a message is not forced into UCS-2 (70
// characters a segment instead of 160).
func ToGSM7(text string) string {
	text = lookalikes.Replace(text)
	if IsGSM7(text) {
		return text
	}
	var b strings.Builder
	for _, r := range text {
		if strings.ContainsRune(gsm7, r) || strings.ContainsRune(gsm7Ext, r) {
			b.WriteRune(r)
		} else {
			b.WriteByte('?')
		}
	}
	return b.String()
}

// Segments counts the SMS segments a text takes: GSM-7 when it can, UCS-2
// otherwise.
func Segments(text string) int {
	if IsGSM7(text) {
		n := 0
		for _, r := range text {
			n++
			if strings.ContainsRune(gsm7Ext, r) {
				n++
			}
		}
		return segments(n, gsmSingle, gsmPart)
	}
	n := 0
	for _, r := range text {
		n++
		if r > 0xFFFF {
			n++ // a surrogate pair
		}
	}
	return segments(n, ucs2Single, ucs2Part)
}

func segments(n, single, part int) int {
	if n <= single {
		return 1
	}
	return (n + part - 1) / part
}

// SplitSMS cuts a text into messages of at most maxSegments SMS segments
// each, in GSM-7, between words where it can: a long answer reaches a
// basic phone as a few whole messages rather than one that costs many
// segments.
func SplitSMS(text string, maxSegments int) []string {
	text = ToGSM7(text)
	if Segments(text) <= maxSegments {
		return []string{text}
	}
	var parts []string
	var cur strings.Builder
	for _, w := range strings.Fields(text) {
		for Segments(w) > maxSegments { // a word longer than a message
			cut := len(w) / 2
			parts, w = append(parts, w[:cut]), w[cut:]
		}
		next := w
		if cur.Len() > 0 {
			next = cur.String() + " " + w
		}
		if Segments(next) > maxSegments {
			parts = append(parts, cur.String())
			cur.Reset()
			next = w
		}
		cur.Reset()
		cur.WriteString(next)
	}
	if cur.Len() > 0 {
		parts = append(parts, cur.String())
	}
	return parts
}
