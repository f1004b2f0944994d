package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/sp4n-lapor/lapor/routing/geo"
	"github.com/sp4n-lapor/lapor/routing/model"
)

// runTrain learns a routing model from labelled complaints, the dev set's
// and the files named, and writes it where LAPOR_ROUTING_MODEL can name it.
func runTrain(_ context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("lapor train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "file to write the model to (required)")
	noDev := fs.Bool("no-dev", false, "learn from the files named only, not from the 2017 dev set as well")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: lapor train --out model.gob.gz [--no-dev] labelled.jsonl...")
		fmt.Fprintln(fs.Output(), `Learns the sector, type and region models from labelled complaints, lines {"id", "title", "text", "sector", "type", "region_code"} as routing/model/data/lapor2017-dev.jsonl holds them, and from the dev set; a complaint whose id comes again replaces the earlier one (a corrected label). Route with it: LAPOR_ROUTING_MODEL=FILE.`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("--out: name the file to write the model to")
	}
	if *noDev && fs.NArg() == 0 {
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
