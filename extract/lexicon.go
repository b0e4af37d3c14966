package extract

import (
	"slices"
	"strings"
)

// motionClasses maps motion nouns to the kind of motion they name; a
// fragment on an amendment never joins an event on a resolution.
var motionClasses = map[string]string{
	"resolution": "resolution", "resolutions": "resolution", "draft": "resolution",
	"text": "resolution", "declaration": "resolution",
	"amendment": "amendment", "amendments": "amendment",
	"bill": "bill", "legislation": "bill",
	"motion":  "motion",
	"measure": "", "proposal": "", "timetable": "", "treaty": "", "version": "",
	"package": "", "budget": "", "law": "",
}

// newEventWords before a motion noun announce a motion not met before.
var newEventWords = map[string]bool{
	"different": true, "another": true, "separate": true, "rival": true,
	"competing": true, "alternative": true, "similar": true, "previous": true,
	"companion": true,
	"prior":     true, "earlier": true, "second": true,
}

// sponsorVerbs introduce who drafted or tabled a motion: "proposed by
// Egypt", "Egypt tabled the draft". "put", "brought" and "drew" count
// only with "forward" or "up" (see readSponsorVerb).
var sponsorVerbs = wordSet(slices.Concat(
	verbForms("propose", third|past), verbForms("draft", past), verbForms("table", third|past),
	verbForms("introduce", third|past), verbForms("sponsor", past), verbForms("co-sponsor", past),
	verbForms("cosponsor", past), verbForms("submit/submitted", third|past), verbForms("present", past),
	verbForms("author", past), verbForms("pen/penned", past), verbForms("put/put", past),
	verbForms("bring/brought", past), verbForms("draw/drew", past), verbForms("co-pen/co-penned", past),
	verbForms("co-draft", past), verbForms("co-author", past), verbForms("co-table", past),
	verbForms("initiate", past), verbForms("promote", past),
)...)

// sponsorTails follow an actor in a compound naming a motion's sponsor:
// "US-drafted", "European-backed".
var sponsorTails = map[string]bool{
	"drafted": true, "backed": true, "sponsored": true, "proposed": true,
	"led": true, "authored": true, "penned": true, "written": true, "tabled": true,
	"introduced": true, "sponsor": true,
}

// outcomeWords are the verbs that state what became of a motion, with
// the outcome each states: "The Assembly adopted the text", "The bill
// failed", "Russia vetoed the draft", "The motion was lost".
var outcomeWords = outcomeTable(
	outcomeVerb{Adopted, "adopt", base | third | past | gerund},
	outcomeVerb{Adopted, "approve", third | past | gerund},
	outcomeVerb{Adopted, "pass", third | past | gerund},
	outcomeVerb{Adopted, "endorse", third | past},
	outcomeVerb{Adopted, "carry", past},
	outcomeVerb{Rejected, "reject", third | past | gerund},
	outcomeVerb{Rejected, "defeat", third | past},
	outcomeVerb{Rejected, "fail", third | past | gerund},
	outcomeVerb{Vetoed, "veto", third | past | gerund},
	outcomeVerb{Withdrawn, "withdraw/withdrew/withdrawn", third | past | participle},
	outcomeVerb{Rejected, "negative", third | past},
	outcomeVerb{Adopted, "confirm", third | past},
	outcomeVerb{Adopted, "ratify", third | past},
	outcomeVerb{Adopted, "clear", third | past},
	outcomeVerb{Rejected, "lose/lost", past},
	outcomeVerb{Adopted, "elect", past},
	outcomeVerb{Adopted, "re-elect", past},
	outcomeVerb{Adopted, "reelect", past},
)

// The hedges: words before a cue that make what it states unreal. The
// vote and stance readers share the classes below and differ where the
// difference is meant.

// negations deny what follows: "not adopted", "never backed", "cannot
// support", "neither was adopted".
var negations = []string{"not", "n't", "never", "cannot", "ca", "wo", "neither", "nor"}

// possibilityModals leave what follows open: "could pass", "might back".
var possibilityModals = []string{"could", "might"}

// commitmentModals put what follows in the future: "would adopt", "will
// vote". A stance stated with one is still a stance ("would stand with"):
// they hedge votes only.
var commitmentModals = []string{"would", "will"}

// obligationModals ask for what follows: "should adopt", "must pass",
// "may abstain". A demand for a stance is read by the stance rules
// themselves (see baseVerb); they hedge votes only.
var obligationModals = []string{"should", "may", "must"}

