package extract

import "slices"

// The word classes of the vote and stance rules: each list a rule asks
// for by name (anyWord(its, i, beForms...)), so that a word is added to
// a class once and reaches every rule that uses it.

// intoPrepositions before a body make it where someone is put or taken
// from: "suspend Russia from the Human Rights Council".
var intoPrepositions = []string{"from", "into", "onto"}

// admissionVerbs before "to" and a body make it what someone joins:
// "elected to the Council".
var admissionVerbs = []string{"elected", "admitted", "readmitted", "returned", "return", "re-elected"}

// seatNouns before "of" and a body make it what is held or reformed: "a
// member of the Council", "reform of the Council".
var seatNouns = []string{"member", "members", "president", "presidency", "reform", "seat", "seats"}

// permanence marks a seat of a council: "a permanent member of the Security
// Council".
var permanence = []string{"permanent", "non-permanent"}

// electedWords mark a body's seat won by election: "elected a member of the
// Council".
var electedWords = []string{"elected", "re-elected"}

// presidencyNouns are a chamber's own office: "re-elected president of the
// Parliament".
var presidencyNouns = []string{"president", "presidency"}

// blocNouns stand for a bloc named before: "the bloc", "the alliance".
var blocNouns = []string{"bloc", "alliance", "union"}

// beForms are the present and past of "be".
var beForms = []string{"were", "was", "are", "is"}

// loneWords qualify a single vote: "cast the lone vote against".
var loneWords = []string{"lone", "sole", "single", "dissenting", "deciding"}

// castObjects begin the object of "cast": "cast the lone vote", "cast their
// votes".
var castObjects = []string{"the", "a", "an", "its", "their"}

// castForms are the forms of "cast".
var castForms = []string{"cast", "casting", "casts"}

// predicateCounts stand in a predicate naming voters: "were the only two
// countries", "were among the few nations".
var predicateCounts = []string{"only", "the", "among", "lone", "sole", "two", "three", "few"}

// listJoiners continue a list of actors after "by": "China and Pakistan,
// joined by Indonesia and Qatar".
var listJoiners = []string{"joined", "backed", "supported", "followed"}

// memberGroups are groups of states: "the member states of the European
// Union".
var memberGroups = slices.Concat(stateNouns, []string{"members"})

// memberModifiers may stand before memberGroups: "all the other member
// states".
var memberModifiers = []string{"member", "the", "all", "other"}

// parentheticalOpeners begin a clause set off by commas between a subject
// and its verb: ", which retains capital punishment,".
var parentheticalOpeners = []string{"which", "who", "whose", "meeting", "speaking", "according", "however", "too"}

// articles are the articles.
var articles = []string{"the", "a", "an"}

// sentenceStops end a clause for good.
var sentenceStops = []string{";", ".", ":"}

// clauseEnds end a clause.
var clauseEnds = []string{",", ";", "."}

// officePrefixes begin a long office: "vice president", "deputy minister",
// "chief negotiator".
var officePrefixes = []string{"vice", "deputy", "chief"}

// listCommas join a list.
var listCommas = []string{",", "and"}

// theirPossessives stand for an actor's own in a list: "its allies".
var theirPossessives = []string{"its", "their"}

// countedGroupWords may stand between a sponsor verb's "by" and the actors
// it counts: "by more than 40 countries, including", "by the core group of
// Latin American states".
var countedGroupWords = []string{"more", "than", "some", "over", "about", "nearly", "almost", "around", ",", "core", "group", "a", "led", "by", "latin", "american", "african", "western", "arab", "asian"}

// amongThem introduces examples: "among them the United States".
var amongThem = []string{"among", "them"}

// shortArticles are "the" and "a".
var shortArticles = []string{"the", "a"}

// ofFor join a role to its actor: "the representative of Norway", "the
// speaker for France".
var ofFor = []string{"of", "for"}

// roleLinks join a role to the actor it speaks for: "the leaders of",
// "the envoy for", "officials from".
var roleLinks = []string{"of", "for", "from"}

// listOpeners may stand before a list of actors.
var listOpeners = []string{"the", ",", ";"}

// listGlueShort may stand inside a short list of actors.
var listGlueShort = []string{",", "and", "the"}

