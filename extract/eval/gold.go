package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/tally-news/tally/extract"
)

// Gold is one gold file: the hand-made record for one article and where
// the article's source is.
type Gold struct {
	// Path is the gold file's path as it was given to LoadGold or
	// LoadGoldFile.
	Path string
	// Record is the gold answer. Its Doc is the file's "doc" field, or the
	// file name without ".json" when the field is left out.
	Record extract.Record
	// Source is the absolute path of the article: the gold file's
	// "text_file" or "html_file", resolved against the gold file's folder.
	Source string
	// HTML is true when Source is an HTML page ("html_file"), which goes
	// through cleaning before extraction; false for plain text.
	HTML bool
}

// GoldError is a fault in a gold file. Its message names the file and the
// field, as in
//
//	gold/x.json: votes[1].positions["FRA"]: "maybe" is not yes, no or abstain
type GoldError struct {
	// Path is the gold file.
	Path string
	// Field is the path of the faulty field in the file's JSON, such as
	// `counts[2].value`; empty when the fault is in the file as a whole.
	Field string
	// Err says what is wrong.
	Err error
}

// Error returns "PATH: FIELD: what is wrong", or "PATH: what is wrong" for
// a fault in the file as a whole.
func (e *GoldError) Error() string {
	if e.Field == "" {
		return e.Path + ": " + e.Err.Error()
	}
	return e.Path + ": " + e.Field + ": " + e.Err.Error()
}

// Unwrap returns Err, so that errors.Is sees through a GoldError (for
// example to fs.ErrNotExist for a missing file).
func (e *GoldError) Unwrap() error { return e.Err }

// ErrNoGold is returned by LoadGold for a folder that holds no gold file.
var ErrNoGold = errors.New("no gold files (NAME.json)")

// blocs are the codes the gold format gives groups of countries acting
// together. They are actors (sponsors, positions, stance holders and
// targets) but never entries of a record's countries.
var blocs = []string{"EU", "EUROPE", "NATO", "G7", "G20", "AU", "ASEAN", "BRICS", "ARAB_LEAGUE", "OIC"}

// LoadGold reads every NAME.json file directly in dir (not in subfolders)
// as a gold file, in name order; other files are not gold files and are
// skipped. Each file is checked as LoadGoldFile does. All faulty files are
// reported, one line each (errors.Join of *GoldError); two files with the
// same doc are an error too. A folder with no gold file gives ErrNoGold.
func LoadGold(dir string) ([]Gold, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read gold folder: %w", err)
	}
	var (
		golds []Gold
		errs  []error
		byDoc = map[string]string{}
	)
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".json") || name == ".json" {
			continue
		}
		g, err := LoadGoldFile(filepath.Join(dir, name))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if first, ok := byDoc[g.Record.Doc]; ok {
			errs = append(errs, &GoldError{Path: g.Path, Field: "doc",
				Err: fmt.Errorf("%q is also the doc of %s; each gold file needs its own doc", g.Record.Doc, first)})
			continue
		}
		byDoc[g.Record.Doc] = g.Path
		golds = append(golds, g)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(golds) == 0 {
		return nil, fmt.Errorf("%s: %w", dir, ErrNoGold)
	}
	return golds, nil
}

// LoadGoldFile reads and checks one gold file. The check is strict, so that
// a typing slip in a gold file cannot pass as a judgement:
//
//   - the file is one JSON object with no key given twice anywhere;
//   - top-level fields are those of extract.Record: "doc", "text_file",
//     "html_file", "countries", "counts", "votes", "stances", and, carried
//     but not scored, "mentions" and "extractor"; any other is an error;
//   - "doc" is a non-empty string; when left out it is the file name
//     without ".json";
//   - exactly one of "text_file" and "html_file" names the source, a path
//     relative to the gold file's folder, of a file that exists in that
//     folder or below it (not an absolute path, not one that leaves the
//     folder with ".." or through a symbolic link);
//   - "countries", "counts", "votes" and "stances" are present (write []
//     for none), so that leaving one out cannot be mistaken for a judgement;
//   - countries are ISO 3166-1 alpha-3 shaped codes (three upper-case
//     letters), each listed once; a bloc code there is an error;
//   - actors (sponsors, positions keys, stance holders and targets) are
//     such codes or one of the gold format's bloc codes (EU, EUROPE,
//     NATO, G7, G20, AU, ASEAN, BRICS, ARAB_LEAGUE, OIC);
//   - counts have a number "value" (not negative) and an optional "unit",
//     a lowercase lemma; a vote's "body" is an upper-case code, "outcome"
//     one of adopted, rejected, vetoed, withdrawn, "tally" keys are yes, no
//     and abstain with whole non-negative numbers, positions are yes, no or
//     abstain; a vote may carry "motion" (free text) and "evidence";
//   - stances have holder, target (two different actors) and a polarity of
//     support or oppose, and no stance is listed twice.
//
// Numbers may be written in any JSON form: 93 and 93.0 are the same value.
// A fault gives a *GoldError naming the file and the field.
func LoadGoldFile(path string) (Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Path == path {
			err = pe.Err // the path is in the message already
		}
		return Gold{}, &GoldError{Path: path, Err: err}
	}
	return parseGold(path, data)
}