// conditions make what follows hypothetical: "if it passes", "whether
// to back".
var conditions = []string{"if", "unless", "whether"}

// refusals deny that what follows was done: "refused to condemn".
var refusals = []string{"refused", "declined"}

// intentions put a vote still to come: "expected to pass", "set to
// vote", "threatened to veto". A stance intended is held already ("wants
// to support"): they hedge votes only.
var intentions = []string{
	"expected", "likely", "set", "threatened", "threatening", "planned",
	"plans", "intends", "hoped", "hopes", "want", "wants",
}

// contrasts and omissions set a stance aside: "rather than condemning",
// "without naming", "stopped short of backing", "avoided criticising",
// "denied supporting", "no support for", "any backing". They hedge
// stances only: "without a vote" and "no votes against" state a vote.
var contrasts = []string{
	"than", "without", "instead", "stopped", "ceased", "no", "omitting",
	"omitted", "omits", "avoiding", "avoided", "avoids", "dropping", "dropped",
	"lacking", "any", "denied", "denies",
}

// hedges before an outcome or position make it unreal: negated,
// conditional, refused or still to come.
var hedges = wordSet(slices.Concat(negations, possibilityModals, commitmentModals, obligationModals, conditions, refusals, intentions)...)

// modalOrCondition before a negation makes "not adopted" no result at
// all rather than a rejection: "would not adopt", "if it is not adopted".
var modalOrCondition = wordSet(slices.Concat(possibilityModals, commitmentModals, obligationModals, conditions)...)

// fillers may stand between a subject and its verb without ending the
// subject: "the US was forced to abstain", "the UK and France, who
// abstained", "China, however, abstained".
var fillers = map[string]bool{
	"also": true, "all": true, "both": true, "then": true, "had": true, "have": true,
	"has": true, "was": true, "were": true, "is": true, "are": true, "did": true,
	"chose": true, "to": true, "forced": true, "decided": true, "opted": true,
	"later": true, "ultimately": true, "eventually": true, "instead": true,
	"only": true, "who": true, "which": true, "themselves": true, "itself": true,
	"again": true, "reportedly": true, "notably": true, "each": true, "even": true,
	"however": true, "subsequently": true, "duly": true, "narrowly": true,
	"unanimously": true, "overwhelmingly": true, "once": true, "again,": true,
	"among": true, "those": true, "being": true, "been": true, "would": false,
	"today": true, "yesterday": true, "tonight": true, "previously": true,
	"had,": true, "too": true, "likewise": true, "similarly": true, "together": true,
	"that": true,
}

// listGlue may stand inside a list of actors.
var listGlue = map[string]bool{
	",": true, "and": true, "&": true, "the": true, "as": true, "well": true,
	"including": true, "such": true, "—": true, "–": true, "-": true, "or": true,
	"plus": true, "along": true, "with": true, "nor": true, "both": true,
	"together": true, "--": true,
}

// pronouns stand for an actor named before.
var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true}

// weekdays may stand between a subject and its verb ("Russia on Monday
// vetoed").
var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true,
}

// The titles: one list of honorifics, its abbreviations with a dot, and
// the offices named before a name, from which the readers' three uses
// are made.

// honorifics stand before a person's name: "Dame Helen Marsh".
var honorifics = []string{"sir", "dame", "mr", "mrs", "ms", "dr", "lord", "lady"}

// abbreviatedHonorifics are the honorifics also written with a dot:
// "Mr. Smith".
var abbreviatedHonorifics = []string{"mr", "mrs", "ms", "dr"}

// titleOffices are offices and ranks written before a name: "President
// Macron", "Sen. Warren", "Sheikh Tamim".
var titleOffices = []string{
	"sen.", "sen", "rep.", "gen.", "president", "chancellor", "minister",
	"premier", "king", "queen", "prince", "sheikh", "emir",
}

// titles stand before a person's name, lowercase as items are.
var titles = wordSet(slices.Concat(honorifics, withDot(abbreviatedHonorifics), titleOffices)...)

// nameHonorifics are the honorifics as a name in the text spells them,
// left out of the name a person is known by ("Dame Helen Marsh" is "Helen
// Marsh"; see peopleOf).
var nameHonorifics = wordSet(capitalised(slices.Concat(honorifics, withDot(abbreviatedHonorifics)))...)

