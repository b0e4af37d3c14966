package events

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tally-news/tally/extract"
)

// Event is one real-world vote, fused from every report of it.
type Event struct {
	// ID names the event: its body and a hash of its first report's key
	// (article id and vote index), so an event keeps its id while that
	// report stays in it.
	ID   string `json:"id"`
	Body string `json:"body"`
	// Date is the day the vote took place, YYYY-MM-DD; when no report
	// knows the day, the month (YYYY-MM), the year (YYYY) or the week
	// (YYYY-MM-DD/YYYY-MM-DD) it took place in, as DatePrecision says.
	Date          string `json:"date"`
	DatePrecision string `json:"date_precision"`
	// Motion is the most informative motion text: the one with the most
	// words that say what it is about.
	Motion    string            `json:"motion,omitempty"`
	Outcome   string            `json:"outcome,omitempty"`
	Tally     extract.Tally     `json:"tally"`
	Positions map[string]string `json:"positions,omitempty"`
	Sponsors  []string          `json:"sponsors,omitempty"`
	Articles  []ArticleRef      `json:"articles"`
	// Support says, for every fused fact, which articles state the kept
	// value, which state others, and why the kept one won. Keys are
	// "date", "motion", "outcome", "tally.yes", "tally.no", "tally.abstain",
	// "positions.CODE" and "sponsors.CODE".
	Support map[string]Support `json:"support"`
}

// ArticleRef is one article that reports an event.
type ArticleRef struct {
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Site      string `json:"site,omitempty"`
	Published string `json:"published,omitempty"`
	// Vote is the index of the event's vote in the article record's Votes.
	Vote int `json:"vote"`
	// Date is the date this article gives the vote, and DateFrom "text"
	// or "published".
	Date     string `json:"date"`
	DateFrom string `json:"date_from"`
}

// Support is the evidence for one fused fact.
type Support struct {
	Value    string   `json:"value"`
	Articles []string `json:"articles"`
	// Reason is why Value was kept: "only value" when no article
	// disagrees, "most sources", or "most specific source" when as many
	// articles state another value and the most specific article (the
	// one stating the most facts about the vote) states this one.
	Reason    string     `json:"reason"`
	Conflicts []Conflict `json:"conflicts,omitempty"`
}

// Conflict is a value of a fact that some articles state and the event
// does not keep.
type Conflict struct {
	Value    string   `json:"value"`
	Articles []string `json:"articles"`
}

// Reasons a fused value was kept.
const (
	ReasonOnly         = "only value"
	ReasonMostSources  = "most sources"
	ReasonMostSpecific = "most specific source"
	// ReasonMostInformative is the motion's reason: the text with the most
	// words that say what the motion is about.
	ReasonMostInformative = "most informative"
)

var tallyKeys = [3]string{"tally.yes", "tally.no", "tally.abstain"}

// claim is one article's value for one fact.
type claim struct {
	value string
	r     *Report
}

// vote picks a fact's value from its claims: most articles, then the most
// specific article, then the smallest value so the choice is stable.
func vote(claims []claim) Support {
	// The common case: every article states the same value.
	same := true
	for _, c := range claims[1:] {
		if c.value != claims[0].value {
			same = false
			break
		}
	}
	if same {
		ids := make([]string, len(claims))
		for i, c := range claims {
			ids[i] = c.r.Article.ID
		}
		return Support{Value: claims[0].value, Articles: sorted(ids), Reason: ReasonOnly}
	}
	type group struct {
		value    string
		articles []string
		best     int
	}
	var gs []*group
	for _, c := range claims {
		var g *group
		for _, x := range gs {
			if x.value == c.value {
				g = x
			}
		}
		if g == nil {
			g = &group{value: c.value, best: -1}
			gs = append(gs, g)
		}
		g.articles = append(g.articles, c.r.Article.ID)
		g.best = max(g.best, c.r.specific)
	}
	slices.SortFunc(gs, func(a, b *group) int {
		if c := cmp.Compare(len(b.articles), len(a.articles)); c != 0 {
			return c
		}
		if c := cmp.Compare(b.best, a.best); c != 0 {
			return c
		}
		return cmp.Compare(a.value, b.value)
	})
	s := Support{Value: gs[0].value, Articles: sorted(gs[0].articles), Reason: ReasonMostSources}
	if len(gs[1].articles) == len(gs[0].articles) {
		s.Reason = ReasonMostSpecific
	}
	for _, g := range gs[1:] {
		s.Conflicts = append(s.Conflicts, Conflict{Value: g.value, Articles: sorted(g.articles)})
	}
	return s
}

