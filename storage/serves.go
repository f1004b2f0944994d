package storage

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// SetServes replaces what a national body serves, the phrases routing looks
// for in a complaint ("listrik", "token listrik"), and whether that is the
// central government's alone, and returns the body as changed. The phrases
// are normalised words, as text.Normalize gives them; none makes the body
// one that serves its sectors in general. Seeding never overwrites an
// admin's choice.
func (s *Store) SetServes(ctx context.Context, id string, serves []string, central bool) (Agency, error) {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var a Agency
		if err := tx.Preload("Sectors").Where("id = ?", id).Take(&a).Error; err != nil {
			return notFound(err)
		}
		if !a.national() {
			return ErrNotNational
		}
		return tx.Model(&Agency{}).Where("id = ?", id).Updates(map[string]any{
			"serves": strings.Join(serves, ";"), "central": central, "serves_set_at": time.Now(),
		}).Error
	})
	if err != nil {
		return Agency{}, fmt.Errorf("set what %s serves: %w", id, err)
	}
	return s.Agency(ctx, id)
}
