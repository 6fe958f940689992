package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
)

// shutdownGrace is how long a stopping fake waits for requests in flight.
const shutdownGrace = 5 * time.Second

// fakeCommand is "tmdb fake": the in-memory fake TMDB as a local server,
// for testing applications against it.
func fakeCommand() command {
	return command{
		name:     "fake",
		synopsis: "[--addr 127.0.0.1:8080] [--auto-approve=false]",
		summary:  "serve a local fake TMDB, for testing your own apps",
		group:    groupTry,
		help: `Serves an in-memory fake of TMDB's v3 API until interrupted (Ctrl-C or
SIGTERM), and prints its base URL, an API key and a read access token it
accepts. Its catalogue holds a few movies; 550 (Fight Club) is complete.
Request tokens are approved as soon as they are created; with
--auto-approve=false, approve one by opening <base URL>/authenticate/<token>
or with POST <base URL>/fake/approve/<token>. Everything is lost when it
stops.`,
		setup: func(fs *flag.FlagSet) runFunc {
			addr := "127.0.0.1:8080"
			autoApprove := true
			fs.StringVar(&addr, "addr", addr, "address to listen on")
			fs.BoolVar(&autoApprove, "auto-approve", autoApprove, "approve request tokens at once")
			return func(ctx context.Context, a *app, args []string) error {
				if err := noArgs(args); err != nil {
					return err
				}
				var opts []fakeapi.Option
				if autoApprove {
					opts = append(opts, fakeapi.WithAutoApprove())
				}
				fake := fakeapi.New(opts...)
				srv, err := serveFake(addr, fake)
				if err != nil {
					return err
				}
				printFakeBanner(a, srv, fake, autoApprove)
				err = srv.wait(ctx)
				fmt.Fprintln(a.stderr, "fake TMDB stopped")
				return err
			}
		},
	}
}

// fakeServer is a fake TMDB served over HTTP.
type fakeServer struct {
	http     *http.Server
	url      string // base URL for a local client
	loopback bool
	served   chan error
}

// serveFake starts serving h on addr ("127.0.0.1:0" picks a free port).
func serveFake(addr string, h http.Handler) (*fakeServer, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("starting the fake: %w", err)
	}
	tcp, _ := ln.Addr().(*net.TCPAddr)
	s := &fakeServer{
		http:   &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second},
		url:    "http://" + ln.Addr().String(),
		served: make(chan error, 1),
	}
	if tcp != nil {
		ip := tcp.IP
		s.loopback = ip.IsLoopback()
		if ip.IsUnspecified() {
			// Listening on every interface: loopback reaches it too.
			ip = net.IPv4(127, 0, 0, 1)
			if tcp.IP.To4() == nil {
				ip = net.IPv6loopback
			}
			s.url = "http://" + net.JoinHostPort(ip.String(), fmt.Sprint(tcp.Port))
		}
	}
	go func() { s.served <- s.http.Serve(ln) }()
	return s, nil
}

// wait serves until ctx ends, then shuts down gracefully.
func (s *fakeServer) wait(ctx context.Context) error {
	select {
	case err := <-s.served:
		return fmt.Errorf("the fake stopped serving: %w", err)
	case <-ctx.Done():
	}
	return s.close()
}

// close shuts the server down, letting requests in flight finish.
func (s *fakeServer) close() error {
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err := s.http.Shutdown(sctx)
	if serveErr := <-s.served; !errors.Is(serveErr, http.ErrServerClosed) && err == nil {
		err = serveErr
	}
	if err != nil {
		return fmt.Errorf("stopping the fake: %w", err)
	}
	return nil
}

// printFakeBanner tells how to use a running fake.
func printFakeBanner(a *app, srv *fakeServer, fake *fakeapi.Server, autoApprove bool) {
	w := a.stdout
	user, password := fake.Login()
	fmt.Fprintf(w, "Fake TMDB listening on %s\n\n", srv.url)
	t := newTable(w)
	fmt.Fprintf(t, "  base URL:\t%s\n", srv.url)
	fmt.Fprintf(t, "  API key:\t%s\n", fake.APIKey())
	fmt.Fprintf(t, "  read access token:\t%s\n", fake.AccessToken())
	fmt.Fprintf(t, "  login:\t%s / %s (for validate_with_login)\n", user, password)
	_ = t.Flush()
	fmt.Fprintln(w)
	if autoApprove {
		fmt.Fprintln(w, "Request tokens are approved as soon as they are created.")
	} else {
		fmt.Fprintf(w, "Approve a request token by opening %s/authenticate/<token>\nor with POST %s/fake/approve/<token>.\n", srv.url, srv.url)
	}
	if !srv.loopback {
		fmt.Fprintln(w, "Warning: the fake is reachable from other computers, and its credentials are printed above.")
	}
	fmt.Fprintf(w, "\nTry it:\n  export %s=%s %s=%s\n  tmdb movie 550 --append credits\n  tmdb login\n\nStop it with Ctrl-C.\n",
		envBaseURL, srv.url, envToken, fake.APIKey())
}
