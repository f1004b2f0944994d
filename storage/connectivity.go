package storage

import (
	"context"
	"fmt"
)

// The government's connectivity target for SP4N-LAPOR!: at least 500 and at
// most 623 agencies connected.
const (
	TargetMinConnected = 500
	TargetMaxConnected = 623
)

// ConnectivityCount is how many of some institutions are connected.
type ConnectivityCount struct {
	Total     int64 `json:"total"`
	Connected int64 `json:"connected"`
}

// ProvinceConnectivity counts the regional governments of one province: the
// province itself and its kab/kota.
type ProvinceConnectivity struct {
	ProvinceCode string `json:"province_code"`
	Name         string `json:"name"`
	ConnectivityCount
	ProvinceConnected bool `json:"province_connected"`
}

// Connectivity is how far SP4N-LAPOR! is from connecting every agency.
// Units are not counted: they are reached through their institution.
type Connectivity struct {
	Overall   ConnectivityCount      `json:"overall"`
	National  ConnectivityCount      `json:"national"`
	Regional  ConnectivityCount      `json:"regional"`
	Provinces []ProvinceConnectivity `json:"provinces"`
}

// Connectivity counts connected institutions, overall, national, regional
// and per province.
func (s *Store) Connectivity(ctx context.Context) (Connectivity, error) {
	var rows []struct {
		Kind         string
		ProvinceCode string
		Connected    bool
		N            int64
	}
	err := s.db.WithContext(ctx).Model(&Agency{}).
		Select("kind, province_code, connected, COUNT(*) AS n").
		Where("kind <> ?", KindUnit).
		Group("kind, province_code, connected").
		Scan(&rows).Error
	if err != nil {
		return Connectivity{}, fmt.Errorf("count connectivity: %w", err)
	}
	var provinces []Agency
	if err := s.db.WithContext(ctx).Where("kind = ?", KindProvince).Order("region_code").Find(&provinces).Error; err != nil {
		return Connectivity{}, fmt.Errorf("list provinces: %w", err)
	}
	var c Connectivity
	perProvince := map[string]*ProvinceConnectivity{}
	for _, p := range provinces {
		c.Provinces = append(c.Provinces, ProvinceConnectivity{ProvinceCode: p.RegionCode, Name: p.Name, ProvinceConnected: p.Connected})
	}
	for i := range c.Provinces {
		perProvince[c.Provinces[i].ProvinceCode] = &c.Provinces[i]
	}
	add := func(cc *ConnectivityCount, connected bool, n int64) {
		cc.Total += n
		if connected {
			cc.Connected += n
		}
	}
	for _, r := range rows {
		add(&c.Overall, r.Connected, r.N)
		p, regional := perProvince[r.ProvinceCode]
		if !regional || r.ProvinceCode == "" {
			add(&c.National, r.Connected, r.N)
			continue
		}
		add(&c.Regional, r.Connected, r.N)
		add(&p.ConnectivityCount, r.Connected, r.N)
	}
	return c, nil
}