// withDot returns each word with a dot after it.
func withDot(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w + "."
	}
	return out
}

// capitalised returns each word with its first letter in upper case.
func capitalised(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return out
}

// portfolios are the nouns that name a ministry's field: "China's
// commerce ministry", "the trade minister".
var portfolios = map[string]bool{
	"commerce": true, "trade": true, "defence": true, "defense": true, "finance": true,
	"economy": true, "interior": true, "justice": true, "health": true, "energy": true,
	"education": true, "agriculture": true, "environment": true, "industry": true,
	"security": true, "information": true, "culture": true, "transport": true,
}

// groupNouns name the people of a government or delegation.
var groupNouns = map[string]bool{
	"military": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"ministry": true, "officials": true, "official": true, "leaders": true,
	"members": true, "chief": true, "secretary": true, "office": true,
	"cabinet": true, "diplomats": true, "diplomat": true, "junta": true,
	"regime": true, "administration": true, "state": true, "partners": true,
	"allies": true, "counterparts": true, "friends": true, "neighbours": true,
	"neighbors": true,
}

// roleNouns name a person or office acting for an actor: "the
// representative of Norway", "the foreign minister of France".
var roleNouns = map[string]bool{
	"representative": true, "representatives": true, "delegation": true,
	"delegate": true, "ambassador": true, "envoy": true, "government": true,
	"governments": true, "minister": true, "speaker": true, "permanent": true,
	"foreign": true, "deputy": true, "president": true, "prime": true,
	"leader": true, "delegations": true, "mission": true, "authorities": true,
	"ministers": true, "leaders": true, "envoys": true, "ambassadors": true,
	"diplomats": true, "officials": true, "presidents": true,
}

// objectPrepositions before a list of actors make it an object, not a
// subject. "with" and "to" are not among them: "with Russia voting
// against" and "led to the US abstaining" name voters.
var objectPrepositions = map[string]bool{
	"by": true, "of": true, "from": true, "at": true, "on": true,
	"into": true, "about": true, "over": true, "under": true, "between": true,
	"toward": true, "towards": true, "than": true,
}

// sideWords name the side of a tally that follows its number.
var sideWords = map[string]string{
	"yes": Yes, "ayes": Yes, "aye": Yes, "for": Yes, "favour": Yes, "favor": Yes,
	"against": No, "no": No, "noes": No, "nays": No, "nay": No, "opposed": No,
	"abstentions": Abstain, "abstention": Abstain, "abstaining": Abstain,
	"abstained": Abstain, "abstain": Abstain,
}

// prefixSides name the side of a tally written before its number.
var prefixSides = map[string]string{
	"yeas": Yes, "yea": Yes, "ayes": Yes, "aye": Yes, "contents": Yes,
	"nays": No, "nay": No, "noes": No, "not-contents": No,
	"abstentions": Abstain, "abstaining": Abstain, "abstained": Abstain,
}

// voteWords begin the words that make a sentence worth reading for votes
// beyond speaksOfVote's: positions ("against", "support"), motions,
// sponsors, bodies and their members, speakers (see mentionsVote).
var voteWords = []string{
	"vot", "abstain", "abstention", "favour", "favor", "against", "adopt",
	"approv", "pass", "reject", "veto", "resolution", "draft", "bill", "motion",
	"amendment", "sponsor", "tabled", "propos", "introduc", "defeat", "endorse",
	"support", "back", "oppos", "carried", "council", "assembly", "house",
	"commons", "senate", "parliament", "mps", "lawmakers", "representative",
	"speaker", "delegat", "ambassador", "envoy", "fail", "lost",
}

// positionCue is a phrase that states how actors voted.
type positionCue struct {
	words  []string
	value  string
	strong bool
	motion bool // the cue needs a motion as its object ("opposed the draft")
}