// participleAgents take an agent that is not a verb's subject: "tabled by
// Britain, Germany and Norway".
var participleAgents = []string{"tabled", "sponsored", "drafted", "proposed", "introduced", "submitted", "presented", "backed", "supported", "co-sponsored", "led"}

// speakerPronouns and speakerPossessives stand for a person who speaks,
// not a body that decides: "he rejects the text", "my delegation rejects".
var (
	speakerPronouns    = []string{"he", "she", "i", "we"}
	speakerPossessives = []string{"my", "our"}
)

// ownPossessives point to a speaker's own: "her delegation", "our
// Government".
var ownPossessives = []string{"his", "her", "its", "their", "my", "our", "whose"}

// partySayVerbs report what a party said: "Meloni's party said".
var partySayVerbs = []string{"said", "says", "added", "claimed", "insisted", "stated"}

// factualInfinitives before "to" report an act that happened: "voted to
// reject", "chose to abstain", "the only countries to vote against".
var factualInfinitives = []string{"voted", "votes", "vote", "voting", "chose", "decided", "opted", "forced", "went", "led", "ones"}

// notWords negate a verb.
var notWords = []string{"not", "n't"}

// auxiliaries may stand between a negation and its verb: "did not adopt",
// "was not adopted".
var auxiliaries = []string{"did", "does", "was", "were", "is", "are", "has", "have", "had", "been", "do"}

// passiveAux make a following participle passive: "was adopted", "got
// through".
var passiveAux = []string{"was", "were", "is", "are", "be", "been", "being", "get", "got"}

// passiveAdverbs may stand between a passive auxiliary and its verb: "was
// then adopted", "was narrowly rejected".
var passiveAdverbs = []string{"not", "then", "also", "narrowly", "overwhelmingly", "unanimously"}

// dayWords are time phrases of one word.
var dayWords = []string{"yesterday", "tonight", "today"}

// timeUnits follow "last" in a time phrase: "last night", "last week".
var timeUnits = []string{"night", "week", "month", "evening"}

// continueForms lead to an infinitive: "will continue to support".
var continueForms = []string{"continue", "continues"}

// futureModals commit a subject: "would stand with", "will support".
var futureModals = []string{"would", "will", "shall", "'ll"}

// clauseMarks end a clause inside a sentence.
var clauseMarks = []string{",", ";"}

// listStops end a list.
var listStops = []string{";", ":"}

// sayVerbs report speech.
var sayVerbs = []string{"said", "says", "added", "stated", "declared", "insisted", "stressed", "reiterated", "told"}

// sayFillers may stand between a verb of saying and its pronoun: "said in a
// joint statement that they".
var sayFillers = []string{"that", "in", "a", "an", "the", "joint", "statement", "letter", "communique", "declaration", ","}

// demonstratives point back: "the veto", "this veto".
var demonstratives = []string{"the", "this", "that", "these"}

// vetoNouns name a veto.
var vetoNouns = []string{"veto", "vetoes", "vetos"}

// thanksForms are the forms of "thank".
var thanksForms = []string{"thanked", "thanks"}

// demandModals make a base verb a demand, often another's: "Hungary should
// support Sweden".
var demandModals = []string{"should", "must", "ought", "can", "cannot"}

// commitmentSubjects make a base verb a stance: "would support", "we back",
// "they oppose".
var commitmentSubjects = []string{"would", "will", "shall", "we", "they"}

// receivedDeterminers may stand before a received stance: "drawing some
// criticism", "much praise".
var receivedDeterminers = []string{"the", "a", "an", "some", "much"}

// possessiveMarks mark a possessive.
var possessiveMarks = []string{"'s", "'"}

// indefiniteArticles are "a" and "an".
var indefiniteArticles = []string{"a", "an"}

// expelledCounts may stand before the envoys expelled: "expelled two
// Russian diplomats", "dozens of".
var expelledCounts = []string{"the", "a", "an", "two", "three", "four", "five", "several", "dozens", "of"}

// envoyRanks qualify an envoy: "the deputy ambassador".
var envoyRanks = []string{"deputy", "top", "senior", "embassy", "consular"}

