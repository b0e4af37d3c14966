package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/events"
)

// Gold is an events gold set.
type Gold struct {
	Articles []Article
	Events   []Event
}

// Article is one article of a gold set.
type Article struct {
	Name string
	Text string
	events.Article
}

// Event is one gold event.
type Event struct {
	ID        string            `json:"id"`
	Body      string            `json:"body"`
	Date      string            `json:"date"`
	Outcome   string            `json:"outcome"`
	Tally     extract.Tally     `json:"tally"`
	Positions map[string]string `json:"positions"`
	Sponsors  []string          `json:"sponsors"`
	Articles  []string          `json:"articles"`
}

type articleMeta struct {
	Published string `json:"published"`
	URL       string `json:"url"`
	Site      string `json:"site"`
}

// LoadGold reads a gold set from fsys (os.DirFS of its folder) and checks
// it; a fault names the file and the entry.
func LoadGold(fsys fs.FS) (*Gold, error) {
	var meta map[string]articleMeta
	if err := readJSON(fsys, "articles.json", &meta); err != nil {
		return nil, err
	}
	var evf struct {
		Events []Event `json:"events"`
	}
	if err := readJSON(fsys, "events.json", &evf); err != nil {
		return nil, err
	}
	txts, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	g := &Gold{Events: evf.Events}
	names := map[string]bool{}
	for _, f := range txts {
		name := strings.TrimSuffix(path.Base(f), ".txt")
		m, ok := meta[name]
		if !ok {
			return nil, fmt.Errorf("articles.json: no entry for %s", f)
		}
		pub, err := time.Parse(time.RFC3339, m.Published)
		if err != nil {
			return nil, fmt.Errorf("articles.json: %s: published %q is not an RFC 3339 time", name, m.Published)
		}
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f, err)
		}
		names[name] = true
		g.Articles = append(g.Articles, Article{Name: name, Text: string(b),
			Article: events.Article{ID: name, URL: m.URL, Site: m.Site, Published: pub, Text: string(b)}})
	}
	for name := range meta {
		if !names[name] {
			return nil, fmt.Errorf("articles.json: %s has no %s.txt", name, name)
		}
	}
	ids := map[string]bool{}
	for i, e := range g.Events {
		where := fmt.Sprintf("events.json: events[%d]", i)
		switch {
		case e.ID == "":
			return nil, fmt.Errorf("%s: no id", where)
		case ids[e.ID]:
			return nil, fmt.Errorf("%s: id %q used twice", where, e.ID)
		case e.Body == "":
			return nil, fmt.Errorf("%s (%s): no body", where, e.ID)
		case len(e.Articles) == 0:
			return nil, fmt.Errorf("%s (%s): no articles", where, e.ID)
		}
		if _, err := time.Parse(time.DateOnly, e.Date); err != nil {
			return nil, fmt.Errorf("%s (%s): date %q is not YYYY-MM-DD", where, e.ID, e.Date)
		}
		if !slices.Contains([]string{"", extract.Adopted, extract.Rejected, extract.Vetoed, extract.Withdrawn}, e.Outcome) {
			return nil, fmt.Errorf("%s (%s): outcome %q is not adopted, rejected, vetoed or withdrawn", where, e.ID, e.Outcome)
		}
		for actor, p := range e.Positions {
			if p != extract.Yes && p != extract.No && p != extract.Abstain {
				return nil, fmt.Errorf("%s (%s): positions[%q]: %q is not yes, no or abstain", where, e.ID, actor, p)
			}
		}
		for _, a := range e.Articles {
			if !names[a] {
				return nil, fmt.Errorf("%s (%s): article %q has no %s.txt", where, e.ID, a, a)
			}
		}
		ids[e.ID] = true
	}
	return g, nil
}

func readJSON(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("gold set has no %s: %w", name, err)
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