// positionCues are the phrases that state how actors voted, longest
// first: "voted against", "abstained", "supported the draft".
var positionCues = positionTable(
	positionVerb{"vote", base | third | past | gerund, "against", No, true, false},
	positionVerb{"vote", base | past | gerund, "no", No, true, false},
	positionVerb{"vote", base | third | past | gerund, "in favour", Yes, true, false},
	positionVerb{"vote", base | third | past | gerund, "in favor", Yes, true, false},
	positionVerb{"vote", past | gerund, "for", Yes, true, false},
	positionVerb{"vote", past | gerund, "yes", Yes, true, false},
	positionVerb{"abstain", base | third | past | gerund, "", Abstain, true, false},
	positionVerb{"abstention", noun | plural, "", Abstain, true, false},
	positionVerb{"abstainer", plural, "", Abstain, true, false},
	positionVerb{"oppose", past | gerund, "", No, false, true},
	positionVerb{"support", past | gerund, "", Yes, false, true},
	positionVerb{"back", past | gerund, "", Yes, false, true},
	positionVerb{"endorse", past, "", Yes, false, true},
	// "35 states came out against the document".
	positionVerb{"come/came", past, "out against", No, false, true},
	positionVerb{"come/came", past, "against", No, false, true},
	positionVerb{"come/came", past, "out in favour of", Yes, false, true},
	positionVerb{"come/came", past, "out in favor of", Yes, false, true},
	positionVerb{"thumbs", phrase, "down", No, true, false},
	positionVerb{"thumbs", phrase, "up", Yes, true, false},
)

// stanceCue is a phrase by which an actor takes a side toward another:
// verbs ("sided with", "condemned"), nouns ("support for", "condemnation
// of") and relations ("an ally of").
type stanceCue struct {
	words    []string
	polarity string
}

// stanceCues are the phrases by which an actor takes a side toward
// another, longest first: verbs ("sided with", "condemned"), nouns
// ("support for", "condemnation of") and relations ("an ally of").
var stanceCues = stanceTable(slices.Concat(frameCueRows, []stanceVerb{
	stanceVerb{Support, "side", base | third | past | gerund, "with"},
	stanceVerb{Support, "stand/stood", base | third | past | gerund, "with"},
	stanceVerb{Support, "stand/stood", base | third | past | gerund, "by"},
	stanceVerb{Support, "rally", past | gerund, "behind"},
	stanceVerb{Support, "rally", past, "around"},
	stanceVerb{Support, "in support", phrase, "of"},
	stanceVerb{Support, "solidarity", phrase, "with"},
	stanceVerb{Support, "ally", past, "with"},
	stanceVerb{Support, "ally", noun | plural, "of"},
	stanceVerb{Support, "support", phrase, "for"},
	stanceVerb{Support, "backing", phrase, "for"},
	stanceVerb{Support, "backing", phrase, "of"},
	stanceVerb{Support, "support", third | past | gerund, ""},
	stanceVerb{Support, "back", third | past | gerund, ""},
	stanceVerb{Support, "defend", third | past, ""},
	stanceVerb{Support, "praise", third | past, ""},
	stanceVerb{Support, "endorse", past, ""},
	stanceVerb{Support, "thank", third | past, ""},
	stanceVerb{Support, "grateful", phrase, "to"},
	stanceVerb{Support, "hail", past, ""},
	stanceVerb{Support, "applaud", past, ""},
	stanceVerb{Support, "congratulate", third | past, ""},
	stanceVerb{Support, "welcome", past, ""},
	stanceVerb{Oppose, "lambast", past, ""},
	stanceVerb{Oppose, "castigate", past, ""},
	stanceVerb{Oppose, "lash", past, "out at"},
	stanceVerb{Oppose, "hit/hit", past, "out at"},
	stanceVerb{Oppose, "hit/hit", past, "back at"},
	stanceVerb{Oppose, "chide", past, ""},
	stanceVerb{Oppose, "censure", past, ""},
	stanceVerb{Oppose, "assail", past, ""},
	stanceVerb{Oppose, "decry", past, ""},
	stanceVerb{Oppose, "berate", past, ""},
	stanceVerb{Oppose, "concern", past, "about"},
	stanceVerb{Oppose, "concern", past, "over"},
	stanceVerb{Oppose, "concern", past, "by"},
	stanceVerb{Oppose, "trouble", past, "by"},
	stanceVerb{Oppose, "alarm", past, "by"},
	stanceVerb{Oppose, "alarm", past, "at"},
	stanceVerb{Oppose, "concern", phrase, "over"},
	stanceVerb{Oppose, "concern", phrase, "about"},
	stanceVerb{Oppose, "urge", third | past, ""},
	stanceVerb{Oppose, "call", third | past, "on"},
	stanceVerb{Oppose, "condemn", third | past | gerund, ""},
	stanceVerb{Oppose, "condemnation", phrase, "of"},
	stanceVerb{Oppose, "blame", third | past | gerund, ""},
	stanceVerb{Oppose, "criticise", third | past | gerund, ""},
	stanceVerb{Oppose, "criticize", third | past | gerund, ""},
	stanceVerb{Oppose, "criticism", phrase, "of"},
	stanceVerb{Oppose, "accuse", third | past | gerund, ""},
	stanceVerb{Oppose, "denounce", third | past, ""},
	stanceVerb{Oppose, "oppose", third | past, ""},
	stanceVerb{Oppose, "rebuke", past | gerund, ""},
	stanceVerb{Oppose, "slam/slammed", past, ""},
	stanceVerb{Oppose, "sanction", past, ""},
	stanceVerb{Oppose, "sanctions", phrase, "on"},
	stanceVerb{Oppose, "sanctions", phrase, "against"},
	stanceVerb{Oppose, "threaten", third | past, ""},
})...)

