// Package understand reads what citizens type in answer to the bot: commands,
// numbered or named choices, yes and no, and dates in everyday Indonesian or
// English. Places are the routing gazetteer's to read.
package understand

import (
	"strings"

	"github.com/sp4n-lapor/lapor/routing/text"
)

// Command is a word that works at any step.
type Command string

// Commands.
const (
	CmdNone    Command = ""
	CmdCancel  Command = "batal"
	CmdHelp    Command = "bantuan"
	CmdRestart Command = "mulai"
	CmdStatus  Command = "status"
	CmdEnglish Command = "english"
	CmdBahasa  Command = "bahasa"
)

var commandWords = map[string]Command{
	"batal": CmdCancel, "batalkan": CmdCancel, "cancel": CmdCancel, "/batal": CmdCancel, "/cancel": CmdCancel,
	"bantuan": CmdHelp, "help": CmdHelp, "tolong": CmdHelp, "/bantuan": CmdHelp, "/help": CmdHelp,
	"mulai": CmdRestart, "restart": CmdRestart, "ulang": CmdRestart, "mulai ulang": CmdRestart, "/start": CmdRestart,
	"/mulai": CmdRestart, "start": CmdRestart,
	"english": CmdEnglish, "inggris": CmdEnglish, "bahasa inggris": CmdEnglish, "/english": CmdEnglish,
	"bahasa": CmdBahasa, "indonesia": CmdBahasa, "bahasa indonesia": CmdBahasa, "/bahasa": CmdBahasa,
}

// ParseCommand recognises a command typed alone, and "status <code>"
// (returning the code as arg).
func ParseCommand(text string) (cmd Command, arg string) {
	t := strings.ToLower(strings.TrimSpace(text))
	if c, ok := commandWords[t]; ok {
		return c, ""
	}
	for _, prefix := range []string{"status", "/status", "cek", "lacak", "track"} {
		if rest, ok := strings.CutPrefix(t, prefix+" "); ok {
			rest = strings.TrimSpace(rest)
			if strings.HasPrefix(rest, "lpr") || len(strings.ReplaceAll(rest, "-", "")) == 8 {
				return CmdStatus, strings.ToUpper(rest)
			}
		}
	}
	return CmdNone, ""
}

func words(s string) []string { return text.Normalize(s) }

func joined(text string) string { return strings.Join(words(text), " ") }

var yesWords = map[string]bool{
	"ya": true, "iya": true, "y": true, "yes": true, "ok": true, "oke": true, "okay": true, "kirim": true,
	"send": true, "benar": true, "betul": true, "setuju": true, "sip": true, "lanjut": true, "siap": true, "boleh": true,
}
var noWords = map[string]bool{"tidak": true, "no": true, "n": true, "jangan": true, "bukan": true, "nope": true}

// YesNo reads a yes or a no; ok is false for anything else.
func YesNo(text string) (yes, ok bool) {
	ws := words(text)
	if len(ws) == 0 || len(ws) > 3 {
		return false, false
	}
	switch {
	case yesWords[ws[0]]:
		return true, true
	case noWords[ws[0]]:
		return false, true
	}
	return false, false
}

var skipWords = map[string]bool{
	"lewati": true, "lewat": true, "skip": true, "tidak ada": true, "tidak": true, "ga ada": true, "none": true,
	"no": true, "selesai": true, "cukup": true, "sudah": true, "done": true, "tidak usah": true, "-": true, "kosong": true,
}

// Skip reports whether the text declines an optional step.
func Skip(text string) bool {
	t := joined(text)
	return skipWords[t] || strings.TrimSpace(text) == "-"
}

// Choice reads the answer to a numbered list of options: the number ("2",
// "2.", "no 2") or one of the words of an option. It returns the 0-based
// index, or -1.
func Choice(text string, options [][]string) int {
	ws := words(text)
	for _, w := range ws {
		if n := number(w); n >= 1 && n <= len(options) && len(ws) <= 3 {
			return n - 1
		}
	}
	t := strings.Join(ws, " ")
	for i, opt := range options {
		for _, o := range opt {
			if t == o || strings.HasPrefix(t, o+" ") || strings.Contains(" "+t+" ", " "+o+" ") {
				return i
			}
		}
	}
	return -1
}

func number(w string) int {
	n := 0
	for _, r := range w {
		if r < '0' || r > '9' || n > 1000 {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}
