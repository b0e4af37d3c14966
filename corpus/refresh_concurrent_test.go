package corpus

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/events"
)

// TestRefreshWhileSaving refreshes the events again and again while
// another handle, standing for another worker, saves new versions of
// stories the events hold: every refresh succeeds, and a last one leaves
// the events matching the records.
func TestRefreshWhileSaving(t *testing.T) { forEachBackend(t, testRefreshWhileSaving) }

func testRefreshWhileSaving(t *testing.T, be backend) {
	ctx := context.Background()
	loc := be.location(t)
	db := mustOpenPath(t, loc)
	worker := mustOpenPath(t, loc)
	base := "The Security Council voted on a draft resolution on Sudan on Thursday. " +
		strings.Repeat("Members spoke at length about the humanitarian situation in the region and the ceasefire. ", 4)
	const stories, versions = 4, 12
	var wg sync.WaitGroup
	errc := make(chan error, 1)
	done := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(done)
		for v := range versions {
			for s := range stories {
				text := fmt.Sprintf("Story %d. %s Revision %d.", s, base, v)
				url := fmt.Sprintf("https://wire%d.example/story-%d-v%d", v, s, v)
				d := storyDoc(url, text, 9+v%4, extract.No, testTime.Add(time.Duration(v)*time.Hour))
				if _, err := worker.Save(ctx, d); err != nil {
					errc <- fmt.Errorf("save %s: %w", url, err)
					return
				}
			}
		}
	}()
	refreshes := 0
	for running := true; running; refreshes++ {
		select {
		case <-done:
			running = false
		default:
		}
		if _, err := db.RefreshEvents(ctx, events.DefaultConfig(), false); err != nil {
			t.Fatalf("refresh %d while saving: %v", refreshes, err)
		}
	}
	wg.Wait()
	select {
	case err := <-errc:
		t.Fatal(err)
	default:
	}
	if _, err := db.RefreshEvents(ctx, events.DefaultConfig(), false); err != nil {
		t.Fatal(err)
	}
	rebuilt := mustOpenPath(t, loc)
	u, err := rebuilt.RefreshEvents(ctx, events.DefaultConfig(), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d refreshes while saving; a rebuild after: %+v", refreshes, u)
}
