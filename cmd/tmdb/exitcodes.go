package main

// Exit codes of the tmdb command. They are part of its public contract:
// scripts branch on them, so they never change meaning. Codes 3 to 6 follow
// the library's typed errors, which classify a failure by TMDB's
// status_code first and the HTTP status second.
const (
	// exitOK: the command did what was asked.
	exitOK = 0
	// exitError: any failure without a more specific code (network,
	// server error, invalid request, unexpected response, interrupted).
	exitError = 1
	// exitUsage: bad command line or missing configuration (no credential,
	// no session); nothing was sent, or what was sent was refused locally.
	exitUsage = 2
	// exitAuth: TMDB did not accept the credential or the session
	// (*tmdb.AuthenticationError: HTTP 401 and codes such as 7, 17 and 41,
	// which arrives with HTTP 422).
	exitAuth = 3
	// exitForbidden: TMDB knows the caller but does not allow the action
	// (*tmdb.AuthorizationError: HTTP 403 and codes 36, 38, 39 and 45; 36
	// arrives with HTTP 401).
	exitForbidden = 4
	// exitNotFound: the movie or other resource does not exist
	// (*tmdb.NotFoundError: HTTP 404 and codes 6, 34 and 37).
	exitNotFound = 5
	// exitRateLimited: TMDB throttled the requests and the retries did not
	// get through (*tmdb.RateLimitError: HTTP 429 and code 25).
	exitRateLimited = 6
)
