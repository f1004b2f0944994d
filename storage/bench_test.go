package storage_test

import (
	"context"
	"testing"

	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/routing/model"
	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

// BenchmarkRoute routes one dev complaint after another on the seeded
// directory (SQLite, behind routing's cache): classification, region and
// the agency for the sector and for each alternative.
func BenchmarkRoute(b *testing.B) {
	r := routing.NewRouter(model.DefaultClassifier(), storagetest.SQLite(b).Directory())
	dev := model.DevSet()
	ctx := context.Background()
	b.ResetTimer()
	for i := range b.N {
		e := dev[i%len(dev)]
		if _, err := r.Route(ctx, routing.Request{Title: e.Title, Text: e.Text, GuessRegion: true}); err != nil {
			b.Fatal(err)
		}
	}
}
