package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/channels/msglog"
	"github.com/sp4n-lapor/lapor/channels/widget"
	"github.com/sp4n-lapor/lapor/storage"
)

// startWidget mounts the web chat widget (and the demo page) and starts its
// sender; the widget is always on, since it needs no provider. It returns
// what ends the widget's open streams at shutdown.
func startWidget(ctx context.Context, svc *service, log *slog.Logger, wg *sync.WaitGroup) (shutdown func(), err error) {
	trust, err := svc.cfg.trustProxy()
	if err != nil {
		return nil, err
	}
	ch := widget.New(widget.Config{
		Redis: svc.rdb, Directory: widgetDirectory(svc.store), DataDir: svc.cfg.DataDir, Logger: log,
		TrustProxy: trust, DemoAgency: svc.cfg.WidgetDemo, Log: msglog.Log{Store: svc.store}, Metrics: svc.metrics,
	}, svc.engine.Handle)
	h := ch.Handler()
	svc.api.Mount(http.MethodGet, "/widget.js", h)
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodOptions} {
		svc.api.Mount(m, "/widget/v1/*path", h)
	}
	if svc.cfg.WidgetDemo != "" {
		svc.api.Mount(http.MethodGet, "/", h)
		svc.api.Mount(http.MethodGet, "/demo.css", h)
	}
	wg.Go(func() { ch.Run(ctx) })
	svc.runSender(ctx, wg, channels.Widget, ch.Sender())
	return ch.Shutdown, nil
}

// widgetDirectory reads an agency's widget settings from the directory.
func widgetDirectory(store *storage.Store) widget.Directory {
	return func(ctx context.Context, id string) (widget.Agency, bool, error) {
		a, err := store.Agency(ctx, id)
		if errors.Is(err, storage.ErrNotFound) {
			return widget.Agency{}, false, nil
		}
		if err != nil {
			return widget.Agency{}, false, err
		}
		w := a.Widget
		return widget.Agency{
			ID: a.ID, Name: a.Name, DisplayName: w.DisplayName, LogoURL: w.LogoURL, Color: w.Color,
			Greeting: w.Greeting, Origins: w.AllowedOrigins(),
		}, true, nil
	}
}
