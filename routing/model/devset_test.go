package model

import (
	"strings"
	"testing"
)

// TestReadExamples reads labelled complaints and refuses a label the
// service does not know, by its line, rather than learn a sector no agency
// handles.
func TestReadExamples(t *testing.T) {
	ok := `{"id": "1", "text": "jalan rusak", "sector": "pekerjaan-umum", "type": "pengaduan", "region_code": "33.74", "agency_label": "Dinas PU"}`
	ex, err := ReadExamples(strings.NewReader("\ufeff" + ok + "\n\n" + ok + "\n"))
	if err != nil || len(ex) != 2 || ex[0].Agency != "Dinas PU" {
		t.Fatalf("ReadExamples = %+v, %v", ex, err)
	}
	for _, tt := range []struct{ line, want string }{
		{`{"id": "2", "text": "x", "sector": "jalan", "type": "pengaduan"}`, `line 2: sector "jalan" is not one of the codes of sectors.csv`},
		{`{"id": "2", "text": "x", "sector": "pekerjaan-umum", "type": "keluhan"}`, `line 2: type "keluhan" is not one of pengaduan, aspirasi, informasi`},
		{`{"id": "2", "text": "x", "type": "pengaduan"}`, `line 2: a labelled complaint needs its "sector" and "type"`},
		{`{"id": "2", "text": "x", "sector": "pekerjaan-umum", "type": "pengaduan", "region_code": "99.99"}`, `line 2: region_code "99.99" is not a Kemendagri region code`},
		{`{"id": "2", "text": `, `line 2: `},
	} {
		if _, err := ReadExamples(strings.NewReader(ok + "\n" + tt.line + "\n")); err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.line, err, tt.want)
		}
	}
}
