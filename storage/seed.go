package storage

import (
	"context"
	"embed"
	"encoding/csv"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/routing/geo"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

//go:embed seeddata/*.csv
var seedFS embed.FS

func readSeed(name string) ([][]string, error) {
	f, err := seedFS.Open("seeddata/" + name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	rows, err := r.ReadAll()
	if err != nil || len(rows) == 0 {
		return nil, fmt.Errorf("read seed %s: %v", name, err)
	}
	return rows[1:], nil
}

// seedAgencies builds the directory: the national bodies and some of their
// regional offices, every province and kab/kota government, and the units of
// each, with the seeded connectivity.
func seedAgencies(now time.Time) ([]Agency, error) {
	national, err := readSeed("national.csv")
	if err != nil {
		return nil, err
	}
	units, err := readSeed("units.csv")
	if err != nil {
		return nil, err
	}
	connected, err := readSeed("connectivity.csv")
	if err != nil {
		return nil, err
	}
	branches, err := readSeed("branches.csv")
	if err != nil {
		return nil, err
	}
	connect := func(a *Agency) {
		a.DecreeOnFile, a.ActivatedAt, a.Receives = true, &now, ReceiveInbox
		a.updateConnected()
	}
	regional := map[string]bool{}
	for _, row := range connected {
		regional[row[0]] = true
	}

	var out []Agency
	for _, row := range national {
		a := Agency{ID: row[0], Kind: row[1], Name: row[2], Serves: row[5], Central: row[6] == "yes"}
		for _, s := range splitList(row[3]) {
			a.Sectors = append(a.Sectors, AgencySector{AgencyID: a.ID, Sector: s})
		}
		if row[4] != "" {
			a.ParentID = &row[4]
		}
		connect(&a)
		out = append(out, a)
	}

	rs := geo.AllRegions()
	bodies := map[string]Agency{}
	for _, a := range out {
		bodies[a.ID] = a
	}
	for _, row := range branches {
		parent, region, name := row[0], row[1], row[2]
		body, ok := bodies[parent]
		if _, known := rs.Lookup(region); !ok || !known {
			return nil, fmt.Errorf("branches.csv: %s of %s: unknown body or region", region, parent)
		}
		b := newBranch(body, region, name)
		connect(&b)
		out = append(out, b)
	}

	for _, region := range slices.Concat(rs.Provinces, rs.KabKota) {
		gov := Agency{
			ID:           routing.GovernmentID(region.Code),
			Kind:         string(region.Level),
			Name:         "Pemerintah " + longName(region),
			RegionCode:   region.Code,
			ProvinceCode: region.Code[:2],
		}
		gov.Sectors = []AgencySector{{AgencyID: gov.ID, Sector: "pemerintahan"}}
		if regional[gov.ID] {
			connect(&gov)
		}
		out = append(out, gov)
		for _, row := range units {
			sector, name, levels := row[0], row[1], splitList(row[2])
			if !slices.Contains(levels, string(region.Level)) {
				continue
			}
			u := gov
			u.ID = routing.UnitID(region.Code, sector)
			u.Kind = KindUnit
			u.ParentID = &gov.ID
			u.Name = name + " " + longName(region)
			u.Sectors = []AgencySector{{AgencyID: u.ID, Sector: sector}}
			out = append(out, u)
		}
	}
	return out, nil
}

// longName is how a region is named after a title: "Provinsi Jawa Tengah",
// "Kota Semarang", "Kabupaten Demak".
func longName(r geo.Region) string {
	if r.Level == geo.LevelProvince {
		return "Provinsi " + r.Name
	}
	return r.Name
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ";") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// seed adds the agencies of the directory that the database lacks; agencies
// already there, and what admins changed of them, stay as they are, but for
// what a national body serves when the database has nothing of it (a
// directory seeded before the column was).
func seed(ctx context.Context, db *gorm.DB) error {
	agencies, err := seedAgencies(time.Now())
	if err != nil {
		return err
	}
	if err := seedServes(ctx, db, agencies); err != nil {
		return err
	}
	var sectors []AgencySector
	for i := range agencies {
		sectors = append(sectors, agencies[i].Sectors...)
		agencies[i].Sectors = nil
	}
	var haveAgencies, haveSectors int64
	if err := db.WithContext(ctx).Model(&Agency{}).Count(&haveAgencies).Error; err != nil {
		return err
	}
	if err := db.WithContext(ctx).Model(&AgencySector{}).Count(&haveSectors).Error; err != nil {
		return err
	}
	if haveAgencies >= int64(len(agencies)) && haveSectors >= int64(len(sectors)) {
		return nil
	}
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		ignore := clause.OnConflict{DoNothing: true}
		if err := tx.Clauses(ignore).CreateInBatches(agencies, 40).Error; err != nil {
			return fmt.Errorf("seed agencies: %w", err)
		}
		if err := tx.Clauses(ignore).CreateInBatches(sectors, 100).Error; err != nil {
			return fmt.Errorf("seed agency sectors: %w", err)
		}
		return nil
	})
}

// seedServes fills what the seeded national bodies serve, and whether that
// is the central government's alone, where the database has nothing of it
// and no admin has set it (SetServes); once done, a start costs one query.
func seedServes(ctx context.Context, db *gorm.DB, agencies []Agency) error {
	bodies := map[string]Agency{}
	for _, a := range agencies {
		if a.Serves != "" {
			bodies[a.ID] = a
		}
	}
	var lacking []string
	err := db.WithContext(ctx).Model(&Agency{}).Where("id IN ? AND COALESCE(serves, '') = '' AND serves_set_at IS NULL", slices.Collect(maps.Keys(bodies))).
		Pluck("id", &lacking).Error
	if err != nil {
		return fmt.Errorf("seed what bodies serve: %w", err)
	}
	for _, id := range lacking {
		b := bodies[id]
		err := db.WithContext(ctx).Model(&Agency{}).Where("id = ?", id).
			Updates(map[string]any{"serves": b.Serves, "central": b.Central}).Error
		if err != nil {
			return fmt.Errorf("seed what %s serves: %w", id, err)
		}
	}
	return nil
}
