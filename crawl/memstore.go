package crawl

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// MemoryStore is a Store that keeps everything in memory, for tests and
// for crawls that need no persistence. Its zero value is not usable; call
// NewMemoryStore.
type MemoryStore struct {
	mu      sync.Mutex
	now     func() time.Time
	locks   map[string]memLock
	runs    []Run
	queues  map[string]*memQueue
	fetches map[string]Fetch
}

type memLock struct {
	owner     string
	refreshed time.Time
}

// memQueue is one job's frontier: entries in insertion order, with an
// index from URL to position; removed entries leave a hole that is
// compacted away once holes outnumber live entries.
type memQueue struct {
	items []Queued
	live  []bool
	index map[string]int
	first int // no live entry before this position
}

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{
		now:     time.Now,
		locks:   map[string]memLock{},
		queues:  map[string]*memQueue{},
		fetches: map[string]Fetch{},
	}
}

var _ Store = (*MemoryStore)(nil)

// Lock implements Store.
func (s *MemoryStore) Lock(ctx context.Context, job, owner string, stale time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if l, ok := s.locks[job]; ok && l.owner != owner && now.Sub(l.refreshed) < stale && !OwnerGone(l.owner) {
		return LockHeldError(job, l.owner, l.refreshed, stale)
	}
	s.locks[job] = memLock{owner: owner, refreshed: now}
	return nil
}

// Unlock implements Store.
func (s *MemoryStore) Unlock(ctx context.Context, job, owner string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if l, ok := s.locks[job]; ok && l.owner == owner {
		delete(s.locks, job)
	}
	return nil
}

// StartRun implements Store.
func (s *MemoryStore) StartRun(ctx context.Context, job, owner string) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := int64(len(s.runs) + 1)
	s.runs = append(s.runs, Run{ID: id, Job: job, Owner: owner, Started: s.now()})
	return id, nil
}

// FinishRun implements Store.
func (s *MemoryStore) FinishRun(ctx context.Context, id int64, stats RunStats) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id < 1 || id > int64(len(s.runs)) {
		return fmt.Errorf("finish run %d: no such run", id)
	}
	r := &s.runs[id-1]
	r.Finished = s.now()
	r.Stats = stats
	r.Stats.Failures = copyCounts(stats.Failures)
	return nil
}

// Runs implements Store.
func (s *MemoryStore) Runs(ctx context.Context, job string, n int) ([]Run, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Run
	for i := len(s.runs) - 1; i >= 0 && len(out) < n; i-- {
		if s.runs[i].Job == job {
			r := s.runs[i]
			r.Stats.Failures = copyCounts(r.Stats.Failures)
			r.Interrupted = RunInterrupted(r, s.locks[job].owner)
			out = append(out, r)
		}
	}
	return out, nil
}

// Enqueue implements Store.
func (s *MemoryStore) Enqueue(ctx context.Context, job string, items []Queued) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.queues[job]
	if q == nil {
		q = &memQueue{index: map[string]int{}}
		s.queues[job] = q
	}
	for _, it := range items {
		if it.URL == "" {
			return fmt.Errorf("enqueue for job %q: empty URL", job)
		}
		if _, ok := q.index[it.URL]; ok {
			continue
		}
		q.index[it.URL] = len(q.items)
		q.items = append(q.items, it)
		q.live = append(q.live, true)
	}
	return nil
}

// Pending implements Store.
func (s *MemoryStore) Pending(ctx context.Context, job string, n int) ([]Queued, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.queues[job]
	if q == nil {
		return nil, nil
	}
	var out []Queued
	for i := q.first; i < len(q.items) && len(out) < n; i++ {
		if q.live[i] {
			out = append(out, q.items[i])
		} else if i == q.first {
			q.first++
		}
	}
	return out, nil
}

// Count implements Store.
func (s *MemoryStore) Count(ctx context.Context, job string) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if q := s.queues[job]; q != nil {
		return len(q.index), nil
	}
	return 0, nil
}

// Done implements Store.
func (s *MemoryStore) Done(ctx context.Context, job string, f Fetch) error {
	if f.URL == "" {
		return fmt.Errorf("done for job %q: empty URL", job)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if q := s.queues[job]; q != nil {
		if i, ok := q.index[f.URL]; ok {
			q.live[i] = false
			delete(q.index, f.URL)
			q.compact()
		}
	}
	if f.Fetched.IsZero() {
		f.Fetched = s.now()
	}
	s.fetches[fetchKey(job, f.URL)] = f
	return nil
}

// compact drops removed entries once they outnumber live ones, so that a
// long crawl's frontier does not keep every URL it ever held.
func (q *memQueue) compact() {
	if len(q.items) < 1024 || len(q.index)*2 > len(q.items) {
		return
	}
	items := make([]Queued, 0, len(q.index))
	for i, it := range q.items {
		if q.live[i] {
			q.index[it.URL] = len(items)
			items = append(items, it)
		}
	}
	q.items = items
	q.live = make([]bool, len(items))
	for i := range q.live {
		q.live[i] = true
	}
	q.first = 0
}

// LastFetch implements Store.
func (s *MemoryStore) LastFetch(ctx context.Context, job, url string) (Fetch, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.fetches[fetchKey(job, url)]
	return f, ok, nil
}

// LastFetches implements Store.
func (s *MemoryStore) LastFetches(ctx context.Context, job string, urls []string) (map[string]Fetch, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]Fetch{}
	for _, u := range urls {
		if f, ok := s.fetches[fetchKey(job, u)]; ok {
			out[u] = f
		}
	}
	return out, nil
}

// fetchKey keys the fetch history by job and URL.
func fetchKey(job, url string) string { return job + "\x00" + url }

func copyCounts(m map[string]int) map[string]int {
	if m == nil {
		return nil
	}
	out := make(map[string]int, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
