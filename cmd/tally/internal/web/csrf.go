package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
)

// sessionCookie names the cookie that ties a browser to the tokens of the
// forms it was given.
const sessionCookie = "tally_session"

// csrfField is the form field that carries a form's token.
const csrfField = "csrf"

// csrfGuard refuses requests that change something unless they come from
// a page of this server: the browser must say the request is same-origin
// (Sec-Fetch-Site, or Origin matching Host), and the form must carry the
// token made for this session and this form's action, which a page of
// another site cannot read.
type csrfGuard struct {
	key    []byte // signs the tokens; new at every start
	origin *http.CrossOriginProtection
}

func newCSRFGuard() *csrfGuard {
	key := make([]byte, 32)
	rand.Read(key) // never fails (crypto/rand documents it)
	return &csrfGuard{key: key, origin: http.NewCrossOriginProtection()}
}

// token returns the token of the form posted to action by the browser of
// r, starting a session (a cookie on w) when it has none.
func (g *csrfGuard) token(w http.ResponseWriter, r *http.Request, action string) string {
	session := ""
	if c, err := r.Cookie(sessionCookie); err == nil && len(c.Value) == 43 {
		session = c.Value
	} else {
		b := make([]byte, 32)
		rand.Read(b)
		session = base64.RawURLEncoding.EncodeToString(b)
		http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: session, Path: "/",
			HttpOnly: true, SameSite: http.SameSiteStrictMode})
	}
	return g.sign(session, action)
}

func (g *csrfGuard) sign(session, action string) string {
	m := hmac.New(sha256.New, g.key)
	m.Write([]byte(session))
	m.Write([]byte{0})
	m.Write([]byte(action))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// check refuses, with a 403 error saying why, a request to action that is
// cross-origin or whose form token is not this session's. The form must
// be parsed.
func (g *csrfGuard) check(r *http.Request, action string) error {
	if err := g.origin.Check(r); err != nil {
		return &httpError{http.StatusForbidden, "refused: the request comes from another site (" + err.Error() + ")"}
	}
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return &httpError{http.StatusForbidden, "refused: no session cookie came with the form; reload the page and try again"}
	}
	got := r.PostForm.Get(csrfField)
	if got == "" || !hmac.Equal([]byte(got), []byte(g.sign(c.Value, action))) {
		return &httpError{http.StatusForbidden, "refused: the form's token is not this session's; reload the page and try again"}
	}
	return nil
}