// reversalCues oppose only when they ask the target to undo something:
// "urged Israel to reconsider", not "urged Israel to join the talks".
var reversalCues = map[string]bool{"urged": true, "urges": true, "called": true, "calls": true}

// baseCues are stance verbs in their base form, cues only when tagged
// as verbs.
var baseCues = map[string]string{
	"support": Support, "back": Support, "defend": Support, "praise": Support,
	"oppose": Oppose, "condemn": Oppose, "criticise": Oppose, "criticize": Oppose,
	"denounce": Oppose, "blame": Oppose, "accuse": Oppose,
	"recognise": Support, "recognize": Support, "threaten": Oppose, "warn": Oppose, "help": Support,
}

// stanceHedges before a stance cue deny or suspend it.
var stanceHedges = wordSet(slices.Concat(negations, possibilityModals, conditions, refusals, contrasts)...)

// reversals are what a party is urged to undo.
var reversals = map[string]bool{
	"reconsider": true, "reverse": true, "withdraw": true, "halt": true,
	"stop": true, "refrain": true, "abandon": true, "drop": true, "rescind": true,
	"scrap": true, "end": true, "cease": true, "repeal": true, "retract": true,
	"revoke": true, "desist": true, "release": true, "lift": true,
}

// receivedNouns are stances an actor receives "from" others: "drawing
// criticism from Britain", "won backing from France".
var receivedNouns = map[string]string{
	"criticism": Oppose, "condemnation": Oppose, "rebuke": Oppose, "rebukes": Oppose, "opposition": Oppose,
	"support": Support, "backing": Support, "praise": Support, "retaliation": Oppose,
}

// receiveVerbs take a received stance as their object: "drawing
// criticism from", "won backing from".
var receiveVerbs = wordSet(slices.Concat(
	verbForms("draw/drew/drawn", base|third|past|participle|gerund),
	verbForms("win/won/won/winning", base|third|past|gerund),
	verbForms("receive", third|past|gerund), verbForms("get/got/got/getting", third|past|gerund),
	verbForms("face", base|third|past|gerund), verbForms("attract", third|past|gerund),
	verbForms("earn", third|past|gerund), verbForms("garner", third|past|gerund),
	verbForms("enjoy", third|past|gerund), verbForms("secure", third|past|gerund),
	verbForms("prompt", past|gerund), verbForms("spark", past|gerund),
	verbForms("trigger", past|gerund), verbForms("provoke", past|gerund),
	verbForms("hit/hit", past), verbForms("meet/met", past|gerund), verbForms("greet", past),
)...)

// namingVerbs name an actor as something: "calling Serbia a reliable
// partner".
var namingVerbs = wordSet(slices.Concat(
	verbForms("call", base|third|past|gerund), verbForms("brand", third|past|gerund),
	verbForms("describe", third|past|gerund), verbForms("label", past|gerund),
	verbForms("label/labelled/labelled/labelling", past|gerund),
)...)

// namedNouns are what an actor or its act is called, with the stance the
// name states.
var namedNouns = map[string]string{
	"partner": Support, "partners": Support, "friend": Support, "friends": Support,
	"ally": Support, "allies": Support, "brother": Support, "champion": Support,
	"disgrace": Oppose, "threat": Oppose, "aggressor": Oppose, "pariah": Oppose,
	"menace": Oppose, "bully": Oppose, "outrage": Oppose, "provocation": Oppose,
	"shame": Oppose, "travesty": Oppose, "betrayal": Oppose, "stab": Oppose, "affront": Oppose, "insult": Oppose, "mistake": Oppose,
	"crime": Oppose, "enemy": Oppose, "adversary": Oppose, "sponsor": Oppose, "failure": Oppose,
}

