package client_test

import (
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/sp4n-lapor/lapor/api"
	"github.com/sp4n-lapor/lapor/api/client"
	"github.com/sp4n-lapor/lapor/report"
	"github.com/sp4n-lapor/lapor/reports"
	"github.com/sp4n-lapor/lapor/routing"
	"github.com/sp4n-lapor/lapor/routing/model"
	"github.com/sp4n-lapor/lapor/storage/storagetest"
)

// TestClientSpeaksTheContract files, previews and tracks through a real
// API over HTTP, as a conversation service deployed apart would.
func TestClientSpeaksTheContract(t *testing.T) {
	store := storagetest.SQLite(t)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc := reports.New(store, routing.NewRouter(model.DefaultClassifier(), store.Directory()), reports.WithLogger(quiet))
	srv := httptest.NewServer(api.New(api.Config{Store: store, Reports: svc, AdminToken: "t0ken", Logger: quiet}).Handler())
	defer srv.Close()
	c := client.New(srv.URL+"/", "t0ken")
	ctx := t.Context()

	r := report.Request{Type: report.TypePengaduan, Description: "Jalan di depan SDN 3 Tembalang rusak parah", RegionCode: "33.74",
		Source: report.SMS, Reporter: report.Contact{Channel: report.SMS, Address: "+6281234567890"}, ConversationID: "c1"}
	d, err := c.Preview(ctx, r, "id")
	if err != nil || d.Agency.ID == "" {
		t.Fatalf("Preview = %+v, %v", d, err)
	}
	r.Routing = &d
	first, err := c.File(ctx, r, "conv-c1", "id")
	if err != nil || first.Agency != d.Agency {
		t.Fatalf("File = %+v, %v; previewed %+v", first, err, d.Agency)
	}
	again, err := c.File(ctx, r, "conv-c1", "id")
	if err != nil || again.TrackingCode != first.TrackingCode {
		t.Errorf("retry = %+v, %v; first %s", again, err, first.TrackingCode)
	}
	pub, err := c.Track(ctx, first.TrackingCode, "en")
	if err != nil || pub.StatusLabel != "Awaiting verification" || pub.Agency.ID != d.Agency.ID {
		t.Errorf("Track = %+v, %v", pub, err)
	}
	if _, err := c.Track(ctx, "LPR-0000-0000", "id"); !errors.Is(err, report.ErrNotFound) {
		t.Errorf("Track of an unknown code: %v", err)
	}
	r.Description = "rusak"
	var rej *report.RejectedError
	if _, err := c.File(ctx, r, "conv-c2", "id"); !errors.As(err, &rej) || rej.Problems[0].Field != "description" {
		t.Errorf("File of a short description: %v", err)
	}
	if _, err := client.New(srv.URL, "wrong").File(ctx, r, "", "id"); !errors.As(err, &rej) || rej.Code != "unauthorized" {
		t.Errorf("File with a wrong token: %v", err)
	}
}
