// Package csvdata reads the CSV files the routing packages embed.
package csvdata

import (
	"encoding/csv"
	"fmt"
	"io/fs"
	"strings"
)

// Read returns the rows of the CSV file data/name of fsys without its
// header, every field trimmed of surrounding spaces.
func Read(fsys fs.FS, name string) ([][]string, error) {
	f, err := fsys.Open("data/" + name)
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
