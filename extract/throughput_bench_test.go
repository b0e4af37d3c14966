//go:build unix

package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/tally-news/tally/extract"
)

// throughputSets are the texts BenchmarkThroughput reads: the real
// development set beside the repository (skipped when absent) and the
// project's own sets.
var throughputSets = []struct {
	name     string
	patterns []string
}{
	{"extract-real", []string{filepath.Join("..", "..", "shared", "data", "extract-real", "*.txt")}},
	{"sets", []string{
		filepath.Join("..", "testdata", "sets", "*", "*.txt"),
		filepath.Join("..", "testdata", "gold", "*.txt"),
	}},
}

// BenchmarkThroughput extracts every text of a set, one after another on
// one goroutine, as one operation. Besides MB/s (wall time) it reports
// the process's CPU time as MB of text per CPU-second (GC workers
// included) and the allocations per KB of text.
func BenchmarkThroughput(b *testing.B) {
	for _, set := range throughputSets {
		b.Run(set.name, func(b *testing.B) {
			var texts []string
			var size int64
			for _, pattern := range set.patterns {
				files, _ := filepath.Glob(pattern)
				for _, f := range files {
					data, err := os.ReadFile(f)
					if err != nil {
						b.Fatal(err)
					}
					texts = append(texts, string(data))
					size += int64(len(data))
				}
			}
			if len(texts) == 0 {
				b.Skipf("no texts found for %s", set.name)
			}
			x := extract.New()
			ctx := context.Background()
			// One run outside the timing loads the tagger.
			x.Extract(ctx, "warm-up", texts[0])
			b.SetBytes(size)
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			cpu := cpuTime()
			b.ResetTimer()
			for b.Loop() {
				for _, t := range texts {
					x.Extract(ctx, "bench", t)
				}
			}
			b.StopTimer()
			cpu = cpuTime() - cpu
			runtime.ReadMemStats(&after)
			kb := float64(size) / 1024 * float64(b.N)
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/kb, "allocs/KB")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/kb, "B/KB")
			if cpu > 0 {
				b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
			}
		})
	}
}

// cpuTime is the user and system CPU time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
