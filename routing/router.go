package routing

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/sp4n-lapor/lapor/routing/geo"
	"github.com/sp4n-lapor/lapor/routing/model"
	"github.com/sp4n-lapor/lapor/routing/text"
)

// DirectoryAgency is what routing needs to know of an agency.
type DirectoryAgency struct {
	ID         string
	Name       string
	RegionCode string // the region of a regional government or unit; "" for a national body
	Connected  bool
	// Serves are the words and phrases of what a national body handles
	// among the bodies of its sector ("listrik", "token" for PLN).
	Serves []string
	// Central says that what a national body serves is the central
	// government's alone (universities, drug control, forests, railways),
	// even in a sector regional governments otherwise handle.
	Central bool
}

// Directory is the agency directory as routing reads it.
type Directory interface {
	// Agency finds an agency by id; ok is false when there is none.
	Agency(ctx context.Context, id string) (a DirectoryAgency, ok bool, err error)
	// National lists the national agencies (not units) that handle a sector.
	National(ctx context.Context, sector string) ([]DirectoryAgency, error)
}

// AgencyRouter routes by sector and jurisdiction: a regional sector to the
// unit of the kab/kota government (or the government itself for general
// government), else to the province, else to the national admin, whichever
// is first connected; a national sector to its national body.
type AgencyRouter struct {
	classifier    *model.Classifier
	dir           Directory
	minConfidence float64
}

// RouterOption changes a router's defaults.
type RouterOption func(*AgencyRouter)

// WithMinConfidence sets the sector probability below which reports go to
// the triage queue: 0 sends none there, 1 all but the certain ones.
// `lapor classify --eval` prints how many reports each value routes, and how
// well.
func WithMinConfidence(p float64) RouterOption {
	return func(r *AgencyRouter) { r.minConfidence = p }
}

var _ Router = (*AgencyRouter)(nil)

// directoryTTL is how long the router reuses what the directory said: a
// change of an agency's connectivity reaches routing within it.
const directoryTTL = 30 * time.Second

// NewRouter returns a router classifying with c and reading dir.
func NewRouter(c *model.Classifier, dir Directory, opts ...RouterOption) *AgencyRouter {
	r := &AgencyRouter{classifier: c, dir: CachedDirectory(dir, directoryTTL), minConfidence: model.DefaultMinConfidence}
	for _, o := range opts {
		o(r)
	}
	return r
}

// Route implements Router.
func (r *AgencyRouter) Route(ctx context.Context, req Request) (Decision, error) {
	c := r.classifier.Classify(req.Title, req.Text)
	d := Decision{Sector: c.Sector, Confidence: c.Confidence, Words: c.Words, Type: c.Type}
	if req.Sector != "" {
		d.Sector, d.Confidence, d.Words = req.Sector, 1, nil
	}
	via, err := r.via(ctx, req.Via)
	if err != nil {
		return Decision{}, err
	}
	// A name kab/kota share ("Bogor", two kecamatan Lembang) means the one
	// in the author's region, else the one the report came through.
	place := c.Place.Settle(req.RegionCode).Settle(via.RegionCode)
	d.RegionCode = r.region(req, c, place, via)
	if place.Ambiguous() && geo.KabKotaOf(req.RegionCode) == "" {
		for _, cand := range place.Candidates {
			d.RegionCandidates = append(d.RegionCandidates, cand.Code)
		}
	}
	jurisdiction := geo.JurisdictionOf(d.RegionCode)
	for _, alt := range c.Alternatives {
		if alt.Label == d.Sector || len(d.Alternatives) == 3 {
			continue
		}
		a, _, err := r.pick(ctx, alt.Label, jurisdiction, c.Phrases, via)
		if err != nil {
			return Decision{}, err
		}
		d.Alternatives = append(d.Alternatives, Alternative{AgencyID: a.ID, Sector: alt.Label, Confidence: alt.Probability})
	}
	if d.Confidence < r.minConfidence {
		a, _, err := r.admin(ctx)
		d.AgencyID, d.AgencyName, d.Fallback = a.ID, a.Name, FallbackTriage
		return d, err
	}
	a, fb, err := r.pick(ctx, d.Sector, jurisdiction, c.Phrases, via)
	if err != nil {
		return Decision{}, err
	}
	d.AgencyID, d.AgencyName, d.Fallback = a.ID, a.Name, fb
	return d, nil
}

// region is where a report belongs, from the surest reading down: the
// author's kab/kota or kecamatan, the kab/kota (and kecamatan) the text
// names, the author's province, the region of the agency it came through,
// the province the text names (or the region model's guess when it lies in
// that province and the request allows one), the guess. A kecamatan the text
// names refines the author's kab/kota when it lies in it. place is what the
// text names, settled by the author's and the agency's regions: when it
// still fits several kab/kota, a guess may only pick among them.
func (r *AgencyRouter) region(req Request, c model.Classification, place geo.Place, via DirectoryAgency) string {
	named := place.Code()
	if named == "" && place.Ambiguous() && req.GuessRegion {
		if g := r.classifier.GuessRegion(c); place.Admits(g) {
			named = g
		}
	}
	switch {
	case len(req.RegionCode) == len("33.74") && geo.KabKotaOf(named) == req.RegionCode:
		return named
	case geo.KabKotaOf(req.RegionCode) != "":
		return req.RegionCode
	case named != "":
		return named
	case req.RegionCode != "":
		return req.RegionCode
	case via.RegionCode != "":
		return via.RegionCode
	case place.Province != nil:
		if req.GuessRegion {
			if g := r.classifier.GuessRegion(c); place.Admits(g) {
				return g
			}
		}
		return place.Province.Code
	case req.GuessRegion && !place.Ambiguous():
		return r.classifier.GuessRegion(c)
	}
	return ""
}

