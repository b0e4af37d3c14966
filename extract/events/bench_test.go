package events

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/tally-news/tally/extract"
)

// generate calls yield with n reports in Compare's order, without holding
// them: bodies one after another, days one after another, one to three
// votes a sitting day, each told by about eight articles that state parts
// of its tally, some positions, sponsors and motion words; a quarter of
// the reports are dated by their publication day.
func generate(n int, yield func(Report)) { generateShaped(n, 20, 3, yield) }

// generateDense is generate for one body that sits every day, so that
// the days of its votes never leave a gap and its blocks close only at
// the block cap.
func generateDense(n int, yield func(Report)) { generateShaped(n, 1, 1, yield) }

// generateShaped spreads the reports over the given number of bodies,
// each sitting every one to maxStep days.
func generateShaped(n, bodies, maxStep int, yield func(Report)) {
	rng := rand.New(rand.NewPCG(1, 2))
	countries := []string{"USA", "RUS", "CHN", "FRA", "GBR", "DEU", "IND", "BRA", "ZAF", "JPN", "ISR", "UKR"}
	topics := []string{"ceasefire", "sanctions", "embargo", "humanitarian", "nuclear", "climate", "refugees", "budget"}
	perBody := n / bodies
	made := 0
	var idBuf []byte
	for b := 0; b < bodies && made < n; b++ {
		body := fmt.Sprintf("BODY_%02d", b)
		day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		for inBody := 0; inBody < perBody && made < n; {
			day = day.AddDate(0, 0, 1+rng.IntN(maxStep))
			votes := 1 + rng.IntN(3)
			for v := 0; v < votes; v++ {
				yes, no, abst := 50+rng.IntN(150), rng.IntN(60), rng.IntN(40)
				motion := "resolution on " + topics[rng.IntN(len(topics))] + " " + topics[rng.IntN(len(topics))]
				pos := map[string]string{}
				for _, c := range countries[:2+rng.IntN(4)] {
					pos[c] = []string{extract.Yes, extract.No, extract.Abstain}[rng.IntN(3)]
				}
				sponsor := countries[rng.IntN(len(countries))]
				for a := 0; a < 8 && inBody < perBody && made < n; a++ {
					vt := extract.Vote{Body: body, Outcome: extract.Adopted}
					if rng.IntN(4) > 0 {
						vt.Tally.Yes = ip(yes)
						if rng.IntN(3) > 0 {
							vt.Tally.No = ip(no)
						}
						if rng.IntN(2) > 0 {
							vt.Tally.Abstain = ip(abst)
						}
					}
					if rng.IntN(2) == 0 {
						vt.Motion = motion
					}
					if rng.IntN(3) == 0 {
						vt.Sponsors = []string{sponsor}
					}
					if rng.IntN(2) == 0 {
						vt.Positions = map[string]string{}
						for _, c := range countries { // in order: the output must not depend on map order
							if p, ok := pos[c]; ok && rng.IntN(2) == 0 {
								vt.Positions[c] = p
							}
						}
					}
					id := append(append(append(idBuf[:0], body...), '-'), day.Format("20060102")...)
					id = strconv.AppendInt(append(strconv.AppendInt(append(id, '-'), int64(v), 10), '-'), int64(a), 10)
					r := Report{Article: Article{ID: string(id), Published: day},
						Vote: vt, Date: dayDate(day, rng.IntN(4) > 0, "")}
					yield(r)
					made++
					inBody++
				}
			}
		}
	}
}

// BenchmarkStream clusters generated reports streamed in order; it reports
// reports/s and the peak live heap, which should stay flat as n grows
// since only the open block is held.
func BenchmarkStream(b *testing.B) {
	for _, tc := range []struct {
		name string
		n    int
		gen  func(int, func(Report))
	}{
		{"100000", 100_000, generate},
		{"1000000", 1_000_000, generate},
		// One body voting every day: its blocks fill to the cap, so this
		// is the case where clustering a block must not cost its reports
		// times its clusters.
		{"dense-400000", 400_000, generateDense},
	} {
		n := tc.n
		b.Run(tc.name, func(b *testing.B) {
			var peak uint64
			var ms runtime.MemStats
			events := 0
			cpu0 := cpuTime()
			for b.Loop() {
				st := NewStream(DefaultConfig(), func(Event) { events++ })
				i := 0
				tc.gen(n, func(r Report) {
					if err := st.Add(r); err != nil {
						b.Fatal(err)
					}
					if i++; i%50_000 == 0 {
						runtime.ReadMemStats(&ms)
						peak = max(peak, ms.HeapInuse)
					}
				})
				st.Close()
			}
			cpu := cpuTime() - cpu0
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "reports/s")
			// CPU time of every thread (GC included), so the rate holds on
			// one core even when the machine is shared.
			b.ReportMetric(float64(n)*float64(b.N)/cpu.Seconds(), "reports/cpu-s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(events)/float64(b.N), "events")
		})
	}
}

// BenchmarkGenerate is the cost of making the reports alone, to subtract
// from BenchmarkStream's.
func BenchmarkGenerate(b *testing.B) {
	n := 1_000_000
	cpu0 := cpuTime()
	for b.Loop() {
		generate(n, func(Report) {})
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "reports/s")
	b.ReportMetric(float64(n)*float64(b.N)/(cpuTime()-cpu0).Seconds(), "reports/cpu-s")
}

// cpuTime is the user and system time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestStreamMemoryFollowsBlock checks that the clusterer holds no more
// than a block: the live heap after 250,000 reports is not far above
// the heap after 50,000.
func TestStreamMemoryFollowsBlock(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 300,000 reports")
	}
	heapAt := func(n int) uint64 {
		var ms runtime.MemStats
		var peak uint64
		st := NewStream(DefaultConfig(), func(Event) {})
		i := 0
		generate(n, func(r Report) {
			if err := st.Add(r); err != nil {
				t.Fatal(err)
			}
			if i++; i%25_000 == 0 {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc)
			}
		})
		st.Close()
		return peak
	}
	small, large := heapAt(50_000), heapAt(250_000)
	t.Logf("live heap: %.1f MB at 50k reports, %.1f MB at 250k", float64(small)/(1<<20), float64(large)/(1<<20))
	if large > 2*small+(8<<20) {
		t.Errorf("live heap grew with the corpus: %d bytes at 50k, %d at 250k", small, large)
	}
}
