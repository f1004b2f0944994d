package channels

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ErrTooLarge is returned when a file is over the size limit.
var ErrTooLarge = errors.New("file too large")

// FilePath is where a file is stored, relative to the data directory: named
// by its SHA-256, under a folder of its first two characters.
func FilePath(sha256 string) string {
	if len(sha256) < 2 {
		return sha256
	}
	return filepath.Join(sha256[:2], sha256)
}

// StoreFile copies a file a citizen sent into dataDir at FilePath, reading
// at most limit bytes.
func StoreFile(dataDir string, r io.Reader, limit int64, contentType, name string) (Attachment, error) {
	tmp, err := os.CreateTemp(dataDir, "upload-*")
	if err != nil {
		return Attachment{}, fmt.Errorf("store file: %w", err)
	}
	defer os.Remove(tmp.Name()) // after the rename, a no-op
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(r, limit+1))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Attachment{}, fmt.Errorf("store file: %w", err)
	}
	if n > limit {
		return Attachment{}, ErrTooLarge
	}
	sum := hex.EncodeToString(h.Sum(nil))
	rel := FilePath(sum)
	if err := os.MkdirAll(filepath.Join(dataDir, filepath.Dir(rel)), 0o750); err != nil {
		return Attachment{}, fmt.Errorf("store file: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dataDir, rel)); err != nil {
		return Attachment{}, fmt.Errorf("store file: %w", err)
	}
	return Attachment{ContentType: contentType, Size: n, SHA256: sum, Path: rel, FileName: name}, nil
}
