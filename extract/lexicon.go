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

// sponsorVerbs introduce who drafted or tabled a motion.
var sponsorVerbs = map[string]bool{
	"proposed": true, "drafted": true, "tabled": true, "introduced": true,
	"sponsored": true, "co-sponsored": true, "cosponsored": true,
	"submitted": true, "presented": true, "authored": true, "penned": true,
	"proposes": true, "tables": true, "introduces": true, "submits": true,
	"put": true, "brought": true, "drew": true, "co-penned": true,
	"co-drafted": true, "co-authored": true, "co-tabled": true,
}

// sponsorTails follow an actor in a compound naming a motion's sponsor:
// "US-drafted", "European-backed".
var sponsorTails = map[string]bool{
	"drafted": true, "backed": true, "sponsored": true, "proposed": true,
	"led": true, "authored": true, "penned": true, "written": true, "tabled": true,
	"introduced": true, "sponsor": true,
}

var outcomeWords = map[string]string{
	"adopted": Adopted, "adopts": Adopted, "adopting": Adopted, "adopt": Adopted,
	"approved": Adopted, "approves": Adopted, "approving": Adopted,
	"passed": Adopted, "passes": Adopted, "passing": Adopted,
	"endorsed": Adopted, "endorses": Adopted, "carried": Adopted,
	"rejected": Rejected, "rejects": Rejected, "rejecting": Rejected,
	"defeated": Rejected, "defeats": Rejected, "failed": Rejected, "fails": Rejected, "failing": Rejected,
	"vetoed": Vetoed, "vetoes": Vetoed, "vetoing": Vetoed,
	"withdrawn": Withdrawn, "withdrew": Withdrawn, "withdraws": Withdrawn,
	"negatived": Rejected, "negatives": Rejected,
	"confirmed": Adopted, "confirms": Adopted, "ratified": Adopted, "ratifies": Adopted,
	"cleared": Adopted, "clears": Adopted, "lost": Rejected, "elected": Adopted,
	"re-elected": Adopted, "reelected": Adopted,
}

// memberNouns name the members of a chamber as people.
var memberNouns = map[string]bool{
	"mps": true, "senators": true, "lawmakers": true, "legislators": true,
	"meps": true, "peers": true, "parliamentarians": true,
}

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

