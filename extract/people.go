package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tally-news/tally/extract/actors"
)

// peopleOf reads the names that follow offices held for a country
// ("French President Emmanuel Macron", "Britain's ambassador, Dame Helen
// Marsh,") and maps each name, and its last word, to the country. A name
// given for two countries is dropped as ambiguous.
func peopleOf(text string, leaders []actors.Mention) map[string]string {
	people := map[string]string{}
	clash := map[string]bool{}
	add := func(name, code string) {
		if old, ok := people[name]; ok && old != code {
			clash[name] = true
		}
		people[name] = code
	}
	for _, m := range leaders {
		if actors.IsBloc(m.Code) && m.Code != "EU" && m.Code != "NATO" {
			continue
		}
		name := nameAfter(text, m.End)
		if name == "" {
			continue
		}
		add(name, m.Code)
		if i := strings.LastIndexByte(name, ' '); i > 0 {
			add(name[i+1:], m.Code)
		}
	}
	for name := range clash {
		delete(people, name)
	}
	// The leaders a reader knows, unless the text gives the name
	// another way.
	for name, code := range knownLeaders {
		if _, ok := people[name]; !ok && !clash[name] && strings.Contains(text, name) {
			people[name] = code
		}
	}
	if len(people) == 0 {
		return nil
	}
	return people
}

// nameAfter returns the run of capitalised words (a person's name) that
// starts at byte i, after spaces and an optional comma, without
// honorifics (nameHonorifics); "" if none.
func nameAfter(text string, i int) string {
	for i < len(text) && (text[i] == ' ' || text[i] == ',') {
		i++
	}
	var words []string
	for len(words) < 4 && i < len(text) {
		j := i
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if !(unicode.IsLetter(r) || r == '-' || r == '\'' || r == '\u2019' || r == '.') {
				break
			}
			j += size
		}
		w := strings.TrimRight(text[i:j], ".")
		r, _ := utf8.DecodeRuneInString(w)
		// "expelled Tehran's ambassador Monday": a day is no name.
		if w == "" || !unicode.IsUpper(r) || weekdays[strings.ToLower(w)] {
			break
		}
		if !nameHonorifics[w] && !nameHonorifics[text[i:j]] {
			words = append(words, w)
		}
		i = j
		if i >= len(text) || text[i] != ' ' {
			break
		}
		i++
	}
	return strings.Join(words, " ")
}
