package main

import (
	"context"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"
	"github.com/sp4n-lapor/lapor/channels"
)

// TestReadinessSaysWhenRepliesWait: a reply that has waited longer than
// outboxStalled makes the service not ready, naming the channel.
func TestReadinessSaysWhenRepliesWait(t *testing.T) {
	rdb, closeRedis, _, err := openRedis("")
	if err != nil {
		t.Fatal(err)
	}
	defer closeRedis()
	s := &service{outbox: channels.NewOutbox(rdb), senders: []string{channels.SMS}}
	ctx := context.Background()
	if err := s.outboxReady(ctx); err != nil {
		t.Fatalf("nothing waits: %v", err)
	}
	// A reply queued long ago (its stream id is its time) and never taken.
	if err := rdb.XAdd(ctx, &redis.XAddArgs{Stream: "lapor:{outbox:sms}:stream", ID: "1000-0", Values: []any{"e", "{}"}}).Err(); err != nil {
		t.Fatal(err)
	}
	if err := s.outboxReady(ctx); err == nil || !strings.Contains(err.Error(), "sms replies wait") {
		t.Errorf("a reply waiting since 1970: %v", err)
	}
}
