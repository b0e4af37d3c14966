package extract

// stanceCuesByFirst holds the stanceCues by their first word, in the
// table's order, so that stanceCueAt tries at an item only the cues
// that can begin there.
var stanceCuesByFirst = func() map[string][]stanceCue {
	by := map[string][]stanceCue{}
	for _, c := range stanceCues {
		if len(c.words) > 0 {
			by[c.words[0]] = append(by[c.words[0]], c)
		}
	}
	return by
}()
