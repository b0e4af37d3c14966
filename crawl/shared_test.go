package crawl

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// sharedMemory is a SharedStore for one worker: a MemoryStore whose
// frontier is leased whole, and slots kept on a clock of their own. The
// clock stands still but for a refused claim, which moves it on to the
// slot's next time: by the time the worker asks again, the wait it was
// told of has passed, however short the wait it really slept. Other
// workers are played by the test, whose claims are marked as theirs.
type sharedMemory struct {
	*MemoryStore
	mu     sync.Mutex
	now    time.Duration
	slots  map[string]*memSlot
	leased map[string]bool
	// takeOnWait, if set, is how long another worker holds each request
	// slot it finds free the first time this worker waits: one that ran
	// out while this worker waited goes to the other.
	takeOnWait time.Duration
}

type memSlot struct {
	next   time.Duration
	claims int64
	other  bool // the latest claim is another worker's
}

func newSharedMemory() *sharedMemory {
	return &sharedMemory{MemoryStore: NewMemoryStore(), slots: map[string]*memSlot{}, leased: map[string]bool{}}
}

var _ SharedStore = (*sharedMemory)(nil)

func (s *sharedMemory) Lease(ctx context.Context, job, owner string, n int, ttl time.Duration) ([]Queued, error) {
	pending, err := s.Pending(ctx, job, 1<<20)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Queued
	for _, q := range pending {
		if len(out) < n && !s.leased[q.URL] {
			s.leased[q.URL] = true
			out = append(out, q)
		}
	}
	return out, nil
}

func (s *sharedMemory) Renew(ctx context.Context, job, owner string, ttl time.Duration) error {
	if ttl <= 0 {
		s.mu.Lock()
		clear(s.leased)
		s.mu.Unlock()
	}
	return nil
}

func (s *sharedMemory) slot(name string) *memSlot {
	sl := s.slots[name]
	if sl == nil {
		sl = &memSlot{}
		s.slots[name] = sl
	}
	return sl
}

func (s *sharedMemory) Claim(ctx context.Context, name string, interval time.Duration) (time.Duration, int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sl := s.slot(name)
	if sl.next > s.now {
		s.now = sl.next
		if s.takeOnWait > 0 {
			for n, other := range s.slots {
				if strings.HasPrefix(n, "in flight ") && other.next <= s.now {
					other.next, other.other = s.now+s.takeOnWait, true
					other.claims++
				}
			}
			s.takeOnWait = 0
		}
		return time.Millisecond, 0, nil
	}
	sl.next, sl.other = s.now+interval, false
	sl.claims++
	return 0, sl.claims, nil
}

func (s *sharedMemory) Release(ctx context.Context, name string, claim int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sl := s.slot(name); sl.claims == claim {
		sl.next = 0
	}
	return nil
}

func (s *sharedMemory) Extend(ctx context.Context, name string, claim int64, interval time.Duration) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sl := s.slot(name)
	if sl.claims != claim {
		return false, nil
	}
	sl.next = s.now + interval
	return true, nil
}

// held says whether the slot called name is held now by this worker's
// claim: no other worker's claim of it would be granted, and no other
// worker holds it.
func (s *sharedMemory) held(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	sl := s.slot(name)
	return sl.next > s.now && !sl.other
}

// TestSharedRequestSlotHeld crawls a shared frontier whose host has its
// next request start far off when the worker has claimed its request
// slot: other workers' requests go first. A request slot is held for the
// total timeout plus a margin; the wait for the host's turn is longer
// than the margin, and the worker's request must still hold its slot from
// its start to its end, so that no other worker's request takes it.
func TestSharedRequestSlotHeld(t *testing.T) {
	tests := []struct {
		name       string
		takeOnWait time.Duration
	}{
		{"slot free after the wait", 0},
		{"slot taken by another during the wait", 5 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var (
				store = newSharedMemory()
				host  string
				mu    sync.Mutex
				bad   []string
			)
			store.takeOnWait = tt.takeOnWait
			mux := http.NewServeMux()
			mux.HandleFunc("/", servePage(`<a href="/a">a</a><a href="/b">b</a>`))
			mux.HandleFunc("/a", servePage(`a`))
			mux.HandleFunc("/b", servePage(`b`))
			checked := http.NewServeMux()
			checked.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
				if !store.held(requestSlot(host, 0)) {
					mu.Lock()
					bad = append(bad, r.URL.Path)
					mu.Unlock()
				}
				mux.ServeHTTP(w, r)
			})
			s := newSite(t, checked)
			host = s.URL
			cfg := testConfig()
			cfg.PerHost = 1
			cfg.Delay = time.Millisecond
			cfg.Lease = time.Minute
			// The host's next request may start 2*requestSlotMargin from now.
			if wait, _, err := store.Claim(context.Background(), "host "+host, 2*requestSlotMargin); wait != 0 || err != nil {
				t.Fatal(wait, err)
			}
			var got collector
			stats := crawl(t, cfg, store, "shared", got.handle, s.URL+"/")
			if stats.Fetched != 3 {
				t.Errorf("stats = %+v; want 3 pages fetched", stats)
			}
			if len(bad) > 0 {
				t.Errorf("requests sent without their slot held (%d allowed in flight): %v", cfg.PerHost, bad)
			}
		})
	}
}
