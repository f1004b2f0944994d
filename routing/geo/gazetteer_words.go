package geo

import (
	"strings"
	"unicode"
)

// speaksOfRegency tells a text that names what only a kabupaten has (a
// desa, its kepala desa, a bupati) and nothing only a kota has (a walikota).
func speaksOfRegency(words []string) bool {
	regency := false
	for _, w := range words {
		switch {
		case regionHeads[w] == LevelCity:
			return false
		case regionHeads[w] == LevelRegency, w == "desa", w == "kades":
			regency = true
		}
	}
	return regency
}

// regionHeads are who heads a region, or its government, by the level of
// region they head.
var regionHeads = map[string]RegionLevel{
	"walikota": LevelCity, "pemkot": LevelCity,
	"bupati": LevelRegency, "pemkab": LevelRegency,
	"camat": LevelDistrict,
}

// regionTitle is the level of region a word says the name after it is: the
// level's own name ("kota"), or who heads it ("bupati"); "" for other words.
func regionTitle(w string) RegionLevel {
	switch l := RegionLevel(w); l {
	case LevelCity, LevelRegency, LevelDistrict:
		return l
	}
	return regionHeads[w]
}

// capitalisedByConvention are words Indonesian writes with a capital that
// name no place, though some are also the name of a kecamatan: months
// ("Juli", Bireuen), days, forms of address ("Pak/Ibu", Halmahera Barat),
// greetings ("Salam hormat", Magelang) and the compass points ("ke Barat",
// Magetan). A one-word name among them counts only when titled.
var capitalisedByConvention = map[string]bool{
	"januari": true, "februari": true, "maret": true, "april": true, "mei": true, "juni": true, "juli": true,
	"agustus": true, "september": true, "oktober": true, "november": true, "desember": true,
	"senin": true, "selasa": true, "rabu": true, "kamis": true, "jumat": true, "sabtu": true, "minggu": true,
	"bapak": true, "ibu": true, "pak": true, "bu": true, "mas": true, "mbak": true, "kakak": true, "adik": true, "saudara": true,
	"salam": true, "selamat": true, "assalamualaikum": true,
	"utara": true, "selatan": true, "barat": true, "timur": true, "tengah": true,
}

// properNouns are the capitalised words of a text, lowercased, but for the
// first word of each sentence, which is capitalised anyway.
func properNouns(text string) map[string]bool {
	out := map[string]bool{}
	for _, sentence := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '\n' }) {
		words := strings.FieldsFunc(sentence, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		for i, w := range words {
			// "Tembalang" is a name; "MERDEKA" in a shouted sentence is not.
			if i > 0 && unicode.IsUpper([]rune(w)[0]) && strings.ToUpper(w) != w {
				out[strings.ToLower(w)] = true
			}
		}
	}
	return out
}

// titledWords are prefixes glued to a kab/kota name in handles and tags
// ("@PemkotSemarang", "#KotaBandung"), with the level they name.
var titledWords = []struct {
	prefix string
	level  RegionLevel
}{{"pemkot", LevelCity}, {"pemkab", LevelRegency}, {"kota", LevelCity}, {"kab", LevelRegency}}

// gluedName reads a word such as "pemkotsemarang" as a titled kab/kota name.
func (g *Gazetteer) gluedName(w string) (hit, bool) {
	for _, t := range titledWords {
		if rest, ok := strings.CutPrefix(w, t.prefix); ok && len(rest) >= 4 {
			if rs, ok := g.kabKota[rest]; ok {
				return hit{regions: rs, hint: t.level}, true
			}
		}
	}
	return hit{}, false
}

// streetWords is how many words after "jalan" or "gang" Find takes as the
// street's name.
const streetWords = 2
