package dialog

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/report"
)

// TestRefusedAtTheStep: what the filing would refuse, the conversation
// refuses at the step it is asked, says why, and the report is filed.
func TestRefusedAtTheStep(t *testing.T) {
	h := newHarness(t)
	c := h.citizen(channels.WhatsApp, "6281200000042")
	c.say("halo")
	c.say("1")
	if got := texts(c.say("jalan\x00 rusak di depan pasar")); !strings.Contains(got, "tidak bisa kami simpan") ||
		!strings.Contains(got, "ceritakan apa yang terjadi") {
		t.Fatalf("a NUL byte: %s", got)
	}
	c.say("jalan rusak parah di depan pasar")
	long := "Kota Semarang " + strings.Repeat("dekat pasar ", 50)
	if got := texts(c.say(long)); !strings.Contains(got, fmt.Sprint("paling banyak ", report.MaxLocation, " huruf")) {
		t.Fatalf("a place of %d characters: %s", len(long), got)
	}
	if got := texts(c.say("Kota Semarang")); !strings.Contains(got, "Kapan") {
		t.Fatalf("the place again: %s", got)
	}
	c.say("kemarin")
	files := make([]channels.Attachment, 12)
	for i := range files {
		files[i] = channels.Attachment{ContentType: "image/jpeg", Size: 1000, SHA256: fmt.Sprintf("%064x", i+1)}
	}
	got := texts(c.send(channels.Inbound{Attachments: files}))
	if !strings.Contains(got, "paling banyak 10 berkas") || !strings.Contains(got, "(10 berkas)") {
		t.Fatalf("12 photos: %s", got)
	}
	c.say("lewati")
	c.say("lewati")
	if got := texts(c.say("1")); !strings.Contains(got, "Bukti: 10 berkas") {
		t.Fatalf("summary: %s", got)
	}
	r := h.filed(t, c.say("kirim"))
	if r.LocationText != "Kota Semarang" || r.Description != "jalan rusak parah di depan pasar" {
		t.Errorf("filed %+v", r)
	}
}

// TestChangeRoutesAgain: a change of place after the summary routes the
// report again, and it is filed where the new summary says.
func TestChangeRoutesAgain(t *testing.T) {
	h := newHarness(t)
	c := h.citizen(channels.Telegram, "6281200000043")
	summary := converse(t, c, "halo", "lampu jalan di depan rumah saya mati sudah dua minggu", "Kota Semarang")
	if !strings.Contains(summary, "Kota Semarang") {
		t.Fatalf("summary: %s", summary)
	}
	c.say("ubah lokasi")
	summary = texts(c.say("Kota Surabaya"))
	if !strings.Contains(summary, "Lokasi: Kota Surabaya") || !strings.Contains(summary, "Tujuan: Dinas") ||
		!strings.Contains(summary, "Kota Surabaya\n") {
		t.Fatalf("summary after the change: %s", summary)
	}
	r := h.filed(t, c.say("kirim"))
	if !strings.HasPrefix(r.AgencyID, "pemda-35.78") || r.RegionCode != "35.78" {
		t.Errorf("filed to %s in %s, want Kota Surabaya's", r.AgencyID, r.RegionCode)
	}
}
