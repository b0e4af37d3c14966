//go:build unix

package extract_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/tally-news/tally/extract"
)

// memoryEnv names the input a child process of BenchmarkPeakMemory
// extracts: "text:N" for N bytes of article texts one after another,
// "sentence:N" for one sentence of N bytes.
const memoryEnv = "TALLY_PEAK_MEMORY_INPUT"

// BenchmarkPeakMemory extracts texts of 1, 5 and 20 MB, and one sentence
// of 200 KB, each once in a process of its own, and reports the
// process's peak resident memory: in all (peak-MB) and per byte of text
// above that of a process that extracts a tiny text (RSS-B/B, the part
// that grows with the text). It takes minutes, so it runs only when
// TALLY_BENCH_MEMORY is set (make bench-memory):
//
//	TALLY_BENCH_MEMORY=1 go test -run '^$' -bench PeakMemory -benchtime 1x ./extract/
func BenchmarkPeakMemory(b *testing.B) {
	if os.Getenv("TALLY_BENCH_MEMORY") == "" {
		b.Skip("set TALLY_BENCH_MEMORY=1 to measure peak memory (minutes)")
	}
	base := peakRSS(b, "text:1000")
	for _, in := range []string{"text:1000000", "text:5000000", "text:20000000", "sentence:200000"} {
		b.Run(strings.ReplaceAll(in, ":", "="), func(b *testing.B) {
			var rss int64
			for b.Loop() {
				rss = peakRSS(b, in)
			}
			n, _ := strconv.Atoi(in[strings.Index(in, ":")+1:])
			b.ReportMetric(float64(rss)/1e6, "peak-MB")
			b.ReportMetric(float64(rss-base)/float64(n), "RSS-B/B")
		})
	}
}

// peakRSS runs TestPeakMemoryChild in a child process on input and
// returns its peak resident memory in bytes.
func peakRSS(b *testing.B, input string) int64 {
	cmd := exec.Command(os.Args[0], "-test.run=^TestPeakMemoryChild$")
	cmd.Env = append(os.Environ(), memoryEnv+"="+input)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("child on %s: %v\n%s", input, err, out)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		b.Skip("no resource usage on this system")
	}
	return ru.Maxrss * 1024 // kilobytes on Linux
}

// TestPeakMemoryChild is BenchmarkPeakMemory's child: it does nothing
// unless the environment names an input.
func TestPeakMemoryChild(t *testing.T) {
	in := os.Getenv(memoryEnv)
	if in == "" {
		t.Skip("run by BenchmarkPeakMemory")
	}
	kind, size, _ := strings.Cut(in, ":")
	n, err := strconv.Atoi(size)
	if err != nil {
		t.Fatalf("%s=%q: size is not a number", memoryEnv, in)
	}
	var text string
	switch kind {
	case "text":
		text = textOfSize(t, n)
	case "sentence":
		text = sentenceOfSize(n)
	default:
		t.Fatalf("%s=%q: kind is text or sentence", memoryEnv, in)
	}
	rec := extract.New().Extract(context.Background(), "memory", text)
	fmt.Println(len(rec.Mentions), len(rec.Votes))
}

// textOfSize repeats the project's set texts, each a paragraph of its
// own, to n bytes.
func textOfSize(t *testing.T, n int) string {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "sets", "*", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no set texts")
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		data, err := os.ReadFile(files[i%len(files)])
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
		b.WriteString("\n\n")
	}
	return b.String()[:n]
}

// sentenceOfSize is one sentence of n bytes: clauses naming voters and
// sides, joined by commas, with no end.
func sentenceOfSize(n int) string {
	clause := "Russia voted against and China abstained while France backed Ukraine by 12 votes, "
	return strings.Repeat(clause, n/len(clause)+1)[:n]
}
