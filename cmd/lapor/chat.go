package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/channels/console"
)

// runChat talks to the bot in a terminal, or through a pipe: one citizen
// message per input line; each turn's replies, then a blank line, on stdout.
func runChat(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	cfg, err := parseConfig("chat", args, stderr)
	if err != nil {
		return err
	}
	if os.Getenv("LAPOR_LOG_LEVEL") == "" && cfg.LogLevel == "info" {
		cfg.LogLevel = "warn" // keep the terminal for the conversation
	}
	return chat(ctx, cfg, stdin, stdout, stderr)
}

func chat(ctx context.Context, cfg Config, stdin io.Reader, stdout, stderr io.Writer) error {
	log := newLogger(stderr, cfg.LogLevel)
	svc, err := openService(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer svc.close()
	filings := make(chan struct{})
	runCtx, stop := context.WithCancel(ctx)
	go func() { svc.engine.RunFilings(runCtx, filingRetryInterval); close(filings) }()
	defer func() { stop(); <-filings }()

	user := os.Getenv("USER")
	if user == "" {
		user = "warga"
	}
	fmt.Fprintln(stderr, "lapor chat: type as a citizen would; Ctrl-D ends.")
	in, out := console.NewReader(stdin, user), console.NewSender(stdout)
	for {
		msg, ok, err := in.Next()
		if err != nil || !ok {
			return err
		}
		if err := svc.engine.Handle(ctx, msg); err != nil {
			return err
		}
		if err := svc.outbox.Drain(ctx, channels.Console, out); err != nil {
			return err
		}
		if err := out.EndTurn(); err != nil {
			return err
		}
	}
}