// possessivesPlain are the possessive determiners of others.
var possessivesPlain = []string{"its", "their", "his", "her"}

// recallPrepositions follow a recalled envoy: "recalled its ambassador to",
// "from", "in".
var recallPrepositions = []string{"to", "from", "in"}

// personaNonGrataWords declare a person unwelcome.
var personaNonGrataWords = []string{"persona", "non", "grata"}

// nounCueModifiers may stand between a stance noun and its holder:
// "European calls for stronger condemnation of", "Russia's support for",
// "close allies of".
var nounCueModifiers = []string{"for", "calls", "call", "demands", "demand", "'s", "'", "close", "closest", "key", "greater", "stronger", "firm", "strong", "full"}

// freshWords may stand before sanctions: "new sanctions".
var freshWords = []string{"new", "fresh", "further", "more"}

// imposeVerbs impose sanctions: "imposed sanctions", "slapped sanctions".
var imposeVerbs = []string{"imposed", "imposes", "impose", "imposing", "slapped", "announced", "levied", "placed", "adopted", "adopts", "approved", "unveiled",
	"mobilized", "mobilised", "introduced", "extended", "tightened", "expanded", "renewed", "threatened"}

// lightVerbs carry a stance noun: "voiced solidarity with", "expressed
// support for".
var lightVerbs = []string{"voiced", "expressed", "offered", "pledged", "declared", "reaffirmed", "voice", "express", "offer", "pledge", "reaffirm",
	"lodged", "lodge", "lodges", "filed", "sent", "delivered", "pledges", "offers"}

// quantifiersAll may stand before an act that a stance targets: "the
// attempts", "any attempt", "all moves".
var quantifiersAll = []string{"the", "any", "all"}

// actNouns name an act whose actors a stance targets: "opposed attempts by
// Washington", "condemned the decision of Israel".
var actNouns = []string{"attempts", "attempt", "efforts", "moves", "move", "plans", "plan", "policies", "policy", "actions", "decision", "bid", "push", "aggression", "occupation",
	"announcement", "announcements", "inclusion", "decisions", "steps", "comment", "comments", "remark", "remarks", "statement", "statements"}

// actPrepositions join an act to its actors: "attempts by", "the decision
// of", "moves from".
var actPrepositions = []string{"by", "of", "from"}

// targetDeterminers may stand before a target: "the legitimate Sudanese
// authorities", "both countries".
var targetDeterminers = []string{"the", "its", "their", "our", "both", "his", "her"}

// statePeople are the state as people, a demonym's target: "the Sudanese
// government", "Russian forces".
var statePeople = []string{"people", "government", "state", "authorities", "leadership", "regime", "forces", "military", "side"}

// supportDeterminers may stand before the support thanked for: "for its
// support".
var supportDeterminers = []string{"its", "their", "his", "her", "the"}

// supportNouns are the help thanked for: "for its support", "for their
// assistance".
var supportNouns = []string{"support", "backing", "help", "solidarity", "assistance", "stance"}

// backRefDeterminers point back to the last motion: "that text", "this
// resolution".
var backRefDeterminers = []string{"that", "this"}

// theSame points back to the last motion: "the same text".
var theSame = []string{"the", "same"}

// openingConjunctions begin an opening clause: "Before acting on the text
// as a whole, ...".
var openingConjunctions = []string{"before", "after", "following", "prior", "having", "when", "while", "until", "once"}

// textDeterminers make "text" a motion: "the text", "the adopted text".
var textDeterminers = []string{"the", "adopted", "draft", "this", "that"}

// anotherArticles begin a motion described after it: "a text on
// cooperation", "another text calling for".
var anotherArticles = []string{"a", "another"}

// textDescribers follow a motion's text: "a text on", "a text calling for",
// "a text titled".
var textDescribers = []string{"on", "calling", "demanding", "urging", "condemning", "titled", "entitled", "that", "which"}

// topicPrepositions make an actor before a motion its topic, not its
// sponsor: "the Safety of Rwanda Bill", "a resolution on Iran".
var topicPrepositions = []string{"of", "on", "for", "with", "against"}

// textDeterminersAll begin a determined text: "a second, milder text", "its
// revised text".
var textDeterminersAll = []string{"a", "an", "the", "another", "its", "their", "this", "that"}

