package fakeapi

import (
	"context"
	"net/http"

	"github.com/tmdbfusion/tmdbfusion/gen"
)

// errNoBody answers a write whose JSON body is missing; request validation
// normally rejects it first.
var errNoBody = newAPIErrorf(http.StatusBadRequest, codeValidation, "Validation failed: a JSON body is required.")

func success(code int) gen.StatusResponse {
	return gen.StatusResponse{StatusCode: code, StatusMessage: statusMessages[code], Success: true}
}

// ValidateKey answers that the credential is valid; the server checked it
// before the handler runs.
func (h *handlers) ValidateKey(context.Context, ValidateKeyRequestObject) (ValidateKeyResponseObject, error) {
	return ValidateKey200JSONResponse(success(codeSuccess)), nil
}

// CreateGuestSession opens a guest session valid for 24 hours.
func (h *handlers) CreateGuestSession(context.Context, CreateGuestSessionRequestObject) (CreateGuestSessionResponseObject, error) {
	return CreateGuestSession200JSONResponse(h.s.newGuestSession()), nil
}

// CreateRequestToken issues a request token valid for 60 minutes.
func (h *handlers) CreateRequestToken(context.Context, CreateRequestTokenRequestObject) (CreateRequestTokenResponseObject, error) {
	return CreateRequestToken200JSONResponse(h.s.newRequestToken()), nil
}

// CreateSession exchanges an approved request token for a session.
func (h *handlers) CreateSession(_ context.Context, req CreateSessionRequestObject) (CreateSessionResponseObject, error) {
	if req.Body == nil {
		return nil, errNoBody
	}
	id, err := h.s.createSession(req.Body.RequestToken)
	if err != nil {
		return nil, err
	}
	return CreateSession200JSONResponse(gen.Session{Success: true, SessionID: id}), nil
}

// CreateSessionFromLogin approves a request token with the username and
// password.
func (h *handlers) CreateSessionFromLogin(_ context.Context, req CreateSessionFromLoginRequestObject) (CreateSessionFromLoginResponseObject, error) {
	if req.Body == nil {
		return nil, errNoBody
	}
	rt, err := h.s.approveWithLogin(*req.Body)
	if err != nil {
		return nil, err
	}
	return CreateSessionFromLogin200JSONResponse(rt), nil
}

// CreateSessionFromV4Token turns the user access token into a session.
func (h *handlers) CreateSessionFromV4Token(_ context.Context, req CreateSessionFromV4TokenRequestObject) (CreateSessionFromV4TokenResponseObject, error) {
	if req.Body == nil {
		return nil, errNoBody
	}
	id, err := h.s.sessionFromV4(req.Body.AccessToken)
	if err != nil {
		return nil, err
	}
	return CreateSessionFromV4Token200JSONResponse(gen.Session{Success: true, SessionID: id}), nil
}

// DeleteSession revokes a session; an unknown one answers 404 code 37.
func (h *handlers) DeleteSession(_ context.Context, req DeleteSessionRequestObject) (DeleteSessionResponseObject, error) {
	if req.Body == nil {
		return nil, errNoBody
	}
	if err := h.s.deleteSession(req.Body.SessionID); err != nil {
		return nil, err
	}
	return DeleteSession200JSONResponse(gen.DeleteSessionResult{Success: true}), nil
}
