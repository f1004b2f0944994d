package twilio

import (
	"errors"

	"github.com/sp4n-lapor/lapor/channels"
	"github.com/sp4n-lapor/lapor/channels/twilio/twiliotest"
)

const (
	testSID   = twiliotest.SID
	testToken = twiliotest.Token
	publicURL = "https://lapor.example.go.id"
)

var sign = twiliotest.Sign

func errorsAs(err error, target **channels.SendError) bool { return errors.As(err, target) }
