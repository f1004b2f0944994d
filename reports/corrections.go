package reports

import (
	"context"
	"slices"

	"github.com/sp4n-lapor/lapor/routing/geo"
	"github.com/sp4n-lapor/lapor/routing/model"
)

// Corrections turns the reports that admins and agencies forwarded away
// from the agency routing chose into labelled complaints, for lapor train:
// the sector is the one the final agency handles (the routing alternative
// it serves, when it handles several), the region its own or the report's
// kab/kota, the type the report's. A report whose final agency does not
// tell a sector is left out.
func (s *Service) Corrections(ctx context.Context) ([]model.Example, error) {
	ds, err := s.store.Dispositions(ctx)
	if err != nil {
		return nil, err
	}
	var out []model.Example
	for _, d := range ds {
		a, err := s.store.Agency(ctx, d.AgencyID)
		if err != nil {
			return nil, err
		}
		sector := ""
		switch sectors := a.SectorCodes(); {
		case len(sectors) == 1:
			sector = sectors[0]
		default:
			for _, alt := range storedRouting(d).Alternatives {
				if slices.Contains(sectors, alt.Sector) {
					sector = alt.Sector
					break
				}
			}
		}
		if sector == "" {
			continue
		}
		region := geo.KabKotaOf(d.RegionCode)
		if a.RegionCode != "" {
			region = geo.JurisdictionOf(a.RegionCode) // the final agency's kab/kota or province
		}
		out = append(out, model.Example{ID: "lapor:" + d.TrackingCode, Title: d.Title, Text: d.Description,
			Type: d.Type, Sector: sector, RegionCode: region, Agency: a.Name})
	}
	return out, nil
}
