package geo

import "embed"

// dataFS holds the Kemendagri region lists (data/SOURCES.md).
//
//go:embed data/*.csv
var dataFS embed.FS