// envoyNouns are a state's representatives abroad.
var envoyNouns = wordSet("ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats",
	"charge", "chargé", "d'affaires", "employees", "staff")

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// bodyWord holds single words that name a deciding body.
var bodyWord = map[string]bool{
	"assembly": true, "council": true, "senate": true, "house": true,
	"commons": true, "lords": true, "parliament": true, "mps": true,
	"lawmakers": true, "committee": true, "congress": true, "chamber": true,
}

// voteStems begin the words that speak of a vote by themselves:
// "voted", "votes", "abstained", "abstentions", "vetoed".
var voteStems = []string{"vot", "abstain", "abstention", "veto"}

// voteSideWords speak of a vote by themselves: the sides of a tally
// written before its number (prefixSides) and these.
var voteSideWords = wordSet("favour", "favor", "tally")

// speaksOfVote reports whether a sentence speaks of a vote, so that its
// numbers may be tallies: the vote reader's tally rule and the counts
// reader ask it. The sentence is given as n lowercase words, and body
// says whether word i names a deciding body.
//
// Words of voting are enough ("voted", "abstentions", "in favour",
// "Yeas", "the tally"), and so is a tally right after an outcome ("failed
// 18-79", "passed 52-47", "went down 18-80", "split 5-4"). An outcome
// alone ("passed", "adopted") counts only with a motion, "it" or a body
// in the sentence, so that "beat Madrid 3-1 as the champions passed their
// test" is no vote.
func speaksOfVote(n int, word func(i int) string, body func(i int) bool) bool {
	outcome, motion := false, false
	for i := 0; i < n; i++ {
		w := word(i)
		_, isOutcome := outcomeWords[w]
		if (isOutcome || w == "split" || w == "down" && i > 0 && goVerb[word(i-1)]) && i+1 < n && hyphenPair(word(i+1)) != nil {
			return true
		}
		if voteSideWords[w] || prefixSides[w] != "" || hasAnyPrefix(w, voteStems) {
			return true
		}
		outcome = outcome || isOutcome
		if _, ok := motionClasses[w]; ok || w == "it" || body(i) {
			motion = true
		}
	}
	return outcome && motion
}

// goVerb are the forms of "go" in "went down 18-80".
var goVerb = wordSet("went", "goes", "go")

