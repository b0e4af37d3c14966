package corpus

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/tally-news/tally/extract"
)

// Duplicate detection.
//
// Two articles are exact duplicates when their normalised texts are equal:
// the text lower-cased, with every run of characters that are not letters
// or digits (spaces, punctuation, quotes of any style) read as one word
// break. The comparison uses the SHA-256 of the normalised text.
//
// Two articles are near duplicates when at least NearSimilarity of their
// word 3-shingles (three consecutive normalised words) are shared, the
// Jaccard similarity of the two shingle sets estimated by a MinHash
// signature of 48 hashes, and their records state the same facts (see
// factsKey). A text that alike whose facts differ (a vote count corrected,
// a country's vote changed) is an updated story: it is stored as a new
// version of the story, an article with its own record. Wire copy that a site trimmed by a tenth (0.9),
// corrected a few words of (above 0.9) or gave another closing paragraph
// stays above the threshold; two different articles, even on the same
// subject, share few shingles (below 0.1). Texts of fewer than
// MinNearWords words are only compared exactly.
//
// Candidates are found by locality-sensitive hashing: the signature is cut
// into 12 bands of 4 hashes, each band hashed and indexed, and an article
// is a candidate when one band is equal. A pair of similarity 0.7 shares a
// band with probability 0.96, of 0.8 with 0.998, of 0.1 with 0.001; each
// candidate's similarity is then computed from the signatures.
const (
	// NearSimilarity is the least estimated Jaccard similarity of the
	// word 3-shingles of two near duplicates.
	NearSimilarity = 0.7
	// MinNearWords is the least number of words a text needs to be
	// compared as a near duplicate.
	MinNearWords = 20

	shingleSize = 3
	minhashSize = lshBands * lshRows
	lshBands    = 12
	lshRows     = 4
)

// fingerprint is what duplicate detection keeps of a text.
type fingerprint struct {
	hash string   // hex SHA-256 of the normalised text; "" for no text
	sig  []uint32 // MinHash signature; nil below MinNearWords words
}

// fingerprintOf computes the fingerprint of an article text.
func fingerprintOf(text string) fingerprint {
	words := normalisedWords(text)
	if len(words) == 0 {
		return fingerprint{}
	}
	sum := sha256.Sum256([]byte(strings.Join(words, " ")))
	fp := fingerprint{hash: hex.EncodeToString(sum[:])}
	if len(words) >= MinNearWords {
		fp.sig = minHash(words)
	}
	return fp
}

// normalisedWords splits text into lower-case words of letters and digits.
func normalisedWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// minhashSeeds make the signature's hash functions from one shingle hash.
var minhashSeeds = func() [minhashSize]uint64 {
	var s [minhashSize]uint64
	x := uint64(0x7a11)
	for i := range s {
		x = mix64(x + 0x9e3779b97f4a7c15)
		s[i] = x
	}
	return s
}()

