package events

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tally-news/tally/extract"
)

// Precision says how exactly a Date is known.
type Precision int

// The precisions of a date, from the most exact.
const (
	Day Precision = iota
	Week
	Month
	Year
)

var precisionNames = [...]string{Day: "day", Week: "week", Month: "month", Year: "year"}

func (p Precision) String() string {
	if p < 0 || int(p) >= len(precisionNames) {
		return "unknown"
	}
	return precisionNames[p]
}

// Date is the span of days a vote took place in: one day when the text (or
// the publication date) fixes it, a week, a month or a year when the text
// says only "last week", "in February" or "last year". Start and End are
// midnight UTC of the first and last day, both included.
type Date struct {
	Start, End time.Time
	Precision  Precision
	// FromText is true when the text states the date; false when it is the
	// publication day.
	FromText bool
	// Phrase is the words the date was read from, empty when it is the
	// publication day.
	Phrase string
}

// String gives the date as YYYY-MM-DD for a day, YYYY-MM for a month and
// YYYY for a year; a week is its first and last day, "YYYY-MM-DD/YYYY-MM-DD".
func (d Date) String() string {
	if d.Start.IsZero() {
		return ""
	}
	switch d.Precision {
	case Week:
		return d.Start.Format(time.DateOnly) + "/" + d.End.Format(time.DateOnly)
	case Month:
		return d.Start.Format("2006-01")
	case Year:
		return d.Start.Format("2006")
	}
	return d.Start.Format(time.DateOnly)
}

// Contains reports whether day falls within the date's span.
func (d Date) Contains(day time.Time) bool {
	return !day.Before(d.Start) && !day.After(d.End)
}

