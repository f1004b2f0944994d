package routing

import "context"

// NationalAdminID is the agency id of the national admin (Admin Nasional
// SP4N-LAPOR!), which verifies reports and takes whatever routing cannot place.
const NationalAdminID = "admin-nasional"

// NationalAdminName is how the national admin is named to citizens.
const NationalAdminName = "Admin Nasional SP4N-LAPOR!"

// GovernmentID is the agency id of the provincial or kab/kota government of
// a region code ("33" or "33.74").
func GovernmentID(regionCode string) string { return "pemda-" + regionCode }

// UnitID is the agency id of the unit (dinas, badan) of a regional
// government that handles a sector, such as the Dinas Pekerjaan Umum of
// Kota Semarang: UnitID("33.74", "pekerjaan-umum").
func UnitID(regionCode, sector string) string { return GovernmentID(regionCode) + "-" + sector }

// BranchID is the agency id of a national body's office for a region, such
// as BPJS Kesehatan's branch in Kota Semarang: BranchID("kl-bpjs-kesehatan",
// "33.74").
func BranchID(bodyID, regionCode string) string { return bodyID + "-" + regionCode }

// Fallback says how a routing decision reached its agency.
type Fallback string

// The ways a decision can reach its agency.
const (
	FallbackNone     Fallback = ""         // the agency that holds the authority
	FallbackProvince Fallback = "province" // the right agency is not connected: its province
	FallbackAdmin    Fallback = "admin"    // nothing connected fits: the national admin
	FallbackTriage   Fallback = "triage"   // too unsure: the admin's triage queue
)

// Request is what routing reads: the report's words and what its author
// already said about it.
type Request struct {
	Title      string
	Text       string
	Sector     string // a sector code the author chose, if any
	RegionCode string // a region code the author chose, if any
	// Via is the agency whose site or app the report came through (its web
	// widget): a hint for where the report belongs when the text is silent.
	Via string
	// GuessRegion lets routing guess the region from the words when nothing
	// else places the report; a conversation, which asked the citizen where,
	// leaves it off.
	GuessRegion bool
}

// Alternative is another agency routing considered.
type Alternative struct {
	AgencyID   string  `json:"agency_id"`
	Sector     string  `json:"sector"`
	Confidence float64 `json:"confidence"`
}

// Decision is routing's answer, with what it needs to explain itself.
type Decision struct {
	AgencyID   string
	AgencyName string
	Sector     string
	RegionCode string
	// RegionCandidates are the kab/kota codes the complaint's place name
	// fits when it fits several ("Bogor": the kota and the kabupaten) and
	// neither the author's region nor the agency the report came through
	// chose: RegionCode is then the likeliest of them, or what else placed
	// the report.
	RegionCandidates []string
	Confidence       float64
	Fallback         Fallback
	Words            []string // the words that decided the sector
	Alternatives     []Alternative
	Type             string // the report type the text reads as
}

// Router picks the agency that must handle a report.
type Router interface {
	Route(ctx context.Context, req Request) (Decision, error)
}
