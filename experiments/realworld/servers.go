package realworld

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gatherorder/gatherorder/experiments/hop"
)

// A server the setups talk to, on 127.0.0.1; Close stops it.
type server interface {
	// Arg is the client's --url or --dsn argument.
	Arg() []string
	Close() error
}

// goServer is experiments/hop's Go delay server (GET /delay/N after N ms)
// for the pooled setups: the Flask development server (Werkzeug 2.2)
// answers every request with "Connection: close", so a pool would never
// keep a connection; Go's net/http keeps them alive.
type goServer struct{ *hop.Server }

func (s goServer) Arg() []string { return []string{"--url", "http://" + s.Addr} }

// flaskServer is scripts/delay_server.py under the interpreter: the seed
// thread's Flask /delay/N server.
type flaskServer struct {
	cmd  *exec.Cmd
	port int
	done chan error
}

// startFlask runs delay_server.py from dir and waits for its port.
func startFlask(python, dir string, limit int) (*flaskServer, error) {
	cmd := exec.Command(python, filepath.Join(dir, "delay_server.py"), "--limit", strconv.Itoa(limit), "--lifetime", "1800")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr tail
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("flask server: %w", err)
	}
	s := &flaskServer{cmd: cmd, done: make(chan error, 1)}
	line := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		if sc.Scan() {
			line <- sc.Text()
		}
		close(line)
		io.Copy(io.Discard, out)
		s.done <- cmd.Wait()
	}()
	select {
	case l, ok := <-line:
		if p, found := strings.CutPrefix(l, "PORT "); ok && found {
			if s.port, err = strconv.Atoi(p); err == nil {
				return s, nil
			}
		}
		s.Close()
		return nil, fmt.Errorf("flask server did not start (%q): %s", l, stderr.String())
	case <-time.After(30 * time.Second):
		s.Close()
		return nil, fmt.Errorf("flask server did not start within 30 s: %s", stderr.String())
	}
}

func (s *flaskServer) Arg() []string {
	return []string{"--url", fmt.Sprintf("http://127.0.0.1:%d", s.port)}
}

func (s *flaskServer) Close() error {
	s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
	return nil
}

// tail keeps the last 2 KiB written to it (a child's stderr).
type tail struct {
	mu sync.Mutex
	b  []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > 2048 {
		t.b = t.b[len(t.b)-2048:]
	}
	return len(p), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return strings.Join(strings.Fields(string(t.b)), " ")
}

// slowTLSServer answers GET /delay/N over HTTPS, and answers every TLS
// handshake Accept late: a connection's first read waits that long, so
// the client's connection set-up takes real time (the TCP connect itself
// is the kernel's and instant). Self-signed; at most limit requests.
type slowTLSServer struct {
	port  int
	srv   *http.Server
	done  chan error
	limit int64
	count atomic.Int64
}

// slowConn delays its first Read.
type slowConn struct {
	net.Conn
	delay time.Duration
	once  sync.Once
}

func (c *slowConn) Read(p []byte) (int, error) {
	c.once.Do(func() { time.Sleep(c.delay) })
	return c.Conn.Read(p)
}

type slowListener struct {
	net.Listener
	delay time.Duration
}

func (l slowListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &slowConn{Conn: c, delay: l.delay}, nil
}

func startSlowTLS(accept time.Duration, limit int) (*slowTLSServer, error) {
	cert, err := selfSigned()
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("slow TLS server: %w", err)
	}
	s := &slowTLSServer{port: ln.Addr().(*net.TCPAddr).Port, done: make(chan error, 1), limit: int64(limit)}
	mux := http.NewServeMux()
	mux.HandleFunc("/delay/", s.delay)
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second,
		TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}}}
	go func() { s.done <- s.srv.ServeTLS(slowListener{ln, accept}, "", "") }()
	return s, nil
}

