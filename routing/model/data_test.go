package model

import (
	"testing"

	"github.com/sp4n-lapor/lapor/routing/geo"
)

func TestEmbeddedRegions(t *testing.T) {
	rs := geo.AllRegions()
	if got := len(rs.Provinces); got != 38 {
		t.Errorf("provinces = %d, want 38", got)
	}
	if got := len(rs.KabKota); got != 514 {
		t.Errorf("kab/kota = %d, want 514", got)
	}
	if got := len(rs.Districts); got != 7285 {
		t.Errorf("kecamatan = %d, want 7285", got)
	}
	r, ok := rs.Lookup("31.72")
	if !ok || r.Name != "Kota Administrasi Jakarta Utara" || r.Level != geo.LevelCity {
		t.Errorf("Lookup(31.72) = %+v, %v; want trimmed Jakarta Utara, kota", r, ok)
	}
	p, ok := rs.Province("33.74.01")
	if !ok || p.Code != "33" {
		t.Errorf("Province(33.74.01) = %+v, %v; want Jawa Tengah", p, ok)
	}
}

func TestEmbeddedSectors(t *testing.T) {
	if got := len(Sectors()); got != 32 {
		t.Fatalf("sectors = %d, want 32", got)
	}
	if s, ok := SectorByCode("pekerjaan-umum"); !ok || s.Name == "" {
		t.Errorf("SectorByCode(pekerjaan-umum) = %+v, %v", s, ok)
	}
	if _, ok := SectorByCode("nope"); ok {
		t.Error("SectorByCode(nope) found a sector")
	}
}

func TestRegionNames(t *testing.T) {
	rs := geo.AllRegions()
	for code, want := range map[string]string{"33.74.10": "Tembalang, Kota Semarang", "33.74": "Kota Semarang", "33": "Jawa Tengah"} {
		if got, ok := rs.Name(code); !ok || got != want {
			t.Errorf("Name(%s) = %q, %v; want %q", code, got, ok, want)
		}
	}
	if _, ok := rs.Name("99.99"); ok {
		t.Error("a made-up code has a name")
	}
}
