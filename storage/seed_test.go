package storage

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
)

// TestSeedFillsWhatABodyServes: a directory seeded before national bodies
// had Serves gets them on the next migration.
func TestSeedFillsWhatABodyServes(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "lapor.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Model(&Agency{}).Where("id = ?", "kl-pln").Update("serves", nil).Error; err != nil {
		t.Fatal(err)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	bodies, err := s.Directory().National(ctx, "energi")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bodies {
		switch b.ID {
		case "kl-pln":
			if !slices.Contains(b.Serves, "listrik") {
				t.Errorf("PLN serves %q after a second migration", b.Serves)
			}
		case "kl-esdm":
			if len(b.Serves) != 0 {
				t.Errorf("the ministry serves %q", b.Serves)
			}
		}
	}
}
