package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// WriteText writes the report as a table, one line per type of TypeOrder:
// precision, recall and F1 to three decimals and the tuple counts, or "not
// scored" for a type the gold set has no tuple of. With verbose, it then
// lists for each document the vote alignment and every missing and
// spurious tuple.
func (r Report) WriteText(w io.Writer, verbose bool) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "type\tprecision\trecall\tF1\tTP\tFP\tFN")
	for _, t := range TypeOrder() {
		s := r.Types[t]
		if s.Scored {
			fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\n", t, s.Precision, s.Recall, s.F1, s.TP, s.FP, s.FN)
		} else {
			fmt.Fprintf(tw, "%s\tnot scored\t-\t-\t%d\t%d\t%d\n", t, s.TP, s.FP, s.FN)
		}
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if !verbose {
		return nil
	}
	var b strings.Builder
	for _, d := range r.Docs {
		fmt.Fprintf(&b, "\n%s\n", d.Doc)
		if len(d.Votes) > 0 {
			parts := make([]string, len(d.Votes))
			for i, p := range d.Votes {
				switch {
				case p.Pred < 0:
					parts[i] = "gold " + strconv.Itoa(p.Gold) + " unpaired"
				case p.Gold < 0:
					parts[i] = "pred " + strconv.Itoa(p.Pred) + " unpaired"
				default:
					parts[i] = "gold " + strconv.Itoa(p.Gold) + " = pred " + strconv.Itoa(p.Pred)
				}
			}
			fmt.Fprintf(&b, "  votes aligned: %s\n", strings.Join(parts, ", "))
		}
		if len(d.Missing) == 0 && len(d.Spurious) == 0 {
			b.WriteString("  every tuple matches\n")
		}
		for _, t := range d.Missing {
			fmt.Fprintf(&b, "  missing   %s\n", t)
		}
		for _, t := range d.Spurious {
			fmt.Fprintf(&b, "  spurious  %s\n", t)
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// scoreJSON is a Score as WriteJSON writes it: precision, recall and f1
// are null for a type that is not scored.
type scoreJSON struct {
	Scored    bool     `json:"scored"`
	Precision *float64 `json:"precision"`
	Recall    *float64 `json:"recall"`
	F1        *float64 `json:"f1"`
	TP        int      `json:"tp"`
	FP        int      `json:"fp"`
	FN        int      `json:"fn"`
}

// WriteJSON writes the report as one indented JSON object:
//
//	{"types": {"country": {"scored": true, "precision": 1, "recall": 1,
//	  "f1": 1, "tp": 7, "fp": 0, "fn": 0}, ..., "overall": {...}}}
//
// with the types in TypeOrder; precision, recall and f1 are null for a type
// that is not scored. With verbose it adds "documents": for each document
// its doc, votes (the alignment, -1 for none), missing and spurious (the
// tuples, each with doc, type and key).
func (r Report) WriteJSON(w io.Writer, verbose bool) error {
	var b bytes.Buffer
	b.WriteString(`{"types":{`)
	for i, t := range TypeOrder() {
		s := r.Types[t]
		sj := scoreJSON{Scored: s.Scored, TP: s.TP, FP: s.FP, FN: s.FN}
		if s.Scored {
			sj.Precision, sj.Recall, sj.F1 = &s.Precision, &s.Recall, &s.F1
		}
		data, err := json.Marshal(sj)
		if err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q:%s", t, data)
	}
	b.WriteByte('}')
	if verbose {
		docs := r.Docs
		if docs == nil {
			docs = []DocResult{}
		}
		data, err := json.Marshal(docs)
		if err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		b.WriteString(`,"documents":`)
		b.Write(data)
	}
	b.WriteByte('}')
	var out bytes.Buffer
	if err := json.Indent(&out, b.Bytes(), "", "  "); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	out.WriteByte('\n')
	if _, err := w.Write(out.Bytes()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
