package api

import (
	"errors"

	"github.com/gin-gonic/gin"
	"github.com/sp4n-lapor/lapor/internal/jsonbody"
)

// readJSON reads a JSON request body into v strictly (jsonbody.Read), or
// returns false once it has answered with the error.
func (s *Server) readJSON(c *gin.Context, v any) bool {
	err := jsonbody.Read(c.Writer, c.Request, s.cfg.BodyLimit, v)
	var e *jsonbody.Error
	if errors.As(err, &e) {
		s.fail(c, e.Status, e.Code, e.MsgID, e.Data)
		return false
	}
	return true
}
