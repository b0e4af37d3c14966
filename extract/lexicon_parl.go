package extract

// The words of parliamentary votes: how a counted group voted, and
// confidence votes told by what became of the government.

// votingVerbs after a number whose noun is left out tell how the
// counted voted: "443 voted in favour", "10 voting against"; "being"
// does the same before "in favour": "107 of them being in favour".
var votingVerbs = wordSet("voted", "voting", "being")

// votedSides follow a voting verb as the side taken: "voted against",
// "voted for", "voted yes"; "in" takes favourSupport after it.
var votedSides = wordSet("against", "for", "yes", "no")

// confidenceKept and confidenceLost tell a confidence vote by what
// became of the government: "won a confidence vote", "survived a
// no-confidence motion"; "lost a vote of confidence".
var (
	confidenceKept = []string{"won", "wins", "survived", "survives"}
	confidenceLost = []string{"lost", "loses"}
)

// noConfidenceWords name a motion against a government: "a
// no-confidence vote", "a censure motion"; "no" before "confidence"
// does the same.
var noConfidenceWords = []string{"no-confidence", "non-confidence", "censure"}

// confidenceMotionNouns after "confidence" make it a vote: "confidence
// vote", "vote of confidence", "confidence motion", "confidence ballot".
var confidenceMotionNouns = []string{"vote", "motion", "ballot"}

// voterSideVerbs say how counted voters voted, after the number and its
// noun: "280 lawmakers supported the bill", "266 deputies opposed",
// "140 Senate members voted against" (voted is read with its side).
var voterSideVerbs = map[string]string{
	"supported": Yes, "supporting": Yes, "backed": Yes, "backing": Yes,
	"opposed": No, "opposing": No, "abstained": Abstain, "abstaining": Abstain,
}

// noneWords before "abstentions" or "abstained" make the abstentions 0:
// "there were no abstentions", "nobody abstained".
var noneWords = []string{"no", "nobody", "none"}

// tallyIsWords before "N to M" make it a tally in a sentence about a
// vote: "Voting was 358 to 256", "the count was 12 to 3".
var tallyIsWords = []string{"was", "were"}

// partitivePronouns after "of" name the voters counted before them:
// "107 of them", "60 of those".
var partitivePronouns = []string{"them", "those"}

// stageOrdinals before "reading" name a stage of a bill, each a vote of
// its own: "passed its third reading", "at first reading".
var stageOrdinals = []string{"first", "second", "third", "final"}

// stageNouns name a stage of a bill after an ordinal or "committee":
// "second reading", "committee stage".
var stageNouns = []string{"reading", "stage"}

// stageDestinations before a stage make it one still to come: "proceeds
// to the third reading", "sent for its second reading".
var stageDestinations = []string{"to", "for", "toward", "towards"}

// stageOwners stand between "and" and the stage of a later vote on the
// same bill: "and its first reading by 80 to 40".
var stageOwners = []string{"its", "the", "their"}

// stagePassVerbs before a bill's stage say it passed that stage:
// "completed its second reading", "cleared the committee stage".
var stagePassVerbs = []string{"completed", "cleared", "passed", "passes", "completes", "clears"}

// headOfStateTitles name a head of state or government by office alone:
// "submitted by President Putin", "tabled by the Prime Minister". A
// national bill such a head submits has the chamber's country as its
// sponsor.
var headOfStateTitles = []string{"president", "prime", "premier", "chancellor"}

// headOfStateBills are adjectives that make a bill the head of state's:
// "the presidential bill".
var headOfStateBills = []string{"presidential"}

// occasionLeads and occasionNouns open a sentence that places another
// motion in the sitting already told of: "During the same session",
// "At the same sitting", "Later the same day".
var (
	occasionLeads = []string{"during", "at", "in", "later", "on"}
	occasionNouns = []string{"session", "sitting", "meeting", "day"}
)
