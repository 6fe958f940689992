// Package fakeapi is an in-memory fake of the TMDB v3 API subset described by
// api/tmdb-v3.yaml, for tests, examples and the `tmdb fake` command.
//
// A [Server] is an [http.Handler]: mount it on httptest.NewServer (or use the
// public wrapper in tmdb/tmdbtest) and point a client at its URL. It
// implements the generated [StrictServerInterface], so it cannot drift from
// the spec without failing to compile, and it validates every request with
// kin-openapi before a handler sees it.
//
// The fake behaves like TMDB where clients tend to trip up:
//
//   - Credentials: every /3/ request needs "Authorization: Bearer <token>"
//     (the read access token, or the user access token) or
//     "?api_key=<key>". A missing or wrong credential answers 401 with
//     status_code 7; when both are sent, both must be valid.
//   - Errors use TMDB's envelope {"status_code","status_message","success":false}
//     with Content-Type application/json;charset=utf-8. An unknown path or a
//     method the path does not support answers 404 code 34.
//   - Request validation: a page outside 1..500 answers 400 code 22; a
//     malformed start_date or end_date 400 code 23; an invalid JSON body 400
//     code 18; any other invalid query parameter 422 code 5; a path id that
//     is not a positive integer 404 code 34. Messages name the parameter and
//     the rule broken, never the value sent.
//   - Request tokens are 40 hex characters, valid for 60 minutes on the
//     server's [Clock] and single use. createSession with a token the user
//     has not approved answers 401 code 17; an unknown, expired or already
//     used token 401 code 33. validate_with_login with the seeded account's
//     [Server.Login] approves the token (wrong login: 401 code 30).
//     session/convert/4 accepts [Server.UserAccessToken] (otherwise 401 code
//     35). Sessions are 40 hex characters and last until deleted; guest
//     sessions are 32 hex characters and expire after 24 hours.
//   - deleteSession revokes the session (200 {"success":true}); an unknown
//     session id answers 404 code 37.
//   - User-context calls (/3/account..., account_states, rating) need a
//     session_id; a missing, unknown or revoked one answers 401 code 3.
//     account_states and rating also accept a guest_session_id (a session_id
//     wins when both are sent). An account id in the path that is not the
//     session's account also answers 401 code 3.
//   - Movies: an unknown id answers 404 code 34. append_to_response takes at
//     most 20 names (more: 400 code 27); unknown names are ignored; appended
//     parts carry no id field. account_states is appended only when a
//     session_id or guest_session_id is sent. Ratings are 0.5 to 10 in steps
//     of 0.5 (otherwise 400 code 18). Rating answers 201 with code 1, or code
//     12 when it replaces a rating; deleting one answers 200 code 13, also
//     when there was none. Favourite and watchlist writes answer 201 code 1
//     when added, 201 code 12 when already present and 200 code 13 when
//     removed.
//   - Lists are 20 a page (100 for /3/movie/changes); a page past the end
//     has empty results and the real totals; an empty list reports
//     total_pages 1. Account lists are ordered by when items were added,
//     created_at.asc unless sort_by says otherwise.
//   - With language or include_image_language, images keep only the named
//     languages ("null" keeps images without text); videos likewise with
//     language and include_video_language. Other translated fields are not
//     translated.
//
// Faults ([Server.InjectFault]) make the next matching requests fail in
// controlled ways (rate limiting, 5xx, HTML error pages, broken or slow
// bodies, dropped connections) so that a client's retry and timeout handling
// can be tested deterministically.
package fakeapi
