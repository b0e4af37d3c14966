package main

import (
	"errors"
	"testing"
	"time"
)

func TestInOrderKeepsOrder(t *testing.T) {
	var got []int
	err := inOrder(50, func(i int) int {
		// Later items finish first.
		time.Sleep(time.Duration(50-i) * 100 * time.Microsecond)
		return i * i
	}, func(i int, r int) error {
		if r != i*i {
			t.Errorf("result %d for item %d", r, i)
		}
		got = append(got, i)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range got {
		if v != i {
			t.Fatalf("emitted out of order: %v", got)
		}
	}
	if len(got) != 50 {
		t.Fatalf("emitted %d of 50", len(got))
	}
}

func TestInOrderStopsOnError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := inOrder(1000, func(i int) int { return i }, func(i, r int) error {
		n++
		if i == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 4 {
		t.Fatalf("err = %v after %d items, want stop after 4", err, n)
	}
}