// textModifiers may describe a text: "a second, milder text", "the same
// unamended American text".
var textModifiers = []string{",", "second", "third", "new", "revised", "rival", "same", "unamended", "amended", "original"}

// identIntroducers may stand between a motion noun and its symbol:
// "resolution (document A/79/L.12)", "Bill No. 5".
var identIntroducers = []string{"(", "document", "no.", "no", "number"}

// sentenceEnds end a sentence or its main clause.
var sentenceEnds = []string{";", "."}

// clauseEndsColon end a clause, a colon included.
var clauseEndsColon = []string{",", ";", ".", ":"}

// listOrdinals name a motion by its rank in a list: "The first, tabled by
// Austria", "The latter passed".
var listOrdinals = []string{"first", "second", "third", "fourth", "fifth", "latter", "former", "other"}

// ellipticVerbs follow a motion named by its rank: "The second was also
// rejected", "The first, tabled by Austria".
var ellipticVerbs = []string{",", "was", "were", "is", "passed", "failed", "fell"}

// pastVoteNouns follow "last" or "previous" in a comparison: "last year's
// version", "the previous vote".
var pastVoteNouns = []string{"year", "year's", "years", "vote", "version", "resolution", "text", "draft", "time", "month", "month's", "session", "week", "week's"}

// earlierAdverbs put a pluperfect before the story: "had already adopted".
var earlierAdverbs = []string{"also", "already", "previously", "earlier"}

// thisYear dates a comparison.
var thisYear = []string{"this", "year"}

// lastYear dates a comparison.
var lastYear = []string{"last", "year"}

// aYearEarlier dates a comparison.
var aYearEarlier = []string{"a", "year", "earlier"}

// datingPrepositions open a dated lead: "In 2024", "On 12 March", "By
// 2023".
var datingPrepositions = []string{"in", "on", "by"}

// comparisonWords open a comparison with earlier votes: ", as they have
// done in previous years", ", like last year".
var comparisonWords = []string{"as", "like", "unlike"}

// comparisonCommas open a comparison.
var comparisonCommas = []string{",", "—"}

// majorityNouns make "needed" a threshold: "the 60 votes needed", "the
// required number of votes".
var majorityNouns = []string{"votes", "vote", "majority", "number"}

// voteForms are the forms of "vote" that read an outcome with what follows.
var voteForms = []string{"voted", "votes", "vote"}

// toReject votes a motion down.
var toReject = []string{"to", "reject"}

// toBlock votes a motion down.
var toBlock = []string{"to", "block"}

// inFavourOf votes for a motion.
var inFavourOf = []string{"in", "favour", "of"}

// inFavorOf votes for a motion.
var inFavorOf = []string{"in", "favor", "of"}

// throughVerbs get a motion through: "scraped through", "sailed through".
var throughVerbs = []string{"scraped", "squeaked", "sailed", "squeezed", "got"}

// letVerbs let a motion through: "abstained, allowing it to pass".
var letVerbs = []string{"allowing", "allowed", "letting", "let", "enabling"}

// motionWords name a motion vaguely.
var motionWords = []string{"measure", "proposal"}

// beAdopted is a motion's passing.
var beAdopted = []string{"be", "adopted"}

// beApproved is a motion's passing.
var beApproved = []string{"be", "approved"}

// giveForms give a blessing: "gave the green light".
var giveForms = []string{"gave", "gives", "given"}

// blessingNouns are given to a motion: "gave its final blessing", "gave its
// approval".
var blessingNouns = []string{"blessing", "approval", "backing", "assent", "nod"}

// greenLight is a motion's passing.
var greenLight = []string{"green", "light"}

// failForms are the forms of "fail".
var failForms = []string{"failed", "fails", "failing"}

// failedEnds after "failed" state a vote: "failed.", "failed, ...", "failed
// by 5 votes", "failed with".
var failedEnds = []string{".", ",", "by", "with"}

// toPass is what a motion fails to do.
var toPass = []string{"to", "pass"}

// toWin is what a motion fails to do.
var toWin = []string{"to", "win"}

