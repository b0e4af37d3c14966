// Package eval loads an events gold set and scores events against it.
//
// # The events gold format
//
// A gold set is a folder:
//
//	NAME.txt       one article's text, one file per article
//	articles.json  {"NAME": {"published": RFC 3339 time, "url": "...", "site": "..."}, ...}
//	               one entry per NAME.txt, published required
//	events.json    {"events": [EVENT, ...]}
//
// Each EVENT is one real-world vote and the articles that report it:
//
//	{
//	  "id": "unga-2025-02-24-us-text-amended",    unique in the file
//	  "body": "UNGA",                              extract's body code
//	  "date": "2025-02-24",                        YYYY-MM-DD, the day of the vote
//	  "outcome": "adopted",                        adopted, rejected, vetoed, withdrawn or ""
//	  "tally": {"yes": 93, "no": 8, "abstain": 73}, sides the articles state
//	  "positions": {"USA": "abstain"},             what the articles state, fused
//	  "sponsors": ["USA"],
//	  "articles": ["ga-us-text-times", ...]        NAMEs of the articles reporting it
//	}
//
// An article that reports several votes is listed in each of their
// events; an article that recalls an earlier vote ("last year the same
// text passed 187 to 2") is listed in that earlier vote's event. The facts
// are the true ones as the articles together state them: a tally one
// article misreports is given as the others give it.
//
// # Scoring
//
// Score takes the gold, the reports the pipeline made from the articles
// and the events built from them. Each gold item is an (article, event)
// pair; each system item a report (article, vote index). Within each
// article, reports are aligned one to one to the gold events listing that
// article: same body required, then the most agreeing tally sides, outcome
// and date, greedily.
//
// Grouping is scored with B-cubed over the union of items: for an item i
// in system event S(i) and gold event G(i), precision is |S(i)∩G(i)| /
// |S(i)| and recall |S(i)∩G(i)| / |G(i)|, averaged over items; a report
// aligned to nothing is alone in its gold event, and a gold item no report
// aligns to is alone in its system event, so extraction misses cost
// recall and spurious votes cost precision.
//
// Fused facts are scored after aligning events one to one (each gold
// event to the system event holding most of its aligned items): facts are
// (event, name, value) tuples for body, date, outcome, each tally side,
// each position and each sponsor; precision, recall and F1 are given per
// kind and overall (micro). The facts of a system event aligned to no
// gold event are all false.
package eval
