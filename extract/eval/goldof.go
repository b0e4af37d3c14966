package eval

import "github.com/tally-news/tally/extract"

// GoldOf is the gold file a record starts: the fields a gold file holds
// (the scored ones and each vote's motion), without evidence, mentions or
// rules, naming textFile as its source. Empty lists stay present, as the
// loader wants them.
func GoldOf(r extract.Record, textFile string) extract.Record {
	g := extract.Record{Doc: r.Doc, TextFile: textFile, Countries: r.Countries, Stances: []extract.Stance{}, Votes: []extract.Vote{}}
	if g.Countries == nil {
		g.Countries = []string{}
	}
	g.Counts = make([]extract.Count, 0, len(r.Counts))
	for _, c := range r.Counts {
		g.Counts = append(g.Counts, extract.Count{Value: c.Value, Unit: c.Unit})
	}
	for _, v := range r.Votes {
		v.Evidence, v.Rules, v.Date = nil, nil, ""
		g.Votes = append(g.Votes, v)
	}
	for _, s := range r.Stances {
		s.Evidence, s.Rule = nil, ""
		g.Stances = append(g.Stances, s)
	}
	return g
}

// CheckGold checks data as the contents of a gold file at path, as
// LoadGoldFile checks the file it reads: the source it names is looked
// for beside path. A fault gives a *GoldError naming path and the field.
func CheckGold(path string, data []byte) (Gold, error) {
	return parseGold(path, data)
}

// BlocCodes returns the codes the gold format gives groups of countries
// acting together (EU, EUROPE, NATO, ...), in the format's order.
func BlocCodes() []string {
	return append([]string(nil), blocs...)
}
