package api

import (
	"context"
	"net/http"
	"sort"
	"time"

	"github.com/gin-gonic/gin"
)

// readyTimeout bounds each readiness check.
const readyTimeout = 2 * time.Second

func (s *Server) healthz(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// readyz answers 200 when every dependency answers, 503 naming those that
// do not.
func (s *Server) readyz(c *gin.Context) {
	names := make([]string, 0, len(s.cfg.Ready))
	for name := range s.cfg.Ready {
		names = append(names, name)
	}
	sort.Strings(names)
	checks, status := map[string]string{}, http.StatusOK
	for _, name := range names {
		ctx, cancel := context.WithTimeout(c.Request.Context(), readyTimeout)
		err := s.cfg.Ready[name](ctx)
		cancel()
		checks[name] = "ok"
		if err != nil {
			checks[name] = err.Error()
			status = http.StatusServiceUnavailable
			s.cfg.Logger.Warn("not ready", "dependency", name, "err", err)
		}
	}
	word := "ok"
	if status != http.StatusOK {
		word = "unavailable"
	}
	c.JSON(status, gin.H{"status": word, "checks": checks})
}