// toSecure is what a motion fails to do.
var toSecure = []string{"to", "secure"}

// toObtain is what a motion fails to do.
var toObtain = []string{"to", "obtain"}

// toGet is what a motion fails to do.
var toGet = []string{"to", "get"}

// toGarner is what a motion fails to do.
var toGarner = []string{"to", "garner"}

// toGain is what a motion fails to do.
var toGain = []string{"to", "gain"}

// toBeAdopted is what a motion fails to do.
var toBeAdopted = []string{"to", "be", "adopted"}

// toReceive is what a motion fails to do.
var toReceive = []string{"to", "receive"}

// passedParticles make "passed" no motion's: "passed away", "passed
// through".
var passedParticles = []string{"away", "through", "over", "on"}

// theVote is what a motion loses: "lost the vote".
var theVote = []string{"the", "vote"}

// lostEnds after "lost" state a vote: "lost by 20 votes", "was lost.".
var lostEnds = []string{"by", ".", ","}

// wasWere are the past of "be".
var wasWere = []string{"was", "were"}

// failedPast are the pasts of "fail".
var failedPast = []string{"failed", "failing"}

// governmentNouns are what peers or MPs defeat: "defeated the government".
var governmentNouns = []string{"government", "ministers"}

// votedToVerbs after "voted to" adopt: "voted to approve", "voted to
// extend".
var votedToVerbs = []string{"approve", "adopt", "pass", "extend", "renew", "back", "endorse", "ratify"}

// votedToUndo after "voted to" undo the motion: "voted to reject", "voted
// to repeal".
var votedToUndo = []string{"reject", "block", "defeat", "oppose", "scrap", "overturn", "repeal", "strike"}

// forEnds after "voted for" make it a vote on a motion: "voted for, with",
// "voted for it".
var forEnds = []string{",", ".", "(", ")", "and", "it"}

// motionNouns name a motion in "Those voting against the resolution were".
var motionNouns = []string{"resolution", "draft", "text", "motion", "bill", "amendment"}

// listVerbs introduce a list of voters: "Those voting against were",
// "Countries voting against included".
var listVerbs = []string{"were", "was", ":", "included", "include", "includes", "being", "are"}

// listFillers may stand before a list of voters: "were, among others,",
// "inter alia".
var listFillers = []string{",", "among", "others", "them", "inter", "alia", ":"}

// joinForms are the forms of "join".
var joinForms = []string{"joined", "joins", "join"}

// sideForms are the forms of "side".
var sideForms = []string{"sided", "sides", "siding"}

// alongsideWords introduce more voters: "alongside Russia", "including the
// US", "- Russia, China and Burkina Faso -".
var alongsideWords = []string{"alongside", "like", "including", "namely", "-", "—", "–", ":"}

// alongWith introduces more voters.
var alongWith = []string{"along", "with"}

// togetherWith introduces more voters or sponsors.
var togetherWith = []string{"together", "with"}

// asDid introduces more voters.
var asDid = []string{"as", "did"}

// joinedBy introduces more voters.
var joinedBy = []string{"joined", "by"}

// switchVerbs change a position: "switched from voting yes to voting no".
var switchVerbs = []string{"switched", "switching", "switches", "moved", "changed", "shifted", "went"}

// exampleIntroducers introduce a count's examples: "Ten countries,
// including the US, ...".
var exampleIntroducers = []string{"including", "such", "mainly", "mostly", "notably", "-", "--", "–", "—", "(", ":"}

// countModifiers may stand inside a counted subject: "ten other member
// states".
var countModifiers = []string{"other", "more", "member"}

// councilMembers are capitalised in a counted subject but no party: "the
// remaining 14 Council members".
var councilMembers = []string{"council", "member", "members"}

// withoutAVote adopts without a tally.
var withoutAVote = []string{"without", "a", "vote"}

// byConsensus adopts without a tally.
var byConsensus = []string{"by", "consensus"}

// byAcclamation adopts without a tally.
var byAcclamation = []string{"by", "acclamation"}

// laterOrdinals name a later motion of a list: "and the second by 87 votes
// to 9".
var laterOrdinals = []string{"second", "third", "fourth", "fifth", "other", "latter"}

