package storage

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/routing/text"
)

// TestSeedFillsWhatABodyServes: a directory seeded before national bodies
// had Serves gets them on the next migration.
func TestSeedFillsWhatABodyServes(t *testing.T) {
	s, ctx := migratedSQLite(t)
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

// TestSetServes lets an admin change what a national body serves, and keeps
// it through later migrations, even when the admin emptied it.
func TestSetServes(t *testing.T) {
	s, ctx := migratedSQLite(t)
	pln := func() routing.DirectoryAgency {
		t.Helper()
		bodies, err := s.Directory().National(ctx, "energi")
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(bodies, func(b routing.DirectoryAgency) bool { return b.ID == "kl-pln" })
		if i < 0 {
			t.Fatalf("no PLN among %+v", bodies)
		}
		return bodies[i]
	}
	a, err := s.SetServes(ctx, "kl-pln", []string{"listrik padam", "meteran"}, true)
	if err != nil || a.Serves != "listrik padam;meteran" || !a.Central || a.ServesSetAt == nil {
		t.Fatalf("SetServes: %+v, %v", a, err)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if b := pln(); !slices.Equal(b.Serves, []string{"listrik padam", "meteran"}) || !b.Central {
		t.Errorf("after a migration: %+v", b)
	}
	if _, err := s.SetServes(ctx, "kl-pln", nil, false); err != nil {
		t.Fatal(err)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if b := pln(); len(b.Serves) != 0 || b.Central {
		t.Errorf("emptied by an admin, then migrated: %+v", b)
	}
	for id, want := range map[string]error{
		"pemda-33.74":    ErrNotNational, // a regional government
		"kl-pln-33":      ErrNotNational, // a national body's office for a region
		"admin-nasional": ErrNotNational,
		"kl-nope":        ErrNotFound,
	} {
		if _, err := s.SetServes(ctx, id, []string{"x"}, false); !errors.Is(err, want) {
			t.Errorf("SetServes(%s): %v, want %v", id, err, want)
		}
	}
	if _, err := s.SetServes(ctx, "kl-imigrasi", []string{"paspor"}, false); err != nil {
		t.Errorf("a ministry's directorate: %v", err)
	}
}

// migratedSQLite is a migrated store in a new SQLite file, which a test may
// migrate again.
func migratedSQLite(t *testing.T) (*Store, context.Context) {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "lapor.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return s, ctx
}

// TestSeedServesIsNormalised: routing looks for what a body serves among a
// complaint's normalised words, as the admin API stores it, so a seed phrase
// must be normalised already ("jalan", not "jln").
func TestSeedServesIsNormalised(t *testing.T) {
	agencies, err := seedAgencies(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range agencies {
		for _, p := range a.ServedPhrases() {
			n++
			if want := strings.Join(text.Normalize(p), " "); p != want {
				t.Errorf("%s serves %q: write %q", a.ID, p, want)
			}
		}
	}
	if n == 0 {
		t.Error("no body serves anything")
	}
}
