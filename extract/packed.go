package extract

import (
	"math"

	"github.com/tally-news/tally/extract/nlp"
)

// packedToken is a tagged token kept between readers in 8 bytes instead
// of an nlp.Token's 48: its text is the document's text of size bytes
// from start, and its tag an index into the document's tags.
type packedToken struct {
	start uint32
	size  uint16
	tag   uint8
}

// tagTable interns the tags of one document's tokens, so that a packed
// token holds a byte instead of a string.
type tagTable struct {
	names []string
	index map[string]uint8
}

// pack returns the tokens of a sentence packed, or nil when they cannot
// be: a token whose text is not the document's text between its offsets
// or is longer than 64 KB, offsets past 4 GB, or more distinct tags than
// a byte counts.
func (d *document) pack(toks []nlp.Token) []packedToken {
	if len(d.text) > math.MaxUint32 {
		return nil
	}
	out := make([]packedToken, len(toks))
	for i, t := range toks {
		if t.Start < 0 || t.End < t.Start || t.End > len(d.text) || t.End-t.Start > math.MaxUint16 || d.text[t.Start:t.End] != t.Text {
			return nil
		}
		k, ok := d.tags.index[t.Tag]
		if !ok {
			if len(d.tags.names) > math.MaxUint8 {
				return nil
			}
			if d.tags.index == nil {
				d.tags.index = map[string]uint8{}
			}
			k = uint8(len(d.tags.names))
			d.tags.names = append(d.tags.names, t.Tag)
			d.tags.index[t.Tag] = k
		}
		out[i] = packedToken{start: uint32(t.Start), size: uint16(t.End - t.Start), tag: k}
	}
	return out
}

// unpack returns the tokens pack packed.
func (d *document) unpack(ps []packedToken) []nlp.Token {
	out := make([]nlp.Token, len(ps))
	for i, p := range ps {
		start, end := int(p.start), int(p.start)+int(p.size)
		out[i] = nlp.Token{Text: d.text[start:end], Tag: d.tags.names[p.tag], Start: start, End: end}
	}
	return out
}
