package geo

import (
	"slices"
	"strings"

	"github.com/sp4n-lapor/lapor/routing/text"
)

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
func (p Place) NamesNothing() bool {
	return p.KabKota == nil && len(p.Candidates) == 0 && p.Province == nil
}

// Ambiguous reports whether the name fits several kab/kota (Find may still
// have taken one of them).
func (p Place) Ambiguous() bool { return len(p.Candidates) > 1 }

// settle keeps, of the candidates, those within region (a province,
// kab/kota or kecamatan code); when one is left, it is the place's kab/kota
// and the name is no longer ambiguous.
func (p Place) Settle(region string) Place {
	if region == "" || !p.Ambiguous() {
		return p
	}
	var in []Region
	for _, c := range p.Candidates {
		if strings.HasPrefix(c.Code, JurisdictionOf(region)) {
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
func (p Place) Fits(code string) bool {
	return slices.ContainsFunc(p.Candidates, func(c Region) bool { return c.Code == code })
}

// admits reports whether a guessed kab/kota agrees with what the text
// names: one of the candidates of a shared name, one in the province named,
// any when it names nothing.
func (p Place) Admits(code string) bool {
	switch {
	case p.Ambiguous():
		return p.Fits(code)
	case p.Province != nil:
		return strings.HasPrefix(code, p.Province.Code+".")
	}
	return code != ""
}

// words are the normalised words of the names of the regions in p.
func (p Place) Words() map[string]bool {
	out := map[string]bool{}
	add := func(name string) {
		for _, w := range text.Normalize(baseName(name)) {
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
