package extract_test

import (
	"context"
	"testing"

	"github.com/tally-news/tally/extract"
)

var extractor = extract.New()

// TestMotionText checks the motion description a vote carries: from the
// first of its sentences that names the motion, to the end of the clause,
// through the dots of an abbreviation.
func TestMotionText(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{
			"abbreviation dots do not end the clause",
			"Russia vetoed a draft U.N. Security Council resolution that called for a truce. The other members voted in favour.",
			"draft U.N. Security Council resolution that called for a truce",
		},
		{
			"the first sentence that names the motion",
			"The Human Rights Council on Friday voted to set up an inquiry. It adopted a resolution tabled by the EU with 21 votes in favour.",
			"resolution tabled by the EU with 21 votes in favour",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			votes := extractor.Extract(context.Background(), "t", tt.text).Votes
			if len(votes) != 1 {
				t.Fatalf("got %d votes, want 1: %+v", len(votes), votes)
			}
			if votes[0].Motion != tt.want {
				t.Errorf("motion = %q, want %q", votes[0].Motion, tt.want)
			}
		})
	}
}
