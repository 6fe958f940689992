package main

// Exit codes of the tmdb command. They are part of its public contract:
// scripts branch on them, so they never change meaning.
const (
	// exitOK: the command did what was asked.
	exitOK = 0
	// exitError: any failure without a more specific code (network,
	// server error, invalid request, unexpected response, interrupted).
	exitError = 1
	// exitUsage: bad command line or missing configuration (no credential,
	// no session); nothing was sent, or what was sent was refused locally.
	exitUsage = 2
	// exitAuth: TMDB did not accept the credential or the session (HTTP
	// 401, *tmdb.AuthenticationError).
	exitAuth = 3
	// exitForbidden: TMDB knows the caller but does not allow the action
	// (HTTP 403, *tmdb.AuthorizationError).
	exitForbidden = 4
	// exitNotFound: the movie or other resource does not exist (HTTP 404,
	// *tmdb.NotFoundError).
	exitNotFound = 5
	// exitRateLimited: TMDB throttled the requests and the retries did not
	// get through (HTTP 429, *tmdb.RateLimitError).
	exitRateLimited = 6
)
