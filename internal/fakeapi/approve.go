package fakeapi

import (
	"html/template"
	"net/http"
)

// fakeRoutes serves the routes that exist only on the fake, so that users
// of a standalone fake can approve request tokens from outside:
//
//	POST /fake/approve/{request_token}  → 200 {"success":true}, or 404 code 33
//	GET  /authenticate/{request_token}  → a small HTML page; opening it approves
//
// The second mirrors https://www.themoviedb.org/authenticate/{token}, the
// page a real client sends its user to. Neither needs a credential.
func (s *Server) fakeRoutes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /fake/approve/{request_token}", func(w http.ResponseWriter, r *http.Request) {
		if err := s.Approve(r.PathValue("request_token")); err != nil {
			writeEnvelope(w, http.StatusNotFound, codeInvalidToken, statusMessages[codeInvalidToken])
			return
		}
		w.Header().Set("Content-Type", jsonContentType)
		_, _ = w.Write([]byte(`{"success":true}`))
	})
	mux.HandleFunc("GET /authenticate/{request_token}", func(w http.ResponseWriter, r *http.Request) {
		page := approvalPage{Approved: s.Approve(r.PathValue("request_token")) == nil}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if !page.Approved {
			w.WriteHeader(http.StatusNotFound)
		}
		_ = approvalTemplate.Execute(w, page)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { writeAPIError(w, errNotFound) })
	return mux
}

type approvalPage struct{ Approved bool }

var approvalTemplate = template.Must(template.New("approve").Parse(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Fake TMDB – Approve</title></head>
<body>
{{if .Approved}}<h1>Request token approved</h1>
<p>The application can now create a session with it. You may close this page.</p>
{{else}}<h1>Request token not approved</h1>
<p>The request token is unknown, expired or already used.</p>
{{end}}</body>
</html>
`))
