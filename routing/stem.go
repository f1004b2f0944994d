package routing

import "strings"

// Stem strips the common Indonesian affixes from a lowercase word, without
// a dictionary: particles (-lah, -kah, -pun), possessives (-nya, -ku, -mu),
// up to two prefixes, then -kan or -an: "perbaikannya" → "baik",
// "dikirimkan" → "kirim", "pelayanan" → "layan", "kerusakan" → "rusak".
// Words it cannot safely shorten stay as they are. Training and classifying
// stem alike, so a stem need not be a real word.
func Stem(w string) string {
	if len(w) <= 4 || !isAlpha(w) {
		return w
	}
	w = cutSuffix(w, []string{"lah", "kah", "tah", "pun"}, 5)
	w = cutSuffix(w, []string{"nya", "ku", "mu"}, 4)
	for range 2 {
		w2 := cutPrefix(w)
		if w2 == w {
			break
		}
		w = w2
	}
	// "-kan" after an a is more often a root's k and "-an" ("rusak-an").
	if strings.HasSuffix(w, "akan") {
		return cutSuffix(w, []string{"an"}, minStem)
	}
	return cutSuffix(w, []string{"kan", "an"}, minStem)
}

// minStem is the shortest stem an affix may leave.
const minStem = 4

func cutSuffix(w string, suffixes []string, min int) string {
	for _, s := range suffixes {
		if strings.HasSuffix(w, s) && len(w)-len(s) >= min {
			return w[:len(w)-len(s)]
		}
	}
	return w
}

// cutPrefix removes one prefix, restoring the first letter that me- and pe-
// swallow ("menulis" → "tulis", "penyakit" → "sakit", "memukul" → "pukul").
func cutPrefix(w string) string {
	type rule struct{ prefix, restore string }
	rules := []rule{
		{"meng", ""}, {"meny", "s"}, {"mem", "p"}, {"men", "t"}, {"me", ""},
		{"peng", ""}, {"peny", "s"}, {"pem", "p"}, {"pen", "t"}, {"per", ""}, {"pe", ""},
		{"ber", ""}, {"be", ""}, {"ter", ""}, {"di", ""}, {"ke", ""}, {"se", ""},
	}
	for _, r := range rules {
		rest, ok := strings.CutPrefix(w, r.prefix)
		if !ok || len(rest)+len(r.restore) < minStem {
			continue
		}
		if r.restore != "" && isVowel(rest[0]) {
			return r.restore + rest
		}
		if r.restore != "" && (r.prefix == "mem" || r.prefix == "pem") && (rest[0] == 'b' || rest[0] == 'f' || rest[0] == 'v') {
			return rest // "membaca" → "baca"
		}
		if r.restore != "" && (r.prefix == "men" || r.prefix == "pen") && strings.ContainsRune("cdjz", rune(rest[0])) {
			return rest // "mencari" → "cari"
		}
		if r.restore == "" {
			return rest
		}
	}
	return w
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func isAlpha(w string) bool {
	for i := range len(w) {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
