package hop

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// MaxDelayMS bounds the delay one request may ask for, so that a wrong
// client cannot park the server.
const MaxDelayMS = 10000

// Server is the seed's Flask delay server in Go: GET /delay/N answers
// "delay N" after N milliseconds. It listens on 127.0.0.1 only, on a free
// port, and answers at most Limit requests (503 after that), so a runaway
// client cannot make it serve forever.
type Server struct {
	Addr  string // host:port
	Port  int
	Limit int64
	count atomic.Int64
	srv   *http.Server
	done  chan error
	once  sync.Once
	err   error
}

// StartServer listens on a random free loopback port and serves in the
// background until Close.
func StartServer(limit int64) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("delay server: %w", err)
	}
	s := &Server{Addr: ln.Addr().String(), Port: ln.Addr().(*net.TCPAddr).Port, Limit: limit, done: make(chan error, 1)}
	mux := http.NewServeMux()
	mux.HandleFunc("/delay/", s.delay)
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 2 * MaxDelayMS * time.Millisecond}
	go func() { s.done <- s.srv.Serve(ln) }()
	return s, nil
}

// Requests is the number of requests received so far.
func (s *Server) Requests() int64 { return s.count.Load() }

func (s *Server) delay(w http.ResponseWriter, r *http.Request) {
	if s.count.Add(1) > s.Limit {
		http.Error(w, "request limit reached", http.StatusServiceUnavailable)
		return
	}
	arg := strings.TrimPrefix(r.URL.Path, "/delay/")
	n, err := strconv.Atoi(arg)
	if err != nil || n < 0 || n > MaxDelayMS || strconv.Itoa(n) != arg {
		http.Error(w, fmt.Sprintf("want /delay/N with N in 0..%d milliseconds", MaxDelayMS), http.StatusBadRequest)
		return
	}
	t := time.NewTimer(time.Duration(n) * time.Millisecond)
	defer t.Stop()
	select {
	case <-t.C:
	case <-r.Context().Done(): // the client went away
		return
	}
	body := "delay " + arg
	w.Header().Set("Content-Type", "text/plain")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write([]byte(body))
}

// Close stops the server and its open connections; later calls return
// the first call's result.
func (s *Server) Close() error {
	s.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if s.err = s.srv.Shutdown(ctx); s.err != nil {
			s.err = s.srv.Close()
		}
		if serr := <-s.done; !errors.Is(serr, http.ErrServerClosed) {
			s.err = serr
		}
	})
	return s.err
}
