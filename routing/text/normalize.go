package text

import (
	"slices"
	"strings"
	"unicode"
)

// abbreviations are the short forms Indonesians type, with their full words.
var abbreviations = map[string]string{
	"yg": "yang", "tdk": "tidak", "gak": "tidak", "ga": "tidak", "gk": "tidak", "nggak": "tidak", "ngga": "tidak",
	"enggak": "tidak", "tak": "tidak", "sdh": "sudah", "udh": "sudah", "udah": "sudah", "blm": "belum", "blum": "belum",
	"jln": "jalan", "jl": "jalan", "kel": "kelurahan", "kec": "kecamatan", "kab": "kabupaten", "kabu": "kabupaten",
	"prov": "provinsi", "prop": "provinsi", "propinsi": "provinsi", "dgn": "dengan", "dg": "dengan", "utk": "untuk",
	"krn": "karena", "karna": "karena", "sy": "saya", "sya": "saya", "aq": "aku", "tp": "tapi", "tpi": "tapi",
	"dr": "dari", "dri": "dari", "bln": "bulan", "thn": "tahun", "th": "tahun", "hr": "hari", "mgg": "minggu",
	"org": "orang", "pak": "bapak", "bpk": "bapak", "bu": "ibu", "sm": "sama", "jg": "juga", "lg": "lagi",
	"sj": "saja", "aja": "saja", "bs": "bisa", "bgmn": "bagaimana", "gmn": "bagaimana", "gimana": "bagaimana",
	"knp": "kenapa", "dlm": "dalam", "pd": "pada", "sblm": "sebelum", "stlh": "setelah", "skrg": "sekarang",
	"skr": "sekarang", "kmrn": "kemarin", "kmarin": "kemarin", "bsk": "besok", "trs": "terus", "sampe": "sampai",
	"tgl": "tanggal", "dpn": "depan", "blkg": "belakang", "rs": "rumah sakit", "rsud": "rsud",
	"mhn": "mohon", "trims": "terima kasih", "tks": "terima kasih", "makasih": "terima kasih",
}

// Normalize lowercases text, turns punctuation into spaces, squeezes a
// letter repeated three or more times to one ("rusaaak" → "rusak") and
// writes out common abbreviations; it returns the words.
func Normalize(text string) []string {
	rs := []rune(strings.ToLower(text))
	var b strings.Builder
	for i := 0; i < len(rs); {
		r := rs[i]
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			b.WriteByte(' ')
			i++
			continue
		}
		j := i
		for j < len(rs) && rs[j] == r {
			j++
		}
		if n := j - i; n >= 3 && unicode.IsLetter(r) {
			b.WriteRune(r)
		} else {
			b.WriteString(string(rs[i:j]))
		}
		i = j
	}
	words := strings.Fields(b.String())
	out := make([]string, 0, len(words))
	for _, w := range words {
		w = squeezeDouble(w)
		if full, ok := abbreviations[w]; ok {
			out = append(out, strings.Fields(full)...)
			continue
		}
		out = append(out, w)
	}
	return out
}

// squeezeDouble turns a word stretched to two of a letter at its end
// ("parahh") back into one; doubles inside words ("maaf", "saat") stay.
func squeezeDouble(w string) string {
	n := len(w)
	if n >= 4 && w[n-1] == w[n-2] && unicode.IsLetter(rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

// Phrases are normalised words joined by spaces, with a space at each end,
// in which a phrase is found only whole ("pos" not in "posyandu").
type Phrases string

func PhrasesOf(words []string) Phrases { return Phrases(" " + strings.Join(words, " ") + " ") }

// has reports whether the words hold phrase, whole.
func (ps Phrases) Has(phrase string) bool { return strings.Contains(string(ps), " "+phrase+" ") }

// count is how many words there are.
func (ps Phrases) Count() int { return len(strings.Fields(string(ps))) }

// hasAny reports whether the words hold any of the Phrases, whole.
func (ps Phrases) HasAny(list []string) bool { return slices.ContainsFunc(list, ps.Has) }
