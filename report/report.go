// Package report is the vocabulary of a report, declared once for every
// package that speaks of one: its types, privacy values, the channels it
// comes by, the limits of its fields, and the wire types of filing it
// (the body of POST /api/v1/reports and its answer). It imports nothing of
// the project.
package report

// Types of report.
const (
	TypePengaduan = "pengaduan" // a complaint about a public service
	TypeAspirasi  = "aspirasi"  // a suggestion
	TypeInformasi = "informasi" // a request for information
)

// Types lists the report types, in the order the conversation offers them.
var Types = []string{TypePengaduan, TypeAspirasi, TypeInformasi}

// Privacy values: anonim hides the reporter from everyone, the agency
// included; rahasia keeps the report itself from the public.
const (
	PrivacyBiasa   = "biasa"
	PrivacyAnonim  = "anonim"
	PrivacyRahasia = "rahasia"
)

// Privacies lists the privacy values, in the order the conversation offers them.
var Privacies = []string{PrivacyBiasa, PrivacyAnonim, PrivacyRahasia}

// Channels a citizen writes by. A report's source is one of them, optionally
// followed by ":<agency id>" (the agency whose widget or number it came
// through), or "api:<app>".
const (
	Telegram = "telegram"
	WhatsApp = "whatsapp"
	SMS      = "sms"
	Widget   = "widget"
)

// Channels lists the channels a report's source may name.
var Channels = []string{Telegram, WhatsApp, SMS, Widget}

// ReporterChannels lists the channels a reporter may be answered on: the
// chat channels, and those of reports an app files for its users.
var ReporterChannels = []string{Telegram, WhatsApp, SMS, Widget, "email", "web", "app"}

// Limits of a report's fields, in characters unless said otherwise.
const (
	MaxTitle       = 200
	MinDescription = 10
	MaxDescription = 20000
	MaxLocation    = 500
	MaxName        = 100
	MaxAddress     = 200
	MaxAttachments = 10
	MaxFileSize    = 20 << 20 // bytes
	MaxFileName    = 255
	MaxContentType = 100
)
