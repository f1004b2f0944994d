package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/routing/geo"
)

// Example is a labelled complaint of the 2017 dev set.
type Example struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Text       string `json:"text"`
	Type       string `json:"type"`
	Sector     string `json:"sector"`
	RegionCode string `json:"region_code"`
	// Agency is the agency the admin forwarded it to, verbatim (optional):
	// what the dev set's sector and region were derived from.
	Agency string `json:"agency_label"`
}

// ReadExamples reads JSON lines of labelled complaints, each with its sector
// (a code of sectors.csv) and type (one of report.Types); blank lines are
// skipped.
func ReadExamples(r io.Reader) ([]Example, error) {
	var out []Example
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimPrefix(sc.Bytes(), []byte("\ufeff")) // the byte-order mark some editors write
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var e Example
		if err := json.Unmarshal(line, &e); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if e.Sector == "" || e.Type == "" {
			return nil, fmt.Errorf("line %d: a labelled complaint needs its \"sector\" and \"type\"", n)
		}
		if _, ok := SectorByCode(e.Sector); !ok {
			return nil, fmt.Errorf("line %d: sector %q is not one of the codes of sectors.csv", n, e.Sector)
		}
		if !slices.Contains(report.Types, e.Type) {
			return nil, fmt.Errorf("line %d: type %q is not one of %s", n, e.Type, strings.Join(report.Types, ", "))
		}
		if _, ok := geo.AllRegions().Lookup(e.RegionCode); e.RegionCode != "" && !ok {
			return nil, fmt.Errorf("line %d: region_code %q is not a Kemendagri region code", n, e.RegionCode)
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

var devSet = sync.OnceValues(func() ([]Example, error) {
	f, err := dataFS.Open("data/lapor2017-dev.jsonl")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadExamples(f)
})

// DevSet returns the embedded 2017 dev set the classifier learns from.
func DevSet() []Example {
	ex, err := devSet()
	if err != nil {
		panic(err) // embedded data is checked by the package tests
	}
	return ex
}
