package dialog

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sp4n-lapor/lapor/channels"
)

// TestMessyRealComplaints opens conversations with 30 real complaints from
// LAPOR! 2017 as they were typed: each is taken as the story, and the rest
// of the conversation files it unchanged.
func TestMessyRealComplaints(t *testing.T) {
	h := newHarness(t)
	for _, row := range devComplaints(t) {
		c := h.citizen(channels.SMS, "62811"+row.ID)
		first := texts(c.say(row.Text))
		if strings.Contains(first, "ceritakan apa yang terjadi") {
			t.Errorf("%s: asked for the story it was given: %q", row.ID, row.Text)
			continue
		}
		var last []channels.Outbound
		for turns := 0; turns < 8; turns++ {
			last = c.say(answerFor(texts(last)+first, row.Text, "kota semarang"))
			first = ""
			if trackingCode(last) != "" {
				break
			}
		}
		code := trackingCode(last)
		if code == "" {
			t.Errorf("%s: no tracking code after 8 turns; last replies:\n%s", row.ID, texts(last))
			continue
		}
		r, err := h.backend.store.ReportByCode(context.Background(), code)
		if err != nil || r.Description != strings.TrimSpace(row.Text) {
			t.Errorf("%s: filed %q, %v", row.ID, r.Description, err)
		}
	}
}

// answerFor answers whatever the bot last asked as a hurried citizen would.
// story and where are the answers to "what happened?" and "where?".
func answerFor(prompt, story, where string) string {
	switch {
	case strings.Contains(prompt, "Ringkasan"):
		return "kirim"
	case strings.Contains(prompt, "beberapa daerah"):
		return "1"
	case strings.Contains(prompt, "ceritakan apa yang terjadi"):
		return story
	case strings.Contains(prompt, "Di mana"), strings.Contains(prompt, "belum kami kenali"):
		return where
	case strings.Contains(prompt, "ditampilkan"), strings.Contains(prompt, "jenis laporan"):
		return "1"
	}
	return "lewati"
}

func TestSameMessageTwice(t *testing.T) {
	h := newHarness(t)
	c := h.citizen(channels.Telegram, "1001")
	in := channels.Inbound{ID: "update-77", Text: "halo"}
	first := c.send(in)
	again := c.send(in)
	if len(first) == 0 || len(again) != 0 {
		t.Fatalf("first delivery got %d replies, the retry %d; want some, then none", len(first), len(again))
	}
	if got := texts(c.say("1")); !strings.Contains(got, "ceritakan") {
		t.Errorf("the conversation did not go on after the retry: %s", got)
	}
}

