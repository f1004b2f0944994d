package storage

import (
	"context"
	"errors"
	"fmt"

	"github.com/sp4n-lapor/lapor/routing"
	"gorm.io/gorm"
)

// ErrExists is returned when creating what is already there.
var ErrExists = errors.New("already exists")

// newBranch is a national body's office for a region: a unit of the body
// with its sectors.
func newBranch(body Agency, region, name string) Agency {
	b := Agency{ID: routing.BranchID(body.ID, region), Kind: KindUnit, ParentID: &body.ID, Name: name,
		RegionCode: region, ProvinceCode: region[:2]}
	for _, s := range body.Sectors {
		b.Sectors = append(b.Sectors, AgencySector{AgencyID: b.ID, Sector: s.Sector})
	}
	return b
}

// CreateBranch adds a national body's office for a region (a province or a
// kab/kota code), which routing prefers to the body for reports of that
// region once an admin connects it.
func (s *Store) CreateBranch(ctx context.Context, bodyID, region, name string) (Agency, error) {
	var b Agency
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var body Agency
		if err := tx.Preload("Sectors").Where("id = ?", bodyID).Take(&body).Error; err != nil {
			return notFound(err)
		}
		if !body.national() {
			return ErrNotNational
		}
		b = newBranch(body, region, name)
		var n int64
		if err := tx.Model(&Agency{}).Where("id = ?", b.ID).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return ErrExists
		}
		return tx.Create(&b).Error
	})
	if err != nil {
		return Agency{}, fmt.Errorf("create branch of %s for %s: %w", bodyID, region, err)
	}
	return s.Agency(ctx, b.ID)
}
