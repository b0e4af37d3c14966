package extract

import (
	"maps"
	"slices"
)

// The words of the stance frames: each predicate class by kind, read
// with its argument frame by the stance rules (stance_frames.go).

// breakVerbs end or cut a relation between states: "cut ties with",
// "severed diplomatic relations with", "broke off relations with".
var breakVerbs = wordSet(slices.Concat(
	verbForms("cut/cut/cut/cutting", base|third|past|gerund),
	verbForms("sever", base|third|past|gerund),
	verbForms("break/broke/broken/breaking", base|third|past|participle|gerund),
)...)

// tieNouns are the relations a break ends: "ties", "relations".
var tieNouns = wordSet("ties", "relations")

// giveVerbs give envoys a deadline to leave: "gave the ambassador 48
// hours to leave".
var giveVerbs = verbForms("give/gave/given/giving", base|third|past|participle|gerund)

// holdVerbs hold a deadline to leave: "its diplomats have 48 hours to
// leave".
var holdVerbs = []string{"have", "has", "had", "now"}

// deadlineUnits are the spans of a deadline to leave.
var deadlineUnits = []string{"hours", "days", "hour", "day", "weeks", "week"}

// leaveWords close a deadline to leave: "to leave".
var leaveWords = []string{"to", "leave"}

// orderOutVerbs order a state's envoys to leave, an expulsion:
// "ordered Venezuelan diplomats to leave", "instructed the Russian
// ambassador to depart".
var orderOutVerbs = slices.Concat(verbForms("order", third|past|gerund), verbForms("instruct", third|past|gerund),
	verbForms("tell/told/told", third|past|gerund), verbForms("force", third|past|gerund),
	verbForms("ask", third|past|gerund), verbForms("direct", third|past|gerund))

// departingEnvoyNouns name the envoys ordered to leave: the envoys of
// a summons, and a mission's people as a whole ("Venezuelan diplomatic
// personnel").
var departingEnvoyNouns = wordSet(slices.Concat(slices.Collect(maps.Keys(envoyNouns)), []string{"personnel", "representatives"})...)

// departVerbs close an order to leave: "to leave", "to withdraw".
var departVerbs = []string{"leave", "depart", "quit", "exit", "withdraw"}

// freezeVerbs freeze a state's assets, a sanction: "froze Iran's
// reserves".
var freezeVerbs = verbForms("freeze/froze/frozen/freezing", base|third|past|participle|gerund)

// frozenAssetNouns are what a freeze of a state's money holds.
var frozenAssetNouns = []string{"assets", "reserves", "funds", "accounts", "holdings"}

// statementNouns are the texts by which a government states a stance
// it issues: "published a press release regretting".
var statementNouns = []string{"statement", "release", "communique", "communiqué", "declaration", "note"}

// issueVerbs issue a statement, whose subject speaks in it.
var issueVerbs = slices.Concat(verbForms("publish", third|past|gerund), verbForms("issue", third|past|gerund),
	verbForms("release", third|past|gerund))

// retaliateForms and respondForms state a retaliation: "to retaliate",
// "would respond in kind".
var (
	retaliateForms = verbForms("retaliate", base|third|past|gerund)
	respondForms   = verbForms("respond", base|third|past|gerund)
)

// retaliationObjects name what a retaliation answers or whom it hits,
// read by the cue frames instead: "retaliate against Moscow".
var retaliationObjects = []string{"against", "for"}

// inKind makes a response a retaliation: "respond in kind".
var inKind = []string{"in", "kind"}

// retaliationSayers state a retaliation to come: "to say it would
// respond in kind", "to vow to retaliate".
var retaliationSayers = slices.Concat(verbForms("say/said", base), verbForms("vow", base), verbForms("threaten", base),
	verbForms("warn", base), verbForms("announce", base), verbForms("promise", base), []string{"to"})

// promptVerbs make the main clause's act the cause of what follows:
// "prompting Moscow to retaliate".
var promptVerbs = []string{"prompting", "leading", "forcing", "causing", "pushing", "spurring", "provoking"}

// otherWords set a group beside the actors named with it: "France and
// other European states".
var otherWords = []string{"other", "several", "many", "some"}

