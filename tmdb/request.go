package tmdb

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/tmdbfusion/tmdbfusion/internal/retry"
)

// operation names a spec operation for errors, logs and retry decisions.
type operation struct {
	id     string // operationId in api/tmdb-v3.yaml
	method string
}

// sendFunc sends one attempt of a request through the generated client.
type sendFunc func(ctx context.Context) (*http.Response, error)

// do is the client's single request path. Every operation goes through it:
// wait for the rate limiter, send, read and decode the body into out (or
// map the failure to a typed error), and retry what the policy allows.
func (c *Client) do(ctx context.Context, op operation, send sendFunc, out any) error {
	if ctx == nil {
		return errNilContext
	}
	var last attemptResult
	for n := 0; ; n++ {
		if c.limiter != nil {
			if err := c.limiter.Wait(ctx); err != nil {
				return c.waitError(ctx, op, n, err, last.err)
			}
		}
		last = c.attempt(ctx, op, send, out)
		if last.err == nil {
			return nil
		}
		d := c.retry.Decide(retry.Outcome{
			Method:          op.method,
			Retry:           n,
			StatusCode:      last.status,
			RetryAfter:      last.retryAfter,
			Err:             last.cause,
			AttemptTimedOut: last.timedOut,
		})
		if !d.Retry || outlasts(ctx, d.Wait) {
			return c.finish(last, n+1)
		}
		c.log.LogAttrs(ctx, slog.LevelWarn, "tmdb: retrying",
			slog.String("operation", op.id), slog.Int("attempt", n+1),
			slog.Int("status", last.status), slog.Duration("wait", d.Wait),
			slog.String("error", last.err.Error()))
		if err := retry.Sleep(ctx, d.Wait); err != nil {
			return c.waitError(ctx, op, n+1, err, last.err)
		}
	}
}

// call runs one operation and decodes its result.
func call[T any](ctx context.Context, c *Client, op operation, send sendFunc) (*T, error) {
	var out T
	err := c.do(ctx, op, send, &out)
	return result(&out, err)
}

// result returns out, or nil and err.
func result[T any](out *T, err error) (*T, error) {
	if err != nil {
		return nil, err
	}
	return out, nil
}

// attemptResult is the outcome of one attempt.
type attemptResult struct {
	err        error  // the error to return if this is the last attempt
	cause      error  // transport or body error, for the retry decision
	status     int    // HTTP status, 0 when no response
	retryAfter string // the Retry-After header
	timedOut   bool   // the per-attempt timeout, not the caller, ended it
}

// attempt sends once and reads the whole response within the per-attempt
// timeout.
func (c *Client) attempt(ctx context.Context, op operation, send sendFunc, out any) attemptResult {
	actx := ctx
	if c.cfg.timeout > 0 {
		// A caller's deadline that comes first already bounds the attempt.
		if dl, ok := ctx.Deadline(); !ok || time.Until(dl) > c.cfg.timeout {
			var cancel context.CancelFunc
			actx, cancel = context.WithTimeout(ctx, c.cfg.timeout)
			defer cancel()
		}
	}
	start := time.Now()
	resp, err := send(actx)
	if err != nil {
		var ue *url.Error
		if !errors.As(err, &ue) {
			// Not from the HTTP client: the request could not be built or
			// an editor refused it. Sending again would not change that.
			return attemptResult{err: fmt.Errorf("tmdb: %s: %w", op.id, c.scrubbed(err))}
		}
		return c.transportResult(ctx, actx, op, rawURLPath(ue.URL), err, rawURLSecrets(ue.URL)...)
	}
	defer closeBody(resp.Body)
	if c.log.Enabled(ctx, slog.LevelDebug) {
		c.log.LogAttrs(ctx, slog.LevelDebug, "tmdb: response",
			slog.String("operation", op.id), slog.String("method", op.method),
			slog.String("url", redactURL(requestURL(resp))), slog.Int("status", resp.StatusCode),
			slog.Duration("elapsed", time.Since(start)))
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return c.decodeSuccess(ctx, actx, op, resp, out)
	}
	apiErr := c.readAPIError(op, resp)
	return attemptResult{err: apiErr.typed(), status: resp.StatusCode, retryAfter: resp.Header.Get("Retry-After")}
}

// decodeSuccess reads a 2xx body, at most maxBody bytes, into a reused
// buffer and decodes it into out (see jsonx.BodyDecoder for why not from
// the stream).
func (c *Client) decodeSuccess(ctx, actx context.Context, op operation, resp *http.Response, out any) attemptResult {
	if out == nil {
		return attemptResult{}
	}
	br := &boundedReader{r: resp.Body, left: c.cfg.maxBody}
	err := c.bodies.Decode(br, min(resp.ContentLength, c.cfg.maxBody), out)
	switch {
	case err == nil:
		return attemptResult{}
	case br.tooLarge:
		return attemptResult{err: &DecodeError{Operation: op.id, HTTPStatus: resp.StatusCode,
			Err: fmt.Errorf("%w: over %d bytes", ErrResponseTooLarge, c.cfg.maxBody)}}
	case br.readErr != nil:
		r := c.transportResult(ctx, actx, op, urlPath(requestURL(resp)), br.readErr, requestSecrets(resp.Request)...)
		r.status = resp.StatusCode
		return r
	case errors.Is(err, io.EOF):
		err = errors.New("empty body")
	}
	return attemptResult{err: &DecodeError{Operation: op.id, HTTPStatus: resp.StatusCode,
		Err: errors.New(scrubText(err.Error(), c.errorSecrets(resp.Request)...))}}
}