func TestSameMessageInParallel(t *testing.T) {
	h := newHarness(t)
	c := h.citizen(channels.WhatsApp, "6281300000009")
	c.say("halo")
	in := channels.Inbound{ID: "SM-parallel-" + h.ns, From: c.addr, Text: "1"}
	var wg sync.WaitGroup
	errs := make(chan error, 10)
	for range 10 {
		wg.Go(func() { errs <- h.engine.Handle(context.Background(), in) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	replies := c.replies()
	if len(replies) != 1 || !strings.Contains(replies[0].Text, "ceritakan") {
		t.Fatalf("10 deliveries of one message gave %d replies: %s", len(replies), texts(replies))
	}
}

// TestParallelConversations runs 50 citizens at once; none may see
// another's state.
func TestParallelConversations(t *testing.T) {
	h := newHarness(t)
	const n = 50
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			addr := h.address(channels.SMS, fmt.Sprintf("62812%05d", i))
			story := fmt.Sprintf("laporan nomor %d tentang jalan rusak di kampung kami", i)
			for j, text := range []string{story, "kota semarang", "kemarin", "lewati", fmt.Sprintf("Warga %d", i), "2", "kirim"} {
				err := h.engine.Handle(context.Background(), channels.Inbound{ID: fmt.Sprintf("%s-%d", addr.ID, j), From: addr, Text: text})
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	rec := &recorder{}
	if err := h.outbox.Drain(context.Background(), channels.SMS, rec); err != nil {
		t.Fatal(err)
	}
	codes := map[string]string{}
	for _, m := range rec.sent {
		if code := trackingCode([]channels.Outbound{m}); code != "" {
			codes[m.To.ID] = code
		}
	}
	if len(codes) != n {
		t.Fatalf("%d of %d conversations got a tracking code", len(codes), n)
	}
	for i := range n {
		id := h.address(channels.SMS, fmt.Sprintf("62812%05d", i)).ID
		r, err := h.backend.store.ReportByCode(context.Background(), codes[id])
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("laporan nomor %d tentang", i); !strings.HasPrefix(r.Description, want) ||
			r.ReporterName != fmt.Sprintf("Warga %d", i) || r.ReporterAddress != id {
			t.Errorf("citizen %d's report: %q by %q at %q", i, r.Description, r.ReporterName, r.ReporterAddress)
		}
	}
}

// TestBackendDownQueuesTheReport: the citizen is told the report is queued,
// and gets the tracking code once the backend is back.
func TestBackendDownQueuesTheReport(t *testing.T) {
	h := newHarness(t)
	c := h.citizen(channels.SMS, "6281400000001")
	for _, text := range []string{"air PDAM mati tiga hari di Kecamatan Tembalang", "kemarin", "lewati", "lewati", "1"} {
		c.say(text)
	}
	h.backend.down.Store(true)
	if got := texts(c.say("kirim")); !strings.Contains(got, "antrean") {
		t.Fatalf("backend down: %s", got)
	}
	if got := texts(c.say("halo?")); !strings.Contains(got, "masih dalam antrean") {
		t.Errorf("while queued: %s", got)
	}
	ctx := context.Background()
	h.advance(time.Minute)
	if err := h.engine.RetryFilings(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := h.engine.Pending(ctx); n != 1 {
		t.Fatalf("%d reports pending while the backend is down, want 1", n)
	}
	h.backend.down.Store(false)
	h.advance(time.Minute)
	if err := h.engine.RetryFilings(ctx); err != nil {
		t.Fatal(err)
	}
	got := c.replies()
	code := trackingCode(got)
	if code == "" {
		t.Fatalf("no tracking code once the backend is back: %s", texts(got))
	}
	if n, _ := h.engine.Pending(ctx); n != 0 {
		t.Errorf("%d reports still pending", n)
	}
	if n, _ := h.backend.store.CountReports(ctx); n != 1 {
		t.Errorf("%d reports filed, want 1", n)
	}
	if got := texts(c.say("halo")); !strings.Contains(got, "Selamat datang") {
		t.Errorf("after filing, a new message starts a new report: %s", got)
	}
}

func TestReturningCitizenIsOfferedToContinue(t *testing.T) {
	h := newHarness(t)
	c := h.citizen(channels.Telegram, "2002")
	c.say("halo")
	c.say("1")
	c.say("antrian pembuatan paspor sangat panjang dan tidak jelas")
	h.advance(26 * time.Hour)
	got := texts(c.say("halo"))
	if !strings.Contains(got, "belum selesai") || !strings.Contains(got, "1. Lanjutkan") {
		t.Fatalf("returning citizen: %s", got)
	}
	if got := texts(c.say("1")); !strings.Contains(got, "Di mana") {
		t.Errorf("continue: %s", got)
	}
}

func TestStatusCommand(t *testing.T) {
	h := newHarness(t)
	c := h.citizen(channels.SMS, "6281500000001")
	for _, text := range []string{"lampu lalu lintas di perempatan mati total sejak kemarin", "kota medan", "lewati", "lewati", "1"} {
		c.say(text)
	}
	code := trackingCode(c.say("kirim"))
	got := texts(c.say("status " + strings.ToLower(code)))
	if !strings.Contains(got, code) || !strings.Contains(got, "Menunggu verifikasi") {
		t.Errorf("status: %s", got)
	}
	if got := texts(c.say("status LPR-0000-0000")); !strings.Contains(got, "tidak ditemukan") {
		t.Errorf("unknown code: %s", got)
	}
}

func TestLocationPinAndEvidence(t *testing.T) {
	h := newHarness(t)
	c := h.citizen(channels.WhatsApp, "6281600000001")
	c.say("halo")
	c.say("1")
	if got := c.say("trotoar rusak dan membahayakan pejalan kaki"); len(got) == 0 || got[len(got)-1].LocationButton == "" {
		t.Fatalf("the where question offers no location button: %+v", got)
	}
	got := texts(c.send(channels.Inbound{Location: &channels.Location{Latitude: -7.0051, Longitude: 110.4381}}))
	if !strings.Contains(got, "kabupaten/kota mana") {
		t.Fatalf("after a bare pin: %s", got)
	}
	c.say("semarang kota")
	c.say("tidak tahu")
	file := channels.Attachment{ContentType: "image/jpeg", Size: 52133, SHA256: strings.Repeat("ab", 32), FileName: "trotoar.jpg"}
	if got := texts(c.send(channels.Inbound{Attachments: []channels.Attachment{file}})); !strings.Contains(got, "1 berkas") {
		t.Fatalf("after a photo: %s", got)
	}
	c.say("selesai")
	c.say("lewati")
	if got := texts(c.say("1")); !strings.Contains(got, "Bukti: 1 berkas") {
		t.Fatalf("summary: %s", got)
	}
	code := trackingCode(c.say("kirim"))
	r, err := h.backend.store.ReportByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	if r.Latitude == nil || *r.Latitude != -7.0051 || r.RegionCode != "33.74" {
		t.Errorf("filed %+v", r)
	}
}

// Through a Kabupaten Bogor widget, "Bogor" is Kabupaten Bogor: no question.
func TestTheWidgetsAgencySettlesASharedName(t *testing.T) {
	h := newHarness(t)
	c := h.citizen(channels.Widget, "browser-1")
	text := "jalan rusak berlubang di depan pasar Bogor sudah tiga bulan"
	got := texts(c.send(channels.Inbound{Text: text, Via: "pemda-32.01"}))
	if strings.Contains(got, "beberapa daerah") || !strings.Contains(got, "Kapan") {
		t.Fatalf("through the Kabupaten Bogor widget: %s", got)
	}
	for range 3 {
		c.send(channels.Inbound{Text: "lewati", Via: "pemda-32.01"})
	}
	if got := texts(c.send(channels.Inbound{Text: "1", Via: "pemda-32.01"})); !strings.Contains(got, "Lokasi: Kabupaten Bogor") {
		t.Errorf("summary: %s", got)
	}
	other := h.citizen(channels.Widget, "browser-2")
	if got := texts(other.send(channels.Inbound{Text: text, Via: "pemda-33.74"})); !strings.Contains(got, "beberapa daerah") {
		t.Errorf("through a Kota Semarang widget, Bogor is still asked about: %s", got)
	}
}