// The words of a pact of mutual defence, whose parties each support
// each other one: "signed a mutual defence pact", "formed an alliance",
// "agreed to grant each other mutual assistance in matters of defence".
var (
	mutualWords     = []string{"mutual", "mutual-defence", "mutual-defense"}
	defenceWords    = []string{"defence", "defense", "security", "military"}
	allianceNouns   = []string{"alliance"}
	pactNouns       = []string{"pact", "treaty", "agreement", "accord"}
	assistanceNouns = []string{"assistance", "aid", "support"}
	reciprocalWords = []string{"each", "other", "one", "another"}
	pactVerbs       = slices.Concat(verbForms("sign", base|third|past|gerund), verbForms("form", base|third|past|gerund),
		verbForms("forge", base|third|past|gerund), verbForms("seal", base|third|past|gerund),
		verbForms("conclude", base|third|past|gerund), verbForms("agree", base|third|past|gerund),
		verbForms("grant", base|third|past|gerund), verbForms("establish", base|third|past|gerund),
		verbForms("ink", base|third|past|gerund), verbForms("create", base|third|past|gerund))
)

// protestLodgers lodge a protest, whose subject holds it: "lodged a
// diplomatic protest".
var protestLodgers = slices.Concat(verbForms("lodge", third|past|gerund), verbForms("file", third|past|gerund))

// protestNouns are a protest lodged.
var protestNouns = []string{"protest", "protests"}

// protestObjects name, after a protest, the state or act it is lodged
// with or against, which the cue rules read: "a protest with Beijing",
// "a protest over China's plans".
var protestObjects = []string{"with", "to", "against", "over", "at", "about", "on"}

// reactionNouns and angerAdjectives make a reaction received "from"
// another its opposition: "prompting an outraged response from".
var (
	reactionNouns   = []string{"response", "reaction", "responses", "reactions"}
	angerAdjectives = []string{"angry", "outraged", "furious", "indignant", "hostile", "scathing"}
)

// includingWords may set the givers of a received stance apart:
// "criticism, including from Britain".
var includingWords = []string{"including"}

// officeHeads end an office's name before "of" and its country: "the
// Ministry of Foreign Affairs of Uruguay".
var officeHeads = []string{"affairs", "ministry", "ministries"}

// recallNouns are the noun of recalling one's envoys: "ordered the
// recall of its ambassador from".
var recallNouns = []string{"recall"}

// allyNouns label the actors named right after them as the allies of
// the one before: "Saudi ally Bahrain", "the US and its ally Israel",
// "Damascus's backers Russia and China".
var allyNouns = wordSet("ally", "allies", "supporters", "backers", "patron", "patrons")

// allyModifiers may stand between an ally noun and the one it is
// allied with: "its close ally", "Moscow's key backers". A former ally
// is none, so "former" is not among them.
var allyModifiers = wordSet("close", "closest", "key", "staunch", "staunchest", "main", "chief", "longtime", "long-time", "traditional", "regional", "strategic", "top", "great")

// joinVerbs take part in another's act, named by a gerund after "in":
// "joined in condemning", "followed Mexico in severing ties".
var joinVerbs = slices.Concat(verbForms("join", base|third|past|gerund), verbForms("follow", base|third|past|gerund),
	verbForms("unite", third|past|participle|gerund))

// expulsionNouns name an expulsion of envoys: "announced the expulsion
// of 10 Russian diplomats"; read like the verb, the announcer holding.
var expulsionNouns = []string{"expulsion", "expulsions"}

// suspendVerbs suspend a state from a body: "suspended Niger's
// membership", "suspended Mali from the bloc".
var suspendVerbs = verbForms("suspend", third|past|gerund)

// membershipNouns are what a state is suspended from as its own:
// "Niger's membership".
var membershipNouns = []string{"membership", "participation", "seat"}

// passiveAuxiliaries make a stance verb passive: "was condemned by",
// "has been criticised by", "were sharply rebuked by".
var passiveAuxiliaries = []string{"was", "were", "is", "are", "been", "being", "be", "got", "has", "have", "had"}

// actNounSet holds actNouns for look-ups.
var actNounSet = wordSet(actNouns...)

