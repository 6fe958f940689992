package tmdb_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/tmdbfusion/tmdbfusion/gen"
	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

// Each benchmark is a pair run on the same loopback server and payload:
// "facade" calls the client of this module, "baseline" a plain
// http.Client with encoding/json (see bench_baseline_test.go). `make
// bench` prints the ratios; internal/benchtable explains the table.

// BenchmarkMovieDetailsAppended fetches one movie with credits, videos and
// images appended, ~90 KB of JSON: the largest common response.
func BenchmarkMovieDetailsAppended(b *testing.B) {
	srv := newBenchServer(b, http.StatusOK, benchAppendedDetails(b))
	url := srv.URL + "/3/movie/550?append_to_response=credits%2Cvideos%2Cimages&api_key=" + benchKey
	b.Run("facade", func(b *testing.B) {
		c := newBenchFacade(b, srv)
		opt := tmdb.Append(tmdb.AppendCredits, tmdb.AppendVideos, tmdb.AppendImages)
		benchLoop(b, srv, func(ctx context.Context) error {
			m, err := c.Movies.Details(ctx, 550, opt)
			if err == nil && (m.Credits == nil || len(m.Credits.Cast) == 0) {
				err = errors.New("no credits")
			}
			return err
		})
	})
	b.Run("baseline", func(b *testing.B) {
		hc := &http.Client{}
		benchLoop(b, srv, func(ctx context.Context) error {
			var m gen.MovieDetails
			return baselineOK(baselineGet(ctx, hc, url, &m))
		})
	})
}

// BenchmarkPopularPage fetches one page of the popular movies.
func BenchmarkPopularPage(b *testing.B) {
	srv := newBenchServer(b, http.StatusOK, benchExample(b, "movie-popular-list.200.json"))
	url := srv.URL + "/3/movie/popular?api_key=" + benchKey
	b.Run("facade", func(b *testing.B) {
		c := newBenchFacade(b, srv)
		benchLoop(b, srv, func(ctx context.Context) error {
			_, err := c.Movies.Popular(ctx)
			return err
		})
	})
	b.Run("baseline", func(b *testing.B) {
		hc := &http.Client{}
		benchLoop(b, srv, func(ctx context.Context) error {
			var p gen.MoviePage
			return baselineOK(baselineGet(ctx, hc, url, &p))
		})
	})
}

// BenchmarkAccountStates reads a session's rating of a movie: a tiny body
// with the false-or-object rating.
func BenchmarkAccountStates(b *testing.B) {
	srv := newBenchServer(b, http.StatusOK, benchExample(b, "movie-account-states.200.json"))
	url := srv.URL + "/3/movie/550/account_states?api_key=" + benchKey + "&session_id=" + benchSession
	b.Run("facade", func(b *testing.B) {
		c := newBenchFacade(b, srv, tmdb.WithSessionID(benchSession))
		benchLoop(b, srv, func(ctx context.Context) error {
			_, err := c.Movies.AccountStates(ctx, 550)
			return err
		})
	})
	b.Run("baseline", func(b *testing.B) {
		hc := &http.Client{}
		benchLoop(b, srv, func(ctx context.Context) error {
			var s gen.AccountStates
			return baselineOK(baselineGet(ctx, hc, url, &s))
		})
	})
}

// BenchmarkErrorResponse401 gets TMDB's 401 envelope for a rejected key.
func BenchmarkErrorResponse401(b *testing.B) {
	srv := newBenchServer(b, http.StatusUnauthorized, benchExample(b, "authentication-validate-key.401.json"))
	url := srv.URL + "/3/authentication?api_key=" + benchKey
	b.Run("facade", func(b *testing.B) {
		c := newBenchFacade(b, srv)
		benchLoop(b, srv, func(ctx context.Context) error {
			_, err := c.Authentication.ValidateKey(ctx)
			var authErr *tmdb.AuthenticationError
			if !errors.As(err, &authErr) || authErr.Code != 7 {
				return errors.New("want an AuthenticationError with status_code 7")
			}
			return nil
		})
	})
	b.Run("baseline", func(b *testing.B) {
		hc := &http.Client{}
		benchLoop(b, srv, func(ctx context.Context) error {
			var e gen.ErrorResponse
			status, err := baselineGet(ctx, hc, url, &e)
			if err == nil && (status != http.StatusUnauthorized || e.StatusCode != 7) {
				err = errors.New("want a 401 with status_code 7")
			}
			return err
		})
	})
}

// BenchmarkRatePOST rates a movie: a POST with a JSON body, answered 201.
func BenchmarkRatePOST(b *testing.B) {
	srv := newBenchServer(b, http.StatusCreated, benchExample(b, "movie-add-rating.200.json"))
	url := srv.URL + "/3/movie/550/rating?api_key=" + benchKey + "&session_id=" + benchSession
	b.Run("facade", func(b *testing.B) {
		c := newBenchFacade(b, srv, tmdb.WithSessionID(benchSession))
		benchLoop(b, srv, func(ctx context.Context) error {
			_, err := c.Movies.Rate(ctx, 550, 8.5)
			return err
		})
	})
	b.Run("baseline", func(b *testing.B) {
		hc := &http.Client{}
		benchLoop(b, srv, func(ctx context.Context) error {
			var s gen.StatusResponse
			return baselineOK(baselinePost(ctx, hc, url, gen.RatingBody{Value: 8.5}, &s))
		})
	})
}

// benchLoop runs call b.N times and stops at the first error. Besides
// allocations it reports the TCP connections the server saw opened and
// the CPU time of the process per request ("cpu-ns/op", client and server).
func benchLoop(b *testing.B, srv *benchServer, call func(context.Context) error) {
	b.Helper()
	ctx := context.Background()
	b.ReportAllocs()
	conns := srv.conns.Load()
	cpu, cpuOK := benchProcessCPU()
	for b.Loop() {
		if err := call(ctx); err != nil {
			b.Fatal(err)
		}
	}
	benchReportCPU(b, cpu, cpuOK)
	b.ReportMetric(float64(srv.conns.Load()-conns), "conns")
}

// benchReportCPU reports the CPU time used since start per request.
func benchReportCPU(b *testing.B, start time.Duration, ok bool) {
	if end, endOK := benchProcessCPU(); ok && endOK && b.N > 0 {
		b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
	}
}

// baselineOK turns a baseline result that is not a 2xx into an error.
func baselineOK(status int, err error) error {
	if err == nil && (status < 200 || status > 299) {
		err = errors.New(http.StatusText(status))
	}
	return err
}