// parseGold checks and decodes the contents of the gold file at path.
func parseGold(path string, data []byte) (Gold, error) {
	root, err := parseJSON(data)
	if err != nil {
		var dk *dupKeyError
		if errors.As(err, &dk) {
			return Gold{}, &GoldError{Path: path, Field: dk.path, Err: err}
		}
		return Gold{}, &GoldError{Path: path, Err: fmt.Errorf("not valid JSON: %w", err)}
	}
	g, ferr := decodeGold(path, root)
	if ferr != nil {
		return Gold{}, &GoldError{Path: path, Field: ferr.field, Err: errors.New(ferr.msg)}
	}
	return g, nil
}

// fieldError is a fault at one field of a gold file.
type fieldError struct {
	field, msg string
}

func fieldErrf(field, format string, args ...any) *fieldError {
	return &fieldError{field: field, msg: fmt.Sprintf(format, args...)}
}

var (
	topFields    = []string{"doc", "text_file", "html_file", "countries", "counts", "votes", "stances", "mentions", "extractor"}
	countFields  = []string{"value", "unit", "evidence"}
	voteFields   = []string{"body", "motion", "sponsors", "outcome", "tally", "positions", "evidence"}
	tallyFields  = []string{extract.Yes, extract.No, extract.Abstain}
	stanceFields = []string{"holder", "target", "polarity", "evidence"}
	outcomes     = []string{extract.Adopted, extract.Rejected, extract.Vetoed, extract.Withdrawn}
	positions    = []string{extract.Yes, extract.No, extract.Abstain}
	polarities   = []string{extract.Support, extract.Oppose}
)

// sourcePath resolves the source file name of the gold file at path:
// relative to its folder, and inside it.
func sourcePath(path, field, name string) (string, *fieldError) {
	if filepath.IsAbs(name) || strings.HasPrefix(name, "/") {
		return "", fieldErrf(field, "%q is an absolute path; name the source relative to the gold file's folder", name)
	}
	if !filepath.IsLocal(name) {
		return "", fieldErrf(field, "%q leaves the gold file's folder; the source must be in it or below it", name)
	}
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return "", fieldErrf(field, "%v", err)
	}
	source := filepath.Join(dir, name)
	// A symbolic link on the way must not lead out of the folder either.
	realDir, derr := filepath.EvalSymlinks(dir)
	realSource, serr := filepath.EvalSymlinks(source)
	if derr == nil && serr == nil {
		if rel, err := filepath.Rel(realDir, realSource); err != nil || !filepath.IsLocal(rel) {
			return "", fieldErrf(field, "%q leads out of the gold file's folder (to %s) through a symbolic link; the source must be in it or below it", name, realSource)
		}
	}
	return source, nil
}

