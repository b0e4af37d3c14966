package corpus

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"math/bits"
	"strings"
	"unicode"
)

// Duplicate detection.
//
// Two articles are exact duplicates when their normalised texts are equal:
// the text lower-cased, with every run of characters that are not letters
// or digits (spaces, punctuation, quotes of any style) read as one word
// break. The comparison uses the SHA-256 of the normalised text.
//
// Two articles are near duplicates when the SimHashes of their texts
// differ in at most NearDistance of their 64 bits. The SimHash is built
// from the text's word 3-shingles (three consecutive normalised words),
// each weighted 1. Wire copy that a site trimmed, retitled or gave another
// closing paragraph stays within a few bits; unrelated articles differ in
// about 32. Texts of fewer than MinNearWords words are only compared
// exactly, because a SimHash of a few shingles says little.
//
// The SimHash is cut into four 16-bit bands, each indexed: two hashes
// within distance 3 agree on at least one band (three differing bits touch
// at most three bands), so every candidate is found by four index lookups.
const (
	// NearDistance is the largest Hamming distance between the SimHashes
	// of two near duplicates.
	NearDistance = 3
	// MinNearWords is the least number of words a text needs to be
	// compared as a near duplicate.
	MinNearWords = 20
	// simhashBands is the number of indexed bands (NearDistance+1).
	simhashBands = 4
	shingleSize  = 3
)

// fingerprint is what duplicate detection keeps of a text.
type fingerprint struct {
	hash    string // hex SHA-256 of the normalised text; "" for no text
	simhash uint64
	words   int
}

// fingerprintOf computes the fingerprint of an article text.
func fingerprintOf(text string) fingerprint {
	words := normalisedWords(text)
	if len(words) == 0 {
		return fingerprint{}
	}
	sum := sha256.Sum256([]byte(strings.Join(words, " ")))
	return fingerprint{hash: hex.EncodeToString(sum[:]), simhash: simHash(words), words: len(words)}
}

// normalisedWords splits text into lower-case words of letters and digits.
func normalisedWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// simHash returns the 64-bit SimHash of the word 3-shingles of words.
func simHash(words []string) uint64 {
	var weights [64]int
	add := func(shingle []string) {
		h := fnv.New64a()
		for i, w := range shingle {
			if i > 0 {
				h.Write([]byte{' '})
			}
			h.Write([]byte(w))
		}
		x := mix64(h.Sum64())
		for b := range 64 {
			if x&(1<<b) != 0 {
				weights[b]++
			} else {
				weights[b]--
			}
		}
	}
	if len(words) < shingleSize {
		add(words)
	}
	for i := 0; i+shingleSize <= len(words); i++ {
		add(words[i : i+shingleSize])
	}
	var s uint64
	for b, w := range weights {
		if w > 0 {
			s |= 1 << b
		}
	}
	return s
}

// mix64 spreads the bits of an FNV hash (the SplitMix64 finaliser), so
// that every bit of the SimHash depends on the whole shingle.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// band returns band i (0..3) of a SimHash.
func band(h uint64, i int) int64 { return int64(h>>(16*i)) & 0xffff }

// match is a stored article that a new text duplicates.
type match struct {
	articleID int64
	kind      string // "exact" or "near"
	distance  int
}

// findDuplicate looks for the first stored article that fp duplicates,
// exactly or nearly. It returns ok false when there is none.
func findDuplicate(ctx context.Context, tx *sql.Tx, fp fingerprint, exclude int64) (match, bool, error) {
	if fp.hash == "" {
		return match{}, false, nil
	}
	var id int64
	err := tx.QueryRowContext(ctx,
		"SELECT id FROM articles WHERE text_hash = ? AND id != ? ORDER BY id LIMIT 1", fp.hash, exclude).Scan(&id)
	switch {
	case err == nil:
		return match{articleID: id, kind: "exact"}, true, nil
	case err != sql.ErrNoRows:
		return match{}, false, fmt.Errorf("look up exact duplicate: %w", err)
	}
	if fp.words < MinNearWords {
		return match{}, false, nil
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT a.id, a.simhash FROM simhash_bands b JOIN articles a ON a.id = b.article_id
		WHERE (b.band = 0 AND b.value = ?) OR (b.band = 1 AND b.value = ?)
		   OR (b.band = 2 AND b.value = ?) OR (b.band = 3 AND b.value = ?)`,
		band(fp.simhash, 0), band(fp.simhash, 1), band(fp.simhash, 2), band(fp.simhash, 3))
	if err != nil {
		return match{}, false, fmt.Errorf("look up near duplicates: %w", err)
	}
	defer rows.Close()
	best := match{distance: 65}
	for rows.Next() {
		var cand, sh int64
		if err := rows.Scan(&cand, &sh); err != nil {
			return match{}, false, fmt.Errorf("look up near duplicates: %w", err)
		}
		if cand == exclude {
			continue
		}
		d := bits.OnesCount64(uint64(sh) ^ fp.simhash)
		if d <= NearDistance && (d < best.distance || d == best.distance && cand < best.articleID) {
			best = match{articleID: cand, kind: "near", distance: d}
		}
	}
	if err := rows.Err(); err != nil {
		return match{}, false, fmt.Errorf("look up near duplicates: %w", err)
	}
	return best, best.articleID != 0, nil
}

// indexFingerprint stores fp as the fingerprint of article id.
func indexFingerprint(ctx context.Context, tx *sql.Tx, id int64, fp fingerprint) error {
	if _, err := tx.ExecContext(ctx, "UPDATE articles SET text_hash = ?, simhash = ? WHERE id = ?",
		fp.hash, int64(fp.simhash), id); err != nil {
		return fmt.Errorf("store fingerprint: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM simhash_bands WHERE article_id = ?", id); err != nil {
		return fmt.Errorf("store fingerprint: %w", err)
	}
	return indexBands(ctx, tx, id, fp)
}

// backfillDuplicateKeys computes the fingerprints of the articles stored
// before duplicate detection existed (migration 2). Articles that are
// duplicates of each other stay as they are; later ones link to the first.
func backfillDuplicateKeys(ctx context.Context, tx *sql.Tx) error {
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
			if err := indexFingerprint(ctx, tx, r.id, fingerprintOf(r.text)); err != nil {
				return err
			}
			last = r.id
		}
	}
}