// transportResult maps an error without a complete response. Its text is
// redacted: the URL of a *url.Error, and any secret a transport put in its
// own message.
func (c *Client) transportResult(ctx, actx context.Context, op operation, path string, err error, callSecrets ...string) attemptResult {
	timedOut := ctx.Err() == nil && actx.Err() != nil
	err = c.scrubbed(redactError(err), callSecrets...)
	switch {
	case timedOut && !errors.Is(err, context.DeadlineExceeded):
		err = fmt.Errorf("attempt timed out after %v: %w (%w)", c.cfg.timeout, context.DeadlineExceeded, err)
	case ctx.Err() != nil && !errors.Is(err, ctx.Err()):
		err = fmt.Errorf("%w (%w)", ctx.Err(), err)
	}
	return attemptResult{
		err:      &TransportError{Operation: op.id, Method: op.method, Path: path, Err: err},
		cause:    err,
		timedOut: timedOut,
	}
}

// scrubbed returns err with the client's secrets, and those given, removed
// from its text; the chain below it is kept for errors.Is and errors.As.
func (c *Client) scrubbed(err error, more ...string) error {
	if msg := scrubText(err.Error(), append(c.secrets(), more...)...); msg != err.Error() {
		return &redactedError{msg: msg, err: err}
	}
	return err
}

// finish stamps the attempt count on the final error.
func (c *Client) finish(last attemptResult, attempts int) error {
	switch e := last.err.(type) {
	case interface{ apiError() *APIError }: // *APIError and the types wrapping it
		e.apiError().Attempts = attempts
	case *TransportError:
		e.Attempts = attempts
	}
	return last.err
}

// waitError reports a context that ended while waiting for the limiter or
// a retry; the chain holds the context's error, the text the last failure.
// The limiter refuses at once a wait that would outlast the deadline, with
// an error of its own: that is the deadline's doing too.
func (c *Client) waitError(ctx context.Context, op operation, attempts int, err, last error) error {
	ctxErr := ctx.Err()
	if _, ok := ctx.Deadline(); ok && ctxErr == nil {
		ctxErr = context.DeadlineExceeded
	}
	if ctxErr != nil && !errors.Is(err, ctxErr) {
		err = fmt.Errorf("%w (%w)", ctxErr, err)
	}
	path := ""
	if last != nil {
		last = c.finish(attemptResult{err: last}, attempts)
		err = fmt.Errorf("%w, while waiting to retry after: %w", err, last)
		path = errorPath(last)
	}
	return &TransportError{Operation: op.id, Method: op.method, Path: path, Attempts: attempts, Err: err}
}

// errorPath is the Path of an error this file made.
func errorPath(err error) string {
	switch e := err.(type) {
	case interface{ apiError() *APIError }:
		return e.apiError().Path
	case *TransportError:
		return e.Path
	}
	return ""
}

// outlasts reports whether waiting d would run past the context's
// deadline; retrying then cannot succeed, and the caller is better served
// by the error in hand than by a deadline error after a useless wait.
func outlasts(ctx context.Context, d time.Duration) bool {
	dl, ok := ctx.Deadline()
	return ok && time.Until(dl) < d
}

// requestURL is the URL of the request a response answers, or nil when a
// transport did not record it.
func requestURL(resp *http.Response) *url.URL {
	if resp == nil || resp.Request == nil {
		return nil
	}
	return resp.Request.URL
}

// boundedReader reads at most left bytes and remembers why reading
// stopped, so a broken connection is told apart from malformed JSON.
type boundedReader struct {
	r        io.Reader
	left     int64
	readErr  error
	tooLarge bool
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.left <= 0 {
		var probe [1]byte
		n, err := b.r.Read(probe[:])
		if n > 0 {
			b.tooLarge = true
			return 0, ErrResponseTooLarge
		}
		b.note(err)
		return 0, err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	b.note(err)
	return n, err
}

func (b *boundedReader) note(err error) {
	if err != nil && err != io.EOF && b.readErr == nil {
		b.readErr = err
	}
}

// closeBody drains a little of what is left, so the connection can be
// reused, and closes the body.
func closeBody(body io.ReadCloser) {
	_, _ = io.CopyN(io.Discard, body, 64<<10)
	_ = body.Close()
}

// readAPIError reads an error body (up to 1 MiB) and builds the APIError.
func (c *Client) readAPIError(op operation, resp *http.Response) *APIError {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBodyBytes))
	e := &APIError{
		HTTPStatus: resp.StatusCode,
		Operation:  op.id,
		Method:     op.method,
		Path:       urlPath(requestURL(resp)),
		Attempts:   1,
	}
	if d, ok := retry.ParseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
		e.RetryAfter = d
	}
	e.Code, e.Message = parseErrorBody(body, c.errorSecrets(resp.Request)...)
	return e
}
