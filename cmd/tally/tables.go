package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/tally-news/tally/extract"
)

// trimFloat writes a count without a needless decimal point.
func trimFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// voteSummary describes a vote on one line: body, outcome, tally,
// sponsors and positions.
func voteSummary(v extract.Vote) string {
	var b strings.Builder
	b.WriteString(orDash(v.Body))
	b.WriteString(" ")
	b.WriteString(orDash(v.Outcome))
	if t := tallyText(v.Tally); t != "" {
		b.WriteString(" " + t)
	}
	if len(v.Sponsors) > 0 {
		b.WriteString(" sponsors " + strings.Join(v.Sponsors, ","))
	}
	if p := positionsText(v.Positions); p != "" {
		b.WriteString(" positions " + p)
	}
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// tallyText writes a tally as "93 yes / 18 no / 65 abstain", leaving out
// what the article did not state.
func tallyText(t extract.Tally) string {
	var parts []string
	if t.Yes != nil {
		parts = append(parts, fmt.Sprintf("%d yes", *t.Yes))
	}
	if t.No != nil {
		parts = append(parts, fmt.Sprintf("%d no", *t.No))
	}
	if t.Abstain != nil {
		parts = append(parts, fmt.Sprintf("%d abstain", *t.Abstain))
	}
	return strings.Join(parts, " / ")
}

// positionsText writes positions grouped by value: "no: BLR PRK RUS USA;
// abstain: FRA GBR".
func positionsText(pos map[string]string) string {
	groups := map[string][]string{}
	for code, p := range pos {
		groups[p] = append(groups[p], code)
	}
	var parts []string
	for _, p := range []string{extract.Yes, extract.No, extract.Abstain} {
		if codes := groups[p]; len(codes) > 0 {
			sort.Strings(codes)
			parts = append(parts, p+": "+strings.Join(codes, " "))
		}
	}
	return strings.Join(parts, "; ")
}
