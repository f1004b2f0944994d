package channels

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// ErrTooLarge is returned when a file is over the size limit.
var ErrTooLarge = errors.New("file too large")

// ErrFileType is returned for a file whose content is not of a type taken.
var ErrFileType = errors.New("file type not taken")

// uploadTypes are the types of file taken from a browser or an API caller,
// by their content (sniffed, not trusted from the sender).
var uploadTypes = []string{"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"}

// StoreUpload stores a file uploaded from a browser or an API caller: its
// type read from its first bytes, one of uploadTypes or ErrFileType; at
// most limit bytes or ErrTooLarge; its name cleaned (cleanFileName).
func StoreUpload(dataDir string, r io.Reader, limit int64, name string) (Attachment, error) {
	br := bufio.NewReaderSize(r, 512)
	head, _ := br.Peek(512)
	ct, _, _ := strings.Cut(http.DetectContentType(head), ";")
	if !slices.Contains(uploadTypes, ct) {
		return Attachment{}, ErrFileType
	}
	return StoreFile(dataDir, br, limit, ct, cleanFileName(name))
}

// cleanFileName keeps the base of a sender's file name, printable, at most
// 100 characters; "" when there is nothing left.
func cleanFileName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	if name == "." || name == "/" || !utf8.ValidString(name) {
		return ""
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 100 {
		name = string(r[:100])
	}
	return name
}

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
