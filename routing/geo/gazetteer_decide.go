package geo

import (
	"slices"
)

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
