package main

import (
	"fmt"
	"net/url"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
)

// openRedis connects to the Redis a URL names: one server, a Sentinel group
// (master_name=…) or a Cluster (several addr=…). With no URL it starts Redis
// in-process (miniredis), so the same go-redis code runs with nothing
// installed. The returned function closes both.
func openRedis(redisURL string) (rdb redis.UniversalClient, closeAll func(), embedded bool, err error) {
	if redisURL == "" {
		mr, err := miniredis.Run()
		if err != nil {
			return nil, nil, false, fmt.Errorf("start embedded redis: %w", err)
		}
		rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
		return rdb, func() { rdb.Close(); mr.Close() }, true, nil
	}
	u, err := url.Parse(redisURL)
	if err != nil {
		return nil, nil, false, fmt.Errorf("parse redis url: %w", err)
	}
	q := u.Query()
	switch {
	case q.Has("master_name"):
		opt, err := redis.ParseFailoverURL(redisURL)
		if err != nil {
			return nil, nil, false, fmt.Errorf("parse redis sentinel url: %w", err)
		}
		rdb = redis.NewFailoverClient(opt)
	case q.Has("addr"):
		opt, err := redis.ParseClusterURL(redisURL)
		if err != nil {
			return nil, nil, false, fmt.Errorf("parse redis cluster url: %w", err)
		}
		rdb = redis.NewClusterClient(opt)
	default:
		opt, err := redis.ParseURL(redisURL)
		if err != nil {
			return nil, nil, false, fmt.Errorf("parse redis url: %w", err)
		}
		rdb = redis.NewClient(opt)
	}
	return rdb, func() { rdb.Close() }, false, nil
}
