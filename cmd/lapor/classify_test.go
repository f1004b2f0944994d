package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/routing/model"
	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

func TestClassifyKeepsOrderAndReportsBadLines(t *testing.T) {
	store := storagetest.SQLite(t)
	router := routing.NewRouter(model.DefaultClassifier(), store.Directory())
	var in strings.Builder
	for i := range 200 {
		switch i {
		case 57:
			in.WriteString("{not json\n")
		case 58:
			in.WriteString(`{"id": 58}` + "\n")
		default:
			fmt.Fprintf(&in, `{"id": %d, "title": "Paspor", "text": "antrian paspor online di kantor imigrasi selalu penuh %d"}`+"\n", i, i)
		}
	}
	var out, errs bytes.Buffer
	if err := classify(context.Background(), router, strings.NewReader(in.String()), &out, &errs); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&out)
	n := 0
	for ; sc.Scan(); n++ {
		var line map[string]any
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("output line %d is not JSON: %s", n+1, sc.Text())
		}
		switch n {
		case 57, 58:
			if line["line"] != float64(n+1) || line["error"] == "" {
				t.Errorf("bad input line %d gave %v", n+1, line)
			}
		default:
			if line["id"] != float64(n) || line["sector"] != "imigrasi" || line["agency_id"] != "kl-imigrasi" || line["type"] == "" {
				t.Errorf("output line %d = %v", n+1, line)
			}
			for _, k := range []string{"region_code", "agency_name", "confidence", "alternatives"} {
				if _, ok := line[k]; !ok {
					t.Errorf("output line %d lacks %s", n+1, k)
				}
			}
		}
	}
	if n != 200 {
		t.Errorf("%d output lines for 200 input lines", n)
	}
	if !strings.Contains(errs.String(), "line 58") {
		t.Errorf("stderr does not name the bad lines: %q", errs.String())
	}
}

func TestRoutingMinConfidenceSetting(t *testing.T) {
	for _, v := range []string{"2", "-0.1", "abc"} {
		if _, err := (Config{RoutingMinConfidence: v}).routerOptions(); err == nil || !strings.Contains(err.Error(), "LAPOR_ROUTING_MIN_CONFIDENCE") {
			t.Errorf("%q: error %v, want one naming the setting", v, err)
		}
	}
	t.Chdir(t.TempDir())
	in := strings.NewReader(`{"id": 1, "title": "Paspor", "text": "antrian paspor online di kantor imigrasi selalu penuh"}` + "\n")
	var out, errs bytes.Buffer
	if err := runClassify(context.Background(), []string{"--routing-min-confidence", "1"}, in, &out, &errs); err != nil {
		t.Fatal(err, errs.String())
	}
	var line map[string]any
	if err := json.Unmarshal(out.Bytes(), &line); err != nil || line["agency_id"] != routing.NationalAdminID || line["sector"] != "imigrasi" {
		t.Errorf("with every report to triage: %s (%v)", out.String(), err)
	}
}

func TestClassifyListsTheKabKotaANameCouldBe(t *testing.T) {
	router := routing.NewRouter(model.DefaultClassifier(), storagetest.SQLite(t).Directory())
	in := `{"id": "a", "text": "jalan rusak berlubang di Bogor"}` + "\n" + `{"id": "b", "text": "jalan rusak berlubang di Kota Bogor"}` + "\n"
	var out, errs bytes.Buffer
	if err := classify(context.Background(), router, strings.NewReader(in), &out, &errs); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"region_candidates":["32.01","32.71"]`) || strings.Contains(lines[1], "region_candidates") {
		t.Errorf("output:\n%s", out.String())
	}
}

// TestClassifyGivesTheKabKotaAndTheKecamatanApart: region_code is the
// kab/kota, as the dev set's labels are; a kecamatan goes in district_code.
func TestClassifyGivesTheKabKotaAndTheKecamatanApart(t *testing.T) {
	router := routing.NewRouter(model.DefaultClassifier(), storagetest.SQLite(t).Directory())
	in := `{"id": 1, "text": "jalan rusak berlubang di kecamatan Tembalang, Kota Semarang"}` + "\n" +
		`{"id": 2, "text": "jalan rusak berlubang di Kota Semarang"}` + "\n" +
		`{"id": 3, "text": "jalan rusak berlubang di Jawa Tengah"}` + "\n"
	var out, errs bytes.Buffer
	if err := classify(context.Background(), router, strings.NewReader(in), &out, &errs); err != nil {
		t.Fatal(err)
	}
	want := []struct{ region, district string }{{"33.74", "33.74.10"}, {"33.74", ""}, {"33", ""}}
	for i, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var got struct {
			RegionCode   string  `json:"region_code"`
			DistrictCode *string `json:"district_code"`
		}
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatal(err)
		}
		if got.RegionCode != want[i].region || (got.DistrictCode == nil) != (want[i].district == "") ||
			(got.DistrictCode != nil && *got.DistrictCode != want[i].district) {
			t.Errorf("line %d: %s, want region_code %q and district_code %q", i+1, line, want[i].region, want[i].district)
		}
	}
}

// TestClassifySkipsBlankLinesAndFailsOnAnUnreadableOne: a blank line is no
// complaint, and a byte-order mark or a Windows line end changes nothing; a
// line too long to read stops the run with an error, after the lines before
// it are written.
func TestClassifySkipsBlankLinesAndFailsOnAnUnreadableOne(t *testing.T) {
	router := routing.NewRouter(model.DefaultClassifier(), storagetest.SQLite(t).Directory())
	complaint := `{"id": %d, "text": "listrik PLN padam sejak kemarin malam"}` + "\n"
	in := "\ufeff" + fmt.Sprintf(complaint, 1) + "\n   \n" + strings.TrimSuffix(fmt.Sprintf(complaint, 2), "\n") + "\r\n"
	var out, errs bytes.Buffer
	if err := classify(context.Background(), router, strings.NewReader(in), &out, &errs); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSpace(out.String()), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[0], `{"id":1,"sector"`) || !strings.HasPrefix(lines[1], `{"id":2,"sector"`) {
		t.Errorf("output:\n%s", out.String())
	}
	out.Reset()
	in = fmt.Sprintf(complaint, 1) + `{"id": 2, "text": "` + strings.Repeat("x", 9<<20) + "\"}\n" + fmt.Sprintf(complaint, 3)
	err := classify(context.Background(), router, strings.NewReader(in), &out, &errs)
	if err == nil || !strings.Contains(err.Error(), "reading input") {
		t.Errorf("a 9 MB line: error %v, want one about reading the input", err)
	}
	if !strings.HasPrefix(out.String(), `{"id":1,`) || strings.Count(out.String(), "\n") != 1 {
		t.Errorf("output before the long line:\n%s", out.String())
	}
}
