package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// kind is the JSON type of a node.
type kind int

const (
	kindNull kind = iota
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
)

// node is one JSON value, kept with the order of its object members so that
// a gold file can be checked field by field and every error can name the
// field it is about. Duplicate object keys are refused while parsing.
type node struct {
	kind    kind
	boolean bool
	number  json.Number
	str     string
	elems   []*node
	members []member
}

// member is one key and value of a JSON object.
type member struct {
	key string
	val *node
}

// get returns the value of the object member named key, or nil.
func (n *node) get(key string) *node {
	for _, m := range n.members {
		if m.key == key {
			return m.val
		}
	}
	return nil
}

// describe names a value for an error message: `string "93"`, `number 93`,
// `a list`, and so on.
func (n *node) describe() string {
	switch n.kind {
	case kindNull:
		return "null"
	case kindBool:
		return strconv.FormatBool(n.boolean)
	case kindNumber:
		return "number " + n.number.String()
	case kindString:
		return "string " + strconv.Quote(n.str)
	case kindArray:
		return "a list"
	default:
		return "an object"
	}
}

// toAny turns a node back into the values encoding/json produces, so that
// parts of a gold file that are carried but not scored can be decoded into
// their Go types with the standard decoder.
func (n *node) toAny() any {
	switch n.kind {
	case kindBool:
		return n.boolean
	case kindNumber:
		return n.number
	case kindString:
		return n.str
	case kindArray:
		out := make([]any, len(n.elems))
		for i, e := range n.elems {
			out[i] = e.toAny()
		}
		return out
	case kindObject:
		out := make(map[string]any, len(n.members))
		for _, m := range n.members {
			out[m.key] = m.val.toAny()
		}
		return out
	default:
		return nil
	}
}

// MaxDepth is the deepest nesting of lists and objects a gold file may
// have; a gold file needs five levels. The bound keeps parsing linear in
// time and memory whatever the input.
const MaxDepth = 64

// parseJSON parses one JSON document. Errors give the line and column of
// the fault; a duplicate key and nesting deeper than MaxDepth give the path
// of the value concerned.
func parseJSON(data []byte) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	p := &jsonParser{dec: dec}
	root, err := p.value()
	if err != nil {
		return nil, syntaxError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		if err != nil {
			return nil, syntaxError(data, err)
		}
		line, col := lineCol(data, dec.InputOffset())
		return nil, fmt.Errorf("line %d, column %d: more data after the JSON object", line, col)
	}
	return root, nil
}

// dupKeyError reports an object key given twice.
type dupKeyError struct {
	path, key string
}

func (e *dupKeyError) Error() string {
	return fmt.Sprintf("key %q given twice", e.key)
}

// depthError reports nesting deeper than MaxDepth.
type depthError struct {
	path   string
	offset int64
}

func (e *depthError) Error() string {
	return fmt.Sprintf("lists and objects nested deeper than %d levels, at %s", MaxDepth, e.path)
}

// jsonParser builds the node tree of a document. It keeps the path to the
// value being parsed as a stack of steps and spells it out only for an
// error, so that parsing stays linear in the size of the input.
type jsonParser struct {
	dec  *json.Decoder
	path []pathStep
}

// pathStep is one step of a path: an object key or a list index.
type pathStep struct {
	key   string
	index int // -1 for a key
}

// pathString spells out the current path: "votes[1].tally".
func (p *jsonParser) pathString() string {
	path := ""
	for _, s := range p.path {
		if s.index >= 0 {
			path = fmt.Sprintf("%s[%d]", path, s.index)
		} else {
			path = joinPath(path, s.key)
		}
	}
	return path
}

func (p *jsonParser) value() (*node, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case nil:
		return &node{kind: kindNull}, nil
	case bool:
		return &node{kind: kindBool, boolean: t}, nil
	case json.Number:
		return &node{kind: kindNumber, number: t}, nil
	case string:
		return &node{kind: kindString, str: t}, nil
	case json.Delim:
		if len(p.path) >= MaxDepth {
			return nil, &depthError{path: p.pathString(), offset: p.dec.InputOffset() - 1} // at the bracket
		}
		switch t {
		case '[':
			n := &node{kind: kindArray}
			for p.dec.More() {
				p.path = append(p.path, pathStep{index: len(n.elems)})
				e, err := p.value()
				if err != nil {
					return nil, err
				}
				p.path = p.path[:len(p.path)-1]
				n.elems = append(n.elems, e)
			}
			if _, err := p.dec.Token(); err != nil {
				return nil, err
			}
			return n, nil
		case '{':
			n := &node{kind: kindObject}
			seen := map[string]bool{}
			for p.dec.More() {
				kt, err := p.dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := kt.(string) // the decoder only yields strings here
				if seen[key] {
					return nil, &dupKeyError{path: p.pathString(), key: key}
				}
				seen[key] = true
				p.path = append(p.path, pathStep{key: key, index: -1})
				v, err := p.value()
				if err != nil {
					return nil, err
				}
				p.path = p.path[:len(p.path)-1]
				n.members = append(n.members, member{key: key, val: v})
			}
			if _, err := p.dec.Token(); err != nil {
				return nil, err
			}
			return n, nil
		}
	}
	return nil, fmt.Errorf("unexpected token %v", tok)
}

// syntaxError adds the line and column to a decoder error where it has an
// offset, and names the object for a duplicate key.
func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	var dk *dupKeyError
	var de *depthError
	switch {
	case errors.As(err, &se):
		line, col := lineCol(data, se.Offset)
		return fmt.Errorf("line %d, column %d: %w", line, col, err)
	case errors.As(err, &dk):
		return err
	case errors.As(err, &de):
		line, col := lineCol(data, de.offset)
		return fmt.Errorf("line %d, column %d: %w", line, col, err)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errors.New("unexpected end of file: the JSON is incomplete")
	}
	return err
}

// lineCol turns a byte offset into a 1-based line and column.
func lineCol(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// joinPath appends an object key to a field path: "votes[1]" and "tally"
// give "votes[1].tally". Keys that are not plain identifiers are quoted in
// brackets, as in `positions["FRA"]` for map keys; see mapPath.
func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// mapPath appends a map key to a field path: "votes[1].positions" and "FRA"
// give `votes[1].positions["FRA"]`.
func mapPath(path, key string) string {
	return path + "[" + strconv.Quote(key) + "]"
}
