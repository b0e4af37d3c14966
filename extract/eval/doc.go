// Package eval loads gold sets and scores extractor output against them,
// as the project's gold format (spec/gold-format.md) defines.
//
// LoadGold reads a folder of NAME.json gold files and checks each strictly;
// a fault names the file and the field:
//
//	gold/x.json: votes[1].positions["FRA"]: "maybe" is not yes, no or abstain
//
// Evaluate scores pairs of gold and predicted records. Each record becomes
// sets of tuples per type:
//
//	country     (doc, code)
//	count       (doc, value)
//	count_unit  (doc, value, unit), for counts whose gold has a unit
//	vote        (doc, vote, slot, value)
//	stance      (doc, holder, target, polarity)
//
// Sets mean duplicates collapse: a count stated twice is one tuple.
// Numbers compare by value (93 and 93.0 are one count). Votes are aligned
// one to one before scoring, to the largest number of matching slot
// tuples, ties going to the earlier vote in text order. Each type gets
// micro precision, recall and F1 over the whole gold set, and "overall" is
// micro over the country, count, vote and stance tuples together
// (count_unit, a detail of counts, is left out of it). A type the gold set
// has no tuple of is "not scored", neither 0 nor 1. When the gold has
// tuples of a type and nothing is predicted, precision is 0 (as are recall
// and F1), so that predicting nothing never looks precise.
//
// The package does no extraction: the caller runs the extractor on each
// Gold's Source and hands the pairs to Evaluate. Report.WriteText and
// Report.WriteJSON print the result for people and for programs.
//
// LoadSets reads a set manifest (the project's testdata/sets/sets.json):
// every gold set with what it covers, its first-contact scores and its
// floor, which Set.Below checks a Report against.
package eval