func decodeGold(path string, root *node) (Gold, *fieldError) {
	if root.kind != kindObject {
		return Gold{}, fieldErrf("", "got %s, want a JSON object", root.describe())
	}
	if err := checkFields(root, "", topFields); err != nil {
		return Gold{}, err
	}
	var g Gold
	g.Path = path
	rec := &g.Record

	// doc
	if n := root.get("doc"); n != nil {
		s, err := nonEmptyString(n, "doc")
		if err != nil {
			return Gold{}, err
		}
		rec.Doc = s
	} else {
		rec.Doc = strings.TrimSuffix(filepath.Base(path), ".json")
	}

	// source
	tf, hf := root.get("text_file"), root.get("html_file")
	switch {
	case tf != nil && hf != nil:
		return Gold{}, fieldErrf("html_file", "text_file is given too; a gold file names exactly one source")
	case tf == nil && hf == nil:
		return Gold{}, fieldErrf("text_file", "missing: a gold file names its source in text_file (plain text) or html_file (an HTML page)")
	}
	field, src := "text_file", tf
	if hf != nil {
		field, src, g.HTML = "html_file", hf, true
	}
	name, err := nonEmptyString(src, field)
	if err != nil {
		return Gold{}, err
	}
	if g.HTML {
		rec.HTMLFile = name
	} else {
		rec.TextFile = name
	}
	source, ferr := sourcePath(path, field, name)
	if ferr != nil {
		return Gold{}, ferr
	}
	if fi, err := os.Stat(source); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return Gold{}, fieldErrf(field, "%q: no such file (looked for %s)", name, source)
		}
		return Gold{}, fieldErrf(field, "%v", err)
	} else if !fi.Mode().IsRegular() {
		return Gold{}, fieldErrf(field, "%q is not a regular file", name)
	}
	g.Source = source

	// countries
	list, ferr := required(root, "countries", kindArray)
	if ferr != nil {
		return Gold{}, ferr
	}
	rec.Countries = []string{}
	for i, e := range list.elems {
		f := fmt.Sprintf("countries[%d]", i)
		s, err := stringValue(e, f)
		if err != nil {
			return Gold{}, err
		}
		if slices.Contains(blocs, s) {
			return Gold{}, fieldErrf(f, "%q is a bloc; countries lists countries only", s)
		}
		if !isCountryCode(s) {
			return Gold{}, fieldErrf(f, "%q is not an ISO 3166-1 alpha-3 country code (three upper-case letters, such as \"FRA\")", s)
		}
		if slices.Contains(rec.Countries, s) {
			return Gold{}, fieldErrf(f, "%q is listed twice", s)
		}
		rec.Countries = append(rec.Countries, s)
	}

	// counts
	if list, ferr = required(root, "counts", kindArray); ferr != nil {
		return Gold{}, ferr
	}
	rec.Counts = []extract.Count{}
	for i, e := range list.elems {
		c, err := decodeCount(e, fmt.Sprintf("counts[%d]", i))
		if err != nil {
			return Gold{}, err
		}
		rec.Counts = append(rec.Counts, c)
	}

	// votes
	if list, ferr = required(root, "votes", kindArray); ferr != nil {
		return Gold{}, ferr
	}
	rec.Votes = []extract.Vote{}
	for i, e := range list.elems {
		v, err := decodeVote(e, fmt.Sprintf("votes[%d]", i))
		if err != nil {
			return Gold{}, err
		}
		rec.Votes = append(rec.Votes, v)
	}

	// stances
	if list, ferr = required(root, "stances", kindArray); ferr != nil {
		return Gold{}, ferr
	}
	rec.Stances = []extract.Stance{}
	for i, e := range list.elems {
		f := fmt.Sprintf("stances[%d]", i)
		s, err := decodeStance(e, f)
		if err != nil {
			return Gold{}, err
		}
		for j, prev := range rec.Stances {
			if prev.Holder == s.Holder && prev.Target == s.Target && prev.Polarity == s.Polarity {
				return Gold{}, fieldErrf(f, "the same stance as stances[%d]", j)
			}
		}
		rec.Stances = append(rec.Stances, s)
	}

	// carried, not scored
	if n := root.get("mentions"); n != nil {
		if err := decodeCarried(n, "mentions", &rec.Mentions); err != nil {
			return Gold{}, err
		}
	}
	if n := root.get("extractor"); n != nil {
		s, err := stringValue(n, "extractor")
		if err != nil {
			return Gold{}, err
		}
		rec.Extractor = s
	}
	return g, nil
}

func decodeCount(n *node, f string) (extract.Count, *fieldError) {
	var c extract.Count
	if n.kind != kindObject {
		return c, fieldErrf(f, "got %s, want an object with value and unit", n.describe())
	}
	if err := checkFields(n, f, countFields); err != nil {
		return c, err
	}
	vn := n.get("value")
	if vn == nil {
		return c, fieldErrf(joinPath(f, "value"), "missing")
	}
	v, err := numberValue(vn, joinPath(f, "value"))
	if err != nil {
		return c, err
	}
	if v < 0 {
		return c, fieldErrf(joinPath(f, "value"), "%s is negative; a count is not", vn.number)
	}
	c.Value = v
	if un := n.get("unit"); un != nil {
		u, err := stringValue(un, joinPath(f, "unit"))
		if err != nil {
			return c, err
		}
		if !isUnit(u) {
			return c, fieldErrf(joinPath(f, "unit"), "%q is not a lowercase noun lemma such as \"vote\" (leave unit out when the counted thing is not clear)", u)
		}
		c.Unit = u
	}
	if en := n.get("evidence"); en != nil {
		c.Evidence = new(extract.Evidence)
		if err := decodeCarried(en, joinPath(f, "evidence"), c.Evidence); err != nil {
			return c, err
		}
	}
	return c, nil
}

