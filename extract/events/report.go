package events

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/tally-news/tally/extract"
)

// Article identifies the article a vote was read from.
type Article struct {
	// ID is the article's identity in the caller's store (a corpus row
	// id, a gold file's name); events refer to articles by it.
	ID        string
	URL       string
	Site      string
	Published time.Time
	// Text is the article text its record's evidence points into; the
	// vote's date is read from the sentences there.
	Text string
}

// Report is one article's account of one vote: the Vote its record holds
// at position Index, and the date that vote took place.
type Report struct {
	Article Article
	// Index is the vote's position in its record's Votes.
	Index int
	Vote  extract.Vote
	// Date is when the vote took place, as the text says or else the
	// publication day; NewReport fills it in.
	Date Date

	// Derived once by prepare, read by matching and fusion.
	motionWords []string
	specific    int
}

// NewReport makes the report of a record's vote at index, dating it from
// its evidence sentences against the article's publication time.
func NewReport(a Article, index int, v extract.Vote) Report {
	return Report{Article: a, Index: index, Vote: v, Date: VoteDate(v, a.Text, a.Published)}
}

// Reports makes the reports of every vote of one article's record.
func Reports(a Article, rec extract.Record) []Report {
	out := make([]Report, 0, len(rec.Votes))
	for i, v := range rec.Votes {
		out = append(out, NewReport(a, i, v))
	}
	return out
}

// Key names the report uniquely: its article and its vote's index.
func (r *Report) Key() string { return r.Article.ID + "#" + strconv.Itoa(r.Index) }

// Compare orders reports the way Stream wants them: by body, then by the
// first day their date allows, then by article and vote index so that the
// order is total.
func Compare(a, b Report) int {
	if c := cmp.Compare(a.Vote.Body, b.Vote.Body); c != 0 {
		return c
	}
	if c := a.Date.Start.Compare(b.Date.Start); c != 0 {
		return c
	}
	return compareKeys(&a, &b)
}

// compareKeys orders reports by article id, then vote index.
func compareKeys(a, b *Report) int {
	if c := cmp.Compare(a.Article.ID, b.Article.ID); c != 0 {
		return c
	}
	return cmp.Compare(a.Index, b.Index)
}

// Sort puts reports in the order Stream wants.
func Sort(rs []Report) { slices.SortFunc(rs, Compare) }

// prepare computes what matching reads many times: the motion's content
// words and how specific the report is.
func (r *Report) prepare() {
	if r.motionWords == nil {
		r.motionWords = contentWords(r.Vote.Motion)
	}
	r.specific = specificity(r)
}

// specificity counts the facts a report states; among sources that
// disagree, the more specific one is believed first.
func specificity(r *Report) int {
	n := len(r.Vote.Positions) + len(r.Vote.Sponsors)
	t := r.Vote.Tally
	for _, p := range []*int{t.Yes, t.No, t.Abstain} {
		if p != nil {
			n += 2
		}
	}
	if r.Vote.Outcome != "" {
		n++
	}
	if r.Date.FromText {
		n++
		if r.Date.Precision == Day {
			n++
		}
	}
	return n
}
