package corpus

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// MaxEventPage is the most events one call of EventPage returns.
const MaxEventPage = 200

// EventPage returns a page of the events f chooses, the latest first (by
// the first day of their date, then id): limit events (1 to MaxEventPage)
// after skipping offset. The events are as the last RefreshEvents left
// them.
func (db *DB) EventPage(ctx context.Context, f EventFilter, offset, limit int) ([]StoredEvent, error) {
	if limit < 1 || limit > MaxEventPage || offset < 0 {
		return nil, fmt.Errorf("event page: limit %d, offset %d: want a limit of 1 to %d and an offset of 0 or more", limit, offset, MaxEventPage)
	}
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("event page: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT e.json FROM events e`+eventWhere+` ORDER BY e.start DESC, e.id LIMIT @limit OFFSET @offset`,
		append(eventArgs(f), sql.Named("limit", limit), sql.Named("offset", offset))...)
	if err != nil {
		return nil, fmt.Errorf("event page: %w", err)
	}
	defer rows.Close()
	var out []StoredEvent
	for rows.Next() {
		se, err := scanEvent(rows)
		if err != nil {
			return nil, fmt.Errorf("event page: %w", err)
		}
		out = append(out, se)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("event page: %w", err)
	}
	return out, nil
}

// Event returns the event with id, or an error wrapping ErrNotFound.
func (db *DB) Event(ctx context.Context, id string) (StoredEvent, error) {
	row := db.read.QueryRowContext(ctx, `SELECT json FROM events WHERE id = ?`, id)
	se, err := scanEvent(row)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return se, fmt.Errorf("event %s: %w", id, err)
	}
	return se, nil
}

func scanEvent(row interface{ Scan(...any) error }) (StoredEvent, error) {
	var se StoredEvent
	var js []byte
	if err := row.Scan(&js); err != nil {
		return se, err
	}
	if err := json.Unmarshal(js, &se.Event); err != nil {
		return se, err
	}
	se.JSON = js
	return se, nil
}