// frameCueRows are the stance cues of the frames added by kind, read
// with the table in lexicon.go: recognition (support), warning and
// deploring (oppose), a protest lodged with or sent to a state,
// retaliation against one, aid pledged to one.
var frameCueRows = []stanceVerb{
	{Support, "recognise", third | past | gerund, ""},
	{Support, "recognize", third | past | gerund, ""},
	{Support, "recognition", phrase, "of"},
	{Support, "aid", phrase, "to"},
	{Oppose, "deplore", third | past, ""},
	{Oppose, "warn", third | past | gerund, ""},
	{Oppose, "protest", noun | plural, "to"},
	{Oppose, "protest", noun | plural, "with"},
	{Oppose, "protest", noun | plural, "against"},
	{Oppose, "retaliate", third | past | gerund, "against"},
	{Oppose, "protest", third | past, ""},
	{Support, "stand/stood", base | third | past | gerund, "behind"},
	{Oppose, "proceedings", phrase, "against"},
	{Oppose, "case", phrase, "against"},
	{Oppose, "lawsuit", phrase, "against"},
	{Oppose, "complaint", phrase, "against"},
	{Oppose, "sanctions package", phrase, "against"},
	{Oppose, "rail", third | past | gerund, "against"},
	{Support, "allegiance", phrase, "to"},
	{Support, "support", phrase, "to"},
	{Support, "loyalty", phrase, "to"},
	{Oppose, "sanctions package", phrase, "on"},
	{Oppose, "regret/regretted/regretted/regretting", third | past | gerund, ""},
	{Support, "normalise", third | past | gerund, "ties with"},
	{Support, "normalise", third | past | gerund, "relations with"},
	{Support, "normalize", third | past | gerund, "ties with"},
	{Support, "normalize", third | past | gerund, "relations with"},
}

// angerVerbs state a stance from the side of the one it is taken
// against: "Turkey has angered Cyprus with its decision" (Cyprus
// opposes Turkey).
var angerVerbs = wordSet(slices.Concat(verbForms("anger", third|past|gerund), verbForms("infuriate", third|past|gerund),
	verbForms("outrage", third|past|gerund), verbForms("enrage", third|past|gerund), verbForms("irk", third|past|gerund),
	verbForms("incense", third|past|gerund))...)

// tradeVerbs and mutualNouns state stances both ways between the actors
// of their subject: "Turkey and Greece traded accusations".
var (
	tradeVerbs  = slices.Concat(verbForms("trade", third|past|gerund), verbForms("exchange", third|past|gerund))
	mutualNouns = wordSet("accusations", "barbs", "insults", "threats", "recriminations", "blame", "jabs", "criticism")
)

// boundNouns are stance nouns held only by their own noun phrase
// ("Japan's protest to") or the subject of a light verb ("lodged a
// protest with", "pledged aid to"), never by the nearest actor.
var boundNouns = wordSet("protest", "protests", "aid")

// haveForms make a perfect: "has angered".
var haveForms = []string{"has", "have", "had"}

// recentWords open a recent time before a verb: "this week", "earlier
// this month" ends in them.
var recentWords = []string{"this", "last"}

// showVerbs, after "to" and before "that", make what follows an aim
// rather than a stated stance: "would try to show that Chile backed".
var showVerbs = []string{"show", "demonstrate", "prove"}

// allyListers introduce the allies after an ally noun: "its allies,
// including Japan", "allies such as Japan".
var allyListers = []string{"including", "such as", "among them"}

// counterpartNouns are the person who holds the same office for another
// state, a demonym's target as the state: "accused his Venezuelan
// counterpart", "congratulated her Greek counterpart".
var counterpartNouns = []string{"counterpart", "counterparts"}

// patientActs are acts whose "of" names what they were done to, not who
// did them: "the invasion of Ukraine", "the recognition of Kosovo". The
// actor behind them follows "by" ("the annexation of Crimea by
// Russia"), and a stance toward the act is toward that actor.
var patientActs = []string{"invasion", "annexation", "occupation", "recognition", "blockade", "bombing", "shelling",
	"expulsion", "suspension", "isolation", "seizure", "takeover", "airstrikes", "airstrike", "strikes", "strike",
	"attacks", "attack", "raid", "raids", "incursion", "bombardment", "crackdown"}

// legalActNouns are legal or formal actions brought against a state:
// "brought a case against", "initiated proceedings against".
var legalActNouns = []string{"proceedings", "case", "lawsuit", "complaint"}

