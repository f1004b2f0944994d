package model

import "embed"

// dataFS holds the sectors, the stop words, the labelled dev set and the
// trained model (data/SOURCES.md says where each comes from).
//
//go:embed data/*.csv data/*.jsonl data/*.txt data/*.gz
var dataFS embed.FS
