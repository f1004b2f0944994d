package storage

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sp4n-lapor/lapor/routing"
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
	// As a directory seeded before the columns: nothing served, no central.
	if err := s.db.Model(&Agency{}).Where("1 = 1").Updates(map[string]any{"serves": nil, "central": nil}).Error; err != nil {
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
	higher, err := s.Directory().National(ctx, "pendidikan")
	if err != nil {
		t.Fatal(err)
	}
	if i := slices.IndexFunc(higher, func(b routing.DirectoryAgency) bool { return b.ID == "kl-kemendiktisaintek" }); i < 0 || !higher[i].Central {
		t.Errorf("higher education after a second migration: %+v", higher)
	}
	if _, err := s.Agency(ctx, "pemda-33.74"); err != nil {
		t.Errorf("an agency with no central flag: %v", err)
	}
}
