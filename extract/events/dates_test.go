package events

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tally-news/tally/extract"
)

func TestSentenceDate(t *testing.T) {
	// Tuesday 25 February 2025, the morning after the UN votes.
	tue := time.Date(2025, 2, 25, 9, 30, 0, 0, time.UTC)
	thu := time.Date(2025, 2, 27, 12, 0, 0, 0, time.UTC)
	oct := time.Date(2025, 10, 30, 8, 0, 0, 0, time.UTC)
	jan := time.Date(2026, 1, 8, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		sentence string
		pub      time.Time
		want     string
		prec     Precision
		ok       bool
	}{
		{"weekday before", "The UN General Assembly on Monday adopted a resolution demanding that Russia withdraw.", tue, "2025-02-24", Day, true},
		{"weekday same day", "The Security Council on Tuesday adopted the text.", tue, "2025-02-25", Day, true},
		{"last weekday", "The Assembly last Thursday backed the draft by 93 votes to 18.", thu, "2025-02-20", Day, true},
		{"last weekday earlier in week", "The Assembly last Monday backed the draft.", thu, "2025-02-24", Day, true},
		{"day month", "Several speakers said that on 24 February the General Assembly had adopted the text.", thu, "2025-02-24", Day, true},
		{"day month year", "Several speakers recalled that on 4 December 2025 the General Assembly had adopted its resolution on the Comprehensive Nuclear-Test-Ban Treaty by a recorded vote of 169 in favour to 6 against.", jan, "2025-12-04", Day, true},
		{"day month last year", "The Assembly adopted the text on 30 December by 120 votes.", jan, "2025-12-30", Day, true},
		{"abbreviated month day", "The U.N. vote on Feb. 24 split Washington from its allies.", thu, "2025-02-24", Day, true},
		{"month day year", "On February 24, 2025, the Assembly adopted two texts.", jan, "2025-02-24", Day, true},
		{"weekday and date", "The Assembly will take up its remaining drafts on Thursday, 20 November.", time.Date(2025, 11, 21, 0, 0, 0, 0, time.UTC), "2025-11-20", Day, true},
		{"yesterday", "MPs yesterday rejected the amendment by 294 votes to 125.", time.Date(2023, 11, 16, 6, 0, 0, 0, time.UTC), "2023-11-15", Day, true},
		{"last night", "MPs last night backed the motion by 293 to 125.", time.Date(2023, 11, 16, 6, 0, 0, 0, time.UTC), "2023-11-15", Day, true},
		{"last year", "Last year's version passed 99-9-60.", oct, "2024", Year, true},
		{"a similar one last year", "A similar resolution was adopted last year with 91 votes in favour, 12 against and 57 abstentions.", oct, "2024", Year, true},
		{"in a year", "The Assembly first voted on the embargo in 1992.", oct, "1992", Year, true},
		{"in month", "The measure proposed by the European Commission in January passed.", oct, "2025-01", Month, true},
		{"in month and year", "The Council agreed to lift the suspension imposed after the August 2023 coup.", oct, "2023-08", Month, true},
		{"last month", "The Assembly voted last month to renew the mandate.", oct, "2025-09", Month, true},
		{"last week", "The House voted 220-212 to approve the package last week, with three Democrats backing it.", thu, "2025-02-17/2025-02-23", Week, true},
		{"day beats year", "On Wednesday the Assembly again condemned the embargo, as it did last year.", oct, "2025-10-29", Day, true},
		{"nearest the vote word", "The Bundestag on Thursday approved the aid, which the cabinet had agreed on Monday.", thu, "2025-02-27", Day, true},
		{"the date of the vote, not of the debate", "Before Thursday's debate, diplomats recalled the vote of 12 October 2022, when the General Assembly condemned the annexation of four Ukrainian regions by 143 votes to 5, with 35 abstentions.", time.Date(2023, 2, 23, 12, 0, 0, 0, time.UTC), "2022-10-12", Day, true},
		{"the day of the vote, not of the invasion", "The UN General Assembly on Monday adopted a resolution, three years after the invasion of 24 February 2022, by 93 votes to 18.", thu, "2025-02-24", Day, true},
		{"future date ignored", "The Assembly will vote on 3 March 2025.", thu, "", Day, false},
		{"nothing", "The resolution was adopted by 93 votes to 18, with 65 abstentions.", thu, "", Day, false},
		{"may is a modal", "The Council may vote again.", thu, "", Day, false},
		{"number is not a year", "The Assembly adopted it by a vote of 2023 to 5 in 112 sittings.", thu, "", Day, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := SentenceDate(tc.sentence, tc.pub)
			if ok != tc.ok {
				t.Fatalf("ok = %v (%v), want %v", ok, got, tc.ok)
			}
			if !ok {
				return
			}
			if got.String() != tc.want || got.Precision != tc.prec || !got.FromText {
				t.Errorf("got %s (%s, phrase %q), want %s (%s)", got, got.Precision, got.Phrase, tc.want, tc.prec)
			}
		})
	}
}

