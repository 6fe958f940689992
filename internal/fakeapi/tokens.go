package fakeapi

import (
	"errors"
	"time"

	"github.com/tmdbfusion/tmdbfusion/gen"
	"github.com/tmdbfusion/tmdbfusion/internal/wire"
)

const (
	requestTokenTTL = 60 * time.Minute
	guestSessionTTL = 24 * time.Hour
)

// newRequestToken issues an unapproved request token (approved at once
// with WithAutoApprove) and forgets the expired ones.
func (s *Server) newRequestToken() gen.RequestToken {
	now := s.clock.Now()
	token := randomHex(20)
	s.mu.Lock()
	defer s.mu.Unlock()
	for t, rt := range s.st.tokens {
		if !now.Before(rt.expires) {
			delete(s.st.tokens, t)
		}
	}
	rt := &requestToken{expires: now.Add(requestTokenTTL), approved: s.cfg.autoApprove}
	s.st.tokens[token] = rt
	return gen.RequestToken{Success: true, ExpiresAt: wire.NewTimestamp(rt.expires), RequestToken: token}
}

// liveToken returns the request token if it exists and has not expired.
// The caller holds s.mu.
func (s *Server) liveToken(token string, now time.Time) *requestToken {
	rt := s.st.tokens[token]
	if rt == nil {
		return nil
	}
	if !now.Before(rt.expires) {
		delete(s.st.tokens, token)
		return nil
	}
	return rt
}

// Approve plays the user clicking "Approve" on TMDB's authentication page
// for requestToken. It fails when the token is unknown, expired or already
// exchanged for a session.
func (s *Server) Approve(requestToken string) error {
	now := s.clock.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	rt := s.liveToken(requestToken, now)
	if rt == nil {
		return errors.New("fakeapi: request token is unknown, expired or already used")
	}
	rt.approved = true
	return nil
}

// createSession exchanges an approved request token for a session id. A
// token is single use: exchanging it forgets it.
func (s *Server) createSession(token string) (string, *apiError) {
	now := s.clock.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	rt := s.liveToken(token, now)
	if rt == nil {
		return "", errInvalidToken
	}
	if !rt.approved {
		return "", errSessionDenied
	}
	delete(s.st.tokens, token)
	return s.openSessionLocked(s.cat.seed.Account.ID), nil
}

// openSessionLocked opens a session for the account. The caller holds s.mu.
func (s *Server) openSessionLocked(accountID int64) string {
	id := randomHex(20)
	s.st.sessions[id] = accountID
	return id
}

// approveWithLogin approves the request token when the username and
// password are the seeded account's.
func (s *Server) approveWithLogin(body gen.LoginBody) (gen.RequestToken, *apiError) {
	now := s.clock.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	rt := s.liveToken(body.RequestToken, now)
	if rt == nil {
		return gen.RequestToken{}, errInvalidToken
	}
	if !equal(body.Username, s.cat.seed.Account.Username) || !equal(body.Password, seededPassword) {
		return gen.RequestToken{}, errInvalidLogin
	}
	rt.approved = true
	return gen.RequestToken{Success: true, ExpiresAt: wire.NewTimestamp(rt.expires), RequestToken: body.RequestToken}, nil
}

// sessionFromV4 opens a session for the user access token.
func (s *Server) sessionFromV4(accessToken string) (string, *apiError) {
	if !equal(accessToken, s.userToken) {
		return "", errInvalidV4Token
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.openSessionLocked(s.cat.seed.Account.ID), nil
}

// deleteSession revokes a session.
func (s *Server) deleteSession(id string) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.st.sessions[id]; !ok {
		return errNoSuchSession
	}
	delete(s.st.sessions, id)
	return nil
}

// newGuestSession opens a guest session and forgets the expired ones.
func (s *Server) newGuestSession() gen.GuestSession {
	now := s.clock.Now()
	id := randomHex(16)
	s.mu.Lock()
	defer s.mu.Unlock()
	for g, gs := range s.st.guests {
		if !now.Before(gs.expires) {
			delete(s.st.guests, g)
		}
	}
	gs := &guestSession{expires: now.Add(guestSessionTTL), rated: ratings{}}
	s.st.guests[id] = gs
	return gen.GuestSession{Success: true, GuestSessionID: id, ExpiresAt: wire.NewTimestamp(gs.expires)}
}

// accountLocked returns the account of a session id. The caller holds s.mu.
func (s *Server) accountLocked(sessionID *string) (*accountData, *apiError) {
	if sessionID == nil || *sessionID == "" {
		return nil, errAuthFailed
	}
	accountID, ok := s.st.sessions[*sessionID]
	if !ok {
		return nil, errAuthFailed
	}
	return s.st.accounts[accountID], nil
}

// guestLocked returns a live guest session. The caller holds s.mu.
func (s *Server) guestLocked(id string) (*guestSession, *apiError) {
	gs := s.st.guests[id]
	if gs == nil {
		return nil, errAuthFailed
	}
	if !s.clock.Now().Before(gs.expires) {
		delete(s.st.guests, id)
		return nil, errAuthFailed
	}
	return gs, nil
}

// rater is who a rating or account_states call acts for: an account or a
// guest session.
type rater struct {
	account *accountData
	guest   *guestSession
}

// ratings returns the movie ratings of the rater.
func (r rater) ratings() ratings {
	if r.account != nil {
		return r.account.ratedMovies
	}
	return r.guest.rated
}

// raterLocked resolves session_id, or else guest_session_id. The caller
// holds s.mu.
func (s *Server) raterLocked(sessionID, guestID *string) (rater, *apiError) {
	if sessionID != nil && *sessionID != "" {
		a, err := s.accountLocked(sessionID)
		return rater{account: a}, err
	}
	if guestID != nil && *guestID != "" {
		g, err := s.guestLocked(*guestID)
		return rater{guest: g}, err
	}
	return rater{}, errAuthFailed
}