// minHash returns the MinHash signature of the word 3-shingles of words:
// for each of minhashSize hash functions, the least hash of any shingle.
func minHash(words []string) []uint32 {
	sig := make([]uint32, minhashSize)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	h := fnv.New64a()
	for i := 0; i+shingleSize <= len(words); i++ {
		h.Reset()
		for j, w := range words[i : i+shingleSize] {
			if j > 0 {
				h.Write([]byte{' '})
			}
			h.Write([]byte(w))
		}
		base := h.Sum64()
		for k, seed := range minhashSeeds {
			if v := uint32(mix64(base^seed) >> 32); v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
}

// mix64 spreads the bits of a hash (the SplitMix64 finaliser).
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// bandKeys returns the index keys of the bands of a signature.
func bandKeys(sig []uint32) [lshBands]int64 {
	var keys [lshBands]int64
	for b := range keys {
		h := uint64(b + 1)
		for _, v := range sig[b*lshRows : (b+1)*lshRows] {
			h = mix64(h ^ uint64(v))
		}
		keys[b] = int64(h)
	}
	return keys
}

// factsBandKeys returns the keys under which minhash_bands names an
// article of signature sig and facts key facts: the keys of its bands,
// each hashed with the facts key, so that one look-up of the keys finds
// the articles that share a band and (but for a collision of 64-bit
// hashes, which the look-up rules out by the articles' facts_key) the
// facts.
func factsBandKeys(sig []uint32, facts string) [lshBands]int64 {
	f := fnv.New64a()
	f.Write([]byte(facts))
	fh := f.Sum64()
	keys := bandKeys(sig)
	for b, k := range keys {
		keys[b] = int64(mix64(uint64(k) ^ fh))
	}
	return keys
}

// similarity estimates the Jaccard similarity of two signatures.
func similarity(a, b []uint32) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

func encodeSig(sig []uint32) []byte {
	if sig == nil {
		return nil
	}
	b := make([]byte, 4*len(sig))
	for i, v := range sig {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

func decodeSig(b []byte) []uint32 {
	if len(b) != 4*minhashSize {
		return nil
	}
	sig := make([]uint32, minhashSize)
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return sig
}

// match is what a new article is to the stored ones.
type match struct {
	// kind is "exact" or "near" for a duplicate, "version" for a new
	// version of a stored story, "" for a new story.
	kind string
	// articleID is the article duplicated, or for a version the stored
	// article most like the new one.
	articleID  int64
	similarity float64
	// storyID is the story of articleID: its first version's article id.
	storyID int64
}

// storyBandCap is the most articles of one story story_bands names under
// one band.
const storyBandCap = 4

// storyBandScan is the most articles read from story_bands under one band
// for a look-up, those of the stories stored last: a new article is
// compared with at most lshBands*storyBandScan stored ones, however many
// stories share its bands.
const storyBandScan = 4 * storyBandCap

// exactQuery looks up the first article with a text hash; duplicateQuery
// that article, as a row that says exact, and the articles that share a
// band with a signature and have the given facts key; storyQuery the
// articles story_bands names under the bands, at most storyBandScan a
// band, each article once. The last two give rows of (exact, id, minhash,
// story_id), as nearest reads them.
var (
	bandList       = "(?" + strings.Repeat(", ?", lshBands-1) + ")"
	exactQuery     = "SELECT id, story_id FROM articles WHERE text_hash = ? ORDER BY id LIMIT 1"
	duplicateQuery = "SELECT 1 AS exact, id, NULL AS minhash, story_id FROM (" + exactQuery + ") AS e" +
		" UNION ALL SELECT 0, m.article_id, a.minhash, a.story_id FROM minhash_bands m JOIN articles a ON a.id = m.article_id" +
		" WHERE m.key IN " + bandList + " AND a.facts_key = ?"
	storyQuery = func() string {
		band := fmt.Sprintf("SELECT article_id FROM (SELECT s.article_id FROM story_bands s WHERE s.key = ?"+
			" ORDER BY s.story_id DESC, s.article_id DESC LIMIT %d) AS b", storyBandScan)
		bands := make([]string, lshBands)
		for i := range bands {
			bands[i] = band + strconv.Itoa(i)
		}
		return "SELECT 0, a.id, a.minhash, a.story_id FROM articles a WHERE a.id IN (" + strings.Join(bands, " UNION ALL ") + ")"
	}()
	// storyBandsInsert names an article under those of its bands (the
	// rows of the VALUES list, as keys) under which fewer than
	// storyBandCap articles of its story are named.
	storyBandsInsert = "INSERT INTO story_bands (key, story_id, article_id)" +
		" SELECT b.column1, CAST(? AS BIGINT), CAST(? AS BIGINT) FROM (VALUES " +
		strings.TrimSuffix(strings.Repeat("(CAST(? AS BIGINT)), ", lshBands), ", ") + ") AS b" +
		" WHERE (SELECT count(*) FROM story_bands s WHERE s.key = b.column1 AND s.story_id = ?) < ? ON CONFLICT DO NOTHING"
)

// findDuplicate finds what a new article of fingerprint fp and facts key
// facts (see factsKey) is to the stored articles:
//
//   - an exact duplicate of the first stored article with the same
//     normalised text;
//   - else a near duplicate of the most similar (then the first) stored
//     article whose text is at least NearSimilarity alike and whose facts
//     are the same;
//   - else, when some stored article's text is that alike but none has the
//     same facts, a new version of the most similar one's story;
//   - else a new story.
//
// The cost of a look-up does not grow with the near copies stored, nor
// with the stories. Each article's facts key is stored with it and with
// its bands, so only the articles of the same facts are read for a near
// duplicate: an article of the same facts that alike would have been
// stored as a duplicate, so there are few. For a version, the articles
// compared are those story_bands names: under each band, the first
// storyBandCap articles of each story stored with it, so at most
// lshBands*storyBandCap a story, and of those the storyBandScan of the
// stories stored last, so at most lshBands*storyBandScan in all. Every
// band of a stored article is named under its story, by it or by earlier
// articles of the story with the same band, so a text that shares a band
// with one version shares it with one compared, unless more than
// storyBandScan articles of later stories share that band too (text that
// many stories have in common, a template's); the version is chosen by
// the most similar of those compared, which for a story of more than
// storyBandCap versions with the same band may not be the most similar of
// all its versions, and when none compared is NearSimilarity alike the
// article is a new story. Re-extraction that changes an article's text
// removes it from story_bands without naming another article of its
// story in its place.
func findDuplicate(ctx context.Context, tx *txn, fp fingerprint, facts string) (match, error) {
	if fp.hash == "" {
		return match{}, nil
	}
	if fp.sig == nil {
		var m match
		err := tx.QueryRowContext(ctx, exactQuery, fp.hash).Scan(&m.articleID, &m.storyID)
		if errors.Is(err, sql.ErrNoRows) {
			return match{}, nil
		}
		if err != nil {
			return match{}, fmt.Errorf("look up duplicates: %w", err)
		}
		m.kind, m.similarity = "exact", 1
		return m, nil
	}
	// The exact copy and the near copies of the same facts are looked up
	// in one statement: rows that say exact, then the others.
	args := make([]any, 0, lshBands+2)
	args = append(args, fp.hash)
	for _, k := range factsBandKeys(fp.sig, facts) {
		args = append(args, k)
	}
	m, err := nearest(ctx, tx, fp.sig, duplicateQuery, append(args, facts)...)
	if err != nil || m.articleID != 0 {
		return m, err
	}
	args = args[:0]
	for _, k := range bandKeys(fp.sig) {
		args = append(args, k)
	}
	if m, err = nearest(ctx, tx, fp.sig, storyQuery, args...); err != nil || m.articleID != 0 {
		m.kind = "version"
		return m, err
	}
	return match{}, nil
}

// nearest returns the match of the rows query returns (exact, id,
// minhash, story_id): the first row that says exact, as an exact match,
// else the most similar (then the first) of the articles whose signature
// is at least NearSimilarity alike sig, as a near one; a zero match when
// there is none. A query that gives no exact rows returns no exact match.
func nearest(ctx context.Context, tx *txn, sig []uint32, query string, args ...any) (match, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return match{}, fmt.Errorf("look up duplicates: %w", err)
	}
	defer rows.Close()
	var best match
	for rows.Next() {
		var exact bool
		var cand, story int64
		var blob []byte
		if err := rows.Scan(&exact, &cand, &blob, &story); err != nil {
			return match{}, fmt.Errorf("look up duplicates: %w", err)
		}
		if exact {
			return match{kind: "exact", articleID: cand, similarity: 1, storyID: story}, nil
		}
		s := similarity(sig, decodeSig(blob))
		if s < NearSimilarity || s < best.similarity || s == best.similarity && cand >= best.articleID {
			continue
		}
		best = match{kind: "near", articleID: cand, similarity: s, storyID: story}
	}
	if err := rows.Err(); err != nil {
		return match{}, fmt.Errorf("look up duplicates: %w", err)
	}
	return best, nil
}

// recordFacts returns the facts key of a stored record's JSON, "" for
// none.
func recordFacts(js sql.NullString) (string, error) {
	if !js.Valid {
		return "", nil
	}
	var r extract.Record
	if err := json.Unmarshal([]byte(js.String), &r); err != nil {
		return "", err
	}
	return factsKey(&r), nil
}

// factsKey returns a key that two records share exactly when they state
// the same facts: the same countries, counts, votes (body, motion,
// outcome, tally, sponsors, positions) and stances, in any order. Where in
// the text a fact was found, the document name and the extractor version
// do not count. A nil record has the key "".
func factsKey(r *extract.Record) string {
	if r == nil {
		return ""
	}
	type vote struct {
		Body      string            `json:"b"`
		Motion    string            `json:"m"`
		Outcome   string            `json:"o"`
		Tally     extract.Tally     `json:"t"`
		Sponsors  []string          `json:"s"`
		Positions map[string]string `json:"p"` // encoding/json sorts map keys
	}
	var parts []string
	add := func(kind string, v any) {
		b, _ := json.Marshal(v) // plain values, which always encode
		parts = append(parts, kind+string(b))
	}
	for _, c := range r.Countries {
		add("c", c)
	}
	for _, c := range r.Counts {
		add("n", [2]any{c.Value, c.Unit})
	}
	for _, v := range r.Votes {
		sponsors := append([]string(nil), v.Sponsors...)
		sort.Strings(sponsors)
		positions := v.Positions
		if len(positions) == 0 {
			positions = nil // as a stored record, which omits them, reads back
		}
		add("v", vote{v.Body, v.Motion, v.Outcome, v.Tally, sponsors, positions})
	}
	for _, s := range r.Stances {
		add("s", [3]string{s.Holder, s.Target, s.Polarity})
	}
	sort.Strings(parts)
	sum := sha256.Sum256([]byte(strings.Join(parts, "\n")))
	return hex.EncodeToString(sum[:])
}

// indexBands adds the bands of article id's signature, of story story and
// facts key facts, to the indexes: to minhash_bands each, to story_bands
// those under which fewer than storyBandCap articles of the story are
// named.
func indexBands(ctx context.Context, tx *txn, id, story int64, facts string, sig []uint32) error {
	if err := indexFactsBands(ctx, tx, id, facts, sig); err != nil {
		return err
	}
	return indexStoryBands(ctx, tx, id, story, sig)
}

// indexFactsBands names article id in minhash_bands under the bands of
// its signature and its facts key facts.
func indexFactsBands(ctx context.Context, tx *txn, id int64, facts string, sig []uint32) error {
	if sig == nil {
		return nil
	}
	args := make([]any, 0, 2*lshBands)
	for _, k := range factsBandKeys(sig, facts) {
		args = append(args, k, id)
	}
	if err := insertRows(ctx, tx, "INSERT OR IGNORE INTO minhash_bands (key, article_id)", args, 2); err != nil {
		return fmt.Errorf("index article %d: %w", id, err)
	}
	return nil
}

// indexStoryBands names article id of story story in story_bands under
// those bands of its signature under which fewer than storyBandCap
// articles of the story are named, in one statement: the caps are
// counted before it adds any row, and it adds at most one a key and story
// (a key that came twice would name the same row).
func indexStoryBands(ctx context.Context, tx *txn, id, story int64, sig []uint32) error {
	if sig == nil {
		return nil
	}
	args := make([]any, 0, lshBands+4)
	args = append(args, story, id)
	for _, k := range bandKeys(sig) {
		args = append(args, k)
	}
	if _, err := tx.ExecContext(ctx, storyBandsInsert, append(args, story, storyBandCap)...); err != nil {
		return fmt.Errorf("index article %d: %w", id, err)
	}
	return nil
}

// unindexBands removes the bands of article id's old signature, story and
// facts key.
func unindexBands(ctx context.Context, tx *txn, id, story int64, facts string, sig []uint32) error {
	if sig == nil {
		return nil
	}
	args := make([]any, 0, lshBands+2)
	args = append(args, id)
	for _, k := range factsBandKeys(sig, facts) {
		args = append(args, k)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM minhash_bands WHERE article_id = ? AND key IN "+bandList, args...); err != nil {
		return fmt.Errorf("unindex article %d: %w", id, err)
	}
	args = append(args[:1], story)
	for _, k := range bandKeys(sig) {
		args = append(args, k)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM story_bands WHERE article_id = ? AND story_id = ? AND key IN "+bandList, args...); err != nil {
		return fmt.Errorf("unindex article %d: %w", id, err)
	}
	return nil
}

// setFingerprint replaces the fingerprint and the facts key of article id.
func setFingerprint(ctx context.Context, tx *txn, id int64, fp fingerprint, facts string) error {
	var old []byte
	var oldFacts string
	var story int64
	if err := tx.QueryRowContext(ctx, "SELECT minhash, facts_key, story_id FROM articles WHERE id = ?", id).Scan(&old, &oldFacts, &story); err != nil {
		return fmt.Errorf("read fingerprint of article %d: %w", id, err)
	}
	if err := unindexBands(ctx, tx, id, story, oldFacts, decodeSig(old)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE articles SET text_hash = ?, minhash = ?, facts_key = ? WHERE id = ?",
		fp.hash, encodeSig(fp.sig), facts, id); err != nil {
		return fmt.Errorf("store fingerprint of article %d: %w", id, err)
	}
	return indexBands(ctx, tx, id, story, facts, fp.sig)
}

// backfillDuplicateKeys computes the fingerprints of the articles stored
// before duplicate detection existed (migration 2). Articles that are
// duplicates of each other stay as they are. Their bands are indexed by
// migration 13.
func backfillDuplicateKeys(ctx context.Context, tx *txn) error {
	return inArticleBatches(ctx, tx, "SELECT id, text FROM articles WHERE id > ? ORDER BY id LIMIT 500",
		func(rows *sql.Rows) (id int64, text string, err error) {
			err = rows.Scan(&id, &text)
			return id, text, err
		},
		func(id int64, text string) error {
			fp := fingerprintOf(text)
			if _, err := tx.ExecContext(ctx, "UPDATE articles SET text_hash = ?, minhash = ? WHERE id = ?",
				fp.hash, encodeSig(fp.sig), id); err != nil {
				return fmt.Errorf("store fingerprint of article %d: %w", id, err)
			}
			return nil
		})
}

// backfillFactsKeys stores the facts key of each article's latest record
// and names it in story_bands, in the order the articles were stored
// (migration 13). minhash_bands is filled by migration 14, which changes
// its keys.
func backfillFactsKeys(ctx context.Context, tx *txn) error {
	type stored struct {
		story  int64
		sig    []byte
		record sql.NullString
	}
	return inArticleBatches(ctx, tx, `SELECT a.id, a.story_id, a.minhash,
			(SELECT r.json FROM records r WHERE r.article_id = a.id ORDER BY r.id DESC LIMIT 1)
			FROM articles a WHERE a.id > ? ORDER BY a.id LIMIT 500`,
		func(rows *sql.Rows) (id int64, a stored, err error) {
			err = rows.Scan(&id, &a.story, &a.sig, &a.record)
			return id, a, err
		},
		func(id int64, a stored) error {
			facts, err := recordFacts(a.record)
			if err != nil {
				return fmt.Errorf("read record of article %d: %w", id, err)
			}
			if _, err := tx.ExecContext(ctx, "UPDATE articles SET facts_key = ? WHERE id = ?", facts, id); err != nil {
				return fmt.Errorf("store facts key of article %d: %w", id, err)
			}
			return indexStoryBands(ctx, tx, id, a.story, decodeSig(a.sig))
		})
}

// indexFactsKeys names every article in minhash_bands under its bands
// and facts key (migration 14).
func indexFactsKeys(ctx context.Context, tx *txn) error {
	type stored struct {
		facts string
		sig   []byte
	}
	return inArticleBatches(ctx, tx, "SELECT id, facts_key, minhash FROM articles WHERE id > ? ORDER BY id LIMIT 500",
		func(rows *sql.Rows) (id int64, a stored, err error) {
			err = rows.Scan(&id, &a.facts, &a.sig)
			return id, a, err
		},
		func(id int64, a stored) error {
			return indexFactsBands(ctx, tx, id, a.facts, decodeSig(a.sig))
		})
}

// inArticleBatches runs query, which selects the batch of articles after
// the id it is given, in id order, again and again from the first, scans
// each row with scan and hands it to each, until a batch comes back
// empty. A batch is read whole before its rows are handed on, so each may
// write in tx.
func inArticleBatches[T any](ctx context.Context, tx *txn, query string,
	scan func(*sql.Rows) (int64, T, error), each func(int64, T) error) error {
	type row struct {
		id int64
		v  T
	}
	var last int64
	for {
		rows, err := tx.QueryContext(ctx, query, last)
		if err != nil {
			return err
		}
		var batch []row
		for rows.Next() {
			id, v, err := scan(rows)
			if err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, row{id, v})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for _, r := range batch {
			if err := each(r.id, r.v); err != nil {
				return err
			}
			last = r.id
		}
	}
}
