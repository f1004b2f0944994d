package geo

import (
	"slices"
	"strings"
	"sync"

	"github.com/sp4n-lapor/lapor/routing/text"
)

// aliases are the short and everyday names of kab/kota that people type.
var aliases = map[string][]string{
	"jaksel": {"31.74"}, "jakpus": {"31.71"}, "jakut": {"31.72"}, "jakbar": {"31.73"}, "jaktim": {"31.75"},
	"jakarta selatan": {"31.74"}, "jakarta pusat": {"31.71"}, "jakarta utara": {"31.72"},
	"jakarta barat": {"31.73"}, "jakarta timur": {"31.75"},
	"jakarta": {"31.71", "31.72", "31.73", "31.74", "31.75", "31.01"}, "jkt": {"31.71", "31.72", "31.73", "31.74", "31.75", "31.01"},
	"sby": {"35.78"}, "suroboyo": {"35.78"}, "smg": {"33.74"}, "jogja": {"34.71"}, "yogya": {"34.71"},
	"jogjakarta": {"34.71"}, "yogyakarta": {"34.71"}, "bdg": {"32.73"}, "mks": {"73.71"}, "plg": {"16.71"},
	"mdn": {"12.71"}, "dps": {"51.71"}, "bpn": {"64.71"}, "solo": {"33.72"}, "tangsel": {"36.74"},
	"bekasi": {"32.75", "32.16"}, "bogor": {"32.71", "32.01"}, "tangerang": {"36.71", "36.03"},
}

// Gazetteer finds Indonesian regions named in text, with aliases and typos.
type Gazetteer struct {
	rs        *Regions
	kabKota   map[string][]Region // base name ("semarang", "bandung barat") → kab/kota
	districts map[string][]Region // kecamatan name → kecamatan
	provinces map[string]Region
	maxWords  int

	kabKotaWords, districtWords oneWordNames // for typos
}

// DefaultGazetteer returns the gazetteer of the embedded regions, built once.
var DefaultGazetteer = sync.OnceValue(func() *Gazetteer { return NewGazetteer(AllRegions()) })

// NewGazetteer indexes regions by their normalised names.
func NewGazetteer(rs *Regions) *Gazetteer {
	g := &Gazetteer{rs: rs, kabKota: map[string][]Region{}, districts: map[string][]Region{}, provinces: map[string]Region{}}
	add := func(m map[string][]Region, name string, r Region) {
		key := strings.Join(text.Normalize(name), " ")
		m[key] = append(m[key], r)
		g.maxWords = max(g.maxWords, len(strings.Fields(key)))
	}
	for _, r := range rs.KabKota {
		add(g.kabKota, baseName(r.Name), r)
	}
	for name, codes := range aliases {
		for _, c := range codes {
			if r, ok := rs.Lookup(c); ok && !slices.Contains(g.kabKota[name], r) {
				g.kabKota[name] = append(g.kabKota[name], r)
			}
		}
	}
	for _, r := range rs.Districts {
		add(g.districts, r.Name, r)
	}
	for _, r := range rs.Provinces {
		g.provinces[strings.Join(text.Normalize(r.Name), " ")] = r
	}
	g.kabKotaWords, g.districtWords = byLength(g.kabKota), byLength(g.districts)
	return g
}

// baseName drops the title of a kab/kota name: "Kota Administrasi Jakarta
// Selatan" → "Jakarta Selatan", "Kabupaten Bandung Barat" → "Bandung Barat".
func baseName(name string) string {
	for _, prefix := range []string{"Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "} {
		if rest, ok := strings.CutPrefix(name, prefix); ok {
			return rest
		}
	}
	return name
}

type hit struct {
	regions []Region
	hint    RegionLevel // the title typed before the name, if any
}

// Resolve reads an answer that names a place ("kab bandung barat",
// "tembalang", "sby") and says which kab/kota it is, or which candidates fit.
func (g *Gazetteer) Resolve(answer string) Place {
	words := text.Normalize(answer)
	return g.resolve(words[:min(len(words), maxAnswerWords)], nil)
}

// maxAnswerWords is how many words of an answer Resolve reads: an answer to
// "where?" is a few words, and beyond these a text is not an answer.
const maxAnswerWords = 12

// Find looks for a place named inside a longer text, such as a complaint.
// It is stricter than Resolve, since a complaint's words are mostly not
// places ("batu", "pasar", "gantung" are also names of regions): typos only
// in a name after a kab/kota title ("kota bandunf"), and a one-word name
// counts only when written as a proper noun ("Tembalang", "Lamongan"; not a
// sentence's first word, nor one capitalised by convention) or introduced
// by its title ("kec. tembalang", "kab lamongan", "bupati bogor"); a
// kecamatan moreover only when its name is unique.
func (g *Gazetteer) Find(complaint string) Place {
	words := text.Normalize(complaint)
	p := g.resolve(words, properNouns(complaint))
	// "Semarang" alone: the kota and the kabupaten of that name. A village
	// or its head, or a regent, are only in a kabupaten; else complaints
	// mostly mean the city. Find takes one and keeps both as candidates.
	if c := p.Candidates; len(c) == 2 && baseName(c[0].Name) == baseName(c[1].Name) && c[0].Level != c[1].Level {
		want := LevelCity
		if speaksOfRegency(words) {
			want = LevelRegency
		}
		pick := c[0]
		if c[1].Level == want {
			pick = c[1]
		}
		p.KabKota, p.District = &pick, districtIn(p.districts, pick.Code)
	}
	return p
}

// Regions returns the regions the gazetteer indexes.
func (g *Gazetteer) Regions() *Regions { return g.rs }
