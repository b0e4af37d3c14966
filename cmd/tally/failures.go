package main

import (
	"fmt"
	"io"
	"sync"
)

// failures collects the inputs a batch command (import, extract) could
// not handle, so that it goes on with the others: each is reported on
// stderr with its reason as it happens, and the command fails at the end.
type failures struct {
	mu      sync.Mutex
	w       io.Writer
	command string
	// print says whether each failure is printed as it happens; with a
	// single input the final error says it all.
	print bool
	n     int
	first error
}

func newFailures(stderr io.Writer, command string, print bool) *failures {
	return &failures{w: stderr, command: command, print: print}
}

// fail records that input (a file or URL) failed with err; input is ""
// when err names it already.
func (f *failures) fail(input string, err error) {
	if input != "" {
		err = fmt.Errorf("%s: %w", input, err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n++
	if f.first == nil {
		f.first = err
	}
	if f.print {
		fmt.Fprintf(f.w, "tally: %s: %v\n", f.command, err)
	}
}

// count returns how many inputs failed.
func (f *failures) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.n
}

// err returns nil when nothing failed, else the error the command ends
// with: the failure itself when there was one, not printed, else a count.
func (f *failures) err() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case f.n == 0:
		return nil
	case f.n == 1 && !f.print:
		return fmt.Errorf("%s: %w", f.command, f.first)
	default:
		return fmt.Errorf("%s: %d failed (each is reported above)", f.command, f.n)
	}
}
