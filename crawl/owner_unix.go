//go:build unix

package crawl

import (
	"errors"
	"syscall"
)

// processGone reports whether no process has the given pid: signal 0
// checks for it without sending anything.
func processGone(pid int) bool {
	return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
