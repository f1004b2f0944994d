package main

import (
	"context"
	"io"
	"log/slog"
)

func runMigrate(ctx context.Context, args []string, _ io.Reader, _, stderr io.Writer) error {
	cfg, err := parseConfig("migrate", args, stderr)
	if err != nil {
		return err
	}
	log := newLogger(stderr, cfg.LogLevel)
	store, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer store.Close()
	log.Info("database migrated", "database", store.Dialect())
	return nil
}

// newLogger logs text lines at a level named by the settings.
func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}