// hasAnyPrefix reports whether w begins with one of the prefixes.
func hasAnyPrefix(w string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// form selects the forms of a lemma a cue table asks for. A table lists
// lemmas and the forms it takes; the forms are derived by verbForms, so
// that "vote" with past|gerund gives "voted" and "voting".
type form uint8

const (
	base       form = 1 << iota // "vote"
	third                       // "votes"
	past                        // "voted"
	participle                  // "withdrawn", where it differs from the past
	gerund                      // "voting"
	noun                        // a noun lemma as it is: "abstention"
	plural                      // its plural: "abstentions"
	phrase                      // the words as they are: "in support"
)

// verbForms returns the forms of a lemma that fs asks for, in the order
// base, third person, past, participle, gerund (noun and plural for
// nouns; phrase for a fixed phrase). Irregular forms follow the lemma
// after slashes, as past, participle and gerund: "stand/stood",
// "withdraw/withdrew/withdrawn", "win/won/won/winning".
func verbForms(lemma string, fs form) []string {
	parts := strings.Split(lemma, "/")
	v := parts[0]
	pastForm, partForm, ingForm := pastOf(v), "", gerundOf(v)
	if len(parts) > 1 {
		pastForm = parts[1]
	}
	partForm = pastForm
	if len(parts) > 2 {
		partForm = parts[2]
	}
	if len(parts) > 3 {
		ingForm = parts[3]
	}
	var out []string
	add := func(f form, w string) {
		if fs&f != 0 && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	add(base, v)
	add(noun, v)
	add(phrase, v)
	add(third, thirdOf(v))
	add(plural, thirdOf(v))
	add(past, pastForm)
	add(participle, partForm)
	add(gerund, ingForm)
	return out
}

// thirdOf gives the third person of a verb, or the plural of a noun:
// "votes", "passes", "vetoes", "rallies", "enjoys".
func thirdOf(v string) string {
	switch {
	case consonantY(v):
		return v[:len(v)-1] + "ies"
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") ||
		strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") || strings.HasSuffix(v, "o"):
		return v + "es"
	}
	return v + "s"
}

// pastOf gives the regular past: "voted", "passed", "rallied".
func pastOf(v string) string {
	switch {
	case strings.HasSuffix(v, "e"):
		return v + "d"
	case consonantY(v):
		return v[:len(v)-1] + "ied"
	}
	return v + "ed"
}

// gerundOf gives the regular gerund: "voting", "passing", "rallying".
func gerundOf(v string) string {
	if strings.HasSuffix(v, "e") && !strings.HasSuffix(v, "ee") {
		return v[:len(v)-1] + "ing"
	}
	return v + "ing"
}

// consonantY reports whether a word ends in a consonant and "y".
func consonantY(v string) bool {
	n := len(v)
	return n >= 2 && v[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(v[n-2]))
}

// outcomeVerb is a row of outcomeWords: a verb, its forms and the
// outcome they state.
type outcomeVerb struct {
	outcome string
	lemma   string
	forms   form
}

func outcomeTable(rows ...outcomeVerb) map[string]string {
	m := map[string]string{}
	for _, r := range rows {
		for _, w := range verbForms(r.lemma, r.forms) {
			m[w] = r.outcome
		}
	}
	return m
}

// positionVerb is a row of positionCues: a lemma and its forms, the
// words after it, and the position stated.
type positionVerb struct {
	lemma  string
	forms  form
	after  string
	value  string
	strong bool
	motion bool
}

func positionTable(rows ...positionVerb) []positionCue {
	var out []positionCue
	for _, r := range rows {
		for _, w := range verbForms(r.lemma, r.forms) {
			out = append(out, positionCue{words: cueWords(w, r.after), value: r.value, strong: r.strong, motion: r.motion})
		}
	}
	slices.SortStableFunc(out, func(a, b positionCue) int { return len(b.words) - len(a.words) })
	return out
}

// stanceVerb is a row of stanceCues: the stance, a lemma and its forms,
// and the words after it.
type stanceVerb struct {
	polarity string
	lemma    string
	forms    form
	after    string
}

func stanceTable(rows ...stanceVerb) []stanceCue {
	var out []stanceCue
	for _, r := range rows {
		for _, w := range verbForms(r.lemma, r.forms) {
			out = append(out, stanceCue{words: cueWords(w, r.after), polarity: r.polarity})
		}
	}
	// A longer cue is tried before the shorter one it begins with:
	// "backing for" before "backing".
	slices.SortStableFunc(out, func(a, b stanceCue) int { return len(b.words) - len(a.words) })
	return out
}

// cueWords splits a cue's form and the words after it into words.
func cueWords(w, after string) []string {
	return strings.Fields(w + " " + after)
}

// The nouns of those who vote, from which the readers' lists of members
// and voters are made.

// stateNouns are states as voters: "Ten countries voted against".
var stateNouns = []string{"countries", "states", "nations", "governments"}

// legislatorNouns are the members of a chamber as people: "MPs backed the
// bill", "several senators voted against".
var legislatorNouns = []string{"mps", "senators", "lawmakers", "legislators", "meps"}

// partyGroupNouns name groups inside a chamber, which are not countries:
// "Meloni's party", "the Labour group".
var partyGroupNouns = []string{"party", "parties", "group", "faction", "coalition", "caucus", "bloc"}

// memberNouns name the members of a chamber as people.
var memberNouns = wordSet(slices.Concat(legislatorNouns, []string{"peers", "parliamentarians"})...)

// voterNouns name those who vote, for counted subjects: "Ten countries,
// including ..., voted against", "backed by 141 countries".
var voterNouns = wordSet(slices.Concat(stateNouns, legislatorNouns,
	[]string{"members", "delegations", "representatives", "others", "deputies", "parliamentarians"})...)

// countNouns name the voters a tally counts, and the votes themselves:
// "Ten countries ... voted against", "were the only two members".
var countNouns = wordSet(slices.Concat(stateNouns, legislatorNouns,
	[]string{"members", "member", "delegations", "representatives", "others", "votes", "parties"})...)

// partyNouns name groups inside a chamber and their members, which are
// not countries: "Meloni's party said", "Labour MPs said".
var partyNouns = wordSet(slices.Concat(partyGroupNouns, []string{"members", "lawmakers", "mps", "meps"})...)
