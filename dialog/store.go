package dialog

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/sp4n-lapor/lapor/channels"
)

// How long Redis keeps what the engine writes.
const (
	stateTTL = 7 * 24 * time.Hour // an idle conversation is forgotten after this
	seenTTL  = 48 * time.Hour     // a provider retry within this changes nothing
	lockTTL  = 30 * time.Second   // a crashed holder's lock frees itself after this
)

// ErrBusy is returned when a conversation stays locked past the wait.
var ErrBusy = errors.New("conversation busy")

// ErrLockLost is returned when a turn took longer than the lock lasts and
// another may have stepped the conversation meanwhile; nothing was saved.
var ErrLockLost = errors.New("conversation lock lost")

// stateStore keeps conversations in Redis. The keys of one conversation
// share the hash tag {channel:id}, so they live in one Redis Cluster slot
// and one script may touch them all.
type stateStore struct {
	rdb redis.UniversalClient
}

func stateKey(a channels.Address) string { return "lapor:conv:{" + a.String() + "}" }
func lockKey(a channels.Address) string  { return stateKey(a) + ":lock" }
func seenKey(a channels.Address, msgID string) string {
	return stateKey(a) + ":seen:" + msgID
}

// lock takes the conversation's lock, waiting for it up to wait.
func (s *stateStore) lock(ctx context.Context, a channels.Address, wait time.Duration) (string, error) {
	token := randomID()
	deadline := time.Now().Add(wait)
	delay := 5 * time.Millisecond
	for {
		ok, err := s.rdb.SetNX(ctx, lockKey(a), token, lockTTL).Result()
		if err != nil {
			return "", fmt.Errorf("lock conversation: %w", err)
		}
		if ok {
			return token, nil
		}
		if time.Now().After(deadline) {
			return "", ErrBusy
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return "", ctx.Err()
		case <-t.C:
		}
		delay = min(delay*2, 100*time.Millisecond)
	}
}

var unlockScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`)

func (s *stateStore) unlock(ctx context.Context, a channels.Address, token string) error {
	return unlockScript.Run(ctx, s.rdb, []string{lockKey(a)}, token).Err()
}

// recentKey counts a sender's messages in the current minute.
func recentKey(a channels.Address, now time.Time) string {
	return stateKey(a) + ":recent:" + strconv.FormatInt(now.Unix()/60, 10)
}

// load reads whether a message was handled already, and the state with its
// version (0 for none), in one round trip; for a message (msgID not
// empty) it also counts it among the sender's messages of this minute and
// says how many there were (recent).
func (s *stateStore) load(ctx context.Context, a channels.Address, msgID string) (seen bool, st *State, version, recent int64, err error) {
	var exists, count *redis.IntCmd
	var fields *redis.SliceCmd
	_, err = s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		if msgID != "" {
			exists = p.Exists(ctx, seenKey(a, msgID))
			k := recentKey(a, time.Now())
			count = p.Incr(ctx, k)
			p.Expire(ctx, k, 2*time.Minute)
		}
		fields = p.HMGet(ctx, stateKey(a), "v", "d")
		return nil
	})
	if err != nil {
		return false, nil, 0, 0, fmt.Errorf("load conversation: %w", err)
	}
	if count != nil {
		recent = count.Val()
	}
	if exists != nil && exists.Val() > 0 {
		return true, nil, 0, recent, nil
	}
	vals := fields.Val()
	v, _ := vals[0].(string)
	d, _ := vals[1].(string)
	if v == "" || d == "" {
		return false, nil, 0, recent, nil
	}
	if _, err := fmt.Sscan(v, &version); err != nil {
		return false, nil, 0, recent, nil
	}
	st = &State{}
	if err := json.Unmarshal([]byte(d), st); err != nil || !st.valid() {
		return false, nil, version, recent, nil // unreadable: start over rather than fail forever
	}
	return false, st, version, recent, nil
}

// commitScript saves a state if the lock is still ours and the version is
// the one read, records the message as handled, and releases the lock.
var commitScript = redis.NewScript(`
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return -1 end
local v = redis.call('HGET', KEYS[1], 'v') or '0'
if v ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], 'v', tonumber(ARGV[2]) + 1, 'd', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
if KEYS[3] ~= KEYS[2] then redis.call('SET', KEYS[3], '1', 'PX', ARGV[5]) end
redis.call('DEL', KEYS[2])
return 1`)

func (s *stateStore) commit(ctx context.Context, a channels.Address, token string, version int64, st *State, msgID string) error {
	d, err := json.Marshal(st)
	if err != nil {
		return err
	}
	seen := lockKey(a) // no message id: nothing to record
	if msgID != "" {
		seen = seenKey(a, msgID)
	}
	res, err := commitScript.Run(ctx, s.rdb, []string{stateKey(a), lockKey(a), seen},
		token, version, d, stateTTL.Milliseconds(), seenTTL.Milliseconds()).Int()
	if err != nil {
		return fmt.Errorf("save conversation: %w", err)
	}
	if res != 1 {
		return ErrLockLost
	}
	return nil
}

func randomID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}
