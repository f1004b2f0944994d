package storage

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// Scopes of API keys; an agency key's scope is "agency:<id>", an app key's
// "app:<name>".
const (
	ScopeAdmin        = "admin"
	ScopeAgencyPrefix = "agency:"
	ScopeAppPrefix    = "app:"
)

// keyPrefix marks LAPOR! API keys so that a leaked one is easy to find.
const keyPrefix = "lpr_"

// APIKey is a bearer key of an agency or an app; only its SHA-256 is stored.
type APIKey struct {
	ID         uint64 `gorm:"primaryKey"`
	Hash       string `gorm:"size:64;uniqueIndex;not null"`
	Hint       string `gorm:"size:16;not null"` // the key's first characters, to tell keys apart
	Scope      string `gorm:"size:120;index;not null"`
	Label      string `gorm:"size:200"`
	CreatedAt  time.Time
	RevokedAt  *time.Time
	LastUsedAt *time.Time
}

// hashKey returns the stored form of a key.
func hashKey(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

// CreateAPIKey makes a new random key for a scope and returns it in the
// clear: this is the only time it can be seen.
func (s *Store) CreateAPIKey(ctx context.Context, scope, label string) (string, APIKey, error) {
	if scope != ScopeAdmin && !strings.HasPrefix(scope, ScopeAgencyPrefix) && !strings.HasPrefix(scope, ScopeAppPrefix) {
		return "", APIKey{}, fmt.Errorf("create api key: bad scope %q", scope)
	}
	secret := make([]byte, 24)
	if _, err := rand.Read(secret); err != nil {
		return "", APIKey{}, err
	}
	key := keyPrefix + hex.EncodeToString(secret)
	k := APIKey{Hash: hashKey(key), Hint: key[:len(keyPrefix)+6], Scope: scope, Label: label}
	if err := s.db.WithContext(ctx).Create(&k).Error; err != nil {
		return "", APIKey{}, fmt.Errorf("create api key: %w", err)
	}
	return key, k, nil
}

// APIKeyByToken finds the unrevoked key a bearer token is, and notes its use.
func (s *Store) APIKeyByToken(ctx context.Context, token string) (APIKey, error) {
	if !strings.HasPrefix(token, keyPrefix) {
		return APIKey{}, ErrNotFound
	}
	var k APIKey
	err := s.db.WithContext(ctx).Where("hash = ? AND revoked_at IS NULL", hashKey(token)).Take(&k).Error
	if err != nil {
		return APIKey{}, notFound(err)
	}
	// Note the use at most hourly, so that reads don't each cost a write;
	// it is best effort: failing to note it must not refuse a valid key.
	if now := time.Now(); k.LastUsedAt == nil || now.Sub(*k.LastUsedAt) > time.Hour {
		_ = s.db.WithContext(ctx).Model(&k).Update("last_used_at", now).Error
	}
	return k, nil
}
