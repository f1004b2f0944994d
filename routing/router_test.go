package routing

import (
	"testing"

	"github.com/sp4n-lapor/lapor/routing/text"
)

func TestServingIn(t *testing.T) {
	pln := DirectoryAgency{ID: "pln", Connected: true, Serves: []string{"listrik", "padam", "token"}}
	pertamina := DirectoryAgency{ID: "pertamina", Connected: true, Serves: []string{"spbu", "elpiji"}}
	ministry := DirectoryAgency{ID: "esdm", Connected: true}
	bodies := []DirectoryAgency{ministry, pln, pertamina}
	for _, tt := range []struct {
		text, want string
	}{
		{"listrik padam sejak pagi", "pln"},
		{"antri di SPBU lama, listrik SPBU padam", "pln"}, // two of PLN's against one of Pertamina's
		{"listrik di SPBU", "pln"},                        // a tie: the first
		{"izin tambang", ""},
	} {
		got, ok := servingIn(bodies, text.PhrasesOf(text.Normalize(tt.text)))
		if got.ID != tt.want || ok != (tt.want != "") {
			t.Errorf("%q: %q (%v), want %q", tt.text, got.ID, ok, tt.want)
		}
	}
	pln.Connected = false
	if got, _ := servingIn([]DirectoryAgency{pln, pertamina}, text.PhrasesOf(text.Normalize("listrik padam di SPBU"))); got.ID != "pertamina" {
		t.Errorf("with PLN not connected: %q, want pertamina", got.ID)
	}
}
