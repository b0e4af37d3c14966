package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/tally-news/tally/cmd/tally/internal/nofollow"
	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/actors"
	"github.com/tally-news/tally/extract/eval"
)

// Annotation: with a gold folder, an article's page leads to its gold
// file, pre-filled from the extraction (as tally gold init writes it) or
// read from the folder, where facts are accepted, rejected, edited and
// added, and saved as NAME.json beside the article's text in NAME.txt.
// What is saved is checked first by the loader tally eval uses.

// maxGoldForm bounds the body of a gold form.
const maxGoldForm = 2 << 20

// maxActorText bounds the text /api/actors reads, in bytes.
const maxActorText = 4000

// errReadOnly answers requests that would write when no gold folder was
// given.
var errReadOnly = &httpError{http.StatusForbidden, "this server is read-only: start tally serve with --gold DIR to write gold files"}

// annotator writes the gold files of a folder, one save at a time.
type annotator struct {
	dir  string
	csrf *csrfGuard
	mu   sync.Mutex
}

// EnableAnnotation lets the server write gold files into dir, making the
// folder when it is missing. Without it the server only reads.
func (s *Server) EnableAnnotation(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("gold folder: %w", err)
		}
	case err != nil:
		return fmt.Errorf("gold folder: %w", err)
	case !fi.IsDir():
		return fmt.Errorf("gold folder %s is not a folder", dir)
	}
	s.annot = &annotator{dir: dir, csrf: newCSRFGuard()}
	return nil
}

func (s *Server) annotateRoutes() {
	s.mux.HandleFunc("GET /articles/{id}/gold", s.goldPage)
	s.mux.HandleFunc("POST /articles/{id}/gold", s.saveGold)
	s.mux.HandleFunc("GET /api/actors", s.actorsAPI)
}

func init() {
	pages["annotate"] = template.Must(template.New("layout.html").Funcs(funcs).Funcs(template.FuncMap{
		"outcomes": func() []string {
			return []string{"", extract.Adopted, extract.Rejected, extract.Vetoed, extract.Withdrawn}
		},
		"polarities": func() []string { return []string{extract.Support, extract.Oppose} },
		"actorCodes": actorOptions,
	}).ParseFS(templateFS, "templates/layout.html", "templates/annotate.html"))
}

// actorOption is a code the gold format takes for an actor, with its name.
type actorOption struct{ Code, Name string }

var actorOptions = sync.OnceValue(func() []actorOption {
	var out []actorOption
	for _, code := range append(actors.Codes(), eval.BlocCodes()...) {
		out = append(out, actorOption{code, actors.Name(code)})
	}
	return out
})

// goldKinds are the kinds of row of a gold form and the fields of each,
// as the form names them ("count.value").
var goldKinds = []struct {
	kind, list string // the row kind and the gold file's list
	fields     []string
}{
	{kindCountry, "countries", []string{"code"}},
	{kindCount, "counts", []string{"value", "unit"}},
	{kindVote, "votes", []string{"body", "outcome", "yes", "no", "abstain", "positions", "sponsors", "motion"}},
	{kindStance, "stances", []string{"holder", "polarity", "target"}},
}

// Row states: from the extraction and not looked at yet, accepted, added
// by hand, or rejected (left out of the file).
const (
	stateNew      = "new"
	stateAccepted = "accepted"
	stateAdded    = "added"
	stateRejected = "rejected"
)

// goldRow is one fact of a gold form.
type goldRow struct {
	Kind  string
	State string
	// Fact lists the ids of the extraction's facts the row matches, so
	// that their marks light up with it.
	Fact string
	// Problem is the fault the loader found in the row, if any.
	Problem string
	V       map[string]string
}

// goldForm is a gold file as the page edits it: the rows of each kind.
type goldForm map[string][]goldRow

// goldPageData is what the annotation page shows.
type goldPageData struct {
	articleData
	Name, Dir     string
	Saved         bool   // NAME.json is in the folder
	Action, Token string // where the form posts and its token
	Form          goldForm
	Blank         map[string]goldRow // an empty row of each kind
	ToReview      int
	Notice, Error string
}

// goldArticle reads the article of the request and names its gold files.
func (s *Server) goldArticle(r *http.Request) (corpus.StoredArticle, string, error) {
	if s.annot == nil {
		return corpus.StoredArticle{}, "", errReadOnly
	}
	id, err := articleID(r)
	if err != nil {
		return corpus.StoredArticle{}, "", err
	}
	a, err := s.store.Article(r.Context(), id)
	if err != nil {
		return a, "", err
	}
	name, err := s.annot.goldName(a)
	return a, name, err
}

