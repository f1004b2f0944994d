package geo

import (
	"maps"
	"slices"
	"strings"
)

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
