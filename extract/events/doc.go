// Package events fuses the votes that articles report into events: one
// record per real-world vote, with every article that reports it and, for
// each fact, which articles state it and which disagree.
//
// The input is a stream of Reports, one per vote of an article's record,
// each with the article's identity (id, URL, site, publication time) and
// the date the vote took place, read from its evidence sentences
// (VoteDate: "on Monday", "last Thursday", "on 24 February", "last
// year"), else the publication day.
//
// Matching is by blocking, never all pairs: reports sorted by body and
// date (Compare) stream through a Stream, which gathers one body's reports
// whose days lie within Config.Window of each other into a block,
// clusters the block and emits its events. Within a block, each report
// joins the event it fits best or starts one; Config documents the rules (one vote per article per event, date window, tallies equal on
// every side both state bar one misreported side, outcome, sponsors and
// positions as split signals). Reports that know only a week, month or
// year wait until their span has passed and join the event of that span
// they fit.
//
// Build clusters a slice in one call; Refresh updates a set of events
// after some articles were added, changed or removed, rebuilding only the
// events those articles touch.
//
// The package does no I/O: the caller reads records from its store,
// makes Reports with Reports or NewReport, and stores the Events it gets.
// A store keeps, per event, its JSON and its members (event id, article
// id, vote index), and per vote its date span, so that it can:
//
//   - build everything: select the votes ordered by body, date start,
//     article id and vote index, Add each to a Stream, store what it
//     emits;
//   - refresh: after adding, re-extracting or removing articles, call
//     Refresh with the events of the bodies and dates concerned, a Change
//     naming the articles and giving their new reports, and a Loader of
//     reports by article id; delete Delta.Removed, store Delta.Events.
package events
