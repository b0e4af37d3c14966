package events

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/extract"
)

func ip(n int) *int { return &n }

// rep makes a report of article id published on pub whose only evidence
// sentence is sentence; tally is "yes-no-abstain" with "_" for unstated.
func rep(id, pub, body, tally, sentence string, positions map[string]string, sponsors ...string) Report {
	p, err := time.Parse(time.DateOnly, pub)
	if err != nil {
		panic(err)
	}
	v := extract.Vote{Body: body, Positions: positions, Sponsors: sponsors,
		Evidence: []extract.Evidence{{Sentence: sentence}}}
	if tally != "" {
		sides := strings.Split(tally, "-")
		ps := []**int{&v.Tally.Yes, &v.Tally.No, &v.Tally.Abstain}
		for i, s := range sides {
			var n int
			if _, err := fmt.Sscan(s, &n); err == nil {
				*ps[i] = ip(n)
			}
		}
	}
	return NewReport(Article{ID: id, Published: p.Add(9 * time.Hour)}, 0, v)
}

// groups gives each event's article ids, sorted, one string per event.
func groups(evs []Event) []string {
	var out []string
	for _, e := range evs {
		var ids []string
		for _, a := range e.Articles {
			ids = append(ids, a.ID)
		}
		slices.Sort(ids)
		out = append(out, e.Body+" "+e.Date+": "+strings.Join(ids, " "))
	}
	slices.Sort(out)
	return out
}

