package tmdb

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	"github.com/tmdbfusion/tmdbfusion/gen"
)

// AuthorizeBaseURL is the page where a user approves a request token.
const AuthorizeBaseURL = "https://www.themoviedb.org/authenticate/"

// AuthenticationService creates request tokens and sessions, TMDB's
// 3-legged flow:
//
//  1. CreateRequestToken issues a token, valid for 60 minutes;
//  2. the user opens AuthorizeURL(token, redirectTo) in a browser and approves it
//     (the client never opens a browser itself);
//  3. CreateSession exchanges the approved token for a session id and sets
//     it on the client, so user-context calls carry it;
//  4. DeleteSession revokes the session at TMDB and clears it.
type AuthenticationService struct{ c *Client }

// ValidateKey checks that TMDB accepts the client's credential. A rejected
// one gives an *AuthenticationError.
func (s *AuthenticationService) ValidateKey(ctx context.Context, opts ...CallOption) (*StatusResponse, error) {
	cs, err := s.c.settings(opts)
	if err != nil {
		return nil, err
	}
	var out StatusResponse
	err = s.c.do(ctx, operation{"validateKey", http.MethodGet}, func(ctx context.Context) (*http.Response, error) {
		return s.c.raw.ValidateKey(ctx, cs.editors...)
	}, &out)
	return result(&out, err)
}

// CreateRequestToken issues a request token for the user to approve. It
// expires after 60 minutes (ExpiresAt) and can be used once.
func (s *AuthenticationService) CreateRequestToken(ctx context.Context, opts ...CallOption) (*RequestToken, error) {
	cs, err := s.c.settings(opts)
	if err != nil {
		return nil, err
	}
	var out RequestToken
	err = s.c.do(ctx, operation{"createRequestToken", http.MethodGet}, func(ctx context.Context) (*http.Response, error) {
		return s.c.raw.CreateRequestToken(ctx, cs.editors...)
	}, &out)
	return result(&out, err)
}

// AuthorizeURL returns the TMDB page where the user approves token,
// https://www.themoviedb.org/authenticate/{token}, with ?redirect_to= when
// redirectTo is not "". Show it to the user; the client opens nothing.
func (s *AuthenticationService) AuthorizeURL(token, redirectTo string) string {
	u := AuthorizeBaseURL + url.PathEscape(token)
	if redirectTo != "" {
		u += "?redirect_to=" + url.QueryEscape(redirectTo)
	}
	return u
}

// CreateSession exchanges a request token the user approved for a session
// and sets the session on the client. A token not (yet) approved, expired
// or already used gives an *AuthenticationError.
func (s *AuthenticationService) CreateSession(ctx context.Context, requestToken string, opts ...CallOption) (*Session, error) {
	if requestToken == "" {
		return nil, errors.New("tmdb: CreateSession: empty request token")
	}
	cs, err := s.c.settings(opts)
	if err != nil {
		return nil, err
	}
	var out Session
	err = s.c.do(ctx, operation{"createSession", http.MethodPost}, func(ctx context.Context) (*http.Response, error) {
		return s.c.raw.CreateSession(ctx, gen.RequestTokenBody{RequestToken: requestToken}, cs.editors...)
	}, &out)
	return s.setSession(&out, err)
}

// ValidateRequestTokenWithLogin approves a request token with the user's
// TMDB username and password, instead of the web page. TMDB recommends the
// web page; use this only where no browser is available.
func (s *AuthenticationService) ValidateRequestTokenWithLogin(ctx context.Context, requestToken, username, password string, opts ...CallOption) (*RequestToken, error) {
	if requestToken == "" || username == "" || password == "" {
		return nil, errors.New("tmdb: ValidateRequestTokenWithLogin: request token, username and password are required")
	}
	cs, err := s.c.settings(opts)
	if err != nil {
		return nil, err
	}
	body := gen.LoginBody{RequestToken: requestToken, Username: username, Password: password}
	var out RequestToken
	err = s.c.do(ctx, operation{"createSessionFromLogin", http.MethodPost}, func(ctx context.Context) (*http.Response, error) {
		return s.c.raw.CreateSessionFromLogin(ctx, body, cs.editors...)
	}, &out)
	return result(&out, err)
}

