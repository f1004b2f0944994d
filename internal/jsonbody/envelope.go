package jsonbody

// Envelope is the shape of every error the service answers, from the REST
// API and the web widget alike: {"error": {"code", "message", "fields"}}.
type Envelope struct {
	Error Detail `json:"error"`
}

// Detail is an error: a stable code, a message in the caller's language,
// and what is wrong with each field, when fields are the trouble.
type Detail struct {
	Code    string       `json:"code"`
	Message string       `json:"message"`
	Fields  []FieldError `json:"fields,omitempty"`
}

// FieldError says what is wrong with one field of a request.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}
