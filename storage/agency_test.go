package storage_test

import (
	"context"
	"errors"
	"testing"

	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/routing/model"
	"github.com/sp4n-lapor/lapor/storage"
	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

func TestDirectorySeed(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, s *storage.Store) {
		ctx := context.Background()
		count := func(f storage.AgencyFilter) int64 {
			t.Helper()
			_, n, err := s.Agencies(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		provinces := count(storage.AgencyFilter{Kind: storage.KindProvince})
		kab := count(storage.AgencyFilter{Kind: storage.KindRegency})
		kota := count(storage.AgencyFilter{Kind: storage.KindCity})
		if provinces != 38 || kab != 416 || kota != 98 {
			t.Errorf("governments: %d provinces, %d kabupaten, %d kota; want 38, 416, 98", provinces, kab, kota)
		}
		for _, sec := range model.Sectors() {
			national := 0
			list, _, err := s.Agencies(ctx, storage.AgencyFilter{Sector: sec.Code, Limit: 2000})
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range list {
				if a.RegionCode == "" {
					national++
				}
			}
			if national == 0 {
				t.Errorf("sector %s has no national agency", sec.Code)
			}
		}

		unit, err := s.Agency(ctx, routing.UnitID("33.74", "pekerjaan-umum"))
		if err != nil {
			t.Fatal(err)
		}
		if unit.Name != "Dinas Pekerjaan Umum dan Penataan Ruang Kota Semarang" || unit.Kind != storage.KindUnit ||
			unit.ParentID == nil || *unit.ParentID != "pemda-33.74" || !unit.Connected {
			t.Errorf("Semarang's public works unit = %+v", unit)
		}
		if got := unit.SectorCodes(); len(got) != 1 || got[0] != "pekerjaan-umum" {
			t.Errorf("unit sectors = %v", got)
		}
		if _, err := s.Agency(ctx, routing.UnitID("33.74", "desa")); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("a kota has a village unit: err = %v", err)
		}
		inSemarang := count(storage.AgencyFilter{Region: "33.74"})
		if inSemarang < 15 {
			t.Errorf("region filter 33.74 found %d agencies, want the government and its units", inSemarang)
		}
		if n := count(storage.AgencyFilter{Query: "kota semarang", Kind: storage.KindCity}); n != 1 {
			t.Errorf("name search found %d governments of Kota Semarang", n)
		}

		// Migrating again adds nothing and keeps what admins changed.
		off := false
		if _, err := s.UpdateConnectivity(ctx, "pemda-33.74", storage.ConnectivityUpdate{Activated: &off}); err != nil {
			t.Fatal(err)
		}
		before := count(storage.AgencyFilter{})
		if err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if after := count(storage.AgencyFilter{}); after != before {
			t.Errorf("second migration changed the directory from %d to %d agencies", before, after)
		}
		if a, _ := s.Agency(ctx, "pemda-33.74"); a.Connected {
			t.Error("second migration reconnected an agency an admin disconnected")
		}
	})
}

func TestUpdateConnectivity(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, s *storage.Store) {
		ctx := context.Background()
		yes, inbox := true, storage.ReceiveInbox
		a, err := s.UpdateConnectivity(ctx, "pemda-34.71", storage.ConnectivityUpdate{
			DecreeOnFile: &yes, Activated: &yes, Receives: &inbox,
		})
		if err != nil {
			t.Fatal(err)
		}
		if !a.Connected || a.ActivatedAt == nil {
			t.Fatalf("Kota Yogyakarta after connecting: %+v", a)
		}
		unit, err := s.Agency(ctx, routing.UnitID("34.71", "kesehatan"))
		if err != nil || !unit.Connected {
			t.Errorf("a unit of a connected government is not connected: %+v, %v", unit, err)
		}

		webhook := storage.ReceiveWebhook
		_, err = s.UpdateConnectivity(ctx, "pemda-34.71", storage.ConnectivityUpdate{Receives: &webhook})
		if !errors.Is(err, storage.ErrInvalid) {
			t.Errorf("webhook without URL: err = %v, want ErrInvalid", err)
		}
		bad := "ftp://example.org/x"
		_, err = s.UpdateConnectivity(ctx, "pemda-34.71", storage.ConnectivityUpdate{Receives: &webhook, WebhookURL: &bad})
		if !errors.Is(err, storage.ErrInvalid) {
			t.Errorf("ftp webhook: err = %v, want ErrInvalid", err)
		}
		if _, err := s.UpdateConnectivity(ctx, "pemda-99", storage.ConnectivityUpdate{}); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("unknown agency: err = %v, want ErrNotFound", err)
		}
	})
}

func TestConnectivityReport(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, s *storage.Store) {
		c, err := s.Connectivity(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if c.Regional.Total != 552 || c.Regional.Connected != 10 {
			t.Errorf("regional = %+v, want 552 governments with the 10 seeded connected", c.Regional)
		}
		if c.National.Total == 0 || c.National.Connected != c.National.Total {
			t.Errorf("national = %+v, want all seeded national bodies connected", c.National)
		}
		if c.Overall.Total != c.National.Total+c.Regional.Total {
			t.Errorf("overall %+v is not national + regional", c.Overall)
		}
		if len(c.Provinces) != 38 {
			t.Fatalf("%d provinces in the report", len(c.Provinces))
		}
		for _, p := range c.Provinces {
			if p.ProvinceCode == "35" && (!p.ProvinceConnected || p.Connected != 2 || p.Total != 39) {
				t.Errorf("Jawa Timur = %+v, want the hub and Surabaya connected of 39", p)
			}
		}
	})
}
