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

// duplicateQuery looks up the articles whose text hash equals the new
// text's and those that share a band with its signature.
var duplicateQuery = "SELECT id, minhash, story_id, 1 FROM articles WHERE text_hash = ?" +
	" UNION ALL SELECT m.article_id, a.minhash, a.story_id, 0 FROM minhash_bands m JOIN articles a ON a.id = m.article_id" +
	" WHERE m.key IN (?" + strings.Repeat(", ?", lshBands-1) + ")"

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
func findDuplicate(ctx context.Context, tx *txn, fp fingerprint, facts string) (match, error) {
	if fp.hash == "" {
		return match{}, nil
	}
	args := make([]any, 1, 1+lshBands)
	args[0] = fp.hash
	if fp.sig != nil {
		for _, k := range bandKeys(fp.sig) {
			args = append(args, k)
		}
	} else {
		// No signature: the band keys match nothing stored.
		for range lshBands {
			args = append(args, nil)
		}
	}
	rows, err := tx.QueryContext(ctx, duplicateQuery, args...)
	if err != nil {
		return match{}, fmt.Errorf("look up duplicates: %w", err)
	}
	var exact match
	var near []match
	seen := map[int64]bool{}
	for rows.Next() {
		var cand, story int64
		var blob []byte
		var isExact bool
		if err := rows.Scan(&cand, &blob, &story, &isExact); err != nil {
			rows.Close()
			return match{}, fmt.Errorf("look up duplicates: %w", err)
		}
		if isExact {
			if exact.articleID == 0 || cand < exact.articleID {
				exact = match{kind: "exact", articleID: cand, similarity: 1, storyID: story}
			}
			continue
		}
		if fp.sig == nil || seen[cand] {
			continue
		}
		seen[cand] = true
		if s := similarity(fp.sig, decodeSig(blob)); s >= NearSimilarity {
			near = append(near, match{kind: "near", articleID: cand, similarity: s, storyID: story})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return match{}, fmt.Errorf("look up duplicates: %w", err)
	}
	if exact.articleID != 0 {
		return exact, nil
	}
	if len(near) == 0 {
		return match{}, nil
	}
	sort.Slice(near, func(i, j int) bool {
		a, b := near[i], near[j]
		return a.similarity > b.similarity || a.similarity == b.similarity && a.articleID < b.articleID
	})
	for _, m := range near {
		stored, err := storedFacts(ctx, tx, m.articleID)
		if err != nil {
			return match{}, err
		}
		if stored == facts {
			return m, nil
		}
	}
	v := near[0]
	v.kind = "version"
	return v, nil
}

// storedFacts returns the facts key of the latest record of article id,
// "" when it has none.
func storedFacts(ctx context.Context, tx *txn, id int64) (string, error) {
	var js string
	err := tx.QueryRowContext(ctx, "SELECT json FROM records WHERE article_id = ? ORDER BY id DESC LIMIT 1", id).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read record of article %d: %w", id, err)
	}
	var r extract.Record
	if err := json.Unmarshal([]byte(js), &r); err != nil {
		return "", fmt.Errorf("read record of article %d: %w", id, err)
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
		add("v", vote{v.Body, v.Motion, v.Outcome, v.Tally, sponsors, v.Positions})
	}
	for _, s := range r.Stances {
		add("s", [3]string{s.Holder, s.Target, s.Polarity})
	}
	sort.Strings(parts)
	sum := sha256.Sum256([]byte(strings.Join(parts, "\n")))
	return hex.EncodeToString(sum[:])
}

// indexBands adds the bands of article id's signature to the index.
func indexBands(ctx context.Context, tx *txn, id int64, sig []uint32) error {
	if sig == nil {
		return nil
	}
	args := make([]any, 0, 2*lshBands)
	for _, k := range bandKeys(sig) {
		args = append(args, k, id)
	}
	if err := insertRows(ctx, tx, "INSERT OR IGNORE INTO minhash_bands (key, article_id)", args, 2); err != nil {
		return fmt.Errorf("index article %d: %w", id, err)
	}
	return nil
}

// unindexBands removes the bands of article id's old signature.
func unindexBands(ctx context.Context, tx *txn, id int64, sig []uint32) error {
	if sig == nil {
		return nil
	}
	for _, k := range bandKeys(sig) {
		if _, err := tx.ExecContext(ctx, "DELETE FROM minhash_bands WHERE key = ? AND article_id = ?", k, id); err != nil {
			return fmt.Errorf("unindex article %d: %w", id, err)
		}
	}
	return nil
}

// setFingerprint replaces the fingerprint of article id.
func setFingerprint(ctx context.Context, tx *txn, id int64, fp fingerprint) error {
	var old []byte
	if err := tx.QueryRowContext(ctx, "SELECT minhash FROM articles WHERE id = ?", id).Scan(&old); err != nil {
		return fmt.Errorf("read fingerprint of article %d: %w", id, err)
	}
	if err := unindexBands(ctx, tx, id, decodeSig(old)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE articles SET text_hash = ?, minhash = ? WHERE id = ?",
		fp.hash, encodeSig(fp.sig), id); err != nil {
		return fmt.Errorf("store fingerprint of article %d: %w", id, err)
	}
	return indexBands(ctx, tx, id, fp.sig)
}

// backfillDuplicateKeys computes the fingerprints of the articles stored
// before duplicate detection existed (migration 2). Articles that are
// duplicates of each other stay as they are; later ones link to the first.
func backfillDuplicateKeys(ctx context.Context, tx *txn) error {
	var last int64
	for {
		rows, err := tx.QueryContext(ctx, "SELECT id, text FROM articles WHERE id > ? ORDER BY id LIMIT 500", last)
		if err != nil {
			return err
		}
		type row struct {
			id   int64
			text string
		}
		var batch []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.text); err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for _, r := range batch {
			if err := setFingerprint(ctx, tx, r.id, fingerprintOf(r.text)); err != nil {
				return err
			}
			last = r.id
		}
	}
}
