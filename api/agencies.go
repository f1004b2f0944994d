package api

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/storage"
)

// agencyView is an agency as the API shows it; the webhook URL only to admins.
type agencyView struct {
	ID           string     `json:"id"`
	ParentID     *string    `json:"parent_id,omitempty"`
	Kind         string     `json:"kind"`
	Name         string     `json:"name"`
	RegionCode   string     `json:"region_code,omitempty"`
	ProvinceCode string     `json:"province_code,omitempty"`
	Sectors      []string   `json:"sectors"`
	Serves       []string   `json:"serves,omitempty"`  // what a national body is known to handle, for routing
	Central      bool       `json:"central,omitempty"` // what it serves is the central government's alone
	Connected    bool       `json:"connected"`
	DecreeOnFile bool       `json:"decree_on_file"`
	DecreeNumber string     `json:"decree_number,omitempty"`
	ActivatedAt  *time.Time `json:"activated_at,omitempty"`
	Receives     string     `json:"receives,omitempty"`
	WebhookURL   string     `json:"webhook_url,omitempty"`
	// Rating summarises how reporters rated the handling of the agency's
	// closed reports; only when one agency is shown.
	Rating *storage.Rating `json:"rating,omitempty"`
}

func viewAgency(a storage.Agency, admin bool) agencyView {
	v := agencyView{
		ID: a.ID, ParentID: a.ParentID, Kind: a.Kind, Name: a.Name, RegionCode: a.RegionCode,
		ProvinceCode: a.ProvinceCode, Sectors: a.SectorCodes(), Serves: a.ServedPhrases(), Central: a.Central, Connected: a.Connected,
		DecreeOnFile: a.DecreeOnFile, DecreeNumber: a.DecreeNumber, ActivatedAt: a.ActivatedAt, Receives: a.Receives,
	}
	if admin {
		v.WebhookURL = a.WebhookURL
	}
	return v
}

type agencyPage struct {
	Items   []agencyView `json:"items"`
	Page    int          `json:"page"`
	PerPage int          `json:"per_page"`
	Total   int64        `json:"total"`
}

// Page sizes of agency listings.
const (
	defaultPerPage = 20
	maxPerPage     = 100
)

func (s *Server) listAgencies(c *gin.Context) {
	f := storage.AgencyFilter{
		Region: c.Query("region"), Sector: c.Query("sector"), Kind: c.Query("kind"), Query: c.Query("q"),
	}
	if v := c.Query("connected"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			s.badQuery(c, "connected", "true/false")
			return
		}
		f.Connected = &b
	}
	page, ok := s.intQuery(c, "page", 1, 1, 1<<20)
	if !ok {
		return
	}
	perPage, ok := s.intQuery(c, "per_page", defaultPerPage, 1, maxPerPage)
	if !ok {
		return
	}
	f.Limit, f.Offset = perPage, (page-1)*perPage
	list, total, err := s.cfg.Store.Agencies(c.Request.Context(), f)
	if err != nil {
		s.internal(c, "list agencies", err)
		return
	}
	out := agencyPage{Items: make([]agencyView, 0, len(list)), Page: page, PerPage: perPage, Total: total}
	for _, a := range list {
		out.Items = append(out.Items, viewAgency(a, false))
	}
	c.JSON(http.StatusOK, out)
}

func (s *Server) getAgency(c *gin.Context) {
	a, ok := s.agency(c)
	if !ok {
		return
	}
	rating, err := s.cfg.Store.AgencyRating(c.Request.Context(), a.ID)
	if err != nil {
		s.internal(c, "agency rating", err)
		return
	}
	v := viewAgency(a, false)
	v.Rating = &rating
	c.JSON(http.StatusOK, v)
}

// agency loads the agency named by the :id path parameter, or answers 404.
func (s *Server) agency(c *gin.Context) (storage.Agency, bool) {
	id := c.Param("id")
	a, err := s.cfg.Store.Agency(c.Request.Context(), id)
	if errors.Is(err, storage.ErrNotFound) {
		s.fail(c, http.StatusNotFound, "agency_not_found", "error_agency_not_found", map[string]any{"ID": id})
		return a, false
	}
	if err != nil {
		s.internal(c, "look up agency", err)
		return a, false
	}
	return a, true
}

func (s *Server) intQuery(c *gin.Context, name string, def, min, max int) (int, bool) {
	v := c.Query(name)
	if v == "" {
		return def, true
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < min || n > max {
		s.badQuery(c, name, strconv.Itoa(min)+"–"+strconv.Itoa(max))
		return 0, false
	}
	return n, true
}

// cleanQuery refuses query parameters that hold what no database keeps (a
// NUL byte, broken UTF-8), before any handler passes them on.
func (s *Server) cleanQuery() gin.HandlerFunc {
	return func(c *gin.Context) {
		for param, values := range c.Request.URL.Query() {
			for _, v := range values {
				if report.CheckText(param, v, 0, maxQuery) != nil {
					s.fail(c, http.StatusBadRequest, "bad_query", "error_bad_query_text", map[string]any{"Param": param, "Max": maxQuery})
					return
				}
			}
		}
		c.Next()
	}
}

// maxQuery is the longest query parameter value taken, in characters.
const maxQuery = 500

func (s *Server) badQuery(c *gin.Context, param, want string) {
	s.fail(c, http.StatusBadRequest, "bad_query", "error_bad_query", map[string]any{"Param": param, "Detail": want})
}
