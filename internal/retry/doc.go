// Package retry holds the retry policy primitives used by the client's
// request path: a [Policy] with its exponential backoff, a parser for the
// Retry-After response header, the classification of one attempt's outcome
// into a [Decision], and a context-aware [Sleep].
//
// Everything here is pure apart from [Sleep] and the default jitter source,
// so the request loop stays small:
//
//	for n := 0; ; n++ {
//		resp, err := send(ctx)
//		d := policy.Decide(retry.Outcome{Method: m, Retry: n, ...})
//		if !d.Retry {
//			return resp, err
//		}
//		if err := retry.Sleep(ctx, d.Wait); err != nil {
//			return nil, err
//		}
//	}
package retry
