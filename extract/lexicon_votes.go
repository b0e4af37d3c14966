package extract

// The word classes of the readers of votes in international bodies:
// lists of voters, passive positions, sponsors and contrasted motions
// (see lexicon_rules.go for the rest).

// amongPronouns stand for the voters counted in the sentence before:
// "Among them were Kenya and Peru".
var amongPronouns = []string{"them", "those", "these"}

// motionPronouns stand for the motion as the object of a position cue:
// "Others that voted against it included ...".
var motionPronouns = []string{"it", "them"}

// passiveBe marks a passive position cue: "the text was opposed by ...".
var passiveBe = []string{"was", "were", "is", "are", "been", "being"}

// relativeMotion stands for a motion named before a passive cue: "the
// draft, which was opposed by ...".
var relativeMotion = []string{"which", "that"}

// relativeSubjects open a relative clause whose subject is the actor
// before its comma: "the European Union, which drafted the text".
var relativeSubjects = []string{"which", "who"}

// contrastWords open a clause set against the one before: "..., while a
// rival draft was rejected".
var contrastWords = []string{"while", "whereas"}

// groupShares name part of a group: "the majority of European
// countries", "most Arab states".
var groupShares = []string{"majority", "most", "many", "some", "several", "half"}

// documentNouns stand for the motion right after a determiner, as the
// object or subject of a position cue: "came out against the document",
// "The document was backed by ...". They name no motion by themselves
// ("document A/78/L.31" is a symbol).
var documentNouns = []string{"document"}

// documentDeterminers before a document noun make it the motion: "the
// document".
var documentDeterminers = []string{"the", "this", "that"}

// memberCountNouns count a body's members after its name: "the council's 47
// member states", "the board's 35 members".
var memberCountNouns = []string{"member", "members", "states", "countries", "nations"}

// onBehalfOf names those a motion was tabled for: "presented on behalf
// of Brazil and Chile".
var onBehalfOf = []string{"on", "behalf", "of"}

// behalfQuantifiers come before the actors a motion was tabled for: "on
// behalf of all OIC member states".
var behalfQuantifiers = []string{"all", "the"}

// voiceVote decides a motion without a counted tally: "rejected by a
// voice vote".
var voiceVote = []string{"voice", "vote"}

// withBy introduce the vote a decision was taken by: "with a majority
// vote of 88 to 69", "by a majority of 12 to 3".
var withBy = []string{"with", "by"}

// majorityVoteNouns may follow "majority" in a tally: "a majority vote of".
var majorityVoteNouns = []string{"vote"}

// perfectParticiples stand before "voted" in a counted subject's
// participle clause: "with 70 countries having voted in favor".
var perfectParticiples = []string{"having"}

// attainVerbs after a form of "fail" and "to" tell a number a motion
// failed to reach, which is no tally: "failed to get 9 votes in favor".
var attainVerbs = []string{"get", "win", "secure", "obtain", "reach", "garner", "muster", "gain", "receive"}

// neitherWords after a verb of adoption deny it of each motion named:
// "adopted neither Russia's nor the West's draft".
var neitherWords = []string{"neither"}

// needVerbs before a number of votes make it what a motion needed, no
// tally: "it needed only 9 votes", "requires 60 votes".
var needVerbs = []string{"need", "needs", "needed", "require", "requires", "required"}

// changeNouns with "of" before a number of votes make it a change from
// an earlier vote, no tally: "an increase of five yes votes".
var changeNouns = []string{"increase", "rise", "gain", "drop", "decrease", "fall", "loss"}

// genericDeterminers before a motion noun speak of motions in general,
// not of one that was voted on: "any resolution", "such texts".
var genericDeterminers = []string{"any", "such", "every"}

// supportSources come between the support a motion received and the
// count of those who gave it: "the support of 111 countries", "support
// from 191 of the 193 member states".
var supportSources = []string{"of", "from"}

// apposedListLeads open a list that names the voters a count stands for:
// "Six members, namely Britain, France and Peru, voted against".
var apposedListLeads = []string{"namely"}

// moreVoters stand for the voters counted before them when the noun is
// left out: "four more abstained".
var moreVoters = []string{"more"}

// genericVetoNouns after a generic determiner speak of vetoes in general:
// "any member", "every time".
var genericVetoNouns = []string{"member", "time", "times"}

// callNouns ask others to vote a way: "Israel's call to vote no".
var callNouns = []string{"call", "calls", "appeal", "appeals", "request", "plea"}

// heedVerbs do what a call asked: "heeded Israel's call to vote no".
var heedVerbs = []string{"heeded", "heeding", "heeds", "followed", "answered", "obeyed"}

// dissentCues state a vote against as a dissent cast: "cast a
// dissenting vote", "Also casting a dissenting opinion were ...".
var dissentCues = positionTable(
	positionVerb{"cast/cast", base | third | past | gerund, "a dissenting vote", No, true, false},
	positionVerb{"cast/cast", base | third | past | gerund, "dissenting votes", No, true, false},
	positionVerb{"cast/cast", base | third | past | gerund, "a dissenting opinion", No, true, false},
	positionVerb{"cast/cast", base | third | past | gerund, "a negative vote", No, true, false},
)

// dissentStem begins the words of a dissent, which may state a vote
// against: "dissenting".
const dissentStem = "dissent"

// vetoPossessives make a veto the subject's own: "their third double
// veto".
var vetoPossessives = []string{"its", "their", "his", "her"}

// ballotSides after "N votes" say which side the votes were cast for:
// "153 votes in favour", "by 12 votes to 3", "with 80 votes against".
var ballotSides = []string{"in", "for", "to", "against"}

// pairLinks join the two counts of a tally whose sides the outcome
// tells: "by 322 votes to 308", "were 204 against 115".
var pairLinks = []string{"to", "against"}

// openingQuotes may open a side's name: "the 'ayes' 204".
const openingQuotes = "'\"‘“"

// decideForms take a decision that, taken by a count of votes, is a
// vote: "decided by 143 votes to upgrade".
var decideForms = []string{"decided", "decides", "agreed", "resolved"}
