package main

import (
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
)

// logLevels are the values of --log-level.
var logLevels = map[string]slog.Level{
	"debug": slog.LevelDebug, "info": slog.LevelInfo, "warn": slog.LevelWarn, "error": slog.LevelError,
}

// logLevelFlag is --log-level; it sets the level of the logger that main
// made, whose handlers all read it.
type logLevelFlag struct{ level *slog.LevelVar }

func (f logLevelFlag) String() string {
	if f.level == nil {
		return "info"
	}
	return strings.ToLower(f.level.Level().String())
}

func (f logLevelFlag) Set(s string) error {
	l, ok := logLevels[strings.ToLower(s)]
	if !ok {
		return fmt.Errorf("want debug, info, warn or error")
	}
	f.level.Set(l)
	return nil
}

// addLogFlags adds --log-level and --quiet, which every subcommand has.
func (fs *flagSet) addLogFlags() {
	e := fs.e
	if e.logLevel == nil {
		e.logLevel = new(slog.LevelVar)
	}
	fs.Var(logLevelFlag{e.logLevel}, "log-level", "least important log messages shown: debug, info, warn or error")
	fs.BoolFunc("quiet", "show only errors: same as --log-level error, and no progress line", func(string) error {
		e.quiet = true
		e.logLevel.Set(slog.LevelError)
		return nil
	})
}

// statusLine is standard error on a terminal that shows a status line
// (the crawl's progress) below the log: a log message written to it
// clears the status line, and the status line is drawn again after it, so
// that neither breaks the other.
type statusLine struct {
	mu   sync.Mutex
	w    io.Writer
	line string // the status shown, "" when none
}

// clearLine returns the cursor to the start of the line and clears it.
const clearLine = "\r\033[K"

// Write writes log output above the status line.
func (s *statusLine) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.line == "" {
		return s.w.Write(p)
	}
	if _, err := io.WriteString(s.w, clearLine); err != nil {
		return 0, err
	}
	n, err := s.w.Write(p)
	if err != nil {
		return n, err
	}
	_, err = io.WriteString(s.w, s.line)
	return n, err
}

// set shows line as the status.
func (s *statusLine) set(line string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	io.WriteString(s.w, clearLine+line)
	s.line = line
}

// done leaves the last status on its line and starts a new one.
func (s *statusLine) done() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.line != "" {
		io.WriteString(s.w, "\n")
	}
	s.line = ""
}
