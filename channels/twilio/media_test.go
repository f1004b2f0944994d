package twilio

import (
	"net/url"
	"testing"
)

func TestMediaIsFetchedOnlyFromTwilio(t *testing.T) {
	api, _ := url.Parse("http://127.0.0.1:8089")
	c := &Channel{apiURL: api}
	for raw, want := range map[string]bool{
		"https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1": true,
		"https://mms.twiliocdn.com/x":                                           true,
		"http://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1":  false, // not https
		"https://evil.example/x.jpg":                                            false,
		"https://api.twilio.com.evil.example/x":                                 false,
		"http://127.0.0.1:8089/media/ME1":                                       true, // the configured API URL
		"http://127.0.0.1:8090/media/ME1":                                       false,
	} {
		u, _ := url.Parse(raw)
		if got := c.mediaURL(u); got != want {
			t.Errorf("mediaURL(%s) = %v", raw, got)
		}
	}
	twilio, _ := url.Parse("https://api.twilio.com")
	for _, tt := range []struct {
		address string
		api     *url.URL
		ok      bool
	}{
		{"54.172.60.1:443", twilio, true},
		{"10.0.0.1:443", twilio, false},
		{"127.0.0.1:443", twilio, false},
		{"169.254.169.254:80", twilio, false}, // a cloud's metadata service
		{"[::1]:443", twilio, false},
		{"127.0.0.1:8089", api, true},
		{"127.0.0.1:8090", api, false},
	} {
		if err := publicAddress(tt.address, tt.api); (err == nil) != tt.ok {
			t.Errorf("publicAddress(%s, %s) = %v", tt.address, tt.api, err)
		}
	}
}