func (s *Server) goldPage(w http.ResponseWriter, r *http.Request) {
	a, name, err := s.goldArticle(r)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	d := s.newGoldPage(w, r, a, name)
	g, err := eval.LoadGoldFile(s.annot.path(name, ".json"))
	fresh := r.URL.Query().Get("from") == "extraction"
	switch {
	case err == nil && !fresh:
		d.Saved = true
		d.Form = formOf(g.Record, stateAccepted)
		if r.URL.Query().Get("saved") != "" {
			d.Notice = fmt.Sprintf("Saved %s.json: %d countries, %d counts, %d votes, %d stances, read back as tally eval reads it.",
				name, len(g.Record.Countries), len(g.Record.Counts), len(g.Record.Votes), len(g.Record.Stances))
		}
	case err == nil || errors.Is(err, fs.ErrNotExist) || fresh:
		_, serr := os.Lstat(s.annot.path(name, ".json"))
		d.Saved = serr == nil
		rec := extract.Record{}
		if a.Record != nil {
			rec = *a.Record
		}
		d.Form = formOf(eval.GoldOf(rec, name+".txt"), stateNew)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			d.Error = "The gold file in the folder cannot be read (" + err.Error() + "); saving replaces it with this one."
		}
	default:
		s.errorPage(w, r, &httpError{http.StatusUnprocessableEntity, err.Error() +
			"; mend the file by hand, or open this page with ?from=extraction to start over from the extraction"})
		return
	}
	s.showGold(w, r, http.StatusOK, d, a)
}

// newGoldPage is the page of a's gold file called name, with the form's
// token for the browser of r.
func (s *Server) newGoldPage(w http.ResponseWriter, r *http.Request, a corpus.StoredArticle, name string) goldPageData {
	action := goldAction(a.ID)
	d := goldPageData{articleData: newArticleData(a), Name: name, Dir: s.annot.dir, Action: action,
		Token: s.annot.csrf.token(w, r, action), Blank: map[string]goldRow{}}
	d.Title = "Gold: " + d.Title
	for _, k := range goldKinds {
		d.Blank[k.kind] = goldRow{Kind: k.kind, State: stateAdded, V: map[string]string{}}
	}
	return d
}

// showGold renders the gold page d of article a, its rows linked to the
// extraction's facts.
func (s *Server) showGold(w http.ResponseWriter, r *http.Request, status int, d goldPageData, a corpus.StoredArticle) {
	linkFacts(d.Form, a.Record)
	for _, rows := range d.Form {
		for _, row := range rows {
			if row.State == stateNew {
				d.ToReview++
			}
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, status, "annotate", d)
}

func goldAction(id int64) string { return "/articles/" + strconv.FormatInt(id, 10) + "/gold" }

func (s *Server) saveGold(w http.ResponseWriter, r *http.Request) {
	if s.annot == nil {
		s.errorPage(w, r, errReadOnly)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxGoldForm)
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, badRequest("the form cannot be read: %v", err))
		return
	}
	id, err := articleID(r)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	if err := s.annot.csrf.check(r, goldAction(id)); err != nil {
		s.errorPage(w, r, err)
		return
	}
	a, name, err := s.goldArticle(r)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	form, err := parseGoldForm(r.PostForm)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	data, rowOf, err := form.file(name)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	if err := s.annot.save(name, a.Article.Text, data); err != nil {
		d := s.newGoldPage(w, r, a, name)
		d.Form = form
		_, serr := os.Lstat(s.annot.path(name, ".json"))
		d.Saved = serr == nil
		status := http.StatusUnprocessableEntity
		var ge *eval.GoldError
		var he *httpError
		switch {
		case errors.As(err, &ge):
			d.Error = fmt.Sprintf("Not saved: %s.json: ", name)
			if ge.Field != "" {
				d.Error += ge.Field + ": "
			}
			d.Error += ge.Err.Error()
			form.markBad(ge, rowOf)
		case errors.As(err, &he):
			status, d.Error = he.status, "Not saved: "+he.msg
		default:
			s.logger.Error("save gold file", "name", name, "err", err)
			status, d.Error = http.StatusInternalServerError, "Not saved: the file could not be written; the server log says why"
		}
		s.showGold(w, r, status, d, a)
		return
	}
	s.logger.Info("saved gold file", "path", s.annot.path(name, ".json"), "article", a.ID)
	http.Redirect(w, r, goldAction(a.ID)+"?saved=1", http.StatusSeeOther)
}

