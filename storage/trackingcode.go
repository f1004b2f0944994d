package storage

import (
	"crypto/rand"
	"errors"
	"strings"
)

// crockford is Crockford's base32 alphabet: no I, L, O or U, so a code read
// aloud or copied by hand survives.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// ErrBadTrackingCode is returned for a string that cannot be a tracking code.
var ErrBadTrackingCode = errors.New("not a tracking code")

// NewTrackingCode returns a random code "LPR-XXXX-XXXX": 8 Crockford base32
// characters, 40 random bits.
func NewTrackingCode() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	var c [8]byte
	for i, v := range b {
		c[i] = crockford[v&31]
	}
	return "LPR-" + string(c[:4]) + "-" + string(c[4:])
}

// NormalizeTrackingCode turns what a person typed into the canonical code:
// any case, with or without dashes, spaces or the LPR prefix, and with the
// letters Crockford reads as digits (I and L as 1, O as 0).
func NormalizeTrackingCode(s string) (string, error) {
	s = strings.ToUpper(s)
	s = strings.NewReplacer("-", "", " ", "", "_", "").Replace(s)
	s = strings.TrimPrefix(s, "LPR")
	if len(s) != 8 {
		return "", ErrBadTrackingCode
	}
	var c [8]byte
	for i := range len(s) {
		ch := s[i]
		switch ch {
		case 'I', 'L':
			ch = '1'
		case 'O':
			ch = '0'
		}
		if strings.IndexByte(crockford, ch) < 0 {
			return "", ErrBadTrackingCode
		}
		c[i] = ch
	}
	return "LPR-" + string(c[:4]) + "-" + string(c[4:]), nil
}
