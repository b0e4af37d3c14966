package clean

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
	"time"
)

// devDir returns the clean-dev dataset next to the repository, or "".
func devDir(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "data", "clean-dev")
	if _, err := os.Stat(filepath.Join(dir, "truth.json")); err != nil {
		return ""
	}
	return dir
}

// BenchmarkCleanDev cleans every page of clean-dev one at a time, as one
// benchmark operation, and reports the median and total time per page.
func BenchmarkCleanDev(b *testing.B) {
	dir := devDir(b)
	if dir == "" {
		b.Skip("clean-dev dataset not found")
	}
	truth, err := LoadSnippetTruth(dir)
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pages := make([][]byte, len(ids))
	for i, id := range ids {
		if pages[i], err = ReadSnippetPage(dir, id); err != nil {
			b.Fatal(err)
		}
	}
	c := New(DefaultConfig())
	perPage := make([][]time.Duration, len(pages))
	runtime.GC()
	b.ResetTimer()
	for b.Loop() {
		for i, data := range pages {
			start := time.Now()
			if _, err := c.CleanBytes(data, truth[ids[i]].URL, ""); err != nil {
				b.Fatalf("page %s: %v", ids[i], err)
			}
			perPage[i] = append(perPage[i], time.Since(start))
		}
	}
	b.StopTimer()
	// Each page's own median over the runs, then the median over pages.
	meds := make([]float64, len(pages))
	var total float64
	for i, ds := range perPage {
		xs := make([]float64, len(ds))
		for j, d := range ds {
			xs[j] = float64(d.Nanoseconds())
		}
		meds[i] = median(xs)
		total += meds[i]
	}
	b.ReportMetric(median(meds), "median-ns/page")
	b.ReportMetric(total/float64(len(pages)), "mean-ns/page")
	b.ReportMetric(total, "total-ns/dataset")
	b.ReportMetric(0, "ns/op")
}
