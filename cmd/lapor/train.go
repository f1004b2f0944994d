package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/sp4n-lapor/lapor/reports"
	"github.com/sp4n-lapor/lapor/routing/geo"
	"github.com/sp4n-lapor/lapor/routing/model"
	"github.com/sp4n-lapor/lapor/storage"
)

// runTrain learns a routing model from labelled complaints, the dev set's
// and the files named, and writes it where LAPOR_ROUTING_MODEL can name it.
func runTrain(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("lapor train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "file to write the model to (required)")
	noDev := fs.Bool("no-dev", false, "learn from the files named only, not from the 2017 dev set as well")
	fromDB := fs.Bool("from-db", false, "learn also from the reports of the database that admins and agencies forwarded away from the agency routing chose")
	dbURL := fs.String("database-url", cmp.Or(os.Getenv("LAPOR_DATABASE_URL"), "lapor.db"), "the database of --from-db (LAPOR_DATABASE_URL)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: lapor train --out model.gob.gz [--no-dev] [--from-db] labelled.jsonl...")
		fmt.Fprintln(fs.Output(), `Learns the sector, type and region models from labelled complaints, lines {"id", "title", "text", "sector", "type", "region_code"} as routing/model/data/lapor2017-dev.jsonl holds them, and from the dev set; a complaint whose id comes again replaces the earlier one (a corrected label). Route with it: LAPOR_ROUTING_MODEL=FILE.`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("--out: name the file to write the model to")
	}
	if *noDev && fs.NArg() == 0 && !*fromDB {
		return errors.New("--no-dev and no file: nothing to learn from")
	}
	var ex []model.Example
	if !*noDev {
		ex = append(ex, model.DevSet()...)
	}
	for _, path := range fs.Args() {
		more, err := readExamples(path)
		if err != nil {
			return err
		}
		ex = append(ex, more...)
	}
	if *fromDB {
		corrected, err := corrections(ctx, *dbURL)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d reports forwarded away from routing's choice, from %s\n", len(corrected), *dbURL)
		ex = append(ex, corrected...)
	}
	ex, replaced := latestByID(ex)
	start := time.Now()
	var buf bytes.Buffer
	if err := model.WriteModel(&buf, model.TrainClassifier(ex, geo.DefaultGazetteer())); err != nil {
		return err
	}
	if err := writeFileAtomic(*out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "learnt from %d complaints (%d replaced by a later one of the same id) in %s; wrote %s (%d KB)\n",
		len(ex), replaced, time.Since(start).Round(time.Millisecond), *out, buf.Len()>>10)
	fmt.Fprintf(stdout, "route with it: LAPOR_ROUTING_MODEL=%s lapor serve\n", *out)
	return nil
}

// corrections reads the labelled complaints the dispositions in a database
// make (reports.Service.Corrections).
func corrections(ctx context.Context, databaseURL string) ([]model.Example, error) {
	store, err := storage.Open(databaseURL)
	if err != nil {
		return nil, err
	}
	defer store.Close()
	if err := store.Migrate(ctx); err != nil {
		return nil, err
	}
	return reports.New(store, nil).Corrections(ctx)
}

// latestByID keeps, of the complaints that share an id, the last, in the
// place of the first; complaints without an id are all kept.
func latestByID(ex []model.Example) (out []model.Example, replaced int) {
	at := map[string]int{}
	for _, e := range ex {
		if i, ok := at[e.ID]; ok && e.ID != "" {
			out[i] = e
			replaced++
			continue
		}
		at[e.ID] = len(out)
		out = append(out, e)
	}
	return out, replaced
}

// writeFileAtomic writes data to path through a temporary file in the same
// directory, so that a service reading path never sees half a model.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".model-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // once renamed, there is nothing left to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
