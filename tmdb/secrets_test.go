package tmdb

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Recognisable secrets. Every run of 12 characters of each holds a letter
// that is not a hex digit, so no pointer printed by %#v can look like one.
const (
	leakKey         = "k3y-SECRET-qrstuvwxyzQRSTUVWXYZo" // an API key: 32 characters
	leakToken       = "eyJhbGciOiJIUzI1NiJ9.t0ken-SECRET-qrstuvwxyz.QRSTUVWXYZ-ghijklmnop-tuvwxyz"
	leakSession     = "sess-SECRET-qrstuvwxyzQRSTUVWXYZghijklmno"
	leakGuest       = "guest-SECRET-qrstuvwxyzQRSTUVWXY"
	leakPassword    = "pa55w0rd-SECRET-qrstuvwxyz"
	leakCallSession = "callsess-SECRET-qrstuvwxyzQRSTUVWXYZghijk"
	leakCallGuest   = "callguest-SECRET-qrstuvwxyzQRSTU"
	leakUserToken   = "eyJhbGciOiJIUzI1NiJ9.user-SECRET-qrstuvwxyz.QRSTUVWXYZ-ghijklmnop-tuvwxyz"
)

var leakSecrets = []string{
	leakKey, leakToken, leakSession, leakGuest, leakPassword, leakCallSession, leakCallGuest, leakUserToken,
}

// leakWindow is the shortest run of a secret's characters that counts as
// a leak: a server cannot be kept from reflecting a few characters, but a
// third of an API key is too much.
const leakWindow = 12

// leakLedger collects every text the client produced and reports any that
// holds a secret, or a run of leakWindow characters of one.
type leakLedger struct {
	t     *testing.T
	texts *int
	kinds map[string]bool
}

// sub returns a ledger that reports to t and adds to l's counts.
func (l *leakLedger) sub(t *testing.T) *leakLedger {
	return &leakLedger{t: t, texts: l.texts, kinds: l.kinds}
}

// check fails the test when text holds a secret or part of one.
func (l *leakLedger) check(where, text string) {
	l.t.Helper()
	*l.texts++
	for _, s := range leakSecrets {
		if strings.Contains(text, s) {
			l.t.Errorf("%s: leaks %q in full:\n%s", where, s, text)
			continue
		}
		for i := 0; i+leakWindow <= len(s); i++ {
			if part := s[i : i+leakWindow]; strings.Contains(text, part) {
				l.t.Errorf("%s: leaks part %q of %q:\n%s", where, part, s, text)
				break
			}
		}
	}
}

// checkErr checks every way an error is printed, and notes its kind.
func (l *leakLedger) checkErr(where string, err error) {
	l.t.Helper()
	require.Error(l.t, err, where)
	l.check(where, fmt.Sprintf("%v | %+v | %#v | %s | %q", err, err, err, err, err))
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		l.check(where+" (*APIError)", fmt.Sprintf("%#v %+v", *apiErr, *apiErr))
	}
	var te *TransportError
	if errors.As(err, &te) {
		l.check(where+" (*TransportError)", fmt.Sprintf("%#v %+v %v", *te, *te, te.Err))
	}
	var de *DecodeError
	if errors.As(err, &de) {
		l.check(where+" (*DecodeError)", fmt.Sprintf("%#v %+v %v", *de, *de, de.Err))
	}
	l.kinds[errorKindName(err)] = true
}

// errorKindName names the error constructor behind err.
func errorKindName(err error) string {
	switch {
	case errors.Is(err, ErrNoSession):
		return "ErrNoSession"
	case errors.Is(err, ErrInvalidCredential):
		return "ErrInvalidCredential"
	}
	switch err.(type) {
	case *AuthenticationError:
		return "AuthenticationError"
	case *AuthorizationError:
		return "AuthorizationError"
	case *ValidationError:
		return "ValidationError"
	case *NotFoundError:
		return "NotFoundError"
	case *RateLimitError:
		return "RateLimitError"
	case *ServerError:
		return "ServerError"
	case *APIError:
		return "APIError"
	case *TransportError:
		return "TransportError"
	case *DecodeError:
		return "DecodeError"
	}
	return fmt.Sprintf("%T", err)
}

