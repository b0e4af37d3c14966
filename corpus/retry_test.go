package corpus

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestRetryConflict checks that a transaction PostgreSQL aborted to break
// a deadlock (or for a serialization failure) is run again, and that any
// other error is returned at once.
func TestRetryConflict(t *testing.T) {
	ctx := context.Background()
	for _, code := range []string{"40P01", "40001"} {
		calls := 0
		err := retryConflict(ctx, func() error {
			if calls++; calls < 3 {
				return fmt.Errorf("enqueue: %w", &pgconn.PgError{Code: code})
			}
			return nil
		})
		if err != nil || calls != 3 {
			t.Errorf("%s: %d calls, error %v; want 3 calls and no error", code, calls, err)
		}
	}
	other := errors.New("disk full")
	calls := 0
	if err := retryConflict(ctx, func() error { calls++; return other }); !errors.Is(err, other) || calls != 1 {
		t.Errorf("other error: %d calls, error %v; want 1 call and the error", calls, err)
	}
	calls = 0
	err := retryConflict(ctx, func() error { calls++; return &pgconn.PgError{Code: "40P01"} })
	if !isConflict(err) || calls != conflictRetries {
		t.Errorf("lasting deadlock: %d calls, error %v; want %d calls and the deadlock", calls, err, conflictRetries)
	}
}
