// Command lapor is the SP4N-LAPOR! intake service: one binary whose
// subcommands serve the API and channels, migrate the database, and more.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

type command struct {
	about string
	run   func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error
}

var commands = map[string]command{
	"serve":    {"run the API, the channels and the demo (the default)", runServe},
	"migrate":  {"bring the database schema up to date and seed the agency directory", runMigrate},
	"chat":     {"talk to the bot in a terminal, or through a pipe (one message a line)", runChat},
	"classify": {"route JSON lines of complaints (stdin to stdout); --eval FILE cross-validates", runClassify},
	"train":    {"learn a routing model from labelled complaints, for LAPOR_ROUTING_MODEL", runTrain},
	"bench":    {"measure: lapor bench dialog (messages/s, latency, Redis round trips)", runBench},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	name := "serve"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	if name == "help" {
		usage(stdout)
		return 0
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "lapor: unknown command %q\n\n", name)
		usage(stderr)
		return 2
	}
	err := cmd.run(ctx, args, stdin, stdout, stderr)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	default:
		fmt.Fprintf(stderr, "lapor %s: %v\n", name, err)
		return 1
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: lapor [command] [flags]    (lapor COMMAND --help lists its settings)")
	fmt.Fprintln(w)
	for _, name := range []string{"serve", "chat", "classify", "train", "migrate", "bench"} {
		fmt.Fprintf(w, "  %-8s %s\n", name, commands[name].about)
	}
}
