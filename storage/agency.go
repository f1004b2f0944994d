package storage

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Kinds of agencies. A unit is a dinas or badan of a regional government (or
// a directorate of a ministry): a recipient of its own, under its parent.
const (
	KindAdmin    = "admin"
	KindMinistry = "kementerian"
	KindBody     = "lembaga"
	KindBUMN     = "bumn"
	KindProvince = "provinsi"
	KindRegency  = "kabupaten"
	KindCity     = "kota"
	KindUnit     = "unit"
)

// How a connected agency receives its tickets.
const (
	ReceiveInbox   = "inbox"
	ReceiveWebhook = "webhook"
)

// Agency is an institution or unit that can receive reports, with what it
// takes to be connected to SP4N-LAPOR!: a management-team decree (SK Tim
// Pengelola) on file, an activated account and a way to receive tickets.
type Agency struct {
	ID           string         `gorm:"primaryKey;size:80" json:"id"`
	ParentID     *string        `gorm:"size:80;index" json:"parent_id,omitempty"`
	Kind         string         `gorm:"size:16;index;not null" json:"kind"`
	Name         string         `gorm:"size:200;not null" json:"name"`
	RegionCode   string         `gorm:"size:16;index" json:"region_code,omitempty"`
	ProvinceCode string         `gorm:"size:2;index" json:"province_code,omitempty"`
	Sectors      []AgencySector `gorm:"foreignKey:AgencyID" json:"-"`
	// Serves lists, separated by semicolons, what a national body is known
	// to handle among the bodies of its sector ("listrik;token" for PLN), so
	// that a complaint that does not name it still reaches it.
	Serves string `gorm:"size:1000" json:"-"`
	// Central says that what the body serves is the central government's
	// alone, even in a sector regional governments otherwise handle.
	Central bool `json:"-"`
	// ServesSetAt is when an admin last set Serves and Central; seeding
	// leaves them alone from then on.
	ServesSetAt *time.Time `json:"-"`

	DecreeOnFile bool       `json:"decree_on_file"`
	DecreeNumber string     `gorm:"size:200" json:"decree_number,omitempty"`
	ActivatedAt  *time.Time `json:"activated_at,omitempty"`
	Receives     string     `gorm:"size:10" json:"receives,omitempty"`
	WebhookURL   string     `gorm:"size:500" json:"-"`
	Connected    bool       `gorm:"index" json:"connected"`

	Widget Widget `gorm:"embedded;embeddedPrefix:widget_" json:"-"`

	CreatedAt time.Time `json:"-"`
	UpdatedAt time.Time `json:"-"`
}

// AgencySector says an agency handles a sector.
type AgencySector struct {
	AgencyID string `gorm:"primaryKey;size:80"`
	Sector   string `gorm:"primaryKey;size:40;index"`
}

// SectorCodes lists the sectors the agency handles.
func (a Agency) SectorCodes() []string {
	out := make([]string, len(a.Sectors))
	for i, s := range a.Sectors {
		out[i] = s.Sector
	}
	return out
}

func (a *Agency) updateConnected() {
	a.Connected = a.DecreeOnFile && a.ActivatedAt != nil &&
		(a.Receives == ReceiveInbox || (a.Receives == ReceiveWebhook && a.WebhookURL != ""))
}

// ServedPhrases are the phrases of what a national body serves (Serves).
func (a Agency) ServedPhrases() []string { return splitList(a.Serves) }

// national reports whether a is a national body (a ministry, a directorate
// of one, a body, an enterprise): of no region, not the admin, and with a
// sector of its own. Its sectors must be loaded.
func (a Agency) national() bool {
	return a.RegionCode == "" && a.Kind != KindAdmin && len(a.Sectors) > 0
}

// Agency finds an agency by id, with its sectors.
func (s *Store) Agency(ctx context.Context, id string) (Agency, error) {
	var a Agency
	err := s.db.WithContext(ctx).Preload("Sectors").Where("id = ?", id).Take(&a).Error
	return a, notFound(err)
}

// AgencyFilter selects agencies; zero fields select everything.
type AgencyFilter struct {
	Region    string // a region code: the agencies of it and of the regions inside it
	Sector    string
	Kind      string
	Connected *bool
	Query     string // part of the name, any case
	Limit     int
	Offset    int
}

// Agencies lists the agencies a filter selects, ordered by id, with the total
// count ignoring Limit and Offset.
func (s *Store) Agencies(ctx context.Context, f AgencyFilter) ([]Agency, int64, error) {
	q := s.db.WithContext(ctx).Model(&Agency{})
	if f.Region != "" {
		q = q.Where("region_code = ? OR region_code LIKE ?", f.Region, f.Region+".%")
	}
	if f.Sector != "" {
		q = q.Where("id IN (?)", s.db.Model(&AgencySector{}).Select("agency_id").Where("sector = ?", f.Sector))
	}
	if f.Kind != "" {
		q = q.Where("kind = ?", f.Kind)
	}
	if f.Connected != nil {
		q = q.Where("connected = ?", *f.Connected)
	}
	if f.Query != "" {
		q = q.Where("LOWER(name) LIKE ?", "%"+strings.ToLower(f.Query)+"%")
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count agencies: %w", err)
	}
	var out []Agency
	err := q.Preload("Sectors").Order("id").Limit(f.Limit).Offset(f.Offset).Find(&out).Error
	if err != nil {
		return nil, 0, fmt.Errorf("list agencies: %w", err)
	}
	return out, total, nil
}

// ConnectivityUpdate changes how an agency is connected; nil fields stay.
type ConnectivityUpdate struct {
	DecreeOnFile *bool
	DecreeNumber *string
	Activated    *bool
	Receives     *string // "inbox" or "webhook"
	WebhookURL   *string
}

// ErrInvalid is returned, wrapped with the reason, for a change that would
// leave a row in an invalid state.
var ErrInvalid = errors.New("invalid")

// ErrNotNational is the ErrInvalid of what only a national body has (a
// branch, a list of what it serves) asked of another agency: a regional
// government, a unit, the admin.
var ErrNotNational = fmt.Errorf("%w: not a national body", ErrInvalid)

// ErrNeedsWebhookURL is the ErrInvalid of an agency set to receive tickets
// by webhook without a webhook URL.
var ErrNeedsWebhookURL = fmt.Errorf("%w: receiving by webhook needs a webhook_url", ErrInvalid)

// UpdateConnectivity applies a change to an agency and, for a regional
// government, to all its units, which receive tickets through it; it returns
// the agency as changed.
func (s *Store) UpdateConnectivity(ctx context.Context, id string, u ConnectivityUpdate) (Agency, error) {
	var a Agency
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("id = ?", id).Take(&a).Error; err != nil {
			return notFound(err)
		}
		if err := u.apply(&a, time.Now()); err != nil {
			return err
		}
		fields := map[string]any{
			"decree_on_file": a.DecreeOnFile, "decree_number": a.DecreeNumber,
			"activated_at": a.ActivatedAt, "receives": a.Receives,
			"webhook_url": a.WebhookURL, "connected": a.Connected,
		}
		if err := tx.Model(&Agency{}).Where("id = ?", id).Updates(fields).Error; err != nil {
			return err
		}
		if a.Kind == KindProvince || a.Kind == KindRegency || a.Kind == KindCity {
			return tx.Model(&Agency{}).Where("parent_id = ? AND kind = ?", id, KindUnit).Updates(fields).Error
		}
		return nil
	})
	if err != nil {
		return Agency{}, fmt.Errorf("update connectivity of %s: %w", id, err)
	}
	return s.Agency(ctx, id)
}

func (u ConnectivityUpdate) apply(a *Agency, now time.Time) error {
	if u.DecreeOnFile != nil {
		a.DecreeOnFile = *u.DecreeOnFile
	}
	if u.DecreeNumber != nil {
		a.DecreeNumber = strings.TrimSpace(*u.DecreeNumber)
	}
	if u.Activated != nil {
		switch {
		case !*u.Activated:
			a.ActivatedAt = nil
		case a.ActivatedAt == nil:
			a.ActivatedAt = &now
		}
	}
	if u.Receives != nil {
		if r := *u.Receives; r != "" && r != ReceiveInbox && r != ReceiveWebhook {
			return fmt.Errorf("%w: receives must be inbox or webhook, not %q", ErrInvalid, r)
		}
		a.Receives = *u.Receives
	}
	if u.WebhookURL != nil {
		if w := *u.WebhookURL; w != "" {
			p, err := url.Parse(w)
			if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
				return fmt.Errorf("%w: webhook_url must be an http(s) URL", ErrInvalid)
			}
		}
		a.WebhookURL = *u.WebhookURL
	}
	if a.Receives == ReceiveWebhook && a.WebhookURL == "" {
		return ErrNeedsWebhookURL
	}
	a.updateConnected()
	return nil
}