// CreateSessionWithLogin runs the whole flow with a username and password:
// a new request token, approved with the login, exchanged for a session
// that is set on the client.
func (s *AuthenticationService) CreateSessionWithLogin(ctx context.Context, username, password string, opts ...CallOption) (*Session, error) {
	tok, err := s.CreateRequestToken(ctx, opts...)
	if err != nil {
		return nil, err
	}
	if _, err := s.ValidateRequestTokenWithLogin(ctx, tok.RequestToken, username, password, opts...); err != nil {
		return nil, err
	}
	return s.CreateSession(ctx, tok.RequestToken, opts...)
}

// CreateSessionFromV4Token turns a user's v4 access token (from TMDB's v4
// authentication) into a v3 session and sets it on the client.
func (s *AuthenticationService) CreateSessionFromV4Token(ctx context.Context, accessToken string, opts ...CallOption) (*Session, error) {
	if err := validateCredential("access token", accessToken); err != nil {
		return nil, err
	}
	cs, err := s.c.settings(opts)
	if err != nil {
		return nil, err
	}
	var out Session
	err = s.c.do(ctx, operation{"createSessionFromV4Token", http.MethodPost}, func(ctx context.Context) (*http.Response, error) {
		return s.c.raw.CreateSessionFromV4Token(ctx, gen.AccessTokenBody{AccessToken: accessToken}, cs.editors...)
	}, &out)
	return s.setSession(&out, err)
}

// CreateGuestSession opens a guest session, which can rate movies without
// an account, and sets it on the client as its guest session.
func (s *AuthenticationService) CreateGuestSession(ctx context.Context, opts ...CallOption) (*GuestSession, error) {
	cs, err := s.c.settings(opts)
	if err != nil {
		return nil, err
	}
	var out GuestSession
	err = s.c.do(ctx, operation{"createGuestSession", http.MethodGet}, func(ctx context.Context) (*http.Response, error) {
		return s.c.raw.CreateGuestSession(ctx, cs.editors...)
	}, &out)
	if err != nil {
		return nil, err
	}
	if err := s.c.SetGuestSessionID(out.GuestSessionID); err != nil {
		return nil, errors.New("tmdb: createGuestSession: TMDB returned an unusable guest session id")
	}
	return &out, nil
}

// DeleteSession revokes the client's session at TMDB (or the one given
// WithSession) and clears it from the client. With no session it returns
// ErrNoSession and sends nothing.
//
// When TMDB does not know the session (a *NotFoundError), the session is
// cleared from the client all the same, being of no use, and the error is
// returned; unless an earlier attempt was lost on the way (a broken
// connection, a 5xx) and so may have deleted it: then it is a success.
// An answer of success: false is an error.
func (s *AuthenticationService) DeleteSession(ctx context.Context, opts ...CallOption) error {
	cs, err := s.c.settings(opts)
	if err != nil {
		return err
	}
	id, err := s.c.userSession(cs)
	if err != nil {
		return err
	}
	var out gen.DeleteSessionResult
	// lost records an attempt that may have deleted the session without
	// its answer reaching us: no response, a 5xx, or a 2xx whose body broke
	// (a 2xx is retried only then). A 429 means TMDB did nothing.
	lost := false
	err = s.c.do(ctx, operation{"deleteSession", http.MethodDelete}, func(ctx context.Context) (*http.Response, error) {
		resp, err := s.c.raw.DeleteSession(ctx, gen.SessionIDBody{SessionID: id}, cs.editors...)
		if err != nil || resp.StatusCode >= 500 || resp.StatusCode < 300 {
			lost = true
		}
		return resp, err
	}, &out)
	var nf *NotFoundError
	switch {
	case errors.As(err, &nf) && lost:
		// An earlier attempt got through before its answer was lost: the
		// session is gone, which is what was asked for.
	case errors.As(err, &nf):
		// TMDB does not know the session: it is of no use any more, so it
		// leaves the client too, but the caller hears about it.
		s.c.clearSession(id)
		return err
	case err != nil:
		return err
	case !out.Success:
		return errors.New("tmdb: deleteSession: TMDB answered success: false")
	}
	s.c.clearSession(id)
	return nil
}

// clearSession forgets the user session id, if it is still the client's.
func (c *Client) clearSession(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.state.sessionID == id {
		c.state.sessionID, c.state.accountID = "", 0
	}
}

// setSession stores a new session on the client.
func (s *AuthenticationService) setSession(out *Session, err error) (*Session, error) {
	if err != nil {
		return nil, err
	}
	if err := s.c.SetSessionID(out.SessionID); err != nil {
		return nil, errors.New("tmdb: TMDB returned an unusable session id")
	}
	return out, nil
}
