package clean

import (
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestScorePage(t *testing.T) {
	truth := SnippetTruth{With: []string{"alpha beta", "gam\u00adma", "delta"}, Without: []string{"Menu", "footer text"}}
	tests := []struct {
		name           string
		text           string
		tp, fp, fn, tn int
	}{
		{"perfect", "alpha beta\ngamma delta", 3, 0, 0, 2},
		{"soft hyphens ignored on both sides", "alpha beta gam\u00adma delta", 3, 0, 0, 2},
		{"case matters", "Alpha Beta gamma delta", 2, 0, 1, 2},
		{"leak", "alpha beta gamma delta Menu", 3, 1, 0, 1},
		{"empty output misses all and leaks nothing", "  \n ", 0, 0, 3, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ScorePage(tc.text, truth)
			if got.TP != tc.tp || got.FP != tc.fp || got.FN != tc.fn || got.TN != tc.tn {
				t.Errorf("got TP %d FP %d FN %d TN %d, want %d %d %d %d", got.TP, got.FP, got.FN, got.TN, tc.tp, tc.fp, tc.fn, tc.tn)
			}
			if len(got.Missed) != got.FN || len(got.Leaked) != got.FP {
				t.Errorf("missed %v leaked %v do not match the counts", got.Missed, got.Leaked)
			}
		})
	}
}

func TestScoreSnippets(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "pages"), 0o755); err != nil {
		t.Fatal(err)
	}
	page := func(body string) string {
		return "<html><body><nav><a href=/>Home</a> <a href=/a>Archive</a></nav><article>" + body + "</article><footer>Footer line</footer></body></html>"
	}
	writeGz := func(name, s string) {
		f, err := os.Create(filepath.Join(dir, "pages", name))
		if err != nil {
			t.Fatal(err)
		}
		zw := gzip.NewWriter(f)
		if _, err := zw.Write([]byte(s)); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	writeGz("001.html.gz", page("<p>The assembly adopted the resolution by a large majority after a short debate on Monday.</p><p>Delegates from twelve countries spoke before the vote was taken in the hall.</p>"))
	if err := os.WriteFile(filepath.Join(dir, "pages", "002.html"), []byte(page("<p>Short.</p>")), 0o644); err != nil {
		t.Fatal(err)
	}
	truth := `{"001": {"url": "https://ex.org/1", "with": ["adopted the resolution", "twelve countries", "not there"], "without": ["Archive", "Footer line"]},
	           "002": {"url": "https://ex.org/2", "with": ["Short."], "without": ["Home"]}}`
	if err := os.WriteFile(filepath.Join(dir, "truth.json"), []byte(truth), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := ScoreSnippets(context.Background(), dir, New(DefaultConfig()))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pages != 2 || rep.TP != 2 || rep.FN != 2 || rep.FP != 0 || rep.TN != 3 {
		t.Errorf("got %d pages, TP %d FP %d FN %d TN %d; want 2 pages, TP 2 FP 0 FN 2 TN 3", rep.Pages, rep.TP, rep.FP, rep.FN, rep.TN)
	}
	if want := 2.0 * 2 / (2*2 + 0 + 2); rep.F1 != want {
		t.Errorf("F1 = %v, want %v", rep.F1, want)
	}
	if len(rep.PerPage) != 2 || rep.PerPage[1].Reason == "" || rep.PerPage[0].Missed[0] != "not there" {
		t.Errorf("per page: %+v", rep.PerPage)
	}
	if rep.MedianMS <= 0 || rep.TotalMS < rep.MedianMS {
		t.Errorf("times: median %v total %v", rep.MedianMS, rep.TotalMS)
	}
	if _, err := ScoreSnippets(context.Background(), t.TempDir(), New(DefaultConfig())); !errors.Is(err, ErrNoDataset) {
		t.Errorf("empty folder: err = %v, want ErrNoDataset", err)
	}
}

// TestCleanDevQuality scores the cleaner on the clean-dev pages when they
// are next to the repository, and holds it to the F1 it reached.
func TestCleanDevQuality(t *testing.T) {
	dir := devDir(t)
	if dir == "" {
		t.Skip("clean-dev dataset not found")
	}
	if testing.Short() {
		t.Skip("dataset scoring skipped in short mode")
	}
	rep, err := ScoreSnippets(context.Background(), dir, New(DefaultConfig()))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("clean-dev: F1 %.4f P %.4f R %.4f (TP %d FP %d FN %d)", rep.F1, rep.Precision, rep.Recall, rep.TP, rep.FP, rep.FN)
	if rep.F1 < 0.92 {
		t.Errorf("F1 %.4f on clean-dev, want at least 0.92", rep.F1)
	}
}
