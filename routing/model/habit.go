package model

// TypeHabit compares two readings of a report's type, on the reports whose
// agency (the one the admin forwarded it to) the other folds hold: the type
// most common for that agency there, and the classifier's. The type labels
// are the admins' closing lines ("Mohon informasinya", "Mohon
// ditindaklanjuti"), which follow the agency as much as the text: all 35 of
// a BPJS branch's reports are requests for information. If the agency told
// the type better than the text, a model of the text would be held below it.
type TypeHabit struct {
	N          int     `json:"n"`           // reports whose agency the other folds hold
	FromAgency float64 `json:"from_agency"` // right, reading the type from the agency
	Classifier float64 `json:"classifier"`  // right, reading it from the text
}

// typeHabit cross-validates the agency's most common type on the folds of
// split, beside ours, the classifier's readings on the same folds. Examples
// without an agency are left out; when none has one, TypeHabit is zero.
func typeHabit(ex []Example, k int, split uint64, ours []reading) TypeHabit {
	habits := crossValidate(ex, k, split, func(train []Example) func(Example) string {
		types := map[string]map[string]int{}
		for _, e := range train {
			if types[e.Agency] == nil {
				types[e.Agency] = map[string]int{}
			}
			types[e.Agency][e.Type]++
		}
		return func(e Example) string {
			if e.Agency == "" {
				return ""
			}
			return mostCommon(types[e.Agency])
		}
	})
	var h TypeHabit
	fromAgency, classifier := 0, 0
	for i, habit := range habits {
		if habit == "" {
			continue
		}
		h.N++
		if habit == ex[i].Type {
			fromAgency++
		}
		if ours[i].Type == ex[i].Type {
			classifier++
		}
	}
	if h.N > 0 {
		h.FromAgency, h.Classifier = float64(fromAgency)/float64(h.N), float64(classifier)/float64(h.N)
	}
	return h
}

// mostCommon is the label counted most, the first in order of a tie; "" for
// none.
func mostCommon(counts map[string]int) string {
	best, most := "", 0
	for label, n := range counts {
		if n > most || (n == most && label < best) {
			best, most = label, n
		}
	}
	return best
}
