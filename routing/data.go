package routing

import (
	"embed"
	"encoding/csv"
	"fmt"
	"strings"
)

//go:embed data/*.csv data/*.jsonl data/*.txt data/*.gz
var dataFS embed.FS

// readCSV returns the rows of an embedded CSV file without its header,
// every field trimmed of surrounding spaces.
func readCSV(name string) ([][]string, error) {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("read %s: empty file", name)
	}
	rows = rows[1:]
	for _, row := range rows {
		for i := range row {
			row[i] = strings.TrimSpace(row[i])
		}
	}
	return rows, nil
}
