package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/reports"
	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/routing/model"
	"github.com/sp4n-lapor/lapor/storage"
)

// TestTrainAndRouteWithTheModel learns a model from a file alone and routes
// with it through LAPOR_ROUTING_MODEL's flag: it knows only the file's two
// sectors, so a passport complaint, which the built-in model sends to
// immigration, goes to one of them.
func TestTrainAndRouteWithTheModel(t *testing.T) {
	dir := t.TempDir()
	var lines strings.Builder
	for i := range 12 {
		text, sector := "jadwal keberangkatan haji dan pelunasan umroh belum jelas", "agama"
		if i%2 == 1 {
			text, sector = "paket kiriman dari kantor pos belum sampai", "pos"
		}
		fmt.Fprintf(&lines, `{"id": "%d", "text": "%s %d", "sector": "%s", "type": "pengaduan"}`+"\n", i, text, i, sector)
	}
	labelled := filepath.Join(dir, "labelled.jsonl")
	if err := os.WriteFile(labelled, []byte(lines.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	model := filepath.Join(dir, "model.gob.gz")
	var out bytes.Buffer
	if err := runTrain(context.Background(), []string{"--out", model, "--no-dev", labelled}, nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "learnt from 12 complaints") {
		t.Errorf("output: %s", out.String())
	}
	route := func(extra ...string) string {
		t.Helper()
		args := append([]string{"--database-url", filepath.Join(dir, "lapor.db")}, extra...)
		var routed, errs bytes.Buffer
		in := strings.NewReader(`{"id": 1, "text": "antrian paspor online di kantor imigrasi selalu penuh"}` + "\n")
		if err := runClassify(context.Background(), args, in, &routed, &errs); err != nil {
			t.Fatalf("classify %v: %v (%s)", extra, err, errs.String())
		}
		return routed.String()
	}
	if got := route(); !strings.Contains(got, `"sector":"imigrasi"`) {
		t.Errorf("built-in model: %s", got)
	}
	if got := route("--routing-model", model); !strings.Contains(got, `"sector":"agama"`) && !strings.Contains(got, `"sector":"pos"`) {
		t.Errorf("trained model: %s", got)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(lines.String()+`{"id": "x", "text": "x", "sector": "sihir", "type": "pengaduan"}`+"\n"), 0o600)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{labelled}, "--out"},
		{[]string{"--out", model, "--no-dev"}, "nothing to learn from"},
		{[]string{"--out", model, bad}, `bad.jsonl: line 13: sector "sihir"`},
		{[]string{"--out", filepath.Join(dir, "no", "such", "dir", "m.gob.gz"), labelled}, "no such file or directory"},
	} {
		if err := runTrain(context.Background(), tt.args, nil, &out, &out); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: error %v, want one with %q", tt.args, err, tt.want)
		}
	}
	if err := runClassify(context.Background(), []string{"--routing-model", bad}, strings.NewReader(""), &out, &out); err == nil || !strings.Contains(err.Error(), "LAPOR_ROUTING_MODEL") {
		t.Errorf("a file that is no model: error %v", err)
	}
}

func TestLatestByID(t *testing.T) {
	ex := []model.Example{{ID: "1", Sector: "pos"}, {ID: "2", Sector: "agama"}, {ID: "1", Sector: "imigrasi"}, {Sector: "desa"}, {Sector: "sosial"}}
	got, replaced := latestByID(ex)
	if replaced != 1 || len(got) != 4 || got[0].Sector != "imigrasi" || got[1].Sector != "agama" || got[3].Sector != "sosial" {
		t.Errorf("latestByID = %+v, %d replaced", got, replaced)
	}
}

// TestTrainFromDispositions: a handful of reports that the admin forwarded
// away from routing's choice teach a model trained --from-db to route a
// similar complaint where the admin sent them.
func TestTrainFromDispositions(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "lapor.db")
	store, err := storage.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	svc := reports.New(store, routing.NewRouter(model.DefaultClassifier(), store.Directory()), reports.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	for i, place := range []string{"Tembalang", "Pedurungan", "Banyumanik", "Genuk", "Gayamsari", "Candisari"} {
		f, err := svc.File(ctx, reports.CallerAdmin, report.Request{RegionCode: "33.74",
			Description: fmt.Sprintf("Anjing liar berkeliaran dan menggigit anak-anak di %s, mohon ditertibkan (%d)", place, i)}, "", "id")
		if err != nil {
			t.Fatal(err)
		}
		if f.Receipt.Routing.Sector == "pertanian-pangan" {
			t.Fatalf("routing already sends it to pertanian-pangan: the test proves nothing")
		}
		if _, err := svc.Forward(ctx, reports.Admin, "admin", f.Receipt.TrackingCode,
			report.Forward{AgencyID: "pemda-33.74-pertanian-pangan", Reason: "hewan penular rabies: dinas pertanian"}, "id"); err != nil {
			t.Fatal(err)
		}
	}
	store.Close()
	out := filepath.Join(dir, "model.gob.gz")
	var log bytes.Buffer
	if err := runTrain(ctx, []string{"--out", out, "--from-db", "--database-url", dbPath}, nil, &log, &log); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "6 reports forwarded away") {
		t.Errorf("train said: %s", log.String())
	}
	probe := `{"id": 1, "text": "Banyak anjing liar menggigit warga di Ngaliyan"}` + "\n"
	classify := func(args ...string) string {
		var routed, errs bytes.Buffer
		if err := runClassify(ctx, append([]string{"--database-url", dbPath}, args...), strings.NewReader(probe), &routed, &errs); err != nil {
			t.Fatalf("classify: %v (%s)", err, errs.String())
		}
		return routed.String()
	}
	if got := classify(); strings.Contains(got, `"sector":"pertanian-pangan"`) {
		t.Fatalf("the built-in model already routes the probe there: %s", got)
	}
	if got := classify("--routing-model", out); !strings.Contains(got, `"sector":"pertanian-pangan"`) {
		t.Errorf("the model trained from the dispositions: %s", got)
	}
}
