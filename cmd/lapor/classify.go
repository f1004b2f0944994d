package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"

	"github.com/sp4n-lapor/lapor/routing"
)

// classifyIn is one input line of lapor classify.
type classifyIn struct {
	ID    json.RawMessage `json:"id"`
	Title string          `json:"title"`
	Text  string          `json:"text"`
}

// classifyOut is one output line.
type classifyOut struct {
	ID     json.RawMessage `json:"id"`
	Sector string          `json:"sector"`
	Type   string          `json:"type"`
	// RegionCode is the kab/kota (or, when no more is known, the
	// province), as the labels of the dev set give it and as routing goes.
	RegionCode string `json:"region_code"`
	// Beyond the fields: DistrictCode is the kecamatan, when one is
	// known; RegionCandidates appear when the place named fits several
	// kab/kota ("Bogor").
	DistrictCode     string                `json:"district_code,omitempty"`
	RegionCandidates []string              `json:"region_candidates,omitempty"`
	AgencyID         string                `json:"agency_id"`
	AgencyName       string                `json:"agency_name"`
	Confidence       float64               `json:"confidence"`
	Alternatives     []routing.Alternative `json:"alternatives"`
}

// classifyError is the output line of an input line that could not be read,
// so that outputs stay aligned with inputs.
type classifyError struct {
	Line  int    `json:"line"`
	Error string `json:"error"`
}

func runClassify(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("lapor classify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	eval := fs.String("eval", "", "cross-validate on this JSON-lines file of labelled complaints (as routing/model/data/lapor2017-dev.jsonl) instead")
	heldOut := fs.String("test", "", "score the model (the one built in, or LAPOR_ROUTING_MODEL's) on this JSON-lines file of labelled complaints it did not learn from (as --eval reads) instead")
	folds := fs.Int("folds", 5, "folds of the cross-validation")
	curve := fs.Bool("curve", false, "with --eval, also train on a quarter, half and three quarters of each fold: what more labelled complaints would buy")
	splits := fs.Int("splits", 1, "with --eval, cross-validate on this many draws of the folds and print how the scores spread: what a difference owes to the draw")
	var cfg Config
	defineSome(fs, &cfg, "LAPOR_DATABASE_URL", "LAPOR_ROUTING_MIN_CONFIDENCE", "LAPOR_ROUTING_MODEL")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: lapor classify [flags] < complaints.jsonl > routed.jsonl")
		fmt.Fprintln(fs.Output(), `Reads {"id", "title", "text"} lines; writes {"id", "sector", "type", "region_code", "agency_id", "agency_name", "confidence", "alternatives"} lines in the same order, with "district_code" when the kecamatan is known and "region_candidates" when the place named fits several kab/kota.`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case *eval != "" && *heldOut != "":
		return errors.New("--eval and --test: one at a time")
	case *eval != "":
		return evaluate(*eval, *folds, *splits, *curve, stdout)
	}
	model, err := cfg.classifier()
	if err != nil {
		return err
	}
	if *heldOut != "" {
		return test(*heldOut, model, cfg.RoutingModel, stdout)
	}
	opts, err := cfg.routerOptions()
	if err != nil {
		return err
	}
	log := newLogger(stderr, "warn")
	store, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer store.Close()
	router := routing.NewRouter(model, store.Directory(), opts...)
	return classify(ctx, router, stdin, stdout, stderr)
}

// classify routes each input line, several at once, writing the results in
// input order; blank lines are no complaint and get no output. It fails when
// the input cannot be read to its end (a line over 8 MB), after writing what
// came before.
func classify(ctx context.Context, router routing.Router, in io.Reader, out, stderr io.Writer) error {
	type job struct {
		line   int
		raw    []byte
		result chan any
	}
	jobs := make(chan job, 64)
	ordered := make(chan chan any, 256)
	var readErr error // set before ordered is closed
	go func() {
		defer close(ordered)
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 0, 64<<10), 8<<20)
		defer close(jobs)
		for n := 1; sc.Scan(); n++ {
			line := bytes.TrimPrefix(sc.Bytes(), utf8BOM) // a file saved by some Windows editors
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			j := job{line: n, raw: append([]byte(nil), line...), result: make(chan any, 1)}
			ordered <- j.result
			jobs <- j
		}
		if err := sc.Err(); err != nil {
			readErr = fmt.Errorf("reading input: %w", err)
		}
	}()
	for range runtime.GOMAXPROCS(0) {
		go func() {
			for j := range jobs {
				j.result <- route(ctx, router, j.line, j.raw)
			}
		}()
	}
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	for res := range ordered {
		r := <-res
		if e, ok := r.(classifyError); ok {
			fmt.Fprintf(stderr, "lapor classify: line %d: %s\n", e.Line, e.Error)
		}
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return readErr
}

// utf8BOM is the byte-order mark some editors write at the start of a file.
var utf8BOM = []byte("\ufeff")

func route(ctx context.Context, router routing.Router, line int, raw []byte) any {
	var in classifyIn
	if err := json.Unmarshal(raw, &in); err != nil {
		return classifyError{Line: line, Error: "not a JSON object: " + err.Error()}
	}
	if in.Text == "" && in.Title == "" {
		return classifyError{Line: line, Error: `no "text"`}
	}
	d, err := router.Route(ctx, routing.Request{Title: in.Title, Text: in.Text, GuessRegion: true})
	if err != nil {
		return classifyError{Line: line, Error: err.Error()}
	}
	alts := d.Alternatives
	if alts == nil {
		alts = []routing.Alternative{}
	}
	region, district := d.RegionCode, ""
	if len(region) > len("33.74") { // a kecamatan: "33.74.10"
		region, district = region[:len("33.74")], region
	}
	return classifyOut{ID: in.ID, Sector: d.Sector, Type: d.Type, RegionCode: region, DistrictCode: district, RegionCandidates: d.RegionCandidates, AgencyID: d.AgencyID,
		AgencyName: d.AgencyName, Confidence: d.Confidence, Alternatives: alts}
}
