package extract

// The words the cheap pre-checks look for before a sentence is tagged.

// stanceOpeners are the words at which a stance rule can begin reading,
// or at which a sentence can name a speaker whose stance a later
// sentence reports: the first word of every stance cue, the verbs and
// nouns of the acts, frames and labels the stance rules read, and the
// offices and titles of speakers. A sentence that names an actor but
// none of these words, and speaks of no vote, gives the readers nothing
// and is never tagged (see readsSentence). A new stance rule that opens
// on a word of a new table adds that table here; TestSentencePrecheck
// fails until it does.
var stanceOpeners = func() map[string]bool {
	set := map[string]bool{}
	for _, c := range stanceCues {
		set[c.words[0]] = true
	}
	for _, m := range []map[string]string{baseCues, receivedNouns, namedNouns} {
		for w := range m {
			set[w] = true
		}
	}
	for _, m := range []map[string]bool{receiveVerbs, namingVerbs, envoyNouns, allyNouns,
		angerVerbs, mutualNouns, breakVerbs, boundNouns, actNounSet, roleNouns, groupNouns, titles, bidBlockVerbs, setbackNouns, commitVerbs, crimeNouns} {
		for w := range m {
			set[w] = true
		}
	}
	for _, ws := range [][]string{giveVerbs, recallNouns, joinVerbs, expulsionNouns, suspendVerbs,
		tradeVerbs, thanksForms, personaNonGrataWords, supportNouns, vowVerbs, stanceNouns,
		summonVerbs, recallVerbs, declareVerbs, orderOutVerbs, freezeVerbs, retaliateForms, respondForms,
		mutualWords, defenceWords, allianceNouns, protestLodgers, reactionNouns} {
		for _, w := range ws {
			set[w] = true
		}
	}
	return set
}()

// groupStateNounSet holds groupStateNouns, for the pre-check of a
// sentence that names no actor but a group of states.
var groupStateNounSet = func() map[string]bool {
	set := map[string]bool{}
	for _, w := range groupStateNouns {
		set[w] = true
	}
	return set
}()
