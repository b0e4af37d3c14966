package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/tally-news/tally/cmd/tally/internal/web"
	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/extract/eval"
)

// defaultServeAddr is where tally serve listens unless --addr says
// otherwise: this machine only.
const defaultServeAddr = "127.0.0.1:8080"

// shutdownGrace is how long serve waits, once interrupted, for the
// requests under way to finish.
const shutdownGrace = 5 * time.Second

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	dbPath := fs.db()
	addr := fs.String("addr", defaultServeAddr, "host:port to listen on; a host other than loopback lets other machines read the corpus")
	gold := fs.String("gold", "", "folder of gold files (NAME.json beside NAME.txt): /eval scores the extractors against it, as tally eval does, and each article's page leads to its gold file, saved there (read-only without it)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return e.usageErrorf("serve: unexpected argument %q", fs.Arg(0))
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		return e.usageErrorf("serve: --addr %q: want host:port, like %s", *addr, defaultServeAddr)
	}
	if *gold != "" {
		if info, err := os.Stat(*gold); err != nil || !info.IsDir() {
			return e.usageErrorf("serve: --gold %q is not a folder (want a folder of gold files)", *gold)
		}
	}
	db, err := openCorpusFile(ctx, *dbPath)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer db.Close()
	logger := e.logger.With("component", "web")
	p := newPipeline()
	opts := []web.Option{web.WithExplainer(p.extractor)}
	if *gold != "" {
		opts = append(opts, web.WithEval(*gold, func(ctx context.Context, dir string) ([]web.EvalDoc, eval.Report, error) {
			return evaluateDocs(ctx, p, dir)
		}))
	}
	site := web.New(db, logger, opts...)
	if *gold != "" {
		if err := site.EnableAnnotation(*gold); err != nil {
			return fmt.Errorf("serve: --gold: %w", err)
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	if !isLoopback(host) {
		e.logger.Warn("serving beyond this machine: whoever reaches the address can read the corpus", "addr", ln.Addr().String())
	}
	if *gold != "" {
		logger.Info("annotation on: gold files are written into the folder", "gold", *gold)
	}
	srv := &http.Server{
		Handler:           site,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(e.stdout, "serving %s on http://%s/ (Ctrl-C stops)\n", corpus.DisplayName(*dbPath), ln.Addr())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// Interrupted: stop taking requests and let those under way finish.
	stop, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(stop); err != nil {
		return fmt.Errorf("serve: stopping: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	e.logger.Info("stopped serving")
	return nil
}

// isLoopback reports whether host names this machine only: localhost or
// a loopback address. An empty host is every interface.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
