// Command trainmodel trains the routing classifier on the embedded dev set
// and writes the model the binary embeds; run it with go generate ./routing.
package main

import (
	"fmt"
	"os"

	"github.com/sp4n-lapor/lapor/routing"
)

func main() {
	f, err := os.Create(routing.ModelFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	c := routing.TrainClassifier(routing.DevSet(), routing.DefaultGazetteer())
	if err := routing.WriteModel(f, c); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
