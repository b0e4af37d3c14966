// Package extract turns article text into structured records: the countries
// an article names, the counts it states, the votes it reports and the
// stances its actors take. Records have the shape of the gold files in the
// project's gold format, plus evidence that points back into the text.
//
// Extraction never fetches anything: it works on a string that the caller
// has already obtained (see package clean for turning HTML into text).
package extract

// Record is what the extractors find in one article. Its scored fields have
// the shape of a gold file; the rest (Evidence, Motion) is carried for users
// and ignored by the scorer.
type Record struct {
	Doc       string   `json:"doc"`
	TextFile  string   `json:"text_file,omitempty"`
	HTMLFile  string   `json:"html_file,omitempty"`
	Countries []string `json:"countries"`
	Counts    []Count  `json:"counts"`
	Votes     []Vote   `json:"votes"`
	Stances   []Stance `json:"stances"`

	// Mentions lists every place a country or bloc was recognised, in text
	// order, so a user can check each entry of Countries.
	Mentions []Mention `json:"mentions,omitempty"`
	// Extractor names the extractor version that made the record.
	Extractor string `json:"extractor,omitempty"`
}

// Count is a cardinal quantity the article states.
type Count struct {
	Value float64 `json:"value"`
	// Unit is the counted noun as a lowercase singular lemma, empty when
	// the counted thing is not clear.
	Unit     string    `json:"unit,omitempty"`
	Evidence *Evidence `json:"evidence,omitempty"`
}

// Vote is one vote event: a body deciding on a motion.
type Vote struct {
	Body      string            `json:"body,omitempty"`
	Motion    string            `json:"motion,omitempty"`
	Sponsors  []string          `json:"sponsors,omitempty"`
	Outcome   string            `json:"outcome,omitempty"`
	Tally     Tally             `json:"tally,omitempty"`
	Positions map[string]string `json:"positions,omitempty"`
	// Date is when the vote took place, as its text tells it, resolved
	// against the article's publication time: a day (YYYY-MM-DD), a month
	// (YYYY-MM), a year (YYYY) or a week (its first and last day,
	// YYYY-MM-DD/YYYY-MM-DD); the publication day when the text gives
	// none. It is empty where the publication time is not known (text
	// given to the extractors alone); see events.DateVotes.
	Date     string     `json:"date,omitempty"`
	Evidence []Evidence `json:"evidence,omitempty"`
	// Rules names, for each field of the vote, the rules that set it
	// ("outcome": ["outcome/let-through"]). It is filled only by
	// Extractor.Explain.
	Rules map[string][]string `json:"rules,omitempty"`
}

// Tally holds the vote counts an article states; nil means not stated.
type Tally struct {
	Yes     *int `json:"yes,omitempty"`
	No      *int `json:"no,omitempty"`
	Abstain *int `json:"abstain,omitempty"`
}

// IsZero reports whether the tally states no count at all.
func (t Tally) IsZero() bool { return t.Yes == nil && t.No == nil && t.Abstain == nil }

// Stance is an actor's stated support for or opposition to another actor.
type Stance struct {
	Holder   string    `json:"holder"`
	Target   string    `json:"target"`
	Polarity string    `json:"polarity"`
	Evidence *Evidence `json:"evidence,omitempty"`
	// Rule names the rule that read the stance ("cue", "received"). It
	// is filled only by Extractor.Explain.
	Rule string `json:"rule,omitempty"`
}

// Mention is one place in the text where an actor was recognised.
type Mention struct {
	Code     string   `json:"code"`
	Evidence Evidence `json:"evidence"`
}

// Evidence points at the text a fact came from. Offsets count Unicode code
// points (characters) from the start of the article text, end exclusive:
// Start and End bound the words the fact was read from, SentenceStart and
// SentenceEnd the sentence holding them. Records point into the text and
// do not copy it; Quote fills Text from the text for a reader, and
// SentenceIn gives the sentence.
type Evidence struct {
	Start         int `json:"start"`
	End           int `json:"end"`
	SentenceStart int `json:"sentence_start"`
	SentenceEnd   int `json:"sentence_end"`
	// Text is the words themselves, empty in records as Extract makes
	// them and as a corpus stores them. Sentence is the sentence, which
	// only records stored before evidence held offsets carry.
	Text     string `json:"text,omitempty"`
	Sentence string `json:"sentence,omitempty"`
}

// Position and outcome values, as the gold format spells them.
const (
	Yes     = "yes"
	No      = "no"
	Abstain = "abstain"

	Adopted   = "adopted"
	Rejected  = "rejected"
	Vetoed    = "vetoed"
	Withdrawn = "withdrawn"

	Support = "support"
	Oppose  = "oppose"
)