// dayOf is the calendar day of t where t was written, at midnight UTC.
func dayOf(t time.Time) time.Time {
	y, m, dd := t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

func dayDate(day time.Time, fromText bool, phrase string) Date {
	return Date{Start: day, End: day, Precision: Day, FromText: fromText, Phrase: phrase}
}

// DateVotes sets the Date of each vote of rec from text, the article the
// record was extracted from, and its publication time (see VoteDate). A
// zero publication time leaves the dates as they are.
func DateVotes(rec *extract.Record, text string, published time.Time) {
	if published.IsZero() {
		return
	}
	for i := range rec.Votes {
		rec.Votes[i].Date = VoteDate(rec.Votes[i], text, published).String()
	}
}

// VoteDate dates a vote from its evidence sentences, read from text (the
// article text the evidence points into), resolved against the
// publication time: the most exact date the sentences state, the earliest
// stated one among equals; else the publication day. A week, month or
// year counts only from the first sentence, the one that reports the
// vote: "The Assembly first condemned the embargo in 1992" further on
// dates the embargo, not the vote.
func VoteDate(v extract.Vote, text string, published time.Time) Date {
	best, found := Date{}, false
	seen := map[string]bool{}
	for i, ev := range v.Evidence {
		sentence := ev.SentenceIn(text)
		if seen[sentence] {
			continue
		}
		seen[sentence] = true
		d, ok := SentenceDate(sentence, published)
		if ok && i > 0 && d.Precision != Day {
			continue
		}
		if ok && (!found || d.Precision < best.Precision) {
			best, found = d, true
		}
	}
	if found {
		return best
	}
	if published.IsZero() {
		return Date{}
	}
	return dayDate(dayOf(published), false, "")
}

// SentenceDate reads the date a sentence gives for what it reports,
// resolved against the publication time:
//
//   - a weekday ("on Monday", "Thursday's vote") is the most recent such
//     day on or before publication; "last Thursday" the most recent one
//     before it;
//   - "yesterday" and "last night" are the day before publication,
//     "today" and "tonight" the publication day;
//   - a day and month ("on 24 February", "Feb. 24", "February 24, 2025")
//     is that day of the year given, else of the most recent year in
//     which it is not after publication;
//   - "in February" is the most recent February not after publication,
//     "in February 2024" that month, "last month" the month before;
//   - "last week" is the Monday-to-Sunday week before publication's;
//   - "last year", "a year ago" are the year before publication's, "in
//     2023" that year.
//
// The most exact phrase wins; among equals, the one nearest the first
// word that reports a vote, else the first. ok is false when
// the sentence dates nothing, or only a time after publication.
func SentenceDate(sentence string, published time.Time) (d Date, ok bool) {
	anchor := -1
	if loc := voteWordRE.FindStringIndex(sentence); loc != nil {
		anchor = loc[0]
	}
	return sentenceDate(sentence, published, anchor)
}

// voteWordRE finds the words that report a vote, to anchor the choice
// between dates.
var voteWordRE = regexp.MustCompile(`(?i)\b(vot(e|es|ed|ing)|adopt\w*|approv\w*|pass(ed|es)?|reject\w*|condemn\w*|backed|veto\w*|defeated|endorsed|\d+ votes)\b`)

// sentenceDate is SentenceDate. Among phrases of equal precision it
// chooses the one nearest the first word that reports a vote: in "Before
// Thursday's debate, diplomats recalled the vote of 12 October 2022, when
// the Assembly condemned ..." the vote is of 12 October; in "The Assembly
// on Monday adopted a text, three years after the invasion of 24 February
// 2022" it is of Monday.
func sentenceDate(sentence string, published time.Time, anchor int) (d Date, ok bool) {
	s := strings.ToLower(sentence)
	if len(s) != len(sentence) { // lowering changed the bytes: quote the lowered text
		sentence = s
	}
	var pub time.Time
	if !published.IsZero() {
		pub = dayOf(published)
	}
	bestAt := -1
	consider := func(at int, c Date) {
		if c.Start.IsZero() || (!pub.IsZero() && c.Start.After(pub)) {
			return
		}
		if !ok || c.Precision < d.Precision || (c.Precision == d.Precision && nearer(at, bestAt, anchor)) {
			d, ok, bestAt = c, true, at
		}
	}
	for _, m := range dayMonthRE.FindAllStringSubmatchIndex(s, -1) {
		consider(m[0], dayMonth(s, m, 2, 4, 6, pub))
	}
	for _, m := range monthDayRE.FindAllStringSubmatchIndex(s, -1) {
		consider(m[0], dayMonth(s, m, 4, 2, 6, pub))
	}
	if pub.IsZero() {
		for _, m := range monthYearRE.FindAllStringSubmatchIndex(s, -1) {
			consider(m[0], monthYear(s, m, pub))
		}
		for _, m := range inYearRE.FindAllStringSubmatchIndex(s, -1) {
			consider(m[0], inYear(s, m, pub))
		}
		return d, ok
	}
	for _, m := range relDayRE.FindAllStringSubmatchIndex(s, -1) {
		day := pub
		if w := s[m[2]:m[3]]; w == "yesterday" || w == "last night" {
			day = pub.AddDate(0, 0, -1)
		}
		consider(m[0], dayDate(day, true, sentenceSpan(sentence, m)))
	}
	for _, m := range weekdayRE.FindAllStringSubmatchIndex(s, -1) {
		wd := weekdays[s[m[4]:m[5]]]
		back := (int(pub.Weekday()) - int(wd) + 7) % 7
		if m[2] >= 0 && back == 0 { // "last Thursday" on a Thursday
			back = 7
		}
		consider(m[0], dayDate(pub.AddDate(0, 0, -back), true, sentenceSpan(sentence, m)))
	}
	for _, m := range monthYearRE.FindAllStringSubmatchIndex(s, -1) {
		consider(m[0], monthYear(s, m, pub))
	}
	for _, m := range bareMonthRE.FindAllStringSubmatchIndex(s, -1) {
		mon := months[strings.TrimSuffix(s[m[2]:m[3]], ".")]
		y := pub.Year()
		if mon > pub.Month() {
			y--
		}
		consider(m[0], monthSpan(y, mon, sentenceSpan(sentence, m)))
	}
	for _, m := range relSpanRE.FindAllStringSubmatchIndex(s, -1) {
		phrase := sentenceSpan(sentence, m)
		switch w := s[m[2]:m[3]]; {
		case w == "last week":
			mon := pub.AddDate(0, 0, -((int(pub.Weekday())+6)%7)-7)
			consider(m[0], Date{Start: mon, End: mon.AddDate(0, 0, 6), Precision: Week, FromText: true, Phrase: phrase})
		case w == "last month":
			p := time.Date(pub.Year(), pub.Month()-1, 1, 0, 0, 0, 0, time.UTC)
			consider(m[0], monthSpan(p.Year(), p.Month(), phrase))
		case w == "earlier this month" || w == "this month":
			consider(m[0], monthSpan(pub.Year(), pub.Month(), phrase))
		default: // last year, a year ago, a year earlier, the previous year
			consider(m[0], yearSpan(pub.Year()-1, phrase))
		}
	}
	for _, m := range inYearRE.FindAllStringSubmatchIndex(s, -1) {
		consider(m[0], inYear(s, m, pub))
	}
	return d, ok
}

const monthNames = `(january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)`

var (
	dayMonthRE  = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+` + monthNames + `(?:,?\s+(\d{4}))?\b`)
	monthDayRE  = regexp.MustCompile(`\b` + monthNames + `\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`)
	monthYearRE = regexp.MustCompile(`\b` + monthNames + `\s+(\d{4})\b`)
	bareMonthRE = regexp.MustCompile(`\b(?:in|during|early|late|mid-?)\s+` + monthNames + `(?:\s|[,;.]|$)`)
	relDayRE    = regexp.MustCompile(`\b(yesterday|last night|today|tonight|this morning|this afternoon|this evening)\b`)
	weekdayRE   = regexp.MustCompile(`\b(last\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`)
	relSpanRE   = regexp.MustCompile(`\b(last week|last month|earlier this month|this month|last year|a year ago|a year earlier|the previous year|the year before)\b`)
	inYearRE    = regexp.MustCompile(`\b(?:in|during)\s+((?:19|20)\d\d)\b(?:[^-/]|$)`)
)

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

// sentenceSpan is the original words a match covers.
func sentenceSpan(sentence string, m []int) string { return sentence[m[0]:m[1]] }

// dayMonth reads a matched day and month (and year, when present) from the
// submatch positions given.
func dayMonth(s string, m []int, dayAt, monAt, yearAt int, pub time.Time) Date {
	day, _ := strconv.Atoi(s[m[dayAt]:m[dayAt+1]])
	mon := months[strings.TrimSuffix(s[m[monAt]:m[monAt+1]], ".")]
	if day < 1 || day > 31 || mon == 0 {
		return Date{}
	}
	var y int
	switch {
	case m[yearAt] >= 0:
		y, _ = strconv.Atoi(s[m[yearAt]:m[yearAt+1]])
	case pub.IsZero():
		return Date{}
	default:
		y = pub.Year()
		if time.Date(y, mon, day, 0, 0, 0, 0, time.UTC).After(pub) {
			y--
		}
	}
	t := time.Date(y, mon, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day { // 31 February
		return Date{}
	}
	return dayDate(t, true, strings.TrimSpace(s[m[0]:m[1]]))
}

func monthYear(s string, m []int, _ time.Time) Date {
	mon := months[strings.TrimSuffix(s[m[2]:m[3]], ".")]
	y, _ := strconv.Atoi(s[m[4]:m[5]])
	return monthSpan(y, mon, s[m[0]:m[1]])
}

func inYear(s string, m []int, _ time.Time) Date {
	y, _ := strconv.Atoi(s[m[2]:m[3]])
	return yearSpan(y, strings.TrimSpace(s[m[0]:m[3]]))
}

func monthSpan(y int, mon time.Month, phrase string) Date {
	start := time.Date(y, mon, 1, 0, 0, 0, 0, time.UTC)
	return Date{Start: start, End: start.AddDate(0, 1, -1), Precision: Month, FromText: true, Phrase: phrase}
}

func yearSpan(y int, phrase string) Date {
	start := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	return Date{Start: start, End: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), Precision: Year, FromText: true, Phrase: phrase}
}

// nearer reports whether offset a is a better choice than b: nearer the
// anchor, or earlier when there is none or both are as near.
func nearer(a, b, anchor int) bool {
	if anchor < 0 {
		return a < b
	}
	da, db := a-anchor, b-anchor
	if da < 0 {
		da = -da
	}
	if db < 0 {
		db = -db
	}
	return da < db || (da == db && a < b)
}