func TestBuildTraps(t *testing.T) {
	usNo := map[string]string{"USA": "no", "RUS": "no"}
	tests := []struct {
		name    string
		reports []Report
		want    []string
	}{
		{"same day, two texts, one body", []Report{
			rep("a", "2025-02-25", "UNGA", "93-18-65", "The Assembly on Monday adopted the Ukrainian text by 93 votes to 18, with 65 abstentions.", usNo),
			rep("b", "2025-02-24", "UNGA", "93-8-73", "The amended US text passed 93-8-73 on Monday.", nil),
			rep("c", "2025-02-25", "UNGA", "93-18-65", "It passed 93 to 18 with 65 abstaining.", nil),
			rep("d", "2025-02-26", "UNGA", "93-8-73", "On 24 February the Assembly adopted the US draft as amended, 93-8-73.", nil),
		}, []string{"UNGA 2025-02-24: a c", "UNGA 2025-02-24: b d"}},
		{"misreported side joins when the rest agrees", []Report{
			rep("a", "2025-02-25", "UNGA", "93-18-65", "The Assembly on Monday adopted it by 93 votes to 18, with 65 abstentions.", usNo),
			rep("b", "2025-02-25", "UNGA", "93-18-63", "On Monday, 93 voted for, 18 against and 63 abstained.", usNo),
		}, []string{"UNGA 2025-02-24: a b"}},
		{"misreported side with nothing else agreeing stays apart", []Report{
			rep("a", "2025-02-25", "UNGA", "93-18-65", "The Assembly on Monday adopted it by 93 votes to 18, with 65 abstentions.", nil),
			rep("b", "2025-02-25", "UNGA", "93-18-63", "On Monday, 93 voted for, 18 against and 63 abstained.", nil),
		}, []string{"UNGA 2025-02-24: a", "UNGA 2025-02-24: b"}},
		{"a country yes and no splits", []Report{
			rep("a", "2025-02-25", "UNGA", "", "The Assembly on Monday adopted the text.", map[string]string{"USA": "no"}),
			rep("b", "2025-02-25", "UNGA", "", "The Assembly on Monday adopted the text.", map[string]string{"USA": "abstain"}),
		}, []string{"UNGA 2025-02-24: a", "UNGA 2025-02-24: b"}},
		{"a position some report states agrees", []Report{
			rep("a", "2025-02-25", "UNSC", "10-0-5", "The Council on Monday adopted the US text by 10 votes to none, with 5 abstentions.", map[string]string{"RUS": "yes", "GBR": "abstain", "FRA": "abstain"}, "USA"),
			rep("b", "2025-02-25", "UNSC", "10-0-5", "The Council on Monday adopted it 10-0-5.", map[string]string{"RUS": "no", "GBR": "abstain"}),
			rep("c", "2025-02-25", "UNSC", "10-_-5", "On Monday the text won 10 votes, with 5 abstentions.", map[string]string{"RUS": "no"}),
		}, []string{"UNSC 2025-02-24: a b c"}},
		{"disjoint sponsors split", []Report{
			rep("a", "2025-02-25", "UNSC", "", "The Council on Monday voted.", nil, "USA"),
			rep("b", "2025-02-25", "UNSC", "", "The Council on Monday voted.", nil, "FRA", "GBR"),
		}, []string{"UNSC 2025-02-24: a", "UNSC 2025-02-24: b"}},
		{"annual resolution, last year's recall joins last year", []Report{
			rep("a", "2024-10-31", "UNGA", "187-2-1", "The Assembly on Wednesday again called for an end to the embargo, 187 to 2, with 1 abstention.", nil),
			rep("b", "2024-10-30", "UNGA", "187-2-1", "The vote today was 187 in favour, 2 against and 1 abstention.", nil),
			rep("c", "2025-10-30", "UNGA", "165-7-12", "On Wednesday the vote was 165 to 7 with 12 abstentions.", nil),
			rep("d", "2025-10-30", "UNGA", "187-2-1", "Last year the same text passed 187 to 2 with 1 abstention.", nil),
			rep("e", "2023-11-03", "UNGA", "187-2-1", "The Assembly on Thursday adopted the text 187-2-1.", nil),
		}, []string{"UNGA 2023-11-02: e", "UNGA 2024-10-30: a b d", "UNGA 2025-10-29: c"}},
		{"next-day story without a date joins within the window", []Report{
			rep("a", "2025-02-24", "UNSC", "10-0-5", "The Council adopted the US text today by 10 votes, with 5 abstentions.", nil),
			rep("b", "2025-02-26", "UNSC", "10-_-5", "The text received 10 votes in favour and 5 abstentions.", nil),
			rep("c", "2025-03-10", "UNSC", "10-_-5", "The text received 10 votes in favour and 5 abstentions.", nil),
		}, []string{"UNSC 2025-02-24: a b", "UNSC 2025-03-10: c"}},
		{"a recall with nothing to join is its own year", []Report{
			rep("a", "2025-10-30", "UNGA", "187-2-1", "Last year the text passed 187 to 2 with 1 abstention.", nil),
			rep("b", "2025-10-30", "UNGA", "165-7-12", "On Wednesday the vote was 165 to 7 with 12 abstentions.", nil),
		}, []string{"UNGA 2024: a", "UNGA 2025-10-29: b"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs, _ := Build(DefaultConfig(), tc.reports)
			if got := groups(evs); !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestFuseSupport(t *testing.T) {
	usNo := map[string]string{"USA": "no", "RUS": "no"}
	evs, _ := Build(DefaultConfig(), []Report{
		rep("a", "2025-02-25", "UNGA", "93-18-65", "The Assembly on Monday adopted it by 93 votes to 18, with 65 abstentions.", usNo),
		rep("b", "2025-02-25", "UNGA", "93-18-63", "On Monday, 93 voted for, 18 against and 63 abstained.", map[string]string{"USA": "no", "RUS": "no", "HUN": "no"}),
		rep("c", "2025-02-25", "UNGA", "93-18-65", "On Monday it passed 93-18-65.", nil),
	})
	if len(evs) != 1 {
		t.Fatalf("got %d events, want 1: %q", len(evs), groups(evs))
	}
	e := evs[0]
	if *e.Tally.Abstain != 65 || e.Date != "2025-02-24" || e.Positions["HUN"] != "no" {
		t.Errorf("fused %+v", e)
	}
	s := e.Support["tally.abstain"]
	if s.Reason != ReasonMostSources || !slices.Equal(s.Articles, []string{"a", "c"}) ||
		len(s.Conflicts) != 1 || s.Conflicts[0].Value != "63" || !slices.Equal(s.Conflicts[0].Articles, []string{"b"}) {
		t.Errorf("tally.abstain support %+v", s)
	}
	if s := e.Support["tally.yes"]; s.Reason != ReasonOnly || len(s.Articles) != 3 {
		t.Errorf("tally.yes support %+v", s)
	}
}

func TestVoteReasons(t *testing.T) {
	mk := func(id string, specific int) *Report {
		return &Report{Article: Article{ID: id}, specific: specific}
	}
	a, b, c := mk("a", 3), mk("b", 9), mk("c", 1)
	tests := []struct {
		name   string
		claims []claim
		value  string
		reason string
	}{
		{"one value", []claim{{"65", a}, {"65", b}}, "65", ReasonOnly},
		{"most sources", []claim{{"65", a}, {"65", c}, {"63", b}}, "65", ReasonMostSources},
		{"tie goes to the most specific source", []claim{{"65", a}, {"63", b}}, "63", ReasonMostSpecific},
		{"full tie goes to the smaller value", []claim{{"65", a}, {"63", mk("d", 3)}}, "63", ReasonMostSpecific},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := vote(tc.claims)
			if s.Value != tc.value || s.Reason != tc.reason {
				t.Errorf("got %q (%s), want %q (%s)", s.Value, s.Reason, tc.value, tc.reason)
			}
			if n := len(s.Conflicts); (tc.reason == ReasonOnly) != (n == 0) {
				t.Errorf("%d conflicts for reason %s", n, s.Reason)
			}
		})
	}
}

func TestBuildSkipsUnplaceable(t *testing.T) {
	noBody := rep("x", "2025-02-25", "", "93-18-65", "On Monday it passed.", nil)
	undated := rep("y", "2025-02-25", "UNGA", "93-18-65", "It passed.", nil)
	undated.Date = Date{}
	evs, skipped := Build(DefaultConfig(), []Report{noBody, undated, rep("a", "2025-02-25", "UNGA", "93-18-65", "On Monday it passed.", nil)})
	if got := groups(evs); !slices.Equal(got, []string{"UNGA 2025-02-24: a"}) {
		t.Errorf("events %q", got)
	}
	if len(skipped) != 2 || skipped[0].Article.ID != "x" || skipped[1].Article.ID != "y" {
		t.Errorf("skipped %+v, want x and y", skipped)
	}
}

func TestStreamOrder(t *testing.T) {
	st := NewStream(DefaultConfig(), func(Event) {})
	if err := st.Add(rep("a", "2025-02-25", "UNGA", "", "On Monday.", nil)); err != nil {
		t.Fatal(err)
	}
	err := st.Add(rep("b", "2025-02-20", "UNGA", "", "On Monday.", nil))
	if !errors.Is(err, ErrOrder) {
		t.Errorf("got %v, want ErrOrder", err)
	}
	if err := st.Add(rep("c", "2025-02-25", "", "", "On Monday.", nil)); err == nil || !strings.Contains(err.Error(), "no body") {
		t.Errorf("got %v, want a no-body error", err)
	}
}

// TestBuildDeterministic builds the same reports given in two orders and
// wants the same events, byte for byte.
func TestBuildDeterministic(t *testing.T) {
	var rs []Report
	generate(5000, func(r Report) { rs = append(rs, r) })
	a, _ := Build(DefaultConfig(), rs)
	slices.Reverse(rs)
	b, _ := Build(DefaultConfig(), rs)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Errorf("two orders of the same reports give different events (%d and %d)", len(a), len(b))
	}
}
