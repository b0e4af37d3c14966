package actors

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// devTexts reads the article texts of the shared development data, which
// lives beside the repository; ok is false when it is not there.
func devTexts(tb testing.TB) (texts []string, ok bool) {
	tb.Helper()
	root, err := moduleRoot()
	if err != nil {
		return nil, false
	}
	shared := filepath.Join(root, "..", "shared")
	files, _ := filepath.Glob(filepath.Join(shared, "data", "extract-dev", "*.txt"))
	seed, _ := filepath.Glob(filepath.Join(shared, "seed", "*.txt"))
	for _, f := range append(files, seed...) {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatalf("read dev text: %v", err)
		}
		texts = append(texts, string(b))
	}
	return texts, len(texts) > 0
}

// moduleRoot finds the folder holding go.mod above the test's folder.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// syntheticText is news-like text dense with names, traps and plain words.
func syntheticText(size int) string {
	parts := []string{
		"The United States and the Russian Federation clashed at the Security Council on Tuesday. ",
		"French President Emmanuel Macron said in Paris that European allies would back Kyiv. ",
		"Moscow rejected the draft, while China, India and the United Arab Emirates abstained. ",
		"The Washington Post reported that Georgia's governor met officials in Atlanta, Georgia. ",
		"Michael Jordan was not there; Jordan and Egypt voted in favour of the text. ",
		"Latin American delegations joined the African Union and ASEAN in calling for restraint. ",
		"Côte d’Ivoire, the Democratic People’s Republic of Korea and Micronesia (Federated States of) spoke. ",
		"Analysts said the committee would meet again next week to consider the amended proposal. ",
	}
	var b strings.Builder
	for b.Len() < size {
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	getTable()
	b.Run("synthetic", func(b *testing.B) {
		text := syntheticText(64 << 10)
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			Find(text)
		}
	})
	b.Run("dev", func(b *testing.B) {
		texts, ok := devTexts(b)
		if !ok {
			b.Skip("no shared development data")
		}
		n := 0
		for _, t := range texts {
			n += len(t)
		}
		b.SetBytes(int64(n))
		b.ReportAllocs()
		for b.Loop() {
			for _, t := range texts {
				Find(t)
			}
		}
	})
	b.Run("parallel", func(b *testing.B) {
		text := syntheticText(16 << 10)
		b.SetBytes(int64(len(text)))
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				Find(text)
			}
		})
	})
}

// BenchmarkFindScaling shows that time per byte does not grow with the
// input, on news text and on inputs built to defeat a matcher: phrase
// prefixes repeated without end and one line with no sentence end.
func BenchmarkFindScaling(b *testing.B) {
	getTable()
	shapes := map[string]string{
		"news":     syntheticText(1 << 10),
		"prefixes": "Democratic Republic of the Lao People's Democratic Micronesia (Federated States of ",
		"numbers":  "1,500 93-18 Russia's 12 U.S. 2024 ",
	}
	for _, name := range []string{"news", "prefixes", "numbers"} {
		for _, size := range []int{4 << 10, 256 << 10, 4 << 20} {
			text := strings.Repeat(shapes[name], size/len(shapes[name])+1)[:size]
			b.Run(fmt.Sprintf("%s/%dKB", name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					Find(text)
				}
			})
		}
	}
}

func BenchmarkBuildTable(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := buildTable(iso3166TSV, supplementTSV); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDevTexts checks the countries found in the development articles
// against their gold files: every gold country is found and nothing
// else is.
func TestDevTexts(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Skip("no module root")
	}
	dir := filepath.Join(root, "..", "shared", "data", "extract-dev")
	golds, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(golds) == 0 {
		t.Skip("no shared development data")
	}
	for _, g := range golds {
		t.Run(filepath.Base(g), func(t *testing.T) {
			want, textFile := readGoldCountries(t, g)
			b, err := os.ReadFile(filepath.Join(dir, textFile))
			if err != nil {
				t.Fatal(err)
			}
			got := countrySet(Find(string(b)))
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("countries = %v, want %v", got, want)
			}
		})
	}
}