// path is the file NAME+ext in the gold folder.
func (an *annotator) path(name, ext string) string { return filepath.Join(an.dir, name+ext) }

// goldName names the gold files of a: the last segment of its URL's
// path, made plain, or, where that name is another article's, the same
// with a's id. A name is a's when nothing is there yet, or when
// NAME.txt holds a's text.
func (an *annotator) goldName(a corpus.StoredArticle) (string, error) {
	// Under the lock saves hold, so that a source text another save is
	// writing is never read half written and taken for another text.
	an.mu.Lock()
	defer an.mu.Unlock()
	base := slug(a.Article.URL)
	names := []string{base, base + "-" + strconv.FormatInt(a.ID, 10)}
	for _, name := range names {
		ok, err := an.holds(name, a.Article.Text)
		if err != nil {
			return "", err
		}
		if ok {
			return name, nil
		}
	}
	return "", &httpError{http.StatusConflict, fmt.Sprintf("%s.txt and %s.txt in %s hold other texts than this article's; move one away to annotate it", names[0], names[1], an.dir)}
}

// holds reports whether the gold files called name are free or hold text.
func (an *annotator) holds(name, text string) (bool, error) {
	b, err := os.ReadFile(an.path(name, ".txt"))
	if err == nil {
		return string(b) == text, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return false, err
	}
	if _, err := os.Lstat(an.path(name, ".json")); !errors.Is(err, fs.ErrNotExist) {
		return false, err
	}
	return true, nil
}

// slug makes a file name of the last segment of a URL's path: lowercase
// letters and digits, words joined by hyphens, the extension left out;
// "article" when nothing is left.
func slug(rawURL string) string {
	seg := ""
	if u, err := url.Parse(rawURL); err == nil {
		seg = path.Base(strings.TrimRight(u.Path, "/"))
		seg = strings.TrimSuffix(seg, path.Ext(seg))
	}
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(seg) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			gap = false
			b.WriteRune(r)
			if b.Len() >= 60 {
				break
			}
		} else {
			gap = true
		}
	}
	if b.Len() == 0 {
		return "article"
	}
	return b.String()
}

// save writes data as the gold file called name, and text beside it as
// its source when that is not there yet. The file is checked first as
// tally eval loads it, and written to a temporary file renamed over the
// old one, so a refused or failed save leaves the folder as it was.
func (an *annotator) save(name, text string, data []byte) error {
	an.mu.Lock()
	defer an.mu.Unlock()
	txt, js := an.path(name, ".txt"), an.path(name, ".json")
	created := false
	switch b, err := os.ReadFile(txt); {
	case errors.Is(err, fs.ErrNotExist):
		if err := nofollow.WriteFile(txt, []byte(text), false); err != nil {
			return err
		}
		created = true
	case err != nil:
		return err
	case string(b) != text:
		return &httpError{http.StatusConflict, txt + " now holds another text than this article's"}
	}
	err := an.check(js, data)
	if err == nil {
		err = nofollow.WriteFile(js, data, true)
	}
	if err != nil && created {
		os.Remove(txt)
	}
	return err
}

// check checks data as the gold file js, and that no other gold file of
// the folder has its doc, which would stop tally eval from loading the
// folder.
func (an *annotator) check(js string, data []byte) error {
	g, err := eval.CheckGold(js, data)
	if err != nil {
		return err
	}
	entries, err := os.ReadDir(an.dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		other := filepath.Join(an.dir, e.Name())
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") || other == js {
			continue
		}
		if o, err := eval.LoadGoldFile(other); err == nil && o.Record.Doc == g.Record.Doc {
			return &eval.GoldError{Path: js, Field: "doc", Err: fmt.Errorf("%q is also the doc of %s", g.Record.Doc, other)}
		}
	}
	return nil
}

