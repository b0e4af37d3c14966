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
