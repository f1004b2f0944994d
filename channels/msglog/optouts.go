package msglog

import (
	"context"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/storage"
)

// OptOuts keeps the channels' opt-outs in storage, where they outlive Redis.
type OptOuts struct{ Store *storage.Store }

var _ channels.OptOuts = OptOuts{}

// Stop implements channels.OptOuts.
func (o OptOuts) Stop(ctx context.Context, a channels.Address) error {
	return o.Store.StopContact(ctx, a.Channel, a.ID)
}

// Resume implements channels.OptOuts.
func (o OptOuts) Resume(ctx context.Context, a channels.Address) error {
	return o.Store.ResumeContact(ctx, a.Channel, a.ID)
}

// Stopped implements channels.OptOuts.
func (o OptOuts) Stopped(ctx context.Context, a channels.Address) (bool, error) {
	return o.Store.ContactStopped(ctx, a.Channel, a.ID)
}
