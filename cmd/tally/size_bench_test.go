package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/tally-news/tally/corpus"
)

// sizeSitePages is the size of the generated site BenchmarkCorpusSize
// crawls.
const sizeSitePages = 2000

// BenchmarkCorpusSize measures the room a corpus takes per article, in
// a new SQLite corpus and, when TALLY_TEST_POSTGRES is set, a new
// PostgreSQL one, filled three ways: tally run over the generated site of
// BenchmarkRun (sizeSitePages articles); tally import of the real pages
// of ../shared/data/clean-dev (skipped when absent); and tally import of
// one page made from each text of the project's sets (testdata/sets and
// testdata/gold). It reports bytes per article of the whole corpus
// (B/article) and of each table with its indexes (TABLE-B/article, for
// tables of at least 3% of the whole), and logs each table and index. Run
// it with -benchtime=1x; SQLite measures its tables only when go-sqlite3
// is built with -tags sqlite_dbstat (else only the whole is reported):
//
//	TALLY_TEST_POSTGRES=... go test -tags sqlite_dbstat -run '^$' -bench CorpusSize -benchtime 1x ./cmd/tally/
func BenchmarkCorpusSize(b *testing.B) {
	srv := httptest.NewServer(generatedSite(sizeSitePages))
	defer srv.Close()
	cleanDev := cleanDevPages(b)
	sets := setPages(b)
	for _, engine := range []string{"sqlite", "postgres"} {
		for _, c := range []struct {
			name string
			args func(db string) []string
			skip bool
		}{
			{"generated", func(db string) []string {
				return []string{"run", "--db", db, "--allow-private", "--ignore-robots", "--quiet",
					"--delay", "0", "--per-host", "8", "--depth", "1", "--job", "size", srv.URL + "/"}
			}, false},
			{"clean-dev", func(db string) []string {
				return []string{"import", "--db", db, "--base-url", "http://clean-dev.example/", cleanDev}
			}, cleanDev == ""},
			{"sets", func(db string) []string {
				return []string{"import", "--db", db, "--base-url", "http://sets.example/", sets}
			}, false},
		} {
			b.Run(engine+"/"+c.name, func(b *testing.B) {
				if c.skip {
					b.Skip("../shared/data/clean-dev not found")
				}
				for range b.N {
					db := filepath.Join(b.TempDir(), "size.db")
					if engine == "postgres" {
						db = postgresCorpus(b)
					}
					var out, errOut bytes.Buffer
					// An import with a page it cannot read still stores
					// the others, and says so by its error.
					if err := run(context.Background(), c.args(db), strings.NewReader(""), &out, &errOut); err != nil && !strings.Contains(out.String(), "imported") {
						b.Fatalf("%v\n%s%s", err, out.String(), errOut.String())
					}
					reportStorage(b, db)
				}
			})
		}
	}
}

// reportStorage reports the room the corpus at db takes per article.
func reportStorage(b *testing.B, db string) {
	b.Helper()
	ctx := context.Background()
	c, err := corpus.Open(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	st, err := c.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if st.Articles == 0 {
		b.Fatal("no article stored")
	}
	s, err := c.Storage(ctx)
	if err != nil && !errors.Is(err, corpus.ErrNoSizes) {
		b.Fatal(err)
	}
	n := float64(st.Articles)
	b.ReportMetric(float64(s.Bytes)/n, "B/article")
	tables := map[string]int64{}
	var log strings.Builder
	fmt.Fprintf(&log, "%d pages, %d articles, %d records: %.0f bytes per article\n", st.Pages, st.Articles, st.Records, float64(s.Bytes)/n)
	for _, p := range s.Parts {
		tables[p.Table] += p.Bytes
		if p.Bytes*1000 >= s.Bytes {
			fmt.Fprintf(&log, "  %-32s %-20s %8.0f B/article\n", p.Name, p.Table, float64(p.Bytes)/n)
		}
	}
	names := make([]string, 0, len(tables))
	for t, v := range tables {
		if v*100 >= 3*s.Bytes {
			names = append(names, t)
		}
	}
	sort.Strings(names)
	for _, t := range names {
		b.ReportMetric(float64(tables[t])/n, t+"-B/article")
	}
	b.Log(log.String())
}

// cleanDevPages writes the pages of ../shared/data/clean-dev, unzipped,
// to a temporary folder and returns it; "" when the set is absent.
func cleanDevPages(b *testing.B) string {
	files, _ := filepath.Glob(repoPath("..", "shared", "data", "clean-dev", "pages", "*.html.gz"))
	if len(files) == 0 {
		return ""
	}
	dir := b.TempDir()
	for _, f := range files {
		zipped, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		r, err := gzip.NewReader(bytes.NewReader(zipped))
		if err != nil {
			b.Fatalf("%s: %v", f, err)
		}
		page, err := io.ReadAll(r)
		if err != nil {
			b.Fatalf("%s: %v", f, err)
		}
		if err := os.WriteFile(filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), ".gz")), page, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// setPages writes a page for each text of the project's sets (its name
// the title, each line a paragraph of an article) to a temporary folder
// and returns it.
func setPages(b *testing.B) string {
	texts, _ := filepath.Glob(repoPath("testdata", "sets", "*", "*.txt"))
	gold, _ := filepath.Glob(repoPath("testdata", "gold", "*.txt"))
	texts = append(texts, gold...)
	if len(texts) == 0 {
		b.Fatal("no set texts found")
	}
	dir := b.TempDir()
	for _, f := range texts {
		text, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		var page strings.Builder
		fmt.Fprintf(&page, "<html><head><title>%s</title></head><body><article>\n", html.EscapeString(name))
		for _, line := range strings.Split(string(text), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				fmt.Fprintf(&page, "<p>%s</p>\n", html.EscapeString(line))
			}
		}
		page.WriteString("</article></body></html>\n")
		if err := os.WriteFile(filepath.Join(dir, name+".html"), []byte(page.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}