func (s *slowTLSServer) delay(w http.ResponseWriter, r *http.Request) {
	if s.count.Add(1) > s.limit {
		http.Error(w, "request limit reached", http.StatusServiceUnavailable)
		return
	}
	arg := strings.TrimPrefix(r.URL.Path, "/delay/")
	n, err := strconv.Atoi(arg)
	if err != nil || n < 0 || n > 10000 || strconv.Itoa(n) != arg {
		http.Error(w, "want /delay/N with N in 0..10000 ms", http.StatusBadRequest)
		return
	}
	select {
	case <-time.After(time.Duration(n) * time.Millisecond):
	case <-r.Context().Done():
		return
	}
	fmt.Fprintf(w, "delay %d", n)
}

func (s *slowTLSServer) Arg() []string {
	return []string{"--url", fmt.Sprintf("https://127.0.0.1:%d", s.port)}
}

func (s *slowTLSServer) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := s.srv.Shutdown(ctx); err != nil {
		s.srv.Close()
	}
	if err := <-s.done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func selfSigned() (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, nil
}

// postgres is a PostgreSQL cluster in a temporary directory, listening on
// 127.0.0.1 on a free port, with trust authentication; Close stops it and
// removes the directory. As root, the server runs as the postgres user
// (PostgreSQL refuses to run as root) through runuser.
type postgres struct {
	dir, bin string
	port     int
	as       []string
}

// postgresBin is the newest /usr/lib/postgresql/N/bin holding initdb.
func postgresBin() (string, error) {
	m, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(m) == 0 {
		if p, err := exec.LookPath("initdb"); err == nil {
			return filepath.Dir(p), nil
		}
		return "", errors.New("no PostgreSQL server binaries (initdb): scripts/setup-realworld.sh installs the postgresql package")
	}
	sort.Slice(m, func(i, j int) bool {
		vi, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(m[i]))))
		vj, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(m[j]))))
		return vi < vj
	})
	return filepath.Dir(m[len(m)-1]), nil
}

func startPostgres() (*postgres, error) {
	bin, err := postgresBin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "gatherorder-pg-*")
	if err != nil {
		return nil, err
	}
	p := &postgres{dir: dir, bin: bin}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, errors.New("running as root and there is no postgres user to run the server as (the postgresql package creates it)")
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		p.as = []string{"runuser", "-u", "postgres", "--"}
	}
	if p.port, err = freePort(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	data := filepath.Join(dir, "data")
	if out, err := p.run(120*time.Second, filepath.Join(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -F", p.port, dir)
	if out, err := p.run(60*time.Second, filepath.Join(bin, "pg_ctl"), "-D", data, "-l", filepath.Join(dir, "log"), "-w", "-t", "50", "-o", opts, "start"); err != nil {
		logText, _ := os.ReadFile(filepath.Join(dir, "log"))
		os.RemoveAll(dir)
		return nil, fmt.Errorf("pg_ctl start: %v: %s %s", err, out, strings.Join(strings.Fields(string(logText)), " "))
	}
	return p, nil
}

func (p *postgres) run(timeout time.Duration, name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	argv := append(append(append([]string{}, p.as...), name), args...)
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = p.dir
	out, err := cmd.CombinedOutput()
	return strings.Join(strings.Fields(string(out)), " "), err
}

func (p *postgres) Arg() []string {
	return []string{"--dsn", fmt.Sprintf("host=127.0.0.1 port=%d user=postgres dbname=postgres", p.port)}
}

// Version is the server's version line (postgres --version).
func (p *postgres) Version() string {
	out, err := exec.Command(filepath.Join(p.bin, "postgres"), "--version").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

func (p *postgres) Close() error {
	out, err := p.run(60*time.Second, filepath.Join(p.bin, "pg_ctl"), "-D", filepath.Join(p.dir, "data"), "-m", "fast", "-w", "stop")
	os.RemoveAll(p.dir)
	if err != nil {
		return fmt.Errorf("pg_ctl stop: %v: %s", err, out)
	}
	return nil
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}
