package fakeapi

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
)

// TMDB's status codes used by the fake, with their standard messages.
const (
	codeSuccess         = 1
	codeAuthFailed      = 3
	codeInvalidParams   = 5
	codeInvalidAPIKey   = 7
	codeServiceOffline  = 9
	codeInternalError   = 11
	codeUpdated         = 12
	codeDeleted         = 13
	codeSessionDenied   = 17
	codeValidation      = 18
	codeDateRange       = 20
	codeInvalidPage     = 22
	codeInvalidDate     = 23
	codeBackendTimeout  = 24
	codeRateLimited     = 25
	codeTooManyAppends  = 27
	codeInvalidLogin    = 30
	codeInvalidToken    = 33
	codeNotFound        = 34
	codeInvalidV4Token  = 35
	codeSessionNotFound = 37
	codeBackendDown     = 43
)

var statusMessages = map[int]string{
	codeSuccess:         "Success.",
	codeAuthFailed:      "Authentication failed: You do not have permissions to access the service.",
	codeInvalidParams:   "Invalid parameters: Your request parameters are incorrect.",
	codeInvalidAPIKey:   "Invalid API key: You must be granted a valid key.",
	codeServiceOffline:  "Service offline: This service is temporarily offline, try again later.",
	codeInternalError:   "Internal error: Something went wrong, contact TMDB.",
	codeUpdated:         "The item/record was updated successfully.",
	codeDeleted:         "The item/record was deleted successfully.",
	codeSessionDenied:   "Session denied.",
	codeValidation:      "Validation failed.",
	codeDateRange:       "Invalid date range: Should be a range no longer than 14 days.",
	codeInvalidPage:     "Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.",
	codeInvalidDate:     "Invalid date: Format needs to be YYYY-MM-DD.",
	codeBackendTimeout:  "Your request to the backend server timed out. Try again.",
	codeRateLimited:     "Your request count (41) is over the allowed limit of (40).",
	codeTooManyAppends:  "Too many append to response objects: The maximum number of remote calls is 20.",
	codeInvalidLogin:    "Invalid username and/or password: You did not provide a valid login.",
	codeInvalidToken:    "Invalid request token: The request token is either expired or invalid.",
	codeNotFound:        "The resource you requested could not be found.",
	codeInvalidV4Token:  "Invalid token.",
	codeSessionNotFound: "The requested session could not be found.",
	codeBackendDown:     "Couldn't connect to the backend server.",
}

// jsonContentType is the Content-Type TMDB sends with every JSON body.
const jsonContentType = "application/json;charset=utf-8"

// apiError is a TMDB error answer: an HTTP status and a TMDB status code.
// Handlers return it as their error; the strict server's response error
// handler writes it. (The generated error response types would drop
// "success":false, which gen.ErrorResponse marks omitempty.)
type apiError struct {
	status  int
	code    int
	message string
}

func (e *apiError) Error() string {
	return "tmdb " + strconv.Itoa(e.status) + " code " + strconv.Itoa(e.code) + ": " + e.message
}

// newAPIError returns the error with TMDB's standard message for code.
func newAPIError(status, code int) *apiError {
	return &apiError{status: status, code: code, message: statusMessages[code]}
}

// newAPIErrorf returns the error with a more specific message.
func newAPIErrorf(status, code int, message string) *apiError {
	return &apiError{status: status, code: code, message: message}
}

var (
	errInvalidAPIKey  = newAPIError(http.StatusUnauthorized, codeInvalidAPIKey)
	errAuthFailed     = newAPIError(http.StatusUnauthorized, codeAuthFailed)
	errNotFound       = newAPIError(http.StatusNotFound, codeNotFound)
	errSessionDenied  = newAPIError(http.StatusUnauthorized, codeSessionDenied)
	errInvalidToken   = newAPIError(http.StatusUnauthorized, codeInvalidToken)
	errInvalidLogin   = newAPIError(http.StatusUnauthorized, codeInvalidLogin)
	errInvalidV4Token = newAPIError(http.StatusUnauthorized, codeInvalidV4Token)
	errNoSuchSession  = newAPIError(http.StatusNotFound, codeSessionNotFound)
	errTooManyAppends = newAPIError(http.StatusBadRequest, codeTooManyAppends)
	errDateRange      = newAPIError(http.StatusUnprocessableEntity, codeDateRange)
	errInternal       = newAPIError(http.StatusInternalServerError, codeInternalError)
)

// envelope is TMDB's JSON error body, fields in the order TMDB sends them.
type envelope struct {
	StatusCode    int    `json:"status_code"`
	StatusMessage string `json:"status_message"`
	Success       bool   `json:"success"`
}

// writeAPIError writes err, or a 500 code 11 for any other error.
func writeAPIError(w http.ResponseWriter, err error) {
	var ae *apiError
	if !errors.As(err, &ae) {
		ae = errInternal
	}
	writeEnvelope(w, ae.status, ae.code, ae.message)
}

// writeEnvelope writes TMDB's error envelope with the given status.
func writeEnvelope(w http.ResponseWriter, status, code int, message string) {
	body, _ := json.Marshal(envelope{StatusCode: code, StatusMessage: message})
	h := w.Header()
	h.Set("Content-Type", jsonContentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