// formOf is the form of a gold record, every row in state.
func formOf(g extract.Record, state string) goldForm {
	f := goldForm{}
	add := func(kind string, v map[string]string) {
		f[kind] = append(f[kind], goldRow{Kind: kind, State: state, V: v})
	}
	for _, c := range g.Countries {
		add(kindCountry, map[string]string{"code": c})
	}
	for _, c := range g.Counts {
		add(kindCount, map[string]string{"value": strconv.FormatFloat(c.Value, 'f', -1, 64), "unit": c.Unit})
	}
	for _, v := range g.Votes {
		var pos []string
		for actor, p := range v.Positions {
			pos = append(pos, actor+" "+p)
		}
		sort.Strings(pos)
		add(kindVote, map[string]string{"body": v.Body, "outcome": v.Outcome, "yes": intText(v.Tally.Yes),
			"no": intText(v.Tally.No), "abstain": intText(v.Tally.Abstain), "positions": strings.Join(pos, ", "),
			"sponsors": strings.Join(v.Sponsors, ", "), "motion": v.Motion})
	}
	for _, s := range g.Stances {
		add(kindStance, map[string]string{"holder": s.Holder, "polarity": s.Polarity, "target": s.Target})
	}
	return f
}

func intText(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// linkFacts sets each row's Fact to the ids of the facts of the
// extraction r it matches: a country its mentions, a count the first
// count of the same value and unit, a vote the first of the same body, a
// stance the same stance; each fact matches one row at most.
func linkFacts(f goldForm, r *extract.Record) {
	if r == nil {
		return
	}
	used := map[string]bool{}
	first := func(n int, match func(i int) bool, id func(i int) string) string {
		for i := 0; i < n; i++ {
			if !used[id(i)] && match(i) {
				used[id(i)] = true
				return id(i)
			}
		}
		return ""
	}
	for kind, rows := range f {
		for i := range rows {
			row := &rows[i]
			v := row.V
			switch kind {
			case kindCountry:
				var ids []string
				for j, m := range r.Mentions {
					if m.Code == v["code"] {
						ids = append(ids, "m"+strconv.Itoa(j))
					}
				}
				row.Fact = strings.Join(ids, " ")
			case kindCount:
				row.Fact = first(len(r.Counts), func(j int) bool {
					c := r.Counts[j]
					return strconv.FormatFloat(c.Value, 'f', -1, 64) == v["value"] && c.Unit == v["unit"]
				}, func(j int) string { return countFact(j, r.Counts[j]).ID })
			case kindVote:
				row.Fact = first(len(r.Votes), func(j int) bool { return r.Votes[j].Body == v["body"] },
					func(j int) string { return voteFact(j, r.Votes[j]).ID })
			case kindStance:
				row.Fact = first(len(r.Stances), func(j int) bool {
					s := r.Stances[j]
					return s.Holder == v["holder"] && s.Target == v["target"] && s.Polarity == v["polarity"]
				}, func(j int) string { return stanceFact(j, r.Stances[j]).ID })
			}
		}
	}
}

// parseGoldForm reads the rows of a posted gold form. Each field of a
// kind comes once per row, in row order; rows whose fields are all blank
// are left out.
func parseGoldForm(v url.Values) (goldForm, error) {
	f := goldForm{}
	for _, k := range goldKinds {
		states := v[k.kind+".state"]
		for _, field := range append([]string{"fact"}, k.fields...) {
			if got := len(v[k.kind+"."+field]); got != len(states) {
				return nil, badRequest("the form has %d %s.%s fields for %d %s rows", got, k.kind, field, len(states), k.kind)
			}
		}
		for i, st := range states {
			if !slices.Contains([]string{stateNew, stateAccepted, stateAdded, stateRejected}, st) {
				return nil, badRequest("%s row %d: state %q is not new, accepted, added or rejected", k.kind, i+1, st)
			}
			row := goldRow{Kind: k.kind, State: st, V: map[string]string{}}
			blank := true
			for _, field := range k.fields {
				s := strings.TrimSpace(v[k.kind+"."+field][i])
				row.V[field] = s
				blank = blank && s == ""
			}
			if !blank {
				f[k.kind] = append(f[k.kind], row)
			}
		}
	}
	return f, nil
}

// goldJSON is a gold file as the form writes it. Values a person typed
// that are not of the field's type (a count of "many") are written as
// they were typed, for the loader to refuse with a message that names
// the field.
type goldJSON struct {
	Doc       string       `json:"doc"`
	TextFile  string       `json:"text_file"`
	Countries []string     `json:"countries"`
	Counts    []countJSON  `json:"counts"`
	Votes     []voteJSON   `json:"votes"`
	Stances   []stanceJSON `json:"stances"`
}

type countJSON struct {
	Value any    `json:"value"`
	Unit  string `json:"unit,omitempty"`
}

type voteJSON struct {
	Body      string   `json:"body,omitempty"`
	Motion    string   `json:"motion,omitempty"`
	Sponsors  []string `json:"sponsors,omitempty"`
	Outcome   string   `json:"outcome,omitempty"`
	Tally     members  `json:"tally,omitempty"`
	Positions members  `json:"positions,omitempty"`
}

type stanceJSON struct {
	Holder   string `json:"holder"`
	Target   string `json:"target"`
	Polarity string `json:"polarity"`
}

// members is a JSON object written in order, a key given twice kept
// twice (for the loader to refuse).
type members []member

type member struct {
	key string
	val any
}

func (ms members) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, m := range ms {
		if i > 0 {
			b = append(b, ',')
		}
		k, err := json.Marshal(m.key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(m.val)
		if err != nil {
			return nil, err
		}
		b = append(append(append(b, k...), ':'), v...)
	}
	return append(b, '}'), nil
}

// file is the gold file called name of the form's rows that are not
// rejected, and, for each list of the file, the form row of each entry.
func (f goldForm) file(name string) ([]byte, map[string][]int, error) {
	g := goldJSON{Doc: name, TextFile: name + ".txt", Countries: []string{}, Counts: []countJSON{}, Votes: []voteJSON{}, Stances: []stanceJSON{}}
	rowOf := map[string][]int{}
	for _, k := range goldKinds {
		for i, row := range f[k.kind] {
			if row.State == stateRejected {
				continue
			}
			rowOf[k.list] = append(rowOf[k.list], i)
			v := row.V
			switch k.kind {
			case kindCountry:
				g.Countries = append(g.Countries, code(v["code"]))
			case kindCount:
				g.Counts = append(g.Counts, countJSON{Value: number(v["value"]), Unit: v["unit"]})
			case kindVote:
				vote := voteJSON{Body: code(v["body"]), Outcome: v["outcome"], Motion: v["motion"]}
				for _, s := range splitList(v["sponsors"]) {
					vote.Sponsors = append(vote.Sponsors, code(s))
				}
				for _, t := range []string{extract.Yes, extract.No, extract.Abstain} {
					if v[t] != "" {
						vote.Tally = append(vote.Tally, member{t, number(v[t])})
					}
				}
				for _, p := range splitList(strings.NewReplacer(":", " ", "=", " ").Replace(v["positions"])) {
					actor, pos, _ := strings.Cut(strings.Join(strings.Fields(p), " "), " ")
					vote.Positions = append(vote.Positions, member{code(actor), strings.ToLower(pos)})
				}
				g.Votes = append(g.Votes, vote)
			case kindStance:
				g.Stances = append(g.Stances, stanceJSON{Holder: code(v["holder"]), Target: code(v["target"]), Polarity: v["polarity"]})
			}
		}
	}
	b, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		return nil, nil, err
	}
	return append(b, '\n'), rowOf, nil
}

