package model

import "testing"

// TestTypeHabit reads each report's type from the other reports of its
// agency (one fold a report), beside the classifier's type.
func TestTypeHabit(t *testing.T) {
	ex := []Example{
		{Agency: "A", Type: "informasi"}, // the others of A: a tie, the first in order: informasi, right
		{Agency: "A", Type: "informasi"}, // the same
		{Agency: "A", Type: "pengaduan"}, // the others of A: informasi, wrong
		{Agency: "B", Type: "pengaduan"}, // right
		{Agency: "B", Type: "pengaduan"}, // right
		{Agency: "C", Type: "aspirasi"},  // no other report of C: left out
		{Agency: "", Type: "informasi"},  // no agency: left out
	}
	ours := make([]reading, len(ex))
	for i := range ours {
		ours[i].Type = "pengaduan" // right on the third to the fifth
	}
	got := typeHabit(ex, len(ex), 0, ours)
	if want := (TypeHabit{N: 5, FromAgency: 0.8, Classifier: 0.6}); got != want {
		t.Errorf("typeHabit = %+v, want %+v", got, want)
	}
	if got := typeHabit(ex[:2], 2, 0, ours[:2]); got.N != 2 || got.FromAgency != 1 {
		t.Errorf("two reports of one agency: %+v", got)
	}
	if got := typeHabit([]Example{{Type: "informasi"}, {Type: "informasi"}}, 2, 0, ours[:2]); got != (TypeHabit{}) {
		t.Errorf("reports without an agency: %+v, want none", got)
	}
}
