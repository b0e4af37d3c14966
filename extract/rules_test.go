package extract_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract"
)

// TestRuleCases reads the cases of every rule family in
// testdata/rules/*.txtar: a new rule brings its cases in its family's
// file, or a new file. Each case is a section of the archive:
//
//	-- name --
//	text: the sentences to read, on one line
//	text+: a further line of the text, after a line break
//	vote: body=UNSC outcome=vetoed yes=13 positions=RUS:no
//	rules: outcome=veto-cast positions=veto-cast
//	stance: FRA oppose RUS cue
//
// The vote lines must be the votes found, in order, each summed up as
// voteLine writes it; a vote line ending in " ..." checks only the
// fields it lists, each whole. A rules line after a vote names, for some
// of its fields, a rule that set the field; the stance lines must be the
// stances found, in any order, with the rule that read each. "vote:
// none" and "stance: none" want none; a case with no vote line, or no
// stance line, does not check votes, or stances.
func TestRuleCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "rules", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no rule cases in testdata/rules (%v)", err)
	}
	for _, file := range files {
		family := strings.TrimSuffix(filepath.Base(file), ".txtar")
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		cases, err := parseRuleCases(string(data))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, c := range cases {
			t.Run(family+"/"+c.name, func(t *testing.T) { checkRuleCase(t, c) })
		}
	}
}

type ruleCase struct {
	name    string
	text    string
	votes   []string
	rules   map[int][]string // by vote index: "field=rule"
	stances []string
}

// parseRuleCases reads the sections of a txtar archive as cases; text
// before the first section is a comment.
func parseRuleCases(data string) ([]ruleCase, error) {
	var out []ruleCase
	var c *ruleCase
	for n, line := range strings.Split(data, "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") {
			out = append(out, ruleCase{name: strings.TrimSuffix(strings.TrimPrefix(line, "-- "), " --"), rules: map[int][]string{}})
			c = &out[len(out)-1]
			continue
		}
		if c == nil || strings.TrimSpace(line) == "" {
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		val = strings.TrimSpace(val)
		switch {
		case !ok:
			return nil, fmt.Errorf("line %d: want key: value, got %q", n+1, line)
		case key == "text":
			c.text = val
		case key == "text+" && c.text != "":
			c.text += "\n" + val
		case key == "vote":
			c.votes = append(c.votes, val)
		case key == "rules" && len(c.votes) > 0:
			c.rules[len(c.votes)-1] = strings.Fields(val)
		case key == "stance":
			c.stances = append(c.stances, val)
		default:
			return nil, fmt.Errorf("line %d: unknown key %q (or rules before a vote, or text+ before text)", n+1, key)
		}
	}
	for _, c := range out {
		if c.text == "" {
			return nil, fmt.Errorf("case %q has no text", c.name)
		}
	}
	return out, nil
}

func checkRuleCase(t *testing.T, c ruleCase) {
	rec := extractor.Explain(context.Background(), "t", c.text)
	var got []string
	for _, v := range rec.Votes {
		got = append(got, voteLine(v))
	}
	if wantVotes := noneIsEmpty(c.votes); c.votes != nil && !votesMatch(got, wantVotes) {
		t.Errorf("votes:\n got %q\nwant %q", got, wantVotes)
	}
	for i, want := range c.rules {
		if i >= len(rec.Votes) {
			continue
		}
		for _, fr := range want {
			field, rule, _ := strings.Cut(fr, "=")
			if !slices.Contains(rec.Votes[i].Rules[field], rule) {
				t.Errorf("vote %d: %s set by %v, want %s among them", i+1, field, rec.Votes[i].Rules[field], rule)
			}
		}
	}
	got = nil
	for _, s := range rec.Stances {
		got = append(got, fmt.Sprintf("%s %s %s %s", s.Holder, s.Polarity, s.Target, s.Rule))
	}
	want := noneIsEmpty(slices.Clone(c.stances))
	sort.Strings(got)
	sort.Strings(want)
	if c.stances != nil && !slices.Equal(got, want) {
		t.Errorf("stances:\n got %q\nwant %q", got, want)
	}
}

// votesMatch reports whether the votes found, as voteLine writes them,
// are the votes wanted: equal lines, or for a wanted line ending in
// " ..." a line holding each field it lists.
func votesMatch(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for i, w := range want {
		fields, partial := strings.CutSuffix(w, " ...")
		if !partial {
			if got[i] != w {
				return false
			}
			continue
		}
		have := strings.Fields(got[i])
		for _, f := range strings.Fields(fields) {
			if !slices.Contains(have, f) {
				return false
			}
		}
	}
	return true
}

// noneIsEmpty reads the lines ["none"] as no lines.
func noneIsEmpty(lines []string) []string {
	if len(lines) == 1 && lines[0] == "none" {
		return nil
	}
	return lines
}

// voteLine sums up a vote as the rule cases write it: "body=UNSC
// outcome=adopted yes=13 no=0 abstain=2 sponsors=FRA,MEX
// positions=CHN:abstain,RUS:abstain", leaving out what is not stated.
func voteLine(v extract.Vote) string {
	var parts []string
	add := func(k, val string) {
		if val != "" {
			parts = append(parts, k+"="+val)
		}
	}
	add("body", v.Body)
	add("outcome", v.Outcome)
	for _, side := range []struct {
		name string
		n    *int
	}{{"yes", v.Tally.Yes}, {"no", v.Tally.No}, {"abstain", v.Tally.Abstain}} {
		if side.n != nil {
			add(side.name, fmt.Sprint(*side.n))
		}
	}
	sponsors := slices.Clone(v.Sponsors)
	sort.Strings(sponsors)
	add("sponsors", strings.Join(sponsors, ","))
	var pos []string
	for code, p := range v.Positions {
		pos = append(pos, code+":"+p)
	}
	sort.Strings(pos)
	add("positions", strings.Join(pos, ","))
	return strings.Join(parts, " ")
}
