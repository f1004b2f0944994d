package geo

import (
	"strings"
)

// resolve finds places in words; proper, when not nil, makes it strict (see Find).
func (g *Gazetteer) resolve(words []string, proper map[string]bool) Place {
	lenient := proper == nil
	named := func(key string, n int, hint RegionLevel) bool {
		return lenient || hint != "" || n > 1 || proper[key] && !capitalisedByConvention[key]
	}
	var kab, dis []hit
	var prov *Region
	street := 0  // words left of a street's name, which names no place ("Jl. Kelud Raya", "Jl. Magelang")
	lookups := 0 // words read for typos, each against thousands of names
	for i := 0; i < len(words); i++ {
		hint := regionTitle(words[i])
		if !lenient && hint == "" {
			if street > 0 {
				street--
				continue
			}
			if words[i] == "jalan" || words[i] == "gang" || words[i] == "gg" {
				street = streetWords
				continue
			}
			if words[i] == "raya" { // "Jl. Karangrejo Raya": a street, not Raya in Simalungun
				continue
			}
		}
		street = 0
		start := i
		if hint != "" {
			start = i + 1
		}
		matched := false
		for n := min(g.maxWords, len(words)-start); n >= 1 && !matched; n-- {
			key := strings.Join(words[start:start+n], " ")
			if hint != LevelDistrict {
				_, alias := aliases[key]
				if rs, ok := g.kabKota[key]; ok && (alias || named(key, n, hint)) {
					h := hint
					if h == "" && start+n < len(words) { // "semarang kota"
						h = map[string]RegionLevel{"kota": LevelCity, "kabupaten": LevelRegency}[words[start+n]]
					}
					kab = append(kab, hit{regions: rs, hint: h})
					matched = true
				}
			}
			// A kab/kota's title is not a kecamatan's: "kabupaten/kota" names
			// no place, though Kediri has a kecamatan called Kota.
			if rs, ok := g.districts[key]; ok && !matched && (lenient || hint == LevelDistrict || hint == "" && len(rs) == 1 && named(key, n, hint)) {
				dis = append(dis, hit{regions: rs, hint: hint})
				matched = true
			}
			if p, ok := g.provinces[key]; ok && !matched && named(key, n, hint) {
				prov = &p
				matched = true
			}
			if matched {
				i = start + n - 1
			}
		}
		if !matched && (hint == LevelCity || hint == LevelRegency) {
			if h, n, ok := g.titleLedDistrict(words[i:], lenient); ok {
				dis = append(dis, h)
				matched, i = true, i+n-1
			}
		}
		if !matched && hint == "" {
			if h, ok := g.gluedName(words[i]); ok {
				kab = append(kab, h)
				continue
			}
		}
		switch {
		case matched || start >= len(words) || len(words[start]) < minFuzzyLength || lookups == maxFuzzyLookups:
		case hint == LevelDistrict && lenient: // a complaint's "kecamatan terdekat" is one typo from Merdeka
			lookups++
			if h, ok := g.fuzzyTitled(words[start], hint); ok {
				dis = append(dis, h)
				i = start
			}
		case hint == LevelCity || hint == LevelRegency:
			lookups++
			if h, ok := g.fuzzyTitled(words[start], hint); ok {
				kab = append(kab, h)
				i = start
			}
		case lenient:
			lookups++
			if h, ok := g.fuzzy(words[i]); ok {
				kab = append(kab, h)
			}
		}
	}
	return g.decide(kab, dis, prov)
}

// titleLedDistrict finds a kecamatan whose name starts with a kab/kota
// title, at the start of words, in two words or more or glued into one
// ("Kota Juang", "kota Pinang" for Kotapinang), and how many words it took;
// strict reading takes only a name one kecamatan has.
func (g *Gazetteer) titleLedDistrict(words []string, lenient bool) (hit, int, bool) {
	for n := min(g.maxWords, len(words)); n >= 2; n-- {
		for _, key := range []string{strings.Join(words[:n], " "), strings.Join(words[:n], "")} {
			if rs, ok := g.districts[key]; ok && (lenient || len(rs) == 1) {
				return hit{regions: rs}, n, true
			}
		}
	}
	return hit{}, 0, false
}
