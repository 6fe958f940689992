package tmdb_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// The baseline is what a program does without this module: a plain
// *http.Client, encoding/json straight from the body into the same
// generated type, no retries, no rate limiter.

// baselineGet sends a GET to url and decodes the body into out.
func baselineGet(ctx context.Context, hc *http.Client, url string, out any) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Accept", "application/json")
	return baselineDo(hc, req, out)
}

// baselinePost sends in as a JSON body to url and decodes the answer into out.
func baselinePost(ctx context.Context, hc *http.Client, url string, in, out any) (int, error) {
	body, err := json.Marshal(in)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	return baselineDo(hc, req, out)
}

// baselineDo sends req and decodes the body, whatever the status, into out.
func baselineDo(hc *http.Client, req *http.Request, out any) (int, error) {
	resp, err := hc.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return resp.StatusCode, fmt.Errorf("decode: %w", err)
	}
	return resp.StatusCode, nil
}
