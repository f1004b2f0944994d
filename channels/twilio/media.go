package twilio

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// mediaHost says whether a host serves Twilio's media: Twilio's API and CDN,
// or the API URL the channel is configured with (a test server or a proxy).
func (c *Channel) mediaHost(host string) bool {
	return host == c.apiURL.Host || host == "api.twilio.com" || strings.HasSuffix(host, ".twilio.com") ||
		strings.HasSuffix(host, ".twiliocdn.com")
}

// mediaURL says whether a media URL may be fetched: over https from one of
// Twilio's hosts, or from the configured API URL as it is written.
func (c *Channel) mediaURL(u *url.URL) bool {
	if u.Host == c.apiURL.Host && u.Scheme == c.apiURL.Scheme {
		return true
	}
	return u.Scheme == "https" && c.mediaHost(u.Hostname())
}

// mediaClient fetches media: it follows redirects only to media URLs (and
// Go drops the credentials on a redirect to another host), and it never
// connects to a private, loopback or link-local address, but for the
// configured API URL's own host.
func mediaClient(timeout time.Duration, api *url.URL) *http.Client {
	dialer := &net.Dialer{Timeout: 10 * time.Second, Control: func(_, address string, _ syscall.RawConn) error {
		return publicAddress(address, api)
	}}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.DialContext = dialer.DialContext
	return &http.Client{Timeout: timeout, Transport: transport}
}

// publicAddress refuses a dialled address inside the network, unless it is
// the configured API URL's.
func publicAddress(address string, api *url.URL) error {
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return fmt.Errorf("twilio: media address %q is not an IP", address)
	}
	if apiPort := api.Port(); net.JoinHostPort(api.Hostname(), apiPort) == address ||
		apiPort == "" && api.Hostname() == host && (port == "443" || port == "80") {
		return nil
	}
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || ip.IsUnspecified() {
		return fmt.Errorf("twilio: media from an address inside the network (%s) refused", ip)
	}
	return nil
}

// checkRedirect keeps a media download on media URLs.
func (c *Channel) checkRedirect(r *http.Request, _ []*http.Request) error {
	if !c.mediaURL(r.URL) {
		return fmt.Errorf("media redirected to %s", r.URL.Redacted())
	}
	return nil
}
