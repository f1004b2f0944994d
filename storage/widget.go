package storage

import (
	"context"
	"fmt"
	"strings"
)

// Widget is how an agency's web chat widget looks and where it may be
// embedded: a region's own name, logo and colour over the national flow.
type Widget struct {
	DisplayName string `gorm:"size:200" json:"display_name,omitempty"` // empty: the agency's name
	LogoURL     string `gorm:"size:500" json:"logo_url,omitempty"`
	Color       string `gorm:"size:7" json:"color,omitempty"` // "#0b5394"; empty: the national colour
	Greeting    string `gorm:"size:500" json:"greeting,omitempty"`
	// Origins are the web origins ("https://lapor.semarangkota.go.id")
	// allowed to embed the widget, separated by spaces.
	Origins string `gorm:"size:2000" json:"-"`
}

// AllowedOrigins lists the origins allowed to embed the widget.
func (w Widget) AllowedOrigins() []string { return strings.Fields(w.Origins) }

// UpdateWidget replaces an agency's widget settings.
func (s *Store) UpdateWidget(ctx context.Context, id string, w Widget) (Agency, error) {
	res := s.db.WithContext(ctx).Model(&Agency{}).Where("id = ?", id).Updates(map[string]any{
		"widget_display_name": w.DisplayName, "widget_logo_url": w.LogoURL, "widget_color": w.Color,
		"widget_greeting": w.Greeting, "widget_origins": w.Origins,
	})
	if res.Error != nil {
		return Agency{}, fmt.Errorf("update widget of %s: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return Agency{}, ErrNotFound
	}
	return s.Agency(ctx, id)
}
