package storage

import (
	"context"
	"errors"

	"github.com/sp4n-lapor/lapor/routing"
)

// Directory is the agency directory as routing reads it.
type Directory struct{ s *Store }

var _ routing.Directory = Directory{}

// Directory returns the store's agencies for routing.
func (s *Store) Directory() Directory { return Directory{s} }

// Agency implements routing.Directory.
func (d Directory) Agency(ctx context.Context, id string) (routing.DirectoryAgency, bool, error) {
	var a Agency
	err := d.s.db.WithContext(ctx).Select("id", "name", "region_code", "connected").Where("id = ?", id).Take(&a).Error
	if errors.Is(notFound(err), ErrNotFound) {
		return routing.DirectoryAgency{}, false, nil
	}
	if err != nil {
		return routing.DirectoryAgency{}, false, err
	}
	return routing.DirectoryAgency{ID: a.ID, Name: a.Name, RegionCode: a.RegionCode, Connected: a.Connected}, true, nil
}

// National implements routing.Directory: a ministry's directorate for the
// sector first (Ditjen Imigrasi before its ministry), then ministries,
// bodies and enterprises; within each, the bodies that serve the sector in
// general before those that list what they serve (Kementerian Lingkungan
// Hidup before Kementerian Kehutanan), then by id.
func (d Directory) National(ctx context.Context, sector string) ([]routing.DirectoryAgency, error) {
	var list []Agency
	err := d.s.db.WithContext(ctx).Select("id", "name", "connected", "serves", "central").
		Where("region_code = ''").
		Where("id IN (?)", d.s.db.Model(&AgencySector{}).Select("agency_id").Where("sector = ?", sector)).
		Order("CASE kind WHEN 'unit' THEN 0 WHEN 'kementerian' THEN 1 WHEN 'lembaga' THEN 2 ELSE 3 END").
		Order("CASE WHEN COALESCE(serves, '') = '' THEN 0 ELSE 1 END, id").
		Find(&list).Error
	out := make([]routing.DirectoryAgency, len(list))
	for i, a := range list {
		out[i] = routing.DirectoryAgency{ID: a.ID, Name: a.Name, Connected: a.Connected, Serves: a.ServedPhrases(), Central: a.Central}
	}
	return out, err
}