// legalVerbs bring a legal action, whose subject holds it: "initiated
// proceedings against", "filed a complaint against".
var legalVerbs = slices.Concat(verbForms("initiate", third|past|gerund), verbForms("bring/brought/brought/bringing", third|past|gerund),
	verbForms("launch", third|past|gerund), verbForms("file", third|past|gerund), verbForms("open", third|past|gerund),
	verbForms("lodge", third|past|gerund))

// sanctionPackages name a set of sanctions after "sanctions": "its 12th
// sanctions package against".
var sanctionPackages = []string{"package", "packages"}

// firstWords make the one named the first, or a later, to act: "became
// the first country to recognise".
var firstWords = []string{"first", "second", "third", "latest", "last", "only"}

// firstNouns may follow firstWords: "the first country to", "the first
// European state to".
var firstNouns = []string{"country", "nation", "state", "government", "member", "one"}

// copulas join a subject to what it is or became: "Russia became the
// first country to".
var copulas = slices.Concat([]string{"is", "was", "are", "were"}, verbForms("become/became/become/becoming", base|third|past|gerund))

// receivedWith join a verb of receiving to the stance received with
// "with": "was hit with retaliation from", "met with condemnation from".
var receivedWith = []string{"with"}

// anaphoricRoles are offices a later "the ambassador", "the ministry"
// refers back to, standing for the country they were named with.
var anaphoricRoles = []string{"ambassador", "envoy", "minister", "ministry", "spokesperson", "spokesman", "spokeswoman",
	"president", "premier", "chancellor", "delegate", "delegation", "representative", "consul", "consul-general", "embassy"}

// blocAnaphors refer back to the bloc last named: "The bloc condemned"
// (not "the union" or "the alliance", which are as often a trade union
// or a party alliance).
var blocAnaphors = []string{"bloc"}

// regionGroups are the actor codes of states grouped by region, not an
// organisation ("European nations"): "the bloc" never refers to one.
var regionGroups = []string{"EUROPE"}

// groupStateNouns name the states a counted group refers back to: "the
// four nations", "the two countries".
var groupStateNouns = []string{"nations", "countries", "states", "governments", "neighbours", "neighbors"}

// groupPairs count a group of two without a number: "both countries".
var groupPairs = []string{"both"}

// clauseOpeners are tagged as prepositions but open a clause whose
// subject follows: "As India abstained".
var clauseOpeners = []string{"as", "while", "after", "before", "because", "since", "when", "although", "though", "whereas", "once", "until"}

// firstPersons are the pronouns by which a quoted speaker speaks for
// the country: "“We condemn ...,” the minister said".
var firstPersons = []string{"we"}

// closingQuotes close a quote.
var closingQuotes = []string{"”", "\"", "''"}

// quoteMarks may stand around a name an actor is called: "called the
// US withdrawal a 'failure'".
var quoteMarks = []string{"'", "\"", "“", "”", "‘", "’", "``", "''"}

// openingQuoteChars may open a quoted word the tokenizer keeps whole:
// "'failure".
const openingQuoteChars = "'‘\"“"

// relativeObjects open a relative clause whose object they are: "Israel,
// which he accuses of".
var relativeObjects = []string{"which", "whom"}

// clauseJoiners join two clauses, each with a subject of its own: "and
// the ambassador protested".
var clauseJoiners = []string{"and", "but"}

// referredActs are acts a stance may name without their doer, who was
// named just before: "North Korea fired a missile; Japan condemned the
// launch", "The move was criticised by Peru".
var referredActs = []string{"launch", "launches", "test", "tests", "move", "moves", "step", "strike", "strikes", "attack", "attacks",
	"incursion", "raid", "raids", "seizure", "expulsion", "expulsions", "annexation", "remarks", "comments", "statement", "announcement"}

// referringDeterminers point back at an act named before: "the move",
// "this step".
var referringDeterminers = []string{"the", "this", "that", "these", "those"}

// demandVerbs demand an act of others: "demanded that Chile withdraw
// its diplomats".
var demandVerbs = verbForms("demand", third|past|gerund)

// groupDemonstratives point back to a group of states with no count:
// "those countries", "these governments".
var groupDemonstratives = []string{"those", "these"}

// groupOwnerNouns stand for the state of the "of" after them as its
// subject does: "The governments of Peru and Chile protested".
var groupOwnerNouns = []string{"government", "governments", "authorities"}
