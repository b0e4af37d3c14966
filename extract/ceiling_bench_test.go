//go:build unix

package extract

import (
	"context"
	"reflect"
	"sort"
	"syscall"
	"testing"
	"time"

	"github.com/tally-news/tally/extract/nlp"
)

// BenchmarkTagCeiling measures how fast extraction could be while prose
// tags what the records need: the sentences extraction tags are each
// given no tags in turn, and those whose record then changes are the
// sentences the records need tagged. One operation extracts every text
// of a set, then tags with prose every sentence extraction tags, then
// only those the records need. Besides extraction's MB of text per
// CPU-second it reports the ceiling: the text over the CPU time of
// extraction with the tagging of the sentences it tags replaced by the
// tagging of those the records need. It also counts the sentences
// extraction tags that, each left unread as by a pre-check, change no
// record.
func BenchmarkTagCeiling(b *testing.B) {
	x := New()
	ctx := context.Background()
	sets := taggingTexts(b)
	names := make([]string, 0, len(sets))
	for name := range sets {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		texts := sets[name]
		var read, needed []nlp.Sentence
		var size, readBytes, neededBytes, unread, unreadBytes int
		for i, text := range texts {
			size += len(text)
			d := newDocument(x.model, text)
			want := x.extract(ctx, d, name)
			spare := make([]bool, len(d.sents))
			for si := range d.sents {
				if d.timesTagged[si] == 0 {
					continue
				}
				read = append(read, d.sents[si])
				readBytes += len(d.sents[si].Text)
				// A sentence left unread, as by a pre-check, that changes
				// no record.
				u := newDocument(x.model, text)
				u.skipped = make([]bool, len(u.sents))
				u.skipped[si] = true
				if reflect.DeepEqual(x.extract(ctx, u, name), want) {
					unread++
					unreadBytes += len(d.sents[si].Text)
				}
				u = newDocument(x.model, text)
				u.withheld = make([]bool, len(u.sents))
				u.withheld[si] = true
				if reflect.DeepEqual(x.extract(ctx, u, name), want) {
					spare[si] = true
					continue
				}
				needed = append(needed, d.sents[si])
				neededBytes += len(d.sents[si].Text)
			}
			// The sentences spared one by one are spared together.
			u := newDocument(x.model, text)
			u.withheld = spare
			if !reflect.DeepEqual(x.extract(ctx, u, name), want) {
				b.Errorf("%s text %d: the sentences whose tags no record needs change the record together", name, i)
			}
		}
		b.Run(name, func(b *testing.B) {
			var extractCPU, readCPU, neededCPU time.Duration
			for b.Loop() {
				c0 := processCPU()
				for _, t := range texts {
					x.Extract(ctx, name, t)
				}
				c1 := processCPU()
				for _, s := range read {
					x.model.Tag(s)
				}
				c2 := processCPU()
				for _, s := range needed {
					x.model.Tag(s)
				}
				c3 := processCPU()
				extractCPU += c1 - c0
				readCPU += c2 - c1
				neededCPU += c3 - c2
			}
			mb := float64(size) * float64(b.N) / 1e6
			b.ReportMetric(mb/extractCPU.Seconds(), "MB/cpu-s")
			b.ReportMetric(mb/(extractCPU-readCPU+neededCPU).Seconds(), "ceiling-MB/cpu-s")
			b.ReportMetric(float64(len(read)), "sents-tagged")
			b.ReportMetric(float64(len(needed)), "sents-needed")
			b.ReportMetric(float64(readBytes)/1024, "KB-tagged")
			b.ReportMetric(float64(neededBytes)/1024, "KB-needed")
			b.ReportMetric(float64(unread), "sents-unread-same")
			b.ReportMetric(float64(unreadBytes)/1024, "KB-unread-same")
		})
	}
}

// processCPU is the user and system CPU time the process has used so
// far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
