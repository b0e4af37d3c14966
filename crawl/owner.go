package crawl

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// lockOwner names this process for the job lock.
func lockOwner() string { return NewOwner() }

// NewOwner names a worker, for a job's lock, its leases or a share of
// other work: host, pid and a random part, so that two workers never share
// a name.
func NewOwner() string {
	host, err := os.Hostname()
	if err != nil {
		host = "unknown"
	}
	var b [4]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%s:%d:%s", host, os.Getpid(), hex.EncodeToString(b[:]))
}

// OwnerGone reports whether owner, a lock owner or run owner as the
// crawler writes them ("host:pid:random"), names a process of this host
// that no longer exists. A Store takes the lock of such an owner over at
// once instead of waiting for it to go stale. It is false whenever it
// cannot tell: another host, another naming, or a process that is alive
// (or whose pid was given to another process since).
func OwnerGone(owner string) bool {
	host, rest, ok := strings.Cut(owner, ":")
	if !ok {
		return false
	}
	pidText, _, _ := strings.Cut(rest, ":")
	pid, err := strconv.Atoi(pidText)
	if err != nil || pid <= 0 || pid == os.Getpid() {
		return false
	}
	if here, err := os.Hostname(); err != nil || here != host {
		return false
	}
	return processGone(pid)
}
