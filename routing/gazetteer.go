package routing

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
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

// Place is what the gazetteer made of a text: one kab/kota (with the
// kecamatan when one was named), or candidates when the name fits several.
type Place struct {
	KabKota    *Region  // the kab/kota, when exactly one fits
	District   *Region  // the kecamatan, when one was named and fits KabKota
	Province   *Region  // the province, when only a province was named
	Candidates []Region // kab/kota that fit equally, when more than one does

	districts []Region // the kecamatan a name named fits, for when a kab/kota is settled
}

// Found reports whether the text named a kab/kota. Find may take one of
// several candidates (the kota of a name shared with a kabupaten); then
// Candidates lists them all.
func (p Place) Found() bool { return p.KabKota != nil }

// Code is the most precise code of the place: the kecamatan's when one was
// named, else the kab/kota's; "" when no kab/kota was found.
func (p Place) Code() string {
	switch {
	case p.District != nil && p.KabKota != nil:
		return p.District.Code
	case p.KabKota != nil:
		return p.KabKota.Code
	}
	return ""
}

// namesNothing reports whether the text named no region: no kab/kota, no
// name several share, no province.
func (p Place) namesNothing() bool {
	return p.KabKota == nil && len(p.Candidates) == 0 && p.Province == nil
}

// Ambiguous reports whether the name fits several kab/kota (Find may still
// have taken one of them).
func (p Place) Ambiguous() bool { return len(p.Candidates) > 1 }

// settle keeps, of the candidates, those within region (a province,
// kab/kota or kecamatan code); when one is left, it is the place's kab/kota
// and the name is no longer ambiguous.
func (p Place) settle(region string) Place {
	if region == "" || !p.Ambiguous() {
		return p
	}
	var in []Region
	for _, c := range p.Candidates {
		if strings.HasPrefix(c.Code, jurisdictionOf(region)) {
			in = append(in, c)
		}
	}
	switch len(in) {
	case 0:
		return p
	case 1:
		p.KabKota, p.Candidates, p.District = &in[0], nil, districtIn(p.districts, in[0].Code)
		return p
	}
	p.Candidates = in
	return p
}

// fits reports whether code is one of the candidates.
func (p Place) fits(code string) bool {
	return slices.ContainsFunc(p.Candidates, func(c Region) bool { return c.Code == code })
}

// admits reports whether a guessed kab/kota agrees with what the text
// names: one of the candidates of a shared name, one in the province named,
// any when it names nothing.
func (p Place) admits(code string) bool {
	switch {
	case p.Ambiguous():
		return p.fits(code)
	case p.Province != nil:
		return strings.HasPrefix(code, p.Province.Code+".")
	}
	return code != ""
}