// hostileLayout is how the hostile server shapes a response.
type hostileLayout struct {
	name   string
	status int
	// body builds the body from what the request carried.
	body        func(echo []string) string
	contentType string
	// stall sends half the body and waits for the client to go away;
	// drop sends half the body and closes the connection.
	stall, drop bool
}

// hostileServer answers with whatever layout the test set, repeating back
// everything the request carried (query, Authorization header, path and
// body), the way a hostile or badly broken server might.
type hostileServer struct {
	*httptest.Server
	mu     sync.Mutex
	layout hostileLayout
}

func newHostileServer(t *testing.T) *hostileServer {
	t.Helper()
	h := &hostileServer{}
	h.Server = httptest.NewServer(http.HandlerFunc(h.serve))
	t.Cleanup(h.Close)
	return h
}

func (h *hostileServer) set(l hostileLayout) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.layout = l
}

func (h *hostileServer) serve(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	l := h.layout
	h.mu.Unlock()
	body, _ := io.ReadAll(r.Body)
	echo := []string{r.URL.RawQuery, r.Header.Get("Authorization"), r.URL.Path, string(body)}
	out := l.body(echo)
	w.Header().Set("Content-Type", cmpString(l.contentType, "application/json;charset=utf-8"))
	w.Header().Set("X-Echo", r.URL.RawQuery)
	switch {
	case l.stall, l.drop:
		w.Header().Set("Content-Length", fmt.Sprint(len(out)))
		w.WriteHeader(l.status)
		_, _ = io.WriteString(w, out[:len(out)/2])
		rc := http.NewResponseController(w)
		_ = rc.Flush()
		if l.drop {
			if conn, _, err := rc.Hijack(); err == nil {
				_ = conn.Close()
			}
			return
		}
		<-r.Context().Done()
	default:
		w.WriteHeader(l.status)
		_, _ = io.WriteString(w, out)
	}
}