// code is an actor or body code as typed, in upper case.
func code(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// number is a typed number as a JSON number ("1,000" is 1000), or the
// text itself when it is none.
func number(s string) any {
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil || f != f || f > 1e300 || f < -1e300 {
		return s
	}
	return json.Number(strconv.FormatFloat(f, 'f', -1, 64))
}

// splitList cuts a typed list at commas, semicolons and line breaks.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// faultRE reads the list and index of a gold file field: "votes[2]...".
var faultRE = regexp.MustCompile(`^(countries|counts|votes|stances)\[(\d+)\]`)

// markBad puts the fault the loader found on the row of its field.
func (f goldForm) markBad(ge *eval.GoldError, rowOf map[string][]int) {
	m := faultRE.FindStringSubmatch(ge.Field)
	if m == nil {
		return
	}
	i, _ := strconv.Atoi(m[2])
	rows := rowOf[m[1]]
	if i >= len(rows) {
		return
	}
	for _, k := range goldKinds {
		if k.list == m[1] {
			f[k.kind][rows[i]].Problem = ge.Field + ": " + ge.Err.Error()
		}
	}
}

// actorJSON is one actor /api/actors found.
type actorJSON struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Text string `json:"text"`
}

// actorsAPI answers the actors a text names, in text order: the page
// fills in the code of a country or stance added from selected text.
func (s *Server) actorsAPI(w http.ResponseWriter, r *http.Request) {
	text := r.URL.Query().Get("text")
	if len(text) > maxActorText {
		s.errorJSON(w, r, badRequest("text: %d bytes; at most %d are read", len(text), maxActorText))
		return
	}
	out := []actorJSON{}
	for _, m := range actors.Find(text) {
		out = append(out, actorJSON{m.Code, actors.Name(m.Code), m.Text})
	}
	writeJSON(w, http.StatusOK, map[string]any{"actors": out})
}