// words are the normalised words of the names of the regions in p.
func (p Place) words() map[string]bool {
	out := map[string]bool{}
	add := func(name string) {
		for _, w := range Normalize(baseName(name)) {
			out[w] = true
		}
	}
	for _, r := range []*Region{p.KabKota, p.District, p.Province} {
		if r != nil {
			add(r.Name)
		}
	}
	for _, r := range p.Candidates {
		add(r.Name)
	}
	return out
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
		key := strings.Join(Normalize(name), " ")
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
		g.provinces[strings.Join(Normalize(r.Name), " ")] = r
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
func (g *Gazetteer) Resolve(text string) Place {
	words := Normalize(text)
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
func (g *Gazetteer) Find(text string) Place {
	words := Normalize(text)
	p := g.resolve(words, properNouns(text))
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

// fuzzy finds the kab/kota or kecamatan one or two typos away from a word,
// as the kab/kota it names (a kecamatan's own).
func (g *Gazetteer) fuzzy(w string) (hit, bool) {
	kab, dk := nearest(w, g.kabKotaWords)
	dis, dd := nearest(w, g.districtWords)
	var best []Region
	if dk <= dd {
		best = kab
	}
	if dd <= dk {
		for _, d := range dis {
			if r, _ := g.rs.Lookup(d.Parent); !slices.Contains(best, r) {
				best = append(best, r)
			}
		}
	}
	if len(best) == 0 || len(best) > maxFuzzyCandidates {
		return hit{}, false
	}
	return hit{regions: best}, true
}

// fuzzyTitled finds the region of the level a title names ("kota bandunf",
// "kec. tembalnag") one or two typos away from the word after it.
func (g *Gazetteer) fuzzyTitled(w string, title RegionLevel) (hit, bool) {
	names := g.kabKotaWords
	if title == LevelDistrict {
		names = g.districtWords
	}
	best, _ := nearest(w, names)
	if len(best) == 0 || len(best) > maxFuzzyCandidates {
		return hit{}, false
	}
	return hit{regions: best, hint: title}, true
}

// maxFuzzyCandidates is how many regions a misspelt name may fit before it
// is taken for no name at all.
const maxFuzzyCandidates = 6

// maxFuzzyLookups is how many words of a text are read for typos: as many
// as an answer Resolve reads, and a bound on what a complaint made of
// "kota xxxxx" can cost (a lookup takes about 0.1 ms: BenchmarkResolveTypo).
const maxFuzzyLookups = maxAnswerWords

// minFuzzyLength is the shortest word read for typos: shorter names are a
// typo away from too many others.
const minFuzzyLength = 5

// nearest are the regions of names whose name is closest to w, within one
// typo (two from eight letters), and that distance.
func nearest(w string, names oneWordNames) ([]Region, int) {
	limit := 1
	if len(w) >= 8 {
		limit = 2
	}
	var best []Region
	bestD := limit + 1
	var rows editRows
	letters := lettersOf(w)
	for n := max(len(w)-limit, 0); n <= len(w)+limit && n < len(names); n++ {
		for _, name := range names[n] {
			if letters.apart(name.letters) > 2*limit { // each edit changes at most two counts
				continue
			}
			d := rows.distance(w, name.name, limit)
			if d > limit {
				continue
			}
			if d < bestD {
				best, bestD = nil, d
			}
			if d == bestD {
				for _, r := range name.regions {
					if !slices.Contains(best, r) {
						best = append(best, r)
					}
				}
			}
		}
	}
	return best, bestD
}

// oneWordNames are the one-word names of an index, by their length in
// bytes, for reading typos: only names of about a word's length can be a
// typo away from it.
type oneWordNames [][]oneWordName

type oneWordName struct {
	name    string
	letters letterCounts
	regions []Region
}

// letterCounts counts a word's letters a to z, and the other bytes together.
type letterCounts [27]int8

func lettersOf(w string) letterCounts {
	var c letterCounts
	for i := range len(w) {
		if b := w[i]; b >= 'a' && b <= 'z' {
			c[b-'a']++
		} else {
			c[26]++
		}
	}
	return c
}

// apart is how many counts differ, summed: a lower bound of twice the edit
// distance of the two words.
func (c letterCounts) apart(o letterCounts) int {
	n := 0
	for i := range c {
		d := int(c[i]) - int(o[i])
		n += max(d, -d)
	}
	return n
}

func byLength(m map[string][]Region) oneWordNames {
	var out oneWordNames
	keys := slices.Sorted(maps.Keys(m)) // deterministic order, so ties list alike
	for _, name := range keys {
		if strings.Contains(name, " ") {
			continue
		}
		for len(out) <= len(name) {
			out = append(out, nil)
		}
		out[len(name)] = append(out[len(name)], oneWordName{name, lettersOf(name), m[name]})
	}
	return out
}

// decide picks the kab/kota the hits agree on.
func (g *Gazetteer) decide(kab, dis []hit, prov *Region) Place {
	var cands []Region
	for _, h := range kab {
		rs := h.regions
		if h.hint == LevelCity || h.hint == LevelRegency {
			if narrowed := filterLevel(rs, h.hint); len(narrowed) > 0 {
				rs = narrowed
			}
		}
		cands = intersectOrFirst(cands, rs)
	}
	cands, districts := g.byDistricts(dis, cands)
	if prov != nil && len(cands) > 1 {
		var in []Region
		for _, c := range cands {
			if c.Parent == prov.Code {
				in = append(in, c)
			}
		}
		if len(in) > 0 {
			cands = in
		}
	}
	switch {
	case len(cands) == 1:
		c := cands[0]
		return Place{KabKota: &c, District: districtIn(districts, c.Code)}
	case len(cands) > 1:
		return Place{Candidates: cands, Province: prov, districts: districts}
	}
	return Place{Province: prov}
}

// byDistricts narrows the kab/kota candidates, those the names gave (all
// when none did), by the kecamatan hits, and returns them with the
// kecamatan that fit. A titled kecamatan ("kec Rengat") is surer than an
// untitled name ("desa Rantau Mapesai": Rantau is a kecamatan of Aceh
// Tamiang), so it comes last, to win a disagreement.
func (g *Gazetteer) byDistricts(dis []hit, named []Region) (cands, districts []Region) {
	cands = named
	var untitled, titled []hit
	for _, h := range dis {
		if h.hint == LevelDistrict {
			titled = append(titled, h)
		} else {
			untitled = append(untitled, h)
		}
	}
	for _, h := range append(untitled, titled...) {
		var within, agree []Region
		for _, d := range h.regions {
			p, ok := g.rs.Lookup(d.Parent)
			if ok && (len(named) == 0 || slices.Contains(named, p)) {
				within = append(within, d)
				if len(cands) == 0 || slices.Contains(cands, p) {
					agree = append(agree, d)
				}
			}
		}
		if len(agree) == 0 {
			// Kecamatan names that disagree ("Beringin Ngaliyan": a
			// kelurahan of Ngaliyan, and a kecamatan of Deli Serdang): an
			// address goes from the small to the large, so the last wins.
			agree, districts = within, nil
		}
		if len(agree) > 0 {
			cands = nil
			for _, d := range agree {
				if p, _ := g.rs.Lookup(d.Parent); !slices.Contains(cands, p) {
					cands = append(cands, p)
				}
			}
			districts = append(districts, agree...)
		}
	}
	return cands, districts
}

// districtIn is the last of the kecamatan ds that lies in the kab/kota
// kabKota (the one named nearest the end, as before), or nil.
func districtIn(ds []Region, kabKota string) *Region {
	for i := len(ds) - 1; i >= 0; i-- {
		if ds[i].Parent == kabKota {
			d := ds[i]
			return &d
		}
	}
	return nil
}

func filterLevel(rs []Region, level RegionLevel) []Region {
	var out []Region
	for _, r := range rs {
		if r.Level == level {
			out = append(out, r)
		}
	}
	return out
}

// intersectOrFirst keeps the candidates two names share ("semarang" and
// "tembalang"), or the earlier ones when they share none.
func intersectOrFirst(a, b []Region) []Region {
	if len(a) == 0 {
		return b
	}
	var both []Region
	for _, r := range a {
		if slices.Contains(b, r) {
			both = append(both, r)
		}
	}
	if len(both) == 0 {
		return a
	}
	return both
}

// editRows are the rows of an edit distance's table, kept between calls.
type editRows struct{ prev2, prev, cur []int }

// distance is the Damerau–Levenshtein distance of a and b (adjacent swaps
// count one); above limit, any number above limit.
func (e *editRows) distance(a, b string, limit int) int {
	if n := len(b) + 1; cap(e.cur) < n {
		e.prev2, e.prev, e.cur = make([]int, n), make([]int, n), make([]int, n)
	}
	prev2, prev, cur := e.prev2[:len(b)+1], e.prev[:len(b)+1], e.cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// Regions returns the regions the gazetteer indexes.
func (g *Gazetteer) Regions() *Regions { return g.rs }