func sorted(s []string) []string { slices.Sort(s); return slices.Compact(s) }

// fuse makes the event of a finished cluster.
func fuse(c *cluster) Event {
	ms := slices.Clone(c.members)
	slices.SortFunc(ms, compareKeys)
	ev := Event{Body: c.body, Support: map[string]Support{}}
	sum := sha256.Sum256([]byte(c.body + "\x00" + ms[0].Key()))
	ev.ID = strings.ToLower(c.body) + "-" + hex.EncodeToString(sum[:6])

	// Date: a day stated in the text, else the publication day, else the
	// narrowest span.
	var textDays, pubDays, spans []claim
	for _, r := range ms {
		day := r.Date.String()
		ev.Articles = append(ev.Articles, ArticleRef{ID: r.Article.ID, URL: r.Article.URL, Site: r.Article.Site,
			Published: published(r.Article.Published), Vote: r.Index, Date: day, DateFrom: dateFrom(r.Date)})
		switch {
		case r.Date.Precision == Day && r.Date.FromText:
			textDays = append(textDays, claim{day, r})
		case r.Date.Precision == Day:
			pubDays = append(pubDays, claim{day, r})
		default:
			spans = append(spans, claim{day, r})
		}
	}
	switch {
	case len(textDays) > 0:
		ev.Support["date"] = vote(textDays)
		ev.DatePrecision = Day.String()
	case len(pubDays) > 0:
		ev.Support["date"] = vote(pubDays)
		ev.DatePrecision = Day.String()
	default:
		ev.Support["date"] = vote(spans)
		ev.DatePrecision = c.span.Precision.String()
	}
	ev.Date = ev.Support["date"].Value

	// Motion: the most informative text.
	best := -1
	for _, r := range ms {
		if r.Vote.Motion != "" && (best < 0 || len(r.motionWords) > len(ms[best].motionWords)) {
			best = slices.Index(ms, r)
		}
	}
	if best >= 0 {
		ev.Motion = ms[best].Vote.Motion
		var arts []string
		for _, r := range ms {
			if r.Vote.Motion == ev.Motion {
				arts = append(arts, r.Article.ID)
			}
		}
		ev.Support["motion"] = Support{Value: ev.Motion, Articles: sorted(arts), Reason: ReasonMostInformative}
	}

	// Every other fact, gathered in one pass over the reports.
	type factKey struct {
		kind int // 0 outcome, 1-3 tally sides, 4 positions, 5 sponsors
		name string
	}
	claims := map[factKey][]claim{}
	for _, r := range ms {
		if r.Vote.Outcome != "" {
			k := factKey{0, ""}
			claims[k] = append(claims[k], claim{r.Vote.Outcome, r})
		}
		for side, p := range tallySides(r.Vote.Tally) {
			if p != nil {
				k := factKey{1 + side, ""}
				claims[k] = append(claims[k], claim{strconv.Itoa(*p), r})
			}
		}
		for actor, p := range r.Vote.Positions {
			k := factKey{4, actor}
			claims[k] = append(claims[k], claim{p, r})
		}
		for _, sp := range r.Vote.Sponsors {
			k := factKey{5, sp}
			claims[k] = append(claims[k], claim{"sponsor", r})
		}
	}
	for key, cs := range claims {
		s := vote(cs)
		switch key.kind {
		case 0:
			ev.Outcome = s.Value
			ev.Support["outcome"] = s
		case 1, 2, 3:
			n, _ := strconv.Atoi(s.Value)
			sides := [3]**int{&ev.Tally.Yes, &ev.Tally.No, &ev.Tally.Abstain}
			*sides[key.kind-1] = &n
			ev.Support[tallyKeys[key.kind-1]] = s
		case 4:
			if ev.Positions == nil {
				ev.Positions = map[string]string{}
			}
			ev.Positions[key.name] = s.Value
			ev.Support["positions."+key.name] = s
		default:
			ev.Sponsors = append(ev.Sponsors, key.name)
			ev.Support["sponsors."+key.name] = s
		}
	}
	slices.Sort(ev.Sponsors)
	return ev
}

func published(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func dateFrom(d Date) string {
	if d.FromText {
		return "text"
	}
	return "published"
}
