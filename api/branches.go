package api

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/routing/geo"
	"github.com/sp4n-lapor/lapor/storage"
)

type branchRequest struct {
	RegionCode string `json:"region_code"`
	Name       string `json:"name"`
}

// createBranch adds a national body's office for a province or kab/kota; it
// starts unconnected, like any agency.
func (s *Server) createBranch(c *gin.Context) {
	var req branchRequest
	if !s.readJSON(c, &req) {
		return
	}
	p := printer(c)
	v := &validator{p: p}
	req.Name = strings.TrimSpace(req.Name)
	v.length("name", req.Name, 1, maxLabel)
	if r, ok := geo.AllRegions().Lookup(req.RegionCode); !ok || r.Level == geo.LevelDistrict {
		v.add("region_code", "field_branch_region", nil)
	}
	if len(v.fields) > 0 {
		s.failFields(c, v.fields)
		return
	}
	b, err := s.cfg.Store.CreateBranch(c.Request.Context(), c.Param("id"), req.RegionCode, req.Name)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		s.fail(c, http.StatusNotFound, "agency_not_found", "error_agency_not_found", map[string]any{"ID": c.Param("id")})
	case errors.Is(err, storage.ErrNotNational):
		s.fail(c, http.StatusUnprocessableEntity, "not_a_national_body", "error_not_a_national_body", map[string]any{"ID": c.Param("id")})
	case errors.Is(err, storage.ErrExists):
		s.fail(c, http.StatusConflict, "branch_exists", "error_branch_exists", map[string]any{"ID": routing.BranchID(c.Param("id"), req.RegionCode)})
	case err != nil:
		s.internal(c, "create branch", err)
	default:
		s.cfg.Logger.Info("branch created", "agency", b.ID)
		c.JSON(http.StatusCreated, viewAgency(b, true))
	}
}
