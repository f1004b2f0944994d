package dialog

import (
	"context"
	"strings"
	"testing"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/storage"
)

// exchange is one message and what the replies must say.
type exchange struct {
	say  string
	want []string // substrings of the replies, all required
	not  []string // substrings the replies must not have
}

type transcript struct {
	name    string
	channel string
	turns   []exchange
	// filed checks the report the conversation filed; nil when none must be.
	filed func(t *testing.T, r storage.Report)
}

func TestTranscripts(t *testing.T) {
	transcripts := []transcript{
		{name: "complaint, one step at a time", channel: channels.SMS, turns: []exchange{
			{say: "halo", want: []string{"Selamat datang di LAPOR!", "Apa jenis laporan", "1. Pengaduan"}},
			{say: "1", want: []string{"ceritakan apa yang terjadi"}},
			{say: "lampu jalan di depan rumah saya mati sudah dua minggu", want: []string{"Di mana kejadiannya?"}},
			{say: "kota semarang", want: []string{"Kapan kejadiannya?"}},
			{say: "2 minggu lalu", want: []string{"foto atau dokumen"}},
			{say: "lewati", want: []string{"nama Bapak/Ibu"}},
			{say: "Budi Santoso", want: []string{"ditampilkan", "1. Biasa", "2. Anonim", "3. Rahasia"}},
			{say: "2", want: []string{"Ringkasan laporan", "Jenis: Pengaduan", "Lokasi: Kota Semarang", "Waktu: 10/11/2026",
				"Privasi: Anonim", "Nama: (tidak disebutkan)", "Tujuan: Dinas Perumahan dan Kawasan Permukiman Kota Semarang", "KIRIM"}},
			{say: "kirim", want: []string{"Laporan terkirim", "LPR-", "3 hari kerja"}},
		}, filed: func(t *testing.T, r storage.Report) {
			if r.Type != "pengaduan" || r.RegionCode != "33.74" || r.Privacy != "anonim" || r.Source != "sms" ||
				r.ReporterName != "Budi Santoso" || r.ReporterChannel != "sms" || r.IncidentDate == nil ||
				r.AgencyID != "pemda-33.74-perumahan" ||
				r.IncidentDate.Format("2006-01-02") != "2026-11-10" {
				t.Errorf("filed %+v", r)
			}
		}},
		{name: "aspiration by word", channel: channels.Telegram, turns: []exchange{
			{say: "/start", want: []string{"Apa jenis laporan"}},
			{say: "aspirasi", want: []string{"ceritakan"}},
			{say: "mohon taman kota diberi lampu dan tempat sampah", want: []string{"Di mana"}},
			{say: "sby", want: []string{"Kapan"}},
			{say: "tidak tahu", want: []string{"foto"}},
			{say: "skip", want: []string{"nama"}},
			{say: "lewati", want: []string{"ditampilkan"}},
			{say: "biasa", want: []string{"Jenis: Aspirasi", "Lokasi: Kota Surabaya", "Waktu: tidak diketahui"}},
			{say: "ya", want: []string{"LPR-"}},
		}, filed: func(t *testing.T, r storage.Report) {
			if r.Type != "aspirasi" || r.RegionCode != "35.78" || r.IncidentDate != nil || r.Source != "telegram" {
				t.Errorf("filed %+v", r)
			}
		}},
		{name: "request for information", channel: channels.WhatsApp, turns: []exchange{
			{say: "p", want: []string{"jenis laporan"}},
			{say: "3", want: []string{"ceritakan"}},
			{say: "bagaimana cara mengurus akta kelahiran yang hilang", want: []string{"Di mana"}},
			{say: "jogja", want: []string{"Kapan"}},
			{say: "kemarin", want: []string{"foto"}},
			{say: "tidak ada", want: []string{"nama"}},
			{say: "Siti", want: []string{"ditampilkan"}},
			{say: "rahasia", want: []string{"Jenis: Permintaan informasi", "Kota Yogyakarta", "23/11/2026", "Privasi: Rahasia"}},
			{say: "KIRIM", want: []string{"LPR-"}},
		}, filed: func(t *testing.T, r storage.Report) {
			if r.Type != "informasi" || r.RegionCode != "34.71" || r.Privacy != "rahasia" {
				t.Errorf("filed %+v", r)
			}
		}},
		{name: "everything in the first message", channel: channels.SMS, turns: []exchange{
			{say: "jalan di depan SDN 3 Tembalang rusak parah sejak bulan lalu",
				want: []string{"Selamat datang", "foto atau dokumen"}, not: []string{"jenis laporan", "ceritakan", "Di mana", "Kapan"}},
			{say: "lewati", want: []string{"nama"}},
			{say: "lewati", want: []string{"ditampilkan"}},
			{say: "1", want: []string{"Lokasi: Tembalang, Kota Semarang", "Waktu: sejak 24/10/2026", "Jenis: Pengaduan"}},
			{say: "kirim", want: []string{"LPR-"}},
		}, filed: func(t *testing.T, r storage.Report) {
			if r.Description != "jalan di depan SDN 3 Tembalang rusak parah sejak bulan lalu" || r.RegionCode != "33.74.10" {
				t.Errorf("filed %+v", r)
			}
		}},
		{name: "corrections from the summary", channel: channels.SMS, turns: []exchange{
			{say: "sampah menumpuk di pinggir jalan dekat pasar sudah seminggu tidak diangkut", want: []string{"Di mana"}},
			{say: "kab semarang", want: []string{"Kapan"}},
			{say: "3 hari lalu", want: []string{"foto"}},
			{say: "lewati"}, {say: "lewati"},
			{say: "1", want: []string{"Kabupaten Semarang"}},
			{say: "ubah lokasi", want: []string{"Di mana"}},
			{say: "kota bandung", want: []string{"Ringkasan", "Lokasi: Kota Bandung"}, not: []string{"Kapan"}},
			{say: "ubah privasi", want: []string{"ditampilkan"}},
			{say: "3", want: []string{"Privasi: Rahasia"}},
			{say: "kirim", want: []string{"LPR-"}},
		}, filed: func(t *testing.T, r storage.Report) {
			if r.RegionCode != "32.73" || r.Privacy != "rahasia" {
				t.Errorf("filed %+v", r)
			}
		}},
		{name: "ambiguous place", channel: channels.SMS, turns: []exchange{
			{say: "pungutan liar di kantor kelurahan saat mengurus surat pindah", want: []string{"Di mana"}},
			{say: "bandung", want: []string{"beberapa daerah", "1. Kabupaten Bandung", "2. Kota Bandung"}},
			{say: "9", want: []string{"nomor pilihan"}},
			{say: "2", want: []string{"Kapan"}},
			{say: "lewati"}, {say: "lewati"}, {say: "lewati"},
			{say: "1", want: []string{"Lokasi: Kota Bandung"}},
			{say: "kirim", want: []string{"LPR-"}},
		}, filed: func(t *testing.T, r storage.Report) {
			if r.RegionCode != "32.73" {
				t.Errorf("filed region %q", r.RegionCode)
			}
		}},
		{name: "a place name two regions share, in the complaint", channel: channels.SMS, turns: []exchange{
			{say: "jalan rusak berlubang di depan pasar Bogor sudah tiga bulan", want: []string{"beberapa daerah", "1. Kabupaten Bogor", "2. Kota Bogor"}},
			{say: "1", want: []string{"Kapan"}},
			{say: "lewati"}, {say: "lewati"}, {say: "lewati"},
			{say: "1", want: []string{"Lokasi: Kabupaten Bogor"}},
			{say: "kirim", want: []string{"LPR-"}},
		}, filed: func(t *testing.T, r storage.Report) {
			if r.RegionCode != "32.01" {
				t.Errorf("filed region %q", r.RegionCode)
			}
		}},
		{name: "a shared name the complaint settles", channel: channels.SMS, turns: []exchange{
			{say: "Bupati Bogor tidak menanggapi jalan rusak berlubang di desa kami", want: []string{"Kapan"}},
			{say: "lewati"}, {say: "lewati"}, {say: "lewati"},
			{say: "1", want: []string{"Lokasi: Kabupaten Bogor"}},
			{say: "kirim", want: []string{"LPR-"}},
		}},
		{name: "cancel and restart", channel: channels.SMS, turns: []exchange{
			{say: "halo", want: []string{"jenis laporan"}},
			{say: "1", want: []string{"ceritakan"}},
			{say: "batal", want: []string{"dibatalkan"}},
			{say: "halo lagi", want: []string{"Selamat datang", "jenis laporan"}},
			{say: "2", want: []string{"ceritakan"}},
			{say: "mulai", want: []string{"Selamat datang", "jenis laporan"}},
			{say: "1", want: []string{"ceritakan"}},
		}},
		{name: "help and unclear answers", channel: channels.SMS, turns: []exchange{
			{say: "halo", want: []string{"jenis laporan"}},
			{say: "bantuan", want: []string{"BATAL, MULAI", "1. Pengaduan"}},
			{say: "entahlah", want: []string{"nomor pilihan", "1. Pengaduan"}},
			{say: "??", want: []string{"nomor pilihan"}},
			{say: "hmm", want: []string{"LEWATI", "KIRIM"}},
			{say: "lewati", want: []string{"ceritakan"}},
			{say: "rusak", want: []string{"paling sedikit 10 huruf"}},
			{say: "jembatan gantung di desa kami putus", want: []string{"Di mana"}},
			{say: "planet mars", want: []string{"belum kami kenali"}},
			{say: "kirim", want: []string{"Ringkasan", "Lokasi: tidak diketahui"}},
			{say: "kirim", want: []string{"LPR-"}},
		}, filed: func(t *testing.T, r storage.Report) {
			if r.Type != "pengaduan" || r.RegionCode != "" || r.Privacy != "biasa" {
				t.Errorf("filed %+v", r)
			}
		}},
		{name: "English", channel: channels.SMS, turns: []exchange{
			{say: "english", want: []string{"Language switched to English"}},
			{say: "hello", want: []string{"Welcome to LAPOR!", "What kind of report", "1. Complaint"}},
			{say: "1", want: []string{"tell us what happened"}},
			{say: "the street light in front of my house has been broken for weeks", want: []string{"Where did it happen"}},
			{say: "jaksel", want: []string{"When did it happen"}},
			{say: "yesterday", want: []string{"evidence"}},
			{say: "skip", want: []string{"your name"}},
			{say: "skip", want: []string{"How should this report be shown"}},
			{say: "anonymous", want: []string{"Your report", "Where: Kota Administrasi Jakarta Selatan", "Privacy: Anonymous", "SEND"}},
			{say: "send", want: []string{"Report sent", "LPR-"}},
			{say: "bahasa", want: []string{"Bahasa Indonesia"}},
		}},
	}
	for _, tt := range transcripts {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			c := h.citizen(tt.channel, "6281200000001")
			var last []channels.Outbound
			for i, x := range tt.turns {
				last = c.say(x.say)
				got := texts(last)
				for _, w := range x.want {
					if !strings.Contains(got, w) {
						t.Fatalf("turn %d %q: replies lack %q:\n%s", i+1, x.say, w, got)
					}
				}
				for _, n := range x.not {
					if strings.Contains(got, n) {
						t.Fatalf("turn %d %q: replies have %q:\n%s", i+1, x.say, n, got)
					}
				}
				for _, m := range last {
					if segs := channels.Segments(m.Text); segs > 2 || !channels.IsGSM7(m.Text) {
						t.Errorf("turn %d: a reply of %d segments (GSM-7: %v): %q", i+1, segs, channels.IsGSM7(m.Text), m.Text)
					}
				}
			}
			code := trackingCode(last)
			if tt.filed == nil {
				return
			}
			r, err := h.backend.store.ReportByCode(context.Background(), code)
			if err != nil {
				t.Fatalf("report %q not in the database: %v", code, err)
			}
			tt.filed(t, r)
		})
	}
}
