//go:build !unix

package corpus

import "time"

// cpuTime is zero where the process's CPU time is not read: the
// benchmarks then report no per-CPU-second figures.
func cpuTime() time.Duration { return 0 }
