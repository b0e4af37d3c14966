package extract

// Words that tie a number to the noun it counts (see counts_unit.go).

// rangeLinks join a bare number to a following count whose noun it
// shares: "2,500 to 3,000 soldiers", "five or six ships".
var rangeLinks = map[string]bool{"to": true, "or": true, "and": true, "-": true, "\u2013": true}

// unitLinks join a bare number to the count before it whose noun it
// shares: "fewer than 140", "and 95", "out of 120", a comma.
var unitLinks = map[string]bool{"than": true, "and": true, "or": true, "of": true, "to": true, ",": true, "versus": true, "vs": true, "vs.": true}

// labelSides are the nouns a number written after them counts, as a
// label or heading ("Votes needed: 149", "Abstention: 16"), by lemma.
var labelSides = map[string]bool{"vote": true, "abstention": true, "yea": true, "nay": true, "aye": true, "no": true, "content": true, "not-content": true}
