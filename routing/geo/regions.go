package geo

import (
	"fmt"
	"sync"

	"github.com/sp4n-lapor/lapor/routing/internal/csvdata"
)

// RegionLevel says which tier of Indonesian administration a region is.
type RegionLevel string

// Region levels, from the top.
const (
	LevelProvince RegionLevel = "provinsi"
	LevelRegency  RegionLevel = "kabupaten"
	LevelCity     RegionLevel = "kota"
	LevelDistrict RegionLevel = "kecamatan"
)

// Region is a province, kab/kota or kecamatan with its Kemendagri code
// ("33", "33.74", "33.74.01").
type Region struct {
	Code   string
	Name   string
	Level  RegionLevel
	Parent string // code of the enclosing region; empty for a province
}

// Regions is the embedded list of Indonesia's administrative regions.
type Regions struct {
	Provinces []Region
	KabKota   []Region
	Districts []Region
	byCode    map[string]Region
}

var loadRegions = sync.OnceValues(func() (*Regions, error) {
	rs := &Regions{byCode: map[string]Region{}}
	prov, err := csvdata.Read(dataFS, "wilayah-provinces.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range prov {
		if len(r) != 2 {
			return nil, fmt.Errorf("wilayah-provinces.csv: bad row %q", r)
		}
		rs.Provinces = append(rs.Provinces, Region{Code: r[0], Name: r[1], Level: LevelProvince})
	}
	kab, err := csvdata.Read(dataFS, "wilayah-regencies.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range kab {
		if len(r) != 4 {
			return nil, fmt.Errorf("wilayah-regencies.csv: bad row %q", r)
		}
		level := LevelRegency
		if r[3] == "Kota" {
			level = LevelCity
		}
		rs.KabKota = append(rs.KabKota, Region{Code: r[0], Name: r[2], Level: level, Parent: r[1]})
	}
	dis, err := csvdata.Read(dataFS, "wilayah-districts.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range dis {
		if len(r) != 3 {
			return nil, fmt.Errorf("wilayah-districts.csv: bad row %q", r)
		}
		rs.Districts = append(rs.Districts, Region{Code: r[0], Name: r[2], Level: LevelDistrict, Parent: r[1]})
	}
	for _, list := range [][]Region{rs.Provinces, rs.KabKota, rs.Districts} {
		for _, r := range list {
			if _, dup := rs.byCode[r.Code]; dup {
				return nil, fmt.Errorf("wilayah: duplicate code %s", r.Code)
			}
			rs.byCode[r.Code] = r
		}
	}
	return rs, nil
})

// AllRegions returns the embedded regions, loaded once.
func AllRegions() *Regions {
	rs, err := loadRegions()
	if err != nil {
		panic(err) // embedded data is checked by the package tests
	}
	return rs
}

// Lookup finds a region of any level by its Kemendagri code.
func (rs *Regions) Lookup(code string) (Region, bool) {
	r, ok := rs.byCode[code]
	return r, ok
}

// Name is how a region is written for people: a kecamatan with its kab/kota
// ("Tembalang, Kota Semarang"), else the region's own name.
func (rs *Regions) Name(code string) (string, bool) {
	r, ok := rs.byCode[code]
	if !ok {
		return "", false
	}
	if parent, ok := rs.byCode[r.Parent]; ok && r.Level == LevelDistrict {
		return r.Name + ", " + parent.Name, true
	}
	return r.Name, true
}

// Province returns the province a region lies in (itself for a province).
func (rs *Regions) Province(code string) (Region, bool) {
	r, ok := rs.byCode[code]
	for ok && r.Parent != "" {
		r, ok = rs.byCode[r.Parent]
	}
	return r, ok
}

// KabKotaOf is the kab/kota code of a kab/kota or kecamatan code, or "".
func KabKotaOf(code string) string {
	if len(code) >= 5 {
		return code[:5]
	}
	return ""
}

// IsTitle tells the words that introduce a region's name, which are the
// names of the levels ("kota", "kecamatan"); before the name of a place a
// complaint names they are part of its address.
func IsTitle(w string) bool {
	switch RegionLevel(w) {
	case LevelProvince, LevelRegency, LevelCity, LevelDistrict:
		return true
	}
	return false
}

// JurisdictionOf is the government a region belongs to: the kab/kota of a
// kecamatan, else the region itself (a kab/kota or a province).
func JurisdictionOf(code string) string {
	if k := KabKotaOf(code); k != "" {
		return k
	}
	return code
}
