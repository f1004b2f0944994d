package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/sp4n-lapor/lapor/storage"
)

func TestServeHelpListsEverySetting(t *testing.T) {
	var out bytes.Buffer
	if code := run(context.Background(), []string{"serve", "--help"}, nil, &out, &out); code != 0 {
		t.Fatalf("exit %d: %s", code, out.String())
	}
	for _, s := range settings {
		if !strings.Contains(out.String(), s.env) || !strings.Contains(out.String(), "--"+s.flag) {
			t.Errorf("help lacks %s / --%s:\n%s", s.env, s.flag, out.String())
		}
	}
	for _, env := range []string{"LAPOR_ADDR", "LAPOR_DATABASE_URL", "LAPOR_REDIS_URL", "LAPOR_PUBLIC_URL", "LAPOR_ADMIN_TOKEN", "LAPOR_DATA_DIR"} {
		if !strings.Contains(out.String(), env) {
			t.Errorf("help lacks %s", env)
		}
	}
}

func TestUnknownCommand(t *testing.T) {
	var out bytes.Buffer
	if code := run(context.Background(), []string{"fly"}, nil, &out, &out); code != 2 || !strings.Contains(out.String(), "unknown command") {
		t.Errorf("exit %d: %s", code, out.String())
	}
}

func TestConfigFromEnvironmentAndFlags(t *testing.T) {
	t.Setenv("LAPOR_ADDR", ":9000")
	t.Setenv("LAPOR_DATA_DIR", "/srv/lapor")
	cfg, err := parseConfig("serve", []string{"--addr", ":9001"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != ":9001" || cfg.DataDir != "/srv/lapor" || cfg.DatabaseURL != "lapor.db" {
		t.Errorf("config = %+v: the flag must win over the environment, the environment over the default", cfg)
	}
	if _, err := parseConfig("serve", []string{"extra"}, io.Discard); err == nil {
		t.Error("a stray argument was accepted")
	}
}

// TestServeWithNoConfiguration starts the service as a newcomer does, in an
// empty directory with no settings (but a free port), and files a report.
func TestServeWithNoConfiguration(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, s := range settings {
		t.Setenv(s.env, "") // restored when the test ends
		os.Unsetenv(s.env)
	}
	cfg, err := parseConfig("serve", []string{"--addr", "127.0.0.1:0", "--admin-token", "t0ken"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	base := startServe(t, cfg)
	if _, err := os.Stat("lapor.db"); err != nil {
		t.Errorf("no SQLite file in the working directory: %v", err)
	}
	fileAndTrack(t, base)
}

// TestServeOnPostgresAndRedis runs the same against the real services that
// LAPOR_TEST_DATABASE_URL and LAPOR_TEST_REDIS_URL name.
func TestServeOnPostgresAndRedis(t *testing.T) {
	db, rurl := os.Getenv("LAPOR_TEST_DATABASE_URL"), os.Getenv("LAPOR_TEST_REDIS_URL")
	if db == "" || rurl == "" {
		t.Skip("LAPOR_TEST_DATABASE_URL and LAPOR_TEST_REDIS_URL are not both set")
	}
	t.Chdir(t.TempDir())
	cfg := Config{Addr: "127.0.0.1:0", DatabaseURL: db, RedisURL: rurl, AdminToken: "t0ken", DataDir: "data", LogLevel: "info"}
	fileAndTrack(t, startServe(t, cfg))
}

func startServe(t *testing.T, cfg Config) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addrc, done := make(chan string, 1), make(chan struct{})
	var logs bytes.Buffer
	var err error // what serve returned, once done is closed
	go func() {
		defer close(done)
		err = serve(ctx, cfg, slog.New(slog.NewTextHandler(&logs, nil)), func(a string) { addrc <- a })
	}()
	select {
	case addr := <-addrc:
		t.Cleanup(func() {
			cancel()
			if <-done; err != nil {
				t.Errorf("serve returned %v", err)
			}
		})
		return "http://" + addr
	case <-done:
		cancel()
		t.Fatalf("serve stopped at start: %v\n%s", err, logs.String())
	case <-time.After(60 * time.Second):
		cancel()
		t.Fatal("serve did not start in 60s")
	}
	return ""
}

func fileAndTrack(t *testing.T, base string) {
	t.Helper()
	res, err := http.Get(base + "/readyz")
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("readyz: %v %v", err, res)
	}
	res.Body.Close()
	req, _ := http.NewRequest("POST", base+"/api/v1/reports",
		strings.NewReader(`{"type":"informasi","description":"Bagaimana cara mendaftar BPJS Kesehatan mandiri?"}`))
	req.Header.Set("Authorization", "Bearer t0ken")
	req.Header.Set("Content-Type", "application/json")
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var filed struct {
		TrackingCode string `json:"tracking_code"`
	}
	json.NewDecoder(res.Body).Decode(&filed)
	res.Body.Close()
	if res.StatusCode != http.StatusCreated || filed.TrackingCode == "" {
		t.Fatalf("POST /reports = %d, code %q", res.StatusCode, filed.TrackingCode)
	}
	res, err = http.Get(base + "/api/v1/reports/" + filed.TrackingCode)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("GET report: %v %v", err, res)
	}
	res.Body.Close()
}

func TestOpenRedisURLs(t *testing.T) {
	rdb, closeAll, embedded, err := openRedis("")
	if err != nil || !embedded {
		t.Fatalf("embedded: %v, %v", embedded, err)
	}
	if err := rdb.Ping(context.Background()).Err(); err != nil {
		t.Errorf("embedded Redis does not answer: %v", err)
	}
	closeAll()

	tests := []struct {
		url  string
		want string
	}{
		{"redis://127.0.0.1:6379/0", "*redis.Client"},
		{"redis://10.0.0.1:26379?master_name=lapor", "*redis.Client"},
		{"redis://10.0.0.1:7000?addr=10.0.0.2:7000&addr=10.0.0.3:7000", "*redis.ClusterClient"},
	}
	for _, tt := range tests {
		rdb, closeAll, embedded, err := openRedis(tt.url)
		if err != nil || embedded {
			t.Errorf("%s: %v, embedded %v", tt.url, err, embedded)
			continue
		}
		var got string
		switch rdb.(type) {
		case *redis.Client:
			got = "*redis.Client"
		case *redis.ClusterClient:
			got = "*redis.ClusterClient"
		}
		if got != tt.want {
			t.Errorf("%s opened %T, want %s", tt.url, rdb, tt.want)
		}
		closeAll()
	}
	if _, _, _, err := openRedis("redis://host?bogus=1"); err == nil {
		t.Error("an unknown parameter was accepted")
	}
}

// TestChatThroughAPipe holds a whole conversation through lapor chat as a
// script would, and finds the report in the database it names.
func TestChatThroughAPipe(t *testing.T) {
	dir := t.TempDir()
	cfg := Config{DatabaseURL: dir + "/chat.db", DataDir: dir + "/data", LogLevel: "error"}
	script := "jalan di depan SDN 3 Tembalang rusak parah sejak bulan lalu\nlewati\nlewati\n1\nkirim\n"
	var out bytes.Buffer
	if err := chat(context.Background(), cfg, strings.NewReader(script), &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	turns := strings.Split(strings.TrimSuffix(out.String(), "\n\n"), "\n\n")
	if len(turns) != 5 {
		t.Fatalf("%d turns of replies for 5 lines:\n%s", len(turns), out.String())
	}
	i := strings.Index(turns[4], "LPR-")
	if i < 0 {
		t.Fatalf("no tracking code in the last turn: %q", turns[4])
	}
	code := turns[4][i : i+13]
	store, err := storage.Open(cfg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	r, err := store.ReportByCode(context.Background(), code)
	if err != nil || r.RegionCode != "33.74.10" || r.Source != "api:console" { // Tembalang, Kota Semarang
		t.Errorf("report %s: %+v, %v", code, r, err)
	}
}

// TestBenchDialog runs the bench on the embedded Redis: every conversation
// completes, in at most 4 Redis round trips a message.
func TestBenchDialog(t *testing.T) {
	rdb, closeAll, _, err := openRedis(os.Getenv("LAPOR_TEST_REDIS_URL"))
	if err != nil {
		t.Fatal(err)
	}
	defer closeAll()
	r, err := benchDialog(context.Background(), rdb, 20, 4)
	if err != nil {
		t.Fatal(err)
	}
	if r.messages != 20*len(benchScript) {
		t.Errorf("%d messages handled, want %d", r.messages, 20*len(benchScript))
	}
	if per := float64(r.roundTrips) / float64(r.messages); per > 4.05 {
		t.Errorf("%.2f Redis round trips a message, want at most 4", per)
	}
	if r.stateBytes == 0 || r.stateBytes > 4096 {
		t.Errorf("state of %d bytes", r.stateBytes)
	}
}

// TestServeRegistersTheTelegramWebhook starts serve in webhook mode against
// a fake Bot API: it registers the webhook with its secret, and the webhook
// refuses an update without it.
func TestServeRegistersTheTelegramWebhook(t *testing.T) {
	var mu sync.Mutex
	var setWebhook url.Values
	fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/setWebhook") {
			r.ParseMultipartForm(1 << 20)
			mu.Lock()
			setWebhook = url.Values(r.MultipartForm.Value)
			mu.Unlock()
		}
		w.Write([]byte(`{"ok":true,"result":true}`))
	}))
	defer fake.Close()
	dir := t.TempDir()
	cfg := Config{Addr: "127.0.0.1:0", DatabaseURL: dir + "/t.db", DataDir: dir, LogLevel: "error", AdminToken: "x",
		PublicURL: "https://lapor.example.go.id", TelegramToken: "42:ABC", TelegramAPIURL: fake.URL, TelegramWebhookSecret: "hush"}
	base := startServe(t, cfg)
	mu.Lock()
	got := setWebhook
	mu.Unlock()
	if got.Get("url") != "https://lapor.example.go.id/webhooks/telegram" || got.Get("secret_token") != "hush" {
		t.Errorf("setWebhook got %v", got)
	}
	res, err := http.Post(base+"/webhooks/telegram", "application/json", strings.NewReader(`{"update_id":1}`))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("webhook without the secret: %d", res.StatusCode)
	}
}
