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

// StoreFile copies a file a citizen sent into dataDir, named by its SHA-256
// under a folder of its first two characters (the layout of
// storage.AttachmentPath), reading at most limit bytes.
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
	rel := filepath.Join(sum[:2], sum)
	if err := os.MkdirAll(filepath.Join(dataDir, sum[:2]), 0o750); err != nil {
		return Attachment{}, fmt.Errorf("store file: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dataDir, rel)); err != nil {
		return Attachment{}, fmt.Errorf("store file: %w", err)
	}
	return Attachment{ContentType: contentType, Size: n, SHA256: sum, Path: rel, FileName: name}, nil
}
