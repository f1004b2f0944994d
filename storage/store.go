// Package storage keeps reports, their events, attachments, agencies and API
// keys in SQLite (the embedded default, pure Go) or PostgreSQL, with the same
// gorm code for both.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/glebarez/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

// Store is the database behind the service.
type Store struct {
	db      *gorm.DB
	dialect string // "sqlite" or "postgres"
}

// Open connects to the database a URL names: "postgres://…" or
// "postgresql://…" selects PostgreSQL; "sqlite://PATH" or a plain file path
// selects SQLite. It does not migrate; call Migrate.
func Open(databaseURL string) (*Store, error) {
	dialector, dialect, err := dialectorFor(databaseURL)
	if err != nil {
		return nil, err
	}
	db, err := gorm.Open(dialector, &gorm.Config{
		TranslateError: true,
		Logger:         logger.Discard,
	})
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", dialect, err)
	}
	if dialect == "sqlite" {
		// One connection: SQLite has a single writer, and a pool of them only
		// trades waiting for "database is locked" errors.
		sqlDB, err := db.DB()
		if err != nil {
			return nil, err
		}
		sqlDB.SetMaxOpenConns(1)
	}
	return &Store{db: db, dialect: dialect}, nil
}

func dialectorFor(databaseURL string) (gorm.Dialector, string, error) {
	switch {
	case databaseURL == "":
		return nil, "", errors.New("open database: empty database URL")
	case strings.HasPrefix(databaseURL, "postgres://"), strings.HasPrefix(databaseURL, "postgresql://"):
		return postgres.Open(databaseURL), "postgres", nil
	case strings.Contains(databaseURL, "://") && !strings.HasPrefix(databaseURL, "sqlite://"):
		scheme, _, _ := strings.Cut(databaseURL, "://")
		return nil, "", fmt.Errorf("open database: unsupported scheme %q (use postgres:// or sqlite://)", scheme)
	}
	path := strings.TrimPrefix(databaseURL, "sqlite://")
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return sqlite.Open(path + sep + q.Encode()), "sqlite", nil
}

// Dialect names the database in use: "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.PingContext(ctx)
}

// Close releases the database connections.
func (s *Store) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

func notFound(err error) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return ErrNotFound
	}
	return err
}

// SQL is the database connection pool under the store, for the job queue,
// which keeps its jobs in the same database.
func (s *Store) SQL() (*sql.DB, error) { return s.db.DB() }
