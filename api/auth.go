package api

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/sp4n-lapor/lapor/storage"
)

// Kinds of callers an endpoint may allow.
const (
	scopeAdmin  = "admin"
	scopeApp    = "app"
	scopeAgency = "agency"
)

// principal is who made an authenticated request.
type principal struct {
	Scope string // storage scope: "admin", "app:<name>", "agency:<id>"
	Hint  string // the first characters of the key used; "" for the admin token
}

// actor names the principal in a report's events: its scope and which of
// its keys acted ("agency:pemda-33.74 lpr_3f9a1c").
func (p principal) actor() string {
	if p.Hint == "" {
		return p.Scope
	}
	return p.Scope + " " + p.Hint
}

// kind is the scope without its name: admin, app or agency.
func (p principal) kind() string {
	k, _, _ := strings.Cut(p.Scope, ":")
	return k
}

// name is the app name or agency id of the scope.
func (p principal) name() string {
	_, n, _ := strings.Cut(p.Scope, ":")
	return n
}

const principalKey = "lapor.principal"

// authorize lets through requests whose bearer token is the admin token or
// an API key of one of the allowed kinds: 401 without a valid one, 403 for a
// valid one of another kind.
func (s *Server) authorize(kinds ...string) gin.HandlerFunc {
	return func(c *gin.Context) {
		token, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
		token = strings.TrimSpace(token)
		if !ok || token == "" {
			s.fail(c, http.StatusUnauthorized, "unauthorized", "error_unauthorized", nil)
			return
		}
		p, err := s.principalFor(c, token)
		if errors.Is(err, storage.ErrNotFound) {
			s.fail(c, http.StatusUnauthorized, "unauthorized", "error_unauthorized", nil)
			return
		}
		if err != nil {
			s.internal(c, "authenticate", err)
			return
		}
		for _, k := range kinds {
			if p.kind() == k {
				c.Set(principalKey, p)
				c.Next()
				return
			}
		}
		s.fail(c, http.StatusForbidden, "forbidden", "error_forbidden", nil)
	}
}

func (s *Server) principalFor(c *gin.Context, token string) (principal, error) {
	if admin := s.cfg.AdminToken; admin != "" && subtle.ConstantTimeCompare([]byte(token), []byte(admin)) == 1 {
		return principal{Scope: storage.ScopeAdmin}, nil
	}
	key, err := s.cfg.Store.APIKeyByToken(c.Request.Context(), token)
	if err != nil {
		return principal{}, err
	}
	return principal{Scope: key.Scope, Hint: key.Hint}, nil
}

func caller(c *gin.Context) principal {
	p, _ := c.Get(principalKey)
	return p.(principal)
}