// via looks up the agency a report came through; none when id is empty or
// unknown.
func (r *AgencyRouter) via(ctx context.Context, id string) (DirectoryAgency, error) {
	if id == "" {
		return DirectoryAgency{}, nil
	}
	a, _, err := r.dir.Agency(ctx, id)
	return a, err
}

// pick walks the chain of agencies for a sector in a region and returns the
// first connected one, with how far down the chain it is. A central body
// that serves what the text speaks of comes before the regional units (a
// university in Semarang is not the city's to answer for). Of several
// national bodies, the one the text names comes first, then the one the
// report came through, then the one that serves what the text speaks of.
func (r *AgencyRouter) pick(ctx context.Context, sector, region string, words text.Phrases, via DirectoryAgency) (DirectoryAgency, Fallback, error) {
	national, err := r.dir.National(ctx, sector)
	if err != nil {
		return DirectoryAgency{}, "", err
	}
	if body, ok := servingIn(centralOf(national), words); ok {
		branch, err := r.branch(ctx, body, region)
		return branch, FallbackNone, err
	}
	if region != "" {
		prov := region[:2]
		local := UnitID(region, sector)
		if sector == "pemerintahan" {
			local = GovernmentID(region)
		}
		unit, isRegional, err := r.dir.Agency(ctx, local)
		if err != nil {
			return DirectoryAgency{}, "", err
		}
		if isRegional {
			if unit.Connected {
				return unit, FallbackNone, nil
			}
			for _, id := range []string{UnitID(prov, sector), GovernmentID(prov)} {
				hub, ok, err := r.dir.Agency(ctx, id)
				if err != nil {
					return DirectoryAgency{}, "", err
				}
				if ok && hub.Connected {
					return hub, FallbackProvince, nil
				}
			}
			a, _, err := r.admin(ctx)
			return a, FallbackAdmin, err
		}
	}
	body, ok := nationalBody(national, words, via)
	if !ok {
		a, _, err := r.admin(ctx)
		return a, FallbackAdmin, err
	}
	branch, err := r.branch(ctx, body, region)
	return branch, FallbackNone, err
}

// nationalBody picks, of the national bodies of a sector, the connected one
// the text names, else the one the report came through, else the one that
// serves most of what the text speaks of (a power cut: PLN, not the
// ministry of energy), else the first connected.
func nationalBody(national []DirectoryAgency, words text.Phrases, via DirectoryAgency) (DirectoryAgency, bool) {
	if a, ok := namedIn(national, words); ok && a.Connected {
		return a, true
	}
	for _, a := range national {
		if a.ID == via.ID && a.Connected {
			return a, true
		}
	}
	if a, ok := servingIn(national, words); ok {
		return a, true
	}
	for _, a := range national {
		if a.Connected {
			return a, true
		}
	}
	return DirectoryAgency{}, false
}

// branch is the connected office of a national body for the region (its
// kab/kota office, else its provincial one) when the directory has one,
// else the body itself.
func (r *AgencyRouter) branch(ctx context.Context, body DirectoryAgency, region string) (DirectoryAgency, error) {
	var codes []string
	if region != "" {
		codes = append(codes, region)
	}
	if len(region) > 2 {
		codes = append(codes, region[:2])
	}
	for _, code := range codes {
		b, ok, err := r.dir.Agency(ctx, BranchID(body.ID, code))
		if err != nil {
			return DirectoryAgency{}, err
		}
		if ok && b.Connected {
			return b, nil
		}
	}
	return body, nil
}

func (r *AgencyRouter) admin(ctx context.Context) (DirectoryAgency, bool, error) {
	a, ok, err := r.dir.Agency(ctx, NationalAdminID)
	if err == nil && !ok {
		err = fmt.Errorf("route: the directory has no %s", NationalAdminID)
	}
	return a, ok, err
}

// namedIn finds the agency a complaint names, by a word of its name that is
// an acronym or a brand ("PLN", "Pertamina", "BPOM"): of several national
// bodies for a sector, the one the citizen means.
func namedIn(agencies []DirectoryAgency, words text.Phrases) (DirectoryAgency, bool) {
	for _, a := range agencies {
		for _, w := range strings.Fields(a.Name) {
			w = strings.Trim(w, "()/,")
			if len(w) < 3 || strings.ToLower(w) == w || isCommonNameWord(w) {
				continue
			}
			if words.Has(strings.ToLower(w)) {
				return a, true
			}
		}
	}
	return DirectoryAgency{}, false
}

// centralOf are the central bodies among agencies.
func centralOf(agencies []DirectoryAgency) []DirectoryAgency {
	var out []DirectoryAgency
	for _, a := range agencies {
		if a.Central {
			out = append(out, a)
		}
	}
	return out
}

// servingIn finds, of the connected agencies, the one whose Serves the
// words use most (the first of them on a tie); none when they use none.
func servingIn(agencies []DirectoryAgency, words text.Phrases) (DirectoryAgency, bool) {
	var best DirectoryAgency
	most := 0
	for _, a := range agencies {
		n := 0
		for _, p := range a.Serves {
			if words.Has(p) {
				n++
			}
		}
		if n > most && a.Connected {
			best, most = a, n
		}
	}
	return best, most > 0
}

func isCommonNameWord(w string) bool {
	switch strings.ToLower(w) {
	case "kementerian", "badan", "pt", "persero", "perum", "negara", "nasional", "indonesia", "republik", "direktorat", "jenderal":
		return true
	}
	return false
}