func TestVoteDate(t *testing.T) {
	thu := time.Date(2025, 10, 30, 9, 0, 0, 0, time.UTC)
	// ev makes a vote whose evidence points at each sentence of a text,
	// by offsets only, and the text; quoted makes the same vote with the
	// sentences carried in the evidence, as records stored before
	// evidence held offsets only.
	ev := func(ss ...string) (extract.Vote, string) {
		var v extract.Vote
		var text []rune
		for _, s := range ss {
			start := len(text)
			text = append(append(text, []rune(s)...), ' ')
			v.Evidence = append(v.Evidence, extract.Evidence{SentenceStart: start, SentenceEnd: start + len([]rune(s))})
		}
		return v, string(text)
	}
	quoted := func(ss ...string) extract.Vote {
		var v extract.Vote
		for _, s := range ss {
			v.Evidence = append(v.Evidence, extract.Evidence{Sentence: s})
		}
		return v
	}
	tests := []struct {
		name      string
		sentences []string
		want      string
		from      bool
	}{
		{"no evidence", nil, "2025-10-30", false},
		{"undated sentence", []string{"The resolution passed 165-7-12."}, "2025-10-30", false},
		{"day in a later sentence", []string{"The resolution passed 165-7-12.", "The vote on Wednesday split Latin America."}, "2025-10-29", true},
		{"year in the first sentence", []string{"Last year the same text passed 187 to 2.", "The United States voted no."}, "2024", true},
		{"year in a later sentence does not date the vote", []string{"The resolution passed 165-7-12.", "The Assembly first condemned the embargo in 1992."}, "2025-10-30", false},
		{"a day beats a year", []string{"Last year's text passed 187 to 2.", "On Wednesday the vote was 165 to 7."}, "2025-10-29", true},
		{"a day after a sentence of other scripts", []string{"Le vote a été adopté à l’unanimité — “oui”.", "The vote on Wednesday split Latin America."}, "2025-10-29", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, text := ev(tc.sentences...)
			for form, got := range map[string]Date{
				"offsets": VoteDate(v, text, thu),
				"quoted":  VoteDate(quoted(tc.sentences...), "", thu),
			} {
				if got.String() != tc.want || got.FromText != tc.from {
					t.Errorf("%s: got %s (from text %v), want %s (%v)", form, got, got.FromText, tc.want, tc.from)
				}
			}
		})
	}
	if got := VoteDate(quoted("It passed."), "", time.Time{}); !got.Start.IsZero() {
		t.Errorf("no date and no publication time: got %s, want none", got)
	}
}

// TestDateVotes checks that DateVotes dates each vote of a record from the
// text, and leaves a record whose publication time is unknown undated.
func TestDateVotes(t *testing.T) {
	text := "Russia vetoed the draft on Tuesday.\n\nIn 2019 the Assembly had passed a similar text."
	ev := func(sentence string) []extract.Evidence {
		i := strings.Index(text, sentence)
		start := utf8.RuneCountInString(text[:i])
		return []extract.Evidence{{Start: start, End: start + 6, SentenceStart: start, SentenceEnd: start + utf8.RuneCountInString(sentence)}}
	}
	rec := extract.Record{Votes: []extract.Vote{
		{Body: "UNSC", Evidence: ev("Russia vetoed the draft on Tuesday.")},
		{Body: "UNGA", Evidence: ev("In 2019 the Assembly had passed a similar text.")},
	}}
	undated := rec
	undated.Votes = slices.Clone(rec.Votes)
	DateVotes(&undated, text, time.Time{})
	for _, v := range undated.Votes {
		if v.Date != "" {
			t.Errorf("no publication time: %s dated %q", v.Body, v.Date)
		}
	}
	DateVotes(&rec, text, time.Date(2024, 3, 7, 10, 0, 0, 0, time.UTC)) // a Thursday
	if got := []string{rec.Votes[0].Date, rec.Votes[1].Date}; !slices.Equal(got, []string{"2024-03-05", "2019"}) {
		t.Errorf("dates %q, want [2024-03-05 2019]", got)
	}
}
