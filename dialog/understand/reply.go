package understand

import (
	"strings"
)

// ParseReply reads "balas LPR-7K2M-9QXT <text>", a reporter's reply to the
// agency's answer sent from anywhere: the code as typed, and the text as
// written.
func ParseReply(text string) (code, reply string, ok bool) {
	fields := strings.Fields(text)
	if len(fields) < 3 {
		return "", "", false
	}
	switch strings.ToLower(fields[0]) {
	case "balas", "/balas", "reply", "/reply", "jawab":
	default:
		return "", "", false
	}
	code = fields[1]
	if !strings.HasPrefix(strings.ToLower(code), "lpr") {
		return "", "", false
	}
	rest := strings.TrimSpace(text[strings.Index(text, code)+len(code):])
	return strings.ToUpper(code), rest, rest != ""
}

// Stars reads a rating of 1 to 5 given alone ("5", "4 bintang").
func Stars(text string) (int, bool) {
	w := strings.Fields(strings.ToLower(text))
	if len(w) == 0 || len(w) > 2 || len(w) == 2 && w[1] != "bintang" && w[1] != "stars" && w[1] != "star" {
		return 0, false
	}
	if len(w[0]) == 1 && w[0][0] >= '1' && w[0][0] <= '5' {
		return int(w[0][0] - '0'), true
	}
	return 0, false
}