func decodeVote(n *node, f string) (extract.Vote, *fieldError) {
	var v extract.Vote
	if n.kind != kindObject {
		return v, fieldErrf(f, "got %s, want an object", n.describe())
	}
	if err := checkFields(n, f, voteFields); err != nil {
		return v, err
	}
	if bn := n.get("body"); bn != nil {
		s, err := stringValue(bn, joinPath(f, "body"))
		if err != nil {
			return v, err
		}
		if !isBodyCode(s) {
			return v, fieldErrf(joinPath(f, "body"), "%q is not a body code (upper-case, such as UNGA, UNSC, UK_COMMONS)", s)
		}
		v.Body = s
	}
	if mn := n.get("motion"); mn != nil {
		s, err := stringValue(mn, joinPath(f, "motion"))
		if err != nil {
			return v, err
		}
		v.Motion = s
	}
	if sn := n.get("sponsors"); sn != nil {
		sf := joinPath(f, "sponsors")
		if sn.kind != kindArray {
			return v, fieldErrf(sf, "got %s, want a list of actor codes", sn.describe())
		}
		for i, e := range sn.elems {
			ef := fmt.Sprintf("%s[%d]", sf, i)
			a, err := actorValue(e, ef)
			if err != nil {
				return v, err
			}
			if slices.Contains(v.Sponsors, a) {
				return v, fieldErrf(ef, "%q is listed twice", a)
			}
			v.Sponsors = append(v.Sponsors, a)
		}
	}
	if on := n.get("outcome"); on != nil {
		of := joinPath(f, "outcome")
		s, err := stringValue(on, of)
		if err != nil {
			return v, err
		}
		if !slices.Contains(outcomes, s) {
			return v, fieldErrf(of, "%q is not adopted, rejected, vetoed or withdrawn (leave outcome out when the article does not say)", s)
		}
		v.Outcome = s
	}
	if tn := n.get("tally"); tn != nil {
		tf := joinPath(f, "tally")
		if tn.kind != kindObject {
			return v, fieldErrf(tf, "got %s, want an object with yes, no and abstain counts", tn.describe())
		}
		if err := checkFields(tn, tf, tallyFields); err != nil {
			return v, err
		}
		for _, m := range tn.members {
			mf := joinPath(tf, m.key)
			x, err := numberValue(m.val, mf)
			if err != nil {
				return v, err
			}
			if x < 0 || x != math.Trunc(x) || x > math.MaxInt32 {
				return v, fieldErrf(mf, "%s is not a whole number of votes", m.val.number)
			}
			k := int(x)
			switch m.key {
			case extract.Yes:
				v.Tally.Yes = &k
			case extract.No:
				v.Tally.No = &k
			case extract.Abstain:
				v.Tally.Abstain = &k
			}
		}
	}
	if pn := n.get("positions"); pn != nil {
		pf := joinPath(f, "positions")
		if pn.kind != kindObject {
			return v, fieldErrf(pf, "got %s, want an object from actor to yes, no or abstain", pn.describe())
		}
		v.Positions = make(map[string]string, len(pn.members))
		for _, m := range pn.members {
			mf := mapPath(pf, m.key)
			if !isActor(m.key) {
				return v, fieldErrf(mf, "%s", notActor(m.key))
			}
			s, err := stringValue(m.val, mf)
			if err != nil {
				return v, err
			}
			if !slices.Contains(positions, s) {
				return v, fieldErrf(mf, "%q is not yes, no or abstain", s)
			}
			v.Positions[m.key] = s
		}
	}
	if en := n.get("evidence"); en != nil {
		if err := decodeCarried(en, joinPath(f, "evidence"), &v.Evidence); err != nil {
			return v, err
		}
	}
	return v, nil
}

