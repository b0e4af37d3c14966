package extract

import "strings"

// irregularPlurals maps plural nouns that do not follow the spelling rules
// to their singular.
var irregularPlurals = map[string]string{
	"men": "man", "women": "woman", "children": "child", "feet": "foot",
	"teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life",
	"wives": "wife", "knives": "knife", "leaves": "leaf", "halves": "half",
	"thieves": "thief", "wolves": "wolf", "shelves": "shelf", "selves": "self",
	"crises": "crisis", "analyses": "analysis", "theses": "thesis",
	"criteria": "criterion", "phenomena": "phenomenon", "indices": "index",
	"people": "person", "persons": "person", "police": "police", "data": "data", "media": "media",
	"series": "series", "species": "species", "news": "news", "aircraft": "aircraft",
	"troops": "troop", "mps": "mp", "meps": "mep", "ayes": "aye", "noes": "no",
	"nays": "nay", "votes": "vote", "yes": "yes", "yeses": "yes", "buses": "bus", "gases": "gas",
	"taxes": "tax", "boxes": "box", "sexes": "sex", "viruses": "virus",
	"statuses": "status", "focuses": "focus", "campuses": "campus",
	"bonuses": "bonus", "censuses": "census", "consensuses": "consensus",
	"heroes": "hero", "vetoes": "veto", "potatoes": "potato", "tomatoes": "tomato",
	"echoes": "echo", "embargoes": "embargo",
	// Abbreviations of units of time.
	"hrs": "hour", "hr": "hour", "mins": "minute", "yrs": "year",
}

// lemma returns the lowercase singular of a noun: "Allies" gives "ally",
// "countries" "country", "abstentions" "abstention", "days" "day".
func lemma(word string) string {
	w := strings.ToLower(strings.Trim(word, ".,;:!?\"'()[]\u2019\u2018\u201c\u201d\u2026"))
	if s, ok := irregularPlurals[w]; ok {
		return s
	}
	n := len(w)
	switch {
	case n <= 3:
		return strings.TrimSuffix(w, "s")
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"),
		strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "xes"),
		strings.HasSuffix(w, "zzes"):
		return w[:n-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"),
		strings.HasSuffix(w, "is"), strings.HasSuffix(w, "ous"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:n-1]
	}
	return w
}

// looksPlural reports whether a noun token is plural by its tag or form.
func looksPlural(text, tag string) bool {
	if tag == "NNS" || tag == "NNPS" {
		return true
	}
	w := strings.ToLower(text)
	if _, ok := irregularPlurals[w]; ok {
		return w != "series" && w != "species" && w != "news"
	}
	if len(w) < 4 || !strings.HasSuffix(w, "s") {
		return false
	}
	return !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") &&
		!strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "ous")
}
