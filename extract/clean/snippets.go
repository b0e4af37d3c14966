package clean

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// SnippetTruth is what one page of a snippet dataset says about its main
// text: snippets it must contain (With) and must not contain (Without).
type SnippetTruth struct {
	URL     string   `json:"url"`
	With    []string `json:"with"`
	Without []string `json:"without"`
}

// PageScore is the result of one page of a snippet dataset.
type PageScore struct {
	ID     string   `json:"id"`
	URL    string   `json:"url"`
	TP     int      `json:"tp"`
	FP     int      `json:"fp"`
	FN     int      `json:"fn"`
	TN     int      `json:"tn"`
	Missed []string `json:"missed,omitempty"` // "with" snippets not found
	Leaked []string `json:"leaked,omitempty"` // "without" snippets found
	Reason string   `json:"reason,omitempty"` // why the cleaner found no article
	Millis float64  `json:"ms"`               // parse plus extraction
}

// SnippetReport sums the scores of a snippet dataset.
type SnippetReport struct {
	Pages     int         `json:"pages"`
	TP        int         `json:"tp"`
	FP        int         `json:"fp"`
	FN        int         `json:"fn"`
	TN        int         `json:"tn"`
	Precision float64     `json:"precision"`
	Recall    float64     `json:"recall"`
	F1        float64     `json:"f1"`
	MedianMS  float64     `json:"median_ms"` // median time per page
	TotalMS   float64     `json:"total_ms"`  // time over all pages
	PerPage   []PageScore `json:"per_page,omitempty"`
}

// ErrNoDataset is returned by ScoreSnippets when dir holds no dataset.
var ErrNoDataset = errors.New("no snippet dataset")

// LoadSnippetTruth reads truth.json of a snippet dataset in dir.
func LoadSnippetTruth(dir string) (map[string]SnippetTruth, error) {
	path := filepath.Join(dir, "truth.json")
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w: %s missing", ErrNoDataset, path)
		}
		return nil, fmt.Errorf("read truth: %w", err)
	}
	var truth map[string]SnippetTruth
	if err := json.Unmarshal(data, &truth); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return truth, nil
}

// ReadSnippetPage returns the bytes of page id of a snippet dataset:
// pages/ID.html.gz, or pages/ID.html when not compressed.
func ReadSnippetPage(dir, id string) ([]byte, error) {
	base := filepath.Join(dir, "pages", id+".html")
	if data, err := os.ReadFile(base); err == nil {
		return data, nil
	}
	f, err := os.Open(base + ".gz")
	if err != nil {
		return nil, fmt.Errorf("open page %s: %w", id, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("page %s: %w", base+".gz", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("page %s: %w", base+".gz", err)
	}
	return data, nil
}

// ScoreSnippets cleans every page of the snippet dataset in dir (the
// layout of pages/NNN.html.gz and truth.json) one at a time and scores the
// main texts: a "with" snippet found is a true positive, missed a false
// negative; a "without" snippet found is a false positive, absent a true
// negative. The test is a case-sensitive substring test after deleting
// soft hyphens from both sides. Times cover parsing and extraction of a
// page already in memory.
func ScoreSnippets(ctx context.Context, dir string, c *Cleaner) (SnippetReport, error) {
	truth, err := LoadSnippetTruth(dir)
	if err != nil {
		return SnippetReport{}, err
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var rep SnippetReport
	times := make([]float64, 0, len(ids))
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		data, err := ReadSnippetPage(dir, id)
		if err != nil {
			return rep, err
		}
		t := truth[id]
		start := time.Now()
		art, err := c.CleanBytes(data, strings.TrimSpace(t.URL), "")
		ms := float64(time.Since(start).Nanoseconds()) / 1e6
		if err != nil && !errors.Is(err, ErrNotHTML) {
			return rep, fmt.Errorf("page %s: %w", id, err)
		}
		ps := ScorePage(art.Text, t)
		ps.ID, ps.URL, ps.Reason, ps.Millis = id, t.URL, art.Reason, ms
		rep.PerPage = append(rep.PerPage, ps)
		rep.TP += ps.TP
		rep.FP += ps.FP
		rep.FN += ps.FN
		rep.TN += ps.TN
		rep.TotalMS += ms
		times = append(times, ms)
	}
	rep.Pages = len(ids)
	rep.MedianMS = median(times)
	rep.Precision = ratio(rep.TP, rep.TP+rep.FP)
	rep.Recall = ratio(rep.TP, rep.TP+rep.FN)
	rep.F1 = ratio(2*rep.TP, 2*rep.TP+rep.FP+rep.FN)
	return rep, nil
}

// ScorePage scores one main text against the snippets of its page.
func ScorePage(text string, t SnippetTruth) PageScore {
	var ps PageScore
	text = strings.ReplaceAll(text, "\u00ad", "")
	empty := strings.TrimSpace(text) == ""
	for _, s := range t.With {
		s = strings.ReplaceAll(s, "\u00ad", "")
		if !empty && strings.Contains(text, s) {
			ps.TP++
		} else {
			ps.FN++
			ps.Missed = append(ps.Missed, s)
		}
	}
	for _, s := range t.Without {
		s = strings.ReplaceAll(s, "\u00ad", "")
		if !empty && strings.Contains(text, s) {
			ps.FP++
			ps.Leaked = append(ps.Leaked, s)
		} else {
			ps.TN++
		}
	}
	return ps
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}