// backedForms before a motion adopt it when a body's members back it: "MPs
// backed the motion".
var backedForms = []string{"backed", "supported"}

// cutMarks may divide a sentence's motions.
var cutMarks = []string{",", "and", ";"}

// phrasalSponsorVerbs sponsor only with "forward" or "up": "put forward",
// "brought up".
var phrasalSponsorVerbs = []string{"put", "brought", "drew"}

// forwardUp complete a phrasal sponsor verb.
var forwardUp = []string{"forward", "up"}

// passiveAuxPast make a sponsor verb passive: "It was drafted by".
var passiveAuxPast = []string{"was", "were", "been"}

// sponsorNouns name a motion's sponsors: "Among the co-sponsors were".
var sponsorNouns = []string{"sponsors", "co-sponsors", "cosponsors", "sponsor", "co-sponsor", "co-authors", "co-author", "coauthors"}

// listVerbsSponsor introduce a list of sponsors: "its sponsors included",
// "its co-sponsors - Qatar and Morocco -".
var listVerbsSponsor = []string{"were", "included", "include", "includes", "are", ":", "was", "is", "—", "–", "--", "-"}

// byFrom name a motion's sponsor: "A motion by Algeria", "an amendment from
// Pakistan".
var byFrom = []string{"by", "from"}

// sponsorRanks qualify a sponsor: "the main sponsor".
var sponsorRanks = []string{"main", "lead", "chief", "principal", "sole", "other"}

// sponsorRoles are the roles of a motion's authors: "France, the
// penholder".
var sponsorRoles = []string{"sponsor", "penholder", "co-penholder", "drafter", "author", "co-sponsor"}

// introducingParticiples open a sentence introducing a motion: "Introducing
// the draft, ...".
var introducingParticiples = []string{"introducing", "presenting", "tabling", "submitting"}

// jointlyWith introduces co-sponsors.
var jointlyWith = []string{"jointly", "with"}

// majorityTotal make a number a majority or a total: "a majority of 20".
var majorityTotal = []string{"majority", "total"}

// fromIncluding introduce the voters after a tally's side: "11 against,
// from Russia, China".
var fromIncluding = []string{"from", "including"}

// wonOfVerbs win votes of the votes cast: "with 562 of the 623 valid votes
// cast".
var wonOfVerbs = []string{"with", "won", "received", "secured", "got", "obtained"}

// ballotNouns are votes cast.
var ballotNouns = []string{"votes", "ballots"}

// againstTo make "with N votes" a side, not votes won: "with 5 votes
// against", "with 5 votes to 3".
var againstTo = []string{"against", "to"}

// supportNounsTally are the support a count of votes gives: "the support of
// 153 votes".
var supportNounsTally = []string{"support", "backing"}

// wonVerbs win votes: "received 153 votes", "won 120 votes".
var wonVerbs = []string{"received", "won", "garnered", "secured", "got", "obtained"}

// memberNounsParty count a party's members: "140 Labour members".
var memberNounsParty = []string{"members", "deputies", "representatives"}

// favourSupport follow "in" as the yes side: "in favour", "in support".
var favourSupport = []string{"favour", "favor", "support"}

// forSideEnds after "for" make it a tally's side: "3 for, 1 against".
var forSideEnds = []string{",", "(", ")", "and", "to", "with", ".", ";"}

// noSideEnds after "no" make it a tally's side: "3 no votes", "3 no, 1
// yes".
var noSideEnds = []string{"votes", "vote", ",", "and", "(", "."}

// voteNouns are the nouns of a count of votes.
var voteNouns = []string{"votes", "vote"}

// toNumberLeads before "N to M" make it a tally: "by 12 to 3", ", 12 to 3",
// "voted 12 to 3".
var toNumberLeads = []string{"by", ",", "(", "\u2014", "voted"}

// vetoFormula is the Security Council's formula for a veto.
var vetoFormula = []string{"negative", "vote", "of", "a", "permanent", "member"}

// vetoFormulaPlural is the Security Council's formula for vetoes.
var vetoFormulaPlural = []string{"negative", "votes", "of", "permanent", "members"}

// blockVerbs block a Council text.
var blockVerbs = []string{"blocked", "blocks", "killed"}

