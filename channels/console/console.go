// Package console is the terminal channel: a citizen's messages are lines
// of input, the bot's replies are written out, for `lapor chat` and for
// scripts that hold a conversation through a pipe.
package console

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/sp4n-lapor/lapor/channels"
)

// Sender writes replies to a writer, each followed by a newline.
type Sender struct {
	mu sync.Mutex
	w  *bufio.Writer
}

var _ channels.Sender = (*Sender)(nil)

// NewSender returns a sender writing to w.
func NewSender(w io.Writer) *Sender { return &Sender{w: bufio.NewWriter(w)} }

// Send implements channels.Sender.
func (s *Sender) Send(_ context.Context, m channels.Outbound) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := fmt.Fprintln(s.w, m.Text)
	return err
}

// EndTurn writes the blank line that ends a turn's replies and flushes, so a
// script reading the other end sees the whole turn at once.
func (s *Sender) EndTurn() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := fmt.Fprintln(s.w); err != nil {
		return err
	}
	return s.w.Flush()
}

// Reader turns lines of input into inbound messages from one citizen.
type Reader struct {
	sc      *bufio.Scanner
	from    channels.Address
	session string
	n       int
}

// NewReader reads r as the messages of the citizen user. Message ids are
// unique to this run, so that a conversation kept in Redis from an earlier
// run takes the new lines as new messages.
func NewReader(r io.Reader, user string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	return &Reader{
		sc: sc, from: channels.Address{Channel: channels.Console, ID: user},
		session: strconv.FormatInt(time.Now().UnixNano(), 36),
	}
}

// Next returns the next message; ok is false at the end of the input.
func (r *Reader) Next() (in channels.Inbound, ok bool, err error) {
	if !r.sc.Scan() {
		return channels.Inbound{}, false, r.sc.Err()
	}
	r.n++
	return channels.Inbound{
		ID:         r.session + "-" + strconv.Itoa(r.n),
		From:       r.from,
		Text:       r.sc.Text(),
		ReceivedAt: time.Now(),
	}, true, nil
}
