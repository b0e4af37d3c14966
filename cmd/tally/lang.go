package main

import (
	"slices"
	"strconv"
	"strings"
)

// extractorLanguages are the languages the extractors read.
var extractorLanguages = []string{"en"}

// lang adds --lang, for the subcommands that extract what they store.
func (fs *flagSet) lang() *string {
	return fs.String("lang", strings.Join(extractorLanguages, ","),
		"languages whose articles are extracted (comma-separated codes, or all); pages in other languages are stored without a record, and stats counts them")
}

// setLanguages sets the languages p extracts from the value of --lang.
func (p *pipeline) setLanguages(list string) {
	p.languages = nil
	if strings.TrimSpace(list) == "all" {
		return
	}
	for _, l := range strings.Split(list, ",") {
		if l = strings.ToLower(strings.TrimSpace(l)); l != "" {
			p.languages = append(p.languages, l)
		}
	}
}

// reads reports whether p extracts articles in language lang (a code
// such as "en" or "en-GB"). An article of unknown language is extracted.
func (p *pipeline) reads(lang string) bool {
	if len(p.languages) == 0 || lang == "" {
		return true
	}
	base, _, _ := strings.Cut(strings.ReplaceAll(strings.ToLower(lang), "_", "-"), "-")
	return slices.Contains(p.languages, base)
}

// totalAndList returns the sum of counts and them listed, largest first
// ("de 189, es 9, ? 2"; "?" for an empty key).
func totalAndList(counts map[string]int) (int, string) {
	keys := make([]string, 0, len(counts))
	total := 0
	for k, n := range counts {
		keys = append(keys, k)
		total += n
	}
	slices.SortFunc(keys, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(a, b)
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		name := k
		if name == "" {
			name = "?"
		}
		parts[i] = name + " " + strconv.Itoa(counts[k])
	}
	return total, strings.Join(parts, ", ")
}