// vetoNounsCast are a veto cast.
var vetoNounsCast = []string{"veto", "vetoes"}

// vetoThreats wield a veto only as a threat: "threatened to use its veto".
var vetoThreats = []string{"wield", "use", "threatened", "threat"}

// vetoDeterminers may stand in the noun phrase of a veto: "its 19th veto".
var vetoDeterminers = []string{"its", "a", "an", "their", "his", "her", "the"}

// castVetoVerbs cast a veto: "cast its veto", "blocked by a veto", "with a
// veto".
var castVetoVerbs = []string{"cast", "casting", "casts", "used", "using", "uses", "wielded", "wielding", "exercised", "exercising", "by", "blocked", "with"}

// byWithBlocked take a veto cast by another: "blocked by a Russian veto".
var byWithBlocked = []string{"by", "with", "blocked"}

// vowVerbs before "to" make the base verb after it a stance of their
// subject: "vowed to support", "will continue to back".
var vowVerbs = []string{
	"continue", "continues", "continued", "vowed", "vows", "pledged", "pledges",
	"promised", "promises", "decided", "agreed", "resolved",
}

// votedToFillers may stand between "voted" and "to": a tally and its
// words ("voted 220-212 to", "voted 10 to 3, with two abstentions, to"),
// a time ("voted on Tuesday to") or a manner ("voted unanimously to",
// "voted by a wide margin to").
var votedToFillers = []string{
	",", "with", "abstentions", "abstention", "votes", "in", "favour", "favor", "against", "on",
	"today", "yesterday", "tonight", "overnight", "unanimously", "overwhelmingly", "narrowly", "by",
	"a", "wide", "narrow", "large", "big", "comfortable", "overwhelming", "margin", "majority",
}

// motionTextNouns begin the description of a motion a vote carries: "the
// resolution that called for a truce".
var motionTextNouns = []string{"resolution", "draft", "amendment", "bill", "motion", "text", "proposal", "measure"}

// pastVoteAdjectives before pastVoteNouns set a vote before the story's
// own: "last year's version", "a similar resolution", "the previous
// vote".
var pastVoteAdjectives = []string{"last", "previous", "prior", "similar", "earlier"}

// neededWords near votes or a majority state a threshold: "the 60 votes
// needed", "the required number of votes".
var neededWords = []string{"needed", "required", "necessary"}

// thresholdNouns state a qualified majority by themselves: "the
// threshold", "a supermajority", "a two-thirds majority".
var thresholdNouns = []string{"threshold", "supermajority", "two-thirds"}

// backedByVerbs and opposedByVerbs count the voters of a side after "by":
// "backed by 141 countries", "opposed by 12 states".
var (
	backedByVerbs  = []string{"backed", "supported", "endorsed", "approved"}
	opposedByVerbs = []string{"opposed", "rejected"}
)

// favourWords are "favour" and its American spelling: "In favour: 93".
var favourWords = []string{"favour", "favor"}

// headingYes and headingNo name a side before a colon: "For: 93",
// "Against: 5", "No: 5".
var (
	headingYes = []string{"for", "yes"}
	headingNo  = []string{"against", "no"}
)

// stanceNouns are the stance cues that are nouns, whose holder is found
// in their noun phrase: "Russia's support for", "an ally of".
var stanceNouns = []string{"support", "backing", "condemnation", "criticism", "ally", "allies", "solidarity", "recognition", "protest", "protests", "aid", "allegiance", "loyalty"}

// summonVerbs, recallVerbs and declareVerbs begin acts of diplomatic
// protest: "summoned China's envoy", "expelled 20 Russian diplomats",
// "recalled its ambassador", "declared ... persona non grata".
var (
	summonVerbs  = slices.Concat(verbForms("summon", past|gerund), []string{"summons"}, verbForms("expel/expelled/expelled/expelling", third|past|gerund), expulsionNouns)
	recallVerbs  = verbForms("recall", third|past|gerund)
	declareVerbs = verbForms("declare", third|past|gerund)
)

// ownBodies after a possessive are a speaker's own country: "her
// delegation", "his Government", "our country".
var ownBodies = []string{"delegation", "country", "government"}
