package text

import "strings"

// Stem strips the common Indonesian affixes from a lowercase word, without
// a dictionary: particles (-lah, -kah, -pun), possessives (-nya, -ku, -mu),
// up to two prefixes, then -kan or -an: "perbaikannya" → "baik",
// "dikirimkan" → "kirim", "pelayanan" → "layan", "kerusakan" → "rusak".
// Words it cannot safely shorten stay as they are. Training and classifying
// stem alike, so a stem need not be a real word.
//
// With no dictionary to check a stem against, the prefixes are taken only
// where Indonesian allows them: ke- with -an ("kesehatan", not "keluarga"),
// se- with -nya ("sebaiknya", not "sekolah" or "sepeda"), bare me- and pe-
// before l, m, n, r, w or y ("melihat", not "meteran"), and as a second
// prefix only per-, ber-, ter- and pe- ("diperbaiki", not "kesehatan" →
// "hatan").
func Stem(w string) string {
	if len(w) <= 4 || !isAlpha(w) {
		return w
	}
	w = cutSuffix(w, []string{"lah", "kah", "pun"}, 5)
	bare := cutSuffix(w, []string{"nya", "ku", "mu"}, 4)
	form := affixes{nya: bare != w && strings.HasSuffix(w, "nya"), an: strings.HasSuffix(bare, "an")}
	w = bare
	for round := range 2 {
		w2 := cutPrefix(w, form, round == 1)
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

// affixes are the suffixes a word had, which some prefixes come with.
type affixes struct{ nya, an bool }

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
// A second prefix may only be per-, ber-, ter- or pe-.
func cutPrefix(w string, form affixes, second bool) string {
	type rule struct{ prefix, restore string }
	rules := []rule{
		{"meng", ""}, {"meny", "s"}, {"mem", "p"}, {"men", "t"}, {"me", ""},
		{"peng", ""}, {"peny", "s"}, {"pem", "p"}, {"pen", "t"}, {"per", ""}, {"pe", ""},
		{"ber", ""}, {"ter", ""}, {"di", ""}, {"ke", ""}, {"se", ""},
	}
	for _, r := range rules {
		rest, ok := strings.CutPrefix(w, r.prefix)
		if !ok || len(rest)+len(r.restore) < minStem || !allowed(r.prefix, rest, form, second) {
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

// allowed tells whether prefix may be taken off a word, leaving rest.
func allowed(prefix, rest string, form affixes, second bool) bool {
	switch {
	case second:
		return prefix == "per" || prefix == "ber" || prefix == "ter" || (prefix == "pe" && strings.IndexByte("lmnrwy", rest[0]) >= 0)
	case prefix == "ke":
		return form.an
	case prefix == "se":
		return form.nya
	case prefix == "me" || prefix == "pe":
		return strings.IndexByte("lmnrwy", rest[0]) >= 0
	}
	return true
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
