package main

import (
	"runtime"
	"sync"
)

// inOrder runs work(i) for i in [0, n) on all cores and hands each result
// to emit in index order as soon as it and all before it are done. emit
// runs on the calling goroutine; the first error it returns stops the
// loop (work already started finishes).
func inOrder[T any](n int, work func(i int) T, emit func(i int, r T) error) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			if err := emit(i, work(i)); err != nil {
				return err
			}
		}
		return nil
	}
	type result struct {
		i int
		r T
	}
	jobs := make(chan int)
	results := make(chan result, workers)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results <- result{i, work(i)}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := 0; i < n; i++ {
			select {
			case jobs <- i:
			case <-stop:
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	pending := map[int]T{}
	next := 0
	var err error
	for res := range results {
		if err != nil {
			continue
		}
		pending[res.i] = res.r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			if err = emit(next, r); err != nil {
				close(stop)
				break
			}
			next++
		}
	}
	return err
}
