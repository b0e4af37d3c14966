package extract

import "slices"

// The words of the frames of obstruction and of outcomes named a
// defeat (stance_speech.go).

// bidBlockVerbs stop another state's bid: "blocked Sweden's accession",
// "tried to block the adhesion of Morocco".
var bidBlockVerbs = wordSet(slices.Concat(verbForms("block", base|third|past|gerund), verbForms("thwart", base|third|past|gerund),
	verbForms("obstruct", base|third|past|gerund))...)

// bidNouns are a state's bid to join or sit in a body, what a verb of
// blocking stops: "Ukraine's entry", "the adhesion of Morocco".
var bidNouns = wordSet("entry", "access", "accession", "adhesion", "admission", "readmission", "membership", "bid", "bids",
	"candidacy", "candidature", "application", "participation", "election", "re-election", "return")

// tryVerbs state an attempt whose infinitive is the act attempted:
// "tried to block", "failing to block", "threatened to block".
var tryVerbs = wordSet(slices.Concat(verbForms("try/tried", base|third|past|gerund), verbForms("seek/sought", base|third|past|gerund),
	verbForms("attempt", base|third|past|gerund), verbForms("fail", base|third|past|gerund),
	verbForms("move", third|past|gerund), verbForms("threaten", third|past|gerund), vowVerbs)...)

// attemptNouns name an attempt by their possessor: "Moscow's attempt to
// block".
var attemptNouns = wordSet("attempt", "attempts", "effort", "efforts", "bid", "move", "push", "campaign")

// afterGerunds open the gerund of a verb of trying whose subject is the
// main clause's: "suffered a defeat after failing to block".
var afterGerunds = []string{"after", "by", "in", "while", "when"}

// setbackNouns name an outcome as a loss for a state: "a massive
// setback for the United States", "a blow to Moscow".
var setbackNouns = wordSet("defeat", "setback", "blow", "humiliation", "rebuff")

// setbackLinks join a setback noun to the state that suffers it.
var setbackLinks = []string{"for", "to"}
