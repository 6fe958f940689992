package tmdb

import (
	"context"
	"net/http"
)

// userSession picks the session a user-context call carries: the call's
// WithSession, else the client's session. It fails with ErrNoSession, before
// anything is sent, when there is none.
func (c *Client) userSession(s callSettings) (string, error) {
	if s.sessionID != "" {
		return s.sessionID, nil
	}
	if id := c.SessionID(); id != "" {
		return id, nil
	}
	return "", ErrNoSession
}

// guestSession picks the guest session of a call made AsGuest or of a
// guest-session list.
func (c *Client) guestSession(s callSettings) (string, error) {
	if s.guestSessionID != "" {
		return s.guestSessionID, nil
	}
	if id := c.GuestSessionID(); id != "" {
		return id, nil
	}
	return "", ErrNoSession
}

// userEditors returns the request editors of a call that needs the user
// session: the session_id hook, then the call's own editors.
func (c *Client) userEditors(s callSettings) ([]RequestEditorFn, error) {
	id, err := c.userSession(s)
	if err != nil {
		return nil, err
	}
	return append([]RequestEditorFn{queryEditor("session_id", id)}, s.editors...), nil
}

// eitherSessionEditors returns the editors of a call that a user session
// or a guest session can make (ratings, account states): the guest session
// when the call is AsGuest or the client has only a guest session,
// otherwise the user session.
func (c *Client) eitherSessionEditors(s callSettings) ([]RequestEditorFn, error) {
	if !s.asGuest {
		if id, err := c.userSession(s); err == nil {
			return append([]RequestEditorFn{queryEditor("session_id", id)}, s.editors...), nil
		}
	}
	id, err := c.guestSession(s)
	if err != nil {
		return nil, err
	}
	return append([]RequestEditorFn{queryEditor("guest_session_id", id)}, s.editors...), nil
}

// queryEditor sets one query parameter on the request.
func queryEditor(key, value string) RequestEditorFn {
	return func(_ context.Context, req *http.Request) error {
		setQuery(req, key, value)
		return nil
	}
}
