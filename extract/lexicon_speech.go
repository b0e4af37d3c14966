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

// commitVerbs commit a crime: "continues to commit war crimes".
var commitVerbs = wordSet(verbForms("commit/committed/committed/committing", base|third|past|gerund)...)

// crimeNouns are the wrongs a state is said to commit, a charge against
// it: "war crimes", "atrocities", "genocide", "ethnic cleansing".
var crimeNouns = wordSet("crimes", "crime", "atrocities", "atrocity", "genocide", "violations", "abuses", "massacres",
	"aggression", "terrorism", "cleansing")

// crimeModifiers may stand before a crime noun: "war crimes", "human
// rights violations", "other atrocities".
var crimeModifiers = wordSet("war", "human", "rights", "other", "more", "further", "new", "grave", "serious", "gross",
	"systematic", "widespread", "flagrant", "countless", "numerous", "many", "these", "such", "an", "a", "the", "act", "acts", "of", "ethnic")

// chargeAuxiliaries stand between a charged state and its verb of
// committing: "is committing", "has committed", "continues to commit".
var chargeAuxiliaries = slices.Concat(auxiliaries, continueForms, []string{"continued", "to", "be", "being", "would", "will", "still"})

// thirdPersons are the pronouns by which a charge names a state named
// before: "while it continues to commit".
var thirdPersons = []string{"it", "they"}

// condemningAdjectives are what an act is called when its doer is
// condemned for it: "called it 'unfair, unethical, and unjustified'".
var condemningAdjectives = wordSet("unfair", "unjust", "unjustified", "unjustifiable", "unethical", "unacceptable",
	"shameful", "disgraceful", "outrageous", "deplorable", "irresponsible", "illegal", "unlawful", "reckless",
	"cowardly", "hypocritical", "immoral", "scandalous", "despicable", "regrettable", "provocative")

// referringPronouns stand for an act named in the sentence before:
// "Abbas called it unfair".
var referringPronouns = []string{"it", "this", "that"}

// chargeSayVerbs report a charge, their subject making it: "said
// Russia's aggression", "voted against, saying the text ignored".
var chargeSayVerbs = slices.Concat(sayVerbs, []string{"saying", "adding", "telling", "stating", "insisting", "stressing"})

// extraposedOpeners open the clause an "it" before them stands for:
// "called it unacceptable that", "called it shameful to".
var extraposedOpeners = []string{"that", "to", "for"}