// titles stand before a person's name.
var titles = map[string]bool{
	"sir": true, "dame": true, "mr": true, "mr.": true, "mrs": true, "mrs.": true,
	"ms": true, "ms.": true, "dr": true, "dr.": true, "lord": true, "lady": true,
	"sen.": true, "sen": true, "rep.": true, "gen.": true, "president": true,
	"chancellor": true, "minister": true, "premier": true, "king": true,
	"queen": true, "prince": true, "sheikh": true, "emir": true,
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

// countNouns name the voters a tally counts: "Ten countries ... voted
// against".
var countNouns = map[string]bool{
	"countries": true, "members": true, "states": true, "nations": true,
	"delegations": true, "votes": true, "lawmakers": true, "mps": true,
	"senators": true, "meps": true, "representatives": true, "legislators": true,
	"governments": true, "parties": true, "member": true, "others": true,
	"council": false,
}

// voterNouns name those who vote, for counted subjects.
var voterNouns = map[string]bool{
	"countries": true, "members": true, "states": true, "nations": true,
	"delegations": true, "lawmakers": true, "mps": true, "senators": true,
	"meps": true, "representatives": true, "legislators": true,
	"governments": true, "others": true, "deputies": true, "parliamentarians": true,
}

// partyNouns name groups inside a chamber, which are not countries.
var partyNouns = map[string]bool{
	"party": true, "parties": true, "group": true, "faction": true, "coalition": true,
	"caucus": true, "bloc": true, "members": true, "lawmakers": true, "mps": true, "meps": true,
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

// voteWords are the stems whose presence makes a sentence worth reading
// for votes.
var voteWords = []string{
	"vot", "abstain", "abstention", "favour", "favor", "against", "adopt",
	"approv", "pass", "reject", "veto", "resolution", "draft", "bill", "motion",
	"amendment", "sponsor", "tabled", "propos", "introduc", "defeat", "endorse",
	"support", "back", "oppos", "carried", "council", "assembly", "house",
	"commons", "senate", "parliament", "mps", "lawmakers", "representative",
	"speaker", "delegat", "ambassador", "envoy", "fail", "went down", "lost",
}

// positionCue is a phrase that states how actors voted.
type positionCue struct {
	words  []string
	value  string
	strong bool
	motion bool // the cue needs a motion as its object ("opposed the draft")
}

var positionCues = []positionCue{
	{words: []string{"voted", "against"}, value: No, strong: true},
	{words: []string{"vote", "against"}, value: No, strong: true},
	{words: []string{"votes", "against"}, value: No, strong: true},
	{words: []string{"voting", "against"}, value: No, strong: true},
	{words: []string{"voted", "no"}, value: No, strong: true},
	{words: []string{"voting", "no"}, value: No, strong: true},
	{words: []string{"vote", "no"}, value: No, strong: true},
	{words: []string{"voted", "in", "favour"}, value: Yes, strong: true},
	{words: []string{"voted", "in", "favor"}, value: Yes, strong: true},
	{words: []string{"voting", "in", "favour"}, value: Yes, strong: true},
	{words: []string{"voting", "in", "favor"}, value: Yes, strong: true},
	{words: []string{"vote", "in", "favour"}, value: Yes, strong: true},
	{words: []string{"vote", "in", "favor"}, value: Yes, strong: true},
	{words: []string{"votes", "in", "favour"}, value: Yes, strong: true},
	{words: []string{"votes", "in", "favor"}, value: Yes, strong: true},
	{words: []string{"voted", "for"}, value: Yes, strong: true},
	{words: []string{"voting", "for"}, value: Yes, strong: true},
	{words: []string{"voted", "yes"}, value: Yes, strong: true},
	{words: []string{"voting", "yes"}, value: Yes, strong: true},
	{words: []string{"abstained"}, value: Abstain, strong: true},
	{words: []string{"abstaining"}, value: Abstain, strong: true},
	{words: []string{"abstain"}, value: Abstain, strong: true},
	{words: []string{"abstains"}, value: Abstain, strong: true},
	{words: []string{"abstention"}, value: Abstain, strong: true},
	{words: []string{"abstainers"}, value: Abstain, strong: true},
	{words: []string{"abstentions"}, value: Abstain, strong: true},
	{words: []string{"opposed"}, value: No, motion: true},
	{words: []string{"opposing"}, value: No, motion: true},
	{words: []string{"supported"}, value: Yes, motion: true},
	{words: []string{"backed"}, value: Yes, motion: true},
	{words: []string{"endorsed"}, value: Yes, motion: true},
	{words: []string{"supporting"}, value: Yes, motion: true},
	{words: []string{"backing"}, value: Yes, motion: true},
}

// stanceCue is a phrase by which an actor takes a side toward another:
// verbs ("sided with", "condemned"), nouns ("support for", "condemnation
// of") and relations ("an ally of").
type stanceCue struct {
	words    []string
	polarity string
}

var stanceCues = []stanceCue{
	{[]string{"sided", "with"}, Support}, {[]string{"siding", "with"}, Support},
	{[]string{"sides", "with"}, Support}, {[]string{"side", "with"}, Support},
	{[]string{"stands", "with"}, Support}, {[]string{"stood", "with"}, Support},
	{[]string{"stand", "with"}, Support}, {[]string{"standing", "with"}, Support},
	{[]string{"stands", "by"}, Support}, {[]string{"stood", "by"}, Support},
	{[]string{"stand", "by"}, Support}, {[]string{"standing", "by"}, Support},
	{[]string{"rallied", "behind"}, Support}, {[]string{"rallied", "around"}, Support},
	{[]string{"rallying", "behind"}, Support}, {[]string{"in", "support", "of"}, Support},
	{[]string{"solidarity", "with"}, Support}, {[]string{"allied", "with"}, Support},
	{[]string{"ally", "of"}, Support}, {[]string{"allies", "of"}, Support},
	{[]string{"support", "for"}, Support}, {[]string{"backing", "for"}, Support},
	{[]string{"supported"}, Support}, {[]string{"supports"}, Support},
	{[]string{"supporting"}, Support}, {[]string{"backed"}, Support},
	{[]string{"backs"}, Support}, {[]string{"backing"}, Support},
	{[]string{"defended"}, Support}, {[]string{"defends"}, Support},
	{[]string{"praised"}, Support}, {[]string{"praises"}, Support},
	{[]string{"endorsed"}, Support}, {[]string{"thanked"}, Support},
	{[]string{"grateful", "to"}, Support},
	{[]string{"hailed"}, Support}, {[]string{"applauded"}, Support},
	{[]string{"congratulated"}, Support}, {[]string{"welcomed"}, Support},
	{[]string{"lambasted"}, Oppose}, {[]string{"castigated"}, Oppose},
	{[]string{"lashed", "out", "at"}, Oppose}, {[]string{"hit", "out", "at"}, Oppose},
	{[]string{"hit", "back", "at"}, Oppose}, {[]string{"chided"}, Oppose},
	{[]string{"censured"}, Oppose}, {[]string{"assailed"}, Oppose},
	{[]string{"decried"}, Oppose}, {[]string{"berated"}, Oppose},
	{[]string{"concerned", "about"}, Oppose}, {[]string{"concerned", "over"}, Oppose},
	{[]string{"concerned", "by"}, Oppose}, {[]string{"troubled", "by"}, Oppose},
	{[]string{"alarmed", "by"}, Oppose}, {[]string{"alarmed", "at"}, Oppose},
	{[]string{"concern", "over"}, Oppose}, {[]string{"concern", "about"}, Oppose},
	{[]string{"urged"}, Oppose}, {[]string{"urges"}, Oppose},
	{[]string{"called", "on"}, Oppose}, {[]string{"calls", "on"}, Oppose},
	{[]string{"thanks"}, Support},
	{[]string{"condemned"}, Oppose}, {[]string{"condemns"}, Oppose},
	{[]string{"condemning"}, Oppose}, {[]string{"condemnation", "of"}, Oppose},
	{[]string{"blamed"}, Oppose}, {[]string{"blames"}, Oppose}, {[]string{"blaming"}, Oppose},
	{[]string{"criticised"}, Oppose}, {[]string{"criticized"}, Oppose},
	{[]string{"criticises"}, Oppose}, {[]string{"criticizes"}, Oppose},
	{[]string{"criticising"}, Oppose}, {[]string{"criticizing"}, Oppose},
	{[]string{"criticism", "of"}, Oppose}, {[]string{"accused"}, Oppose},
	{[]string{"accuses"}, Oppose}, {[]string{"accusing"}, Oppose},
	{[]string{"denounced"}, Oppose}, {[]string{"denounces"}, Oppose},
	{[]string{"opposed"}, Oppose}, {[]string{"opposes"}, Oppose},
	{[]string{"rebuked"}, Oppose}, {[]string{"slammed"}, Oppose},
	{[]string{"sanctioned"}, Oppose},
	{[]string{"sanctions", "on"}, Oppose}, {[]string{"sanctions", "against"}, Oppose},
	{[]string{"threatened"}, Oppose},
}

// reversalCues oppose only when they ask the target to undo something:
// "urged Israel to reconsider", not "urged Israel to join the talks".
var reversalCues = map[string]bool{"urged": true, "urges": true, "called": true, "calls": true}

// baseCues are stance verbs in their base form, cues only when tagged
// as verbs.
var baseCues = map[string]string{
	"support": Support, "back": Support, "defend": Support, "praise": Support,
	"oppose": Oppose, "condemn": Oppose, "criticise": Oppose, "criticize": Oppose,
	"denounce": Oppose, "blame": Oppose, "accuse": Oppose,
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
	"support": Support, "backing": Support, "praise": Support,
}

// receiveVerbs take a received stance as their object.
var receiveVerbs = wordSet(
	"drew", "draws", "draw", "drawing", "drawn", "won", "wins", "win", "winning",
	"received", "receives", "receiving", "got", "gets", "getting", "faced", "faces",
	"face", "facing", "attracted", "attracts", "attracting", "earned", "earns",
	"earning", "garnered", "garners", "garnering", "enjoyed", "enjoys", "enjoying",
	"secured", "secures", "securing", "prompted", "prompting", "sparked",
	"sparking", "triggered", "triggering", "provoked", "provoking",
)

// namingVerbs name an actor as something: "calling Serbia a reliable
// partner".
var namingVerbs = wordSet("called", "calls", "call", "calling", "branded", "brands", "branding",
	"described", "describes", "describing", "labelled", "labeled", "labelling", "labeling")

// namedNouns are what an actor or its act is called, with the stance the
// name states.
var namedNouns = map[string]string{
	"partner": Support, "partners": Support, "friend": Support, "friends": Support,
	"ally": Support, "allies": Support, "brother": Support, "champion": Support,
	"disgrace": Oppose, "threat": Oppose, "aggressor": Oppose, "pariah": Oppose,
	"menace": Oppose, "bully": Oppose, "outrage": Oppose, "provocation": Oppose,
	"shame": Oppose, "travesty": Oppose, "betrayal": Oppose, "stab": Oppose,
	"crime": Oppose, "enemy": Oppose, "adversary": Oppose, "sponsor": Oppose,
}

// envoyNouns are a state's representatives abroad.
var envoyNouns = wordSet("ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats",
	"charge", "chargé", "d'affaires")

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