func cmpString(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// envelope is TMDB's error body with message as status_message.
func envelope(code int, message string) string {
	b, _ := json.Marshal(map[string]any{"status_code": code, "status_message": message, "success": false})
	return string(b)
}

// errorLayouts are the error bodies of the hostile server, for status.
func errorLayouts(status int) []hostileLayout {
	join := func(echo []string) string { return strings.Join(echo, " | ") }
	rev := func(echo []string) string { return join(reversed(echo)) }
	ls := []hostileLayout{
		{name: "envelope", status: status, body: func(e []string) string { return envelope(7, join(e)) }},
		{name: "envelope reversed", status: status, body: func(e []string) string { return envelope(0, rev(e)) }},
		{name: "unknown code", status: status, body: func(e []string) string { return envelope(9999, join(e)) }},
		{name: "message only", status: status, body: func(e []string) string {
			b, _ := json.Marshal(map[string]string{"status_message": join(e)})
			return string(b)
		}},
		{name: "controls between characters", status: status, body: func(e []string) string {
			return envelope(7, strings.Join(strings.Split(join(e), ""), "\u0001"))
		}},
		{name: "html title", status: status, contentType: "text/html", body: func(e []string) string {
			return "<html><head><title>" + join(e) + "</title></head><body>" + rev(e) + "</body></html>"
		}},
		{name: "html body", status: status, contentType: "text/html", body: func(e []string) string {
			return "<!DOCTYPE html><html><body><h1>" + rev(e) + "</h1></body></html>"
		}},
		{name: "text", status: status, contentType: "text/plain", body: rev},
	}
	return ls
}

// paddedLayouts slide every secret the request carried across the cut of
// an excerpt at maxExcerpt runes.
func paddedLayouts(status int) []hostileLayout {
	var ls []hostileLayout
	for pad := 0; pad < maxExcerpt; pad += 5 {
		p := strings.Repeat("x", pad)
		ls = append(ls,
			hostileLayout{name: fmt.Sprintf("padded %d", pad), status: status,
				body: func(e []string) string { return envelope(3, p+strings.Join(e, " ")) }},
			hostileLayout{name: fmt.Sprintf("padded %d reversed", pad), status: status, contentType: "text/plain",
				body: func(e []string) string { return p + strings.Join(reversed(e), " ") }})
	}
	return ls
}

// reversed returns s in reverse order.
func reversed(s []string) []string {
	r := make([]string, len(s))
	for i, e := range s {
		r[len(s)-1-i] = e
	}
	return r
}

// successLayouts are 2xx responses that fail to decode or to arrive.
func successLayouts() []hostileLayout {
	join := func(echo []string) string { return strings.Join(echo, " | ") }
	return []hostileLayout{
		{name: "bare value", status: 200, body: func(e []string) string { return `{"id": ` + join(e) + `}` }},
		{name: "unterminated string", status: 200, body: func(e []string) string { return `{"title": "` + join(e) }},
		{name: "wrong type", status: 200, body: func(e []string) string {
			b, _ := json.Marshal(map[string]string{"id": join(e), "success": join(e), "status_code": join(e)})
			return string(b)
		}},
		{name: "not json", status: 200, contentType: "text/html", body: func(e []string) string { return "<p>" + join(e) }},
		{name: "broken array", status: 200, body: func(e []string) string { return `[` + strings.Join(e, ",") + `]` }},
		{name: "drop", status: 200, drop: true, body: func(e []string) string { return envelope(1, join(e)) }},
	}
}

// leakCall is one call that sends secrets.
type leakCall struct {
	name string
	call func(ctx context.Context, c *Client) error
}

// leakCalls send every secret the client knows or is given: the
// credential, the client's sessions, sessions given to one call, a
// password and a user's access token.
var leakCalls = []leakCall{
	{"Movies.Details", func(ctx context.Context, c *Client) error {
		_, err := c.Movies.Details(ctx, 550, Append(AppendAccountStates))
		return err
	}},
	{"Movies.AccountStates", func(ctx context.Context, c *Client) error {
		_, err := c.Movies.AccountStates(ctx, 550)
		return err
	}},
	{"Movies.Rate AsGuest", func(ctx context.Context, c *Client) error {
		_, err := c.Movies.Rate(ctx, 550, 8.5, AsGuest(""))
		return err
	}},
	{"Movies.Rate AsGuest(id)", func(ctx context.Context, c *Client) error {
		_, err := c.Movies.Rate(ctx, 550, 8.5, AsGuest(leakCallGuest))
		return err
	}},
	{"Movies.DeleteRating WithSession", func(ctx context.Context, c *Client) error {
		_, err := c.Movies.DeleteRating(ctx, 550, WithSession(leakCallSession))
		return err
	}},
	{"GuestSessions.RatedMovies", func(ctx context.Context, c *Client) error {
		_, err := c.GuestSessions.RatedMovies(ctx, AsGuest(leakCallGuest))
		return err
	}},
	{"Account.Details WithSession", func(ctx context.Context, c *Client) error {
		_, err := c.Account.Details(ctx, WithSession(leakCallSession))
		return err
	}},
	{"Authentication.ValidateRequestTokenWithLogin", func(ctx context.Context, c *Client) error {
		_, err := c.Authentication.ValidateRequestTokenWithLogin(ctx, "0123456789abcdef0123456789abcdef01234567", "user", leakPassword)
		return err
	}},
	{"Authentication.CreateSessionFromV4Token", func(ctx context.Context, c *Client) error {
		_, err := c.Authentication.CreateSessionFromV4Token(ctx, leakUserToken)
		return err
	}},
	{"Authentication.DeleteSession WithSession", func(ctx context.Context, c *Client) error {
		return c.Authentication.DeleteSession(ctx, WithSession(leakCallSession))
	}},
}

// TestSecretsNeverLeak walks every error path of the client with
// recognisable secrets, against a server that repeats them back, and
// checks that no error, log line or printed client holds one.
func TestSecretsNeverLeak(t *testing.T) {
	t.Parallel()
	ledger := &leakLedger{t: t, texts: new(int), kinds: map[string]bool{}}
	var logs bytes.Buffer
	var logMu sync.Mutex
	logger := slog.New(slog.NewJSONHandler(&lockedWriter{w: &logs, mu: &logMu}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	retryFast := WithRetry(RetryPolicy{MaxRetries: 1, BaseDelay: time.Millisecond, MaxDelay: time.Second, RateLimitFloor: time.Millisecond})
	fast := func(c *config) error {
		// Thousands of requests: retry at once and leave the limiter off.
		if err := retryFast(c); err != nil {
			return err
		}
		return WithRateLimit(0, 0)(c)
	}

	t.Run("bad options", func(t *testing.T) {
		ledger := ledger.sub(t)
		bad := map[string]func() (*Client, error){
			"credential with a newline": func() (*Client, error) { return New(leakKey + "\n") },
			"api key with a space":      func() (*Client, error) { return New("", WithAPIKey(" "+leakKey)) },
			"token with CRLF":           func() (*Client, error) { return New("", WithAccessToken(leakToken+"\r\n")) },
			"session id with a space":   func() (*Client, error) { return New(leakKey, WithSessionID(leakSession+" ")) },
			"guest id with a tab":       func() (*Client, error) { return New(leakKey, WithGuestSessionID("\t"+leakGuest)) },
			"user info in base URL": func() (*Client, error) {
				return New(leakKey, WithBaseURL("https://user:"+leakPassword+"@api.example.com"))
			},
			"query in base URL": func() (*Client, error) {
				return New(leakKey, WithBaseURL("https://api.example.com/?api_key="+leakKey+"&session_id="+leakSession))
			},
			"unparsable base URL": func() (*Client, error) {
				return New(leakKey, WithBaseURL("://bad/3/guest_session/"+leakGuest+"?session_id="+leakSession))
			},
			"fragment in base URL": func() (*Client, error) {
				return New(leakKey, WithBaseURL("https://api.example.com/#access_token="+leakUserToken))
			},
			"guest path on plain http": func() (*Client, error) {
				return New(leakKey, WithBaseURL("http://api.example.com/3/guest_session/"+leakGuest))
			},
			"nil logger": func() (*Client, error) { return New(leakKey, WithLogger(nil)) },
		}
		for name, build := range bad {
			c, err := build()
			assert.Nil(t, c, name)
			ledger.checkErr("New: "+name, err)
		}
		c, err := New(leakKey, WithBaseURL("http://127.0.0.1:9"), WithSessionID(leakSession))
		require.NoError(t, err)
		ledger.checkErr("SetSessionID", c.SetSessionID(leakCallSession+"\x00"))
		ledger.checkErr("SetGuestSessionID", c.SetGuestSessionID(leakCallGuest+" "))
		_, err = c.Movies.AccountStates(t.Context(), 550, WithSession(" "+leakCallSession))
		ledger.checkErr("WithSession", err)
		_, err = c.Movies.Rate(t.Context(), 550, 8.5, AsGuest(leakCallGuest+"\n"))
		ledger.checkErr("AsGuest", err)
		_, err = c.Authentication.CreateSessionFromV4Token(t.Context(), leakUserToken+" ")
		ledger.checkErr("CreateSessionFromV4Token", err)
		ledger.checkErr("CreateSession", func() error { _, err := c.Authentication.CreateSession(t.Context(), ""); return err }())
	})

	t.Run("no session", func(t *testing.T) {
		ledger := ledger.sub(t)
		c, err := New(leakKey, WithBaseURL("http://127.0.0.1:9"), WithLogger(logger))
		require.NoError(t, err)
		_, err = c.Account.Details(t.Context())
		require.ErrorIs(t, err, ErrNoSession)
		ledger.checkErr("Account.Details without a session", err)
		_, err = c.Movies.Rate(t.Context(), 550, 8.5, AsGuest(""))
		require.ErrorIs(t, err, ErrNoSession)
		ledger.checkErr("Rate AsGuest without a guest session", err)
	})

	t.Run("server gone", func(t *testing.T) {
		ledger := ledger.sub(t)
		gone := httptest.NewServer(http.NotFoundHandler())
		gone.Close()
		for _, mode := range []Option{WithAPIKey(leakKey), WithAccessToken(leakToken)} {
			c, err := New("", mode, WithBaseURL(gone.URL), WithSessionID(leakSession), WithGuestSessionID(leakGuest),
				WithLogger(logger), fast)
			require.NoError(t, err)
			for _, call := range leakCalls {
				err := call.call(t.Context(), c)
				var te *TransportError
				require.ErrorAs(t, err, &te, call.name)
				ledger.checkErr("server gone: "+call.name, err)
			}
		}
	})

	h := newHostileServer(t)
	clientsWith := func(opts ...Option) map[string]*Client {
		clients := map[string]*Client{}
		for name, mode := range map[string]Option{"api key": WithAPIKey(leakKey), "access token": WithAccessToken(leakToken)} {
			c, err := New("", append([]Option{mode, WithBaseURL(h.URL), WithSessionID(leakSession),
				WithGuestSessionID(leakGuest), WithLogger(logger), fast}, opts...)...)
			require.NoError(t, err)
			clients[name] = c
		}
		return clients
	}
	clients := clientsWith()
	run := func(t *testing.T, layouts []hostileLayout, clients map[string]*Client, calls []leakCall) {
		ledger := ledger.sub(t)
		for _, l := range layouts {
			h.set(l)
			for cname, c := range clients {
				for _, call := range calls {
					err := call.call(t.Context(), c)
					if err == nil && l.status < 300 && !l.stall && !l.drop {
						continue // a body that happens to fit the result
					}
					ledger.checkErr(fmt.Sprintf("%s, %d %s, %s", cname, l.status, l.name, call.name), err)
				}
			}
		}
	}

	t.Run("error statuses", func(t *testing.T) {
		for _, status := range []int{400, 401, 403, 404, 405, 418, 422, 429, 500, 502, 503, 504} {
			run(t, errorLayouts(status), clients, leakCalls)
		}
	})
	t.Run("secret cut at the excerpt limit", func(t *testing.T) {
		run(t, paddedLayouts(401), clients, leakCalls)
	})
	t.Run("broken success", func(t *testing.T) {
		run(t, successLayouts(), clients, leakCalls)
	})
	t.Run("stalled success", func(t *testing.T) {
		stall := hostileLayout{name: "stall", status: 200, stall: true, body: func(e []string) string {
			return envelope(1, strings.Join(e, " | "))
		}}
		run(t, []hostileLayout{stall}, clientsWith(WithTimeout(100*time.Millisecond), WithMaxRetries(0)),
			[]leakCall{leakCalls[0], leakCalls[3]})
	})

	t.Run("printed client", func(t *testing.T) {
		ledger := ledger.sub(t)
		for name, c := range clients {
			require.NoError(t, c.SetGuestSessionID(leakGuest))
			for _, v := range []any{c, *c.Movies, c.Movies, c.Account, c.Authentication, c.GuestSessions, c.Search, c.Configuration} {
				ledger.check(name+": printed", fmt.Sprint(v)+fmt.Sprintf("%+v %#v %v %s", v, v, v, v))
			}
			ledger.check(name+": printed", fmt.Sprintf("%+v %#v", c, c))
			// Verbs a pointer does not take make fmt print what it points
			// to with no Format or String method: a struct holding the
			// client must still print nothing secret.
			var h any = struct {
				c *Client
				m *MoviesService
				a AccountService
			}{c, c.Movies, *c.Account}
			//lint:ignore SA5009 every verb, apt or not, is what a careless caller might use
			ledger.check(name+": printed in a struct", fmt.Sprintf("%v %+v %#v %s %d %x %q", h, h, h, h, h, h, h))
			ledger.check(name+": String", c.String()+c.GoString())
		}
	})

	logMu.Lock()
	logged := logs.String()
	logMu.Unlock()
	ledger.check("log", logged)
	assert.Contains(t, logged, `"level":"DEBUG"`, "the debug log captured requests")
	assert.Contains(t, logged, "tmdb: retrying", "the warn log captured retries")

	for _, kind := range []string{
		"APIError", "AuthenticationError", "AuthorizationError", "ValidationError", "NotFoundError",
		"RateLimitError", "ServerError", "TransportError", "DecodeError", "ErrNoSession", "ErrInvalidCredential",
	} {
		assert.True(t, ledger.kinds[kind], "no error path produced a %s", kind)
	}
	t.Logf("checked %d texts, %d bytes of log", *ledger.texts, len(logged))
}

// lockedWriter serialises writes of the log handler.
type lockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
