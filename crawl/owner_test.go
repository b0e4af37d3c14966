package crawl

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// deadOwner names, as the crawler would, a process of this machine that
// has exited: a child that ran and was waited for.
func deadOwner(t *testing.T) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	return fmt.Sprintf("%s:%d:dead", host, cmd.Process.Pid)
}

func TestOwnerGone(t *testing.T) {
	host, _ := os.Hostname()
	tests := []struct {
		name, owner string
		want        bool
	}{
		{"exited process", deadOwner(t), true},
		{"live parent", fmt.Sprintf("%s:%d:x", host, os.Getppid()), false},
		{"this process", lockOwner(), false},
		{"another machine", "elsewhere.invalid:999999:x", false},
		{"not a pid", host + ":abc:x", false},
		{"other naming", "intruder", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := OwnerGone(tt.owner); got != tt.want {
				t.Errorf("OwnerGone(%q) = %v, want %v", tt.owner, got, tt.want)
			}
		})
	}
}

// TestMemoryStoreLockOfDeadOwner: a lock left by a process that died is
// taken over at once; a live holder's refusal says until when it holds,
// and a run the dead process left unfinished is interrupted.
func TestMemoryStoreLockOfDeadOwner(t *testing.T) {
	ctx := context.Background()
	s := NewMemoryStore()
	dead := deadOwner(t)
	if err := s.Lock(ctx, "j", dead, time.Hour); err != nil {
		t.Fatal(err)
	}
	id, _ := s.StartRun(ctx, "j", dead)
	if err := s.Lock(ctx, "j", "next", time.Hour); err != nil {
		t.Fatalf("lock of a dead process not taken over: %v", err)
	}
	err := s.Lock(ctx, "j", "third", time.Hour)
	if !errors.Is(err, ErrJobLocked) || !strings.Contains(err.Error(), "holds until") {
		t.Errorf("Lock of a held job = %v, want ErrJobLocked saying until when", err)
	}
	next, _ := s.StartRun(ctx, "j", "next")
	runs, _ := s.Runs(ctx, "j", 5)
	if len(runs) != 2 || runs[0].ID != next || runs[0].Interrupted || runs[1].ID != id || !runs[1].Interrupted {
		t.Errorf("runs = %+v; want the dead one interrupted, the live one not", runs)
	}
}
