package model

import (
	"fmt"
	"sync"

	"github.com/sp4n-lapor/lapor/routing/internal/csvdata"
)

// Sector is one of the routing taxonomy's public-service sectors.
type Sector struct {
	Code      string
	Name      string // Indonesian name
	NameEN    string
	HandledBy string
	Examples  string
}

var loadSectors = sync.OnceValues(func() ([]Sector, error) {
	rows, err := csvdata.Read(dataFS, "sectors.csv")
	if err != nil {
		return nil, err
	}
	out := make([]Sector, 0, len(rows))
	for _, r := range rows {
		if len(r) != 5 {
			return nil, fmt.Errorf("sectors.csv: row %q has %d fields, want 5", r, len(r))
		}
		out = append(out, Sector{Code: r[0], Name: r[1], NameEN: r[2], HandledBy: r[3], Examples: r[4]})
	}
	return out, nil
})

// Sectors returns the taxonomy in file order. The data is embedded, so an
// error here means the binary was built from a broken data file.
func Sectors() []Sector {
	s, err := loadSectors()
	if err != nil {
		panic(err) // embedded data is checked by the package tests
	}
	return s
}

// SectorByCode finds a sector by its code.
func SectorByCode(code string) (Sector, bool) {
	for _, s := range Sectors() {
		if s.Code == code {
			return s, true
		}
	}
	return Sector{}, false
}