func decodeStance(n *node, f string) (extract.Stance, *fieldError) {
	var s extract.Stance
	if n.kind != kindObject {
		return s, fieldErrf(f, "got %s, want an object with holder, target and polarity", n.describe())
	}
	if err := checkFields(n, f, stanceFields); err != nil {
		return s, err
	}
	for _, k := range []string{"holder", "target", "polarity"} {
		if n.get(k) == nil {
			return s, fieldErrf(joinPath(f, k), "missing")
		}
	}
	var err *fieldError
	if s.Holder, err = actorValue(n.get("holder"), joinPath(f, "holder")); err != nil {
		return s, err
	}
	if s.Target, err = actorValue(n.get("target"), joinPath(f, "target")); err != nil {
		return s, err
	}
	if s.Holder == s.Target {
		return s, fieldErrf(joinPath(f, "target"), "%q is also the holder; a stance is toward another actor", s.Target)
	}
	pf := joinPath(f, "polarity")
	if s.Polarity, err = stringValue(n.get("polarity"), pf); err != nil {
		return s, err
	}
	if !slices.Contains(polarities, s.Polarity) {
		return s, fieldErrf(pf, "%q is not support or oppose", s.Polarity)
	}
	if en := n.get("evidence"); en != nil {
		s.Evidence = new(extract.Evidence)
		if err := decodeCarried(en, joinPath(f, "evidence"), s.Evidence); err != nil {
			return s, err
		}
	}
	return s, nil
}

// checkFields refuses object members not in known.
func checkFields(n *node, path string, known []string) *fieldError {
	for _, m := range n.members {
		if !slices.Contains(known, m.key) {
			return fieldErrf(joinPath(path, m.key), "unknown field (known here: %s)", strings.Join(known, ", "))
		}
	}
	return nil
}

// required returns the member key of n, which must be there and of kind k.
func required(n *node, key string, k kind) (*node, *fieldError) {
	v := n.get(key)
	if v == nil {
		return nil, fieldErrf(key, "missing (write [] when there are none)")
	}
	if v.kind != k {
		return nil, fieldErrf(key, "got %s, want a list", v.describe())
	}
	return v, nil
}

func stringValue(n *node, f string) (string, *fieldError) {
	if n.kind != kindString {
		return "", fieldErrf(f, "got %s, want a string", n.describe())
	}
	return n.str, nil
}

func nonEmptyString(n *node, f string) (string, *fieldError) {
	s, err := stringValue(n, f)
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(s) == "" {
		return "", fieldErrf(f, "empty")
	}
	return s, nil
}

func numberValue(n *node, f string) (float64, *fieldError) {
	if n.kind != kindNumber {
		return 0, fieldErrf(f, "got %s, want a number", n.describe())
	}
	x, err := n.number.Float64()
	if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
		return 0, fieldErrf(f, "%s is out of range", n.number)
	}
	return x, nil
}

func actorValue(n *node, f string) (string, *fieldError) {
	s, err := stringValue(n, f)
	if err != nil {
		return "", err
	}
	if !isActor(s) {
		return "", fieldErrf(f, "%s", notActor(s))
	}
	return s, nil
}

func notActor(s string) string {
	return fmt.Sprintf("%q is not an actor code (an ISO 3166-1 alpha-3 country code such as \"FRA\", or a bloc: %s)", s, strings.Join(blocs, ", "))
}

// decodeCarried decodes a part of a gold file that is carried but not
// scored (evidence, mentions) into its Go type, refusing unknown fields.
func decodeCarried(n *node, f string, dst any) *fieldError {
	data, err := json.Marshal(n.toAny())
	if err != nil {
		return fieldErrf(f, "%v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return fieldErrf(f, "%s", strings.TrimPrefix(err.Error(), "json: "))
	}
	return nil
}

// isCountryCode reports whether s has the shape of an ISO 3166-1 alpha-3
// code: three upper-case ASCII letters.
func isCountryCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// isActor reports whether s is a country code or a bloc code.
func isActor(s string) bool {
	return isCountryCode(s) || slices.Contains(blocs, s)
}

// isBodyCode reports whether s is an upper-case code: letters, digits and
// underscores, starting with a letter, at least two long. The gold format
// names UNGA, UNSC, UNHRC, UK_COMMONS, UK_LORDS, US_SENATE, US_HOUSE and EP
// and lets the project document others, so any such code is accepted.
func isBodyCode(s string) bool {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// isUnit reports whether s looks like a lowercase lemma: lowercase
// letters, with single spaces or hyphens between words.
func isUnit(s string) bool {
	if s == "" {
		return false
	}
	prevSep := true
	for _, r := range s {
		switch {
		case r == ' ' || r == '-':
			if prevSep {
				return false
			}
			prevSep = true
		case unicode.IsLetter(r) && !unicode.IsUpper(r):
			prevSep = false
		default:
			return false
		}
	}
	return !prevSep
}
