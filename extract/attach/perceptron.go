package attach

import (
	"math/rand/v2"
)

// Model is a trained attacher: a weight per feature and role. It is
// read-only once trained and safe for concurrent use.
type Model struct {
	weights map[string][nRoles]float64
}

// Example is a sentence with the role of each of its actor mentions
// toward each of its cues: Roles[cue][actor].
type Example struct {
	Sentence Sentence
	Roles    [][]Role
}

// TrainConfig sets how a model is trained.
type TrainConfig struct {
	// Epochs is the number of passes over the examples.
	Epochs int
	// Seed orders the examples of each pass; the same seed and examples
	// give the same model.
	Seed uint64
}

// DefaultTrainConfig returns the settings the package's measured figures
// were taken with.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{Epochs: 12, Seed: 11}
}

// instance is one (cue, mention) pair with its features and gold role.
type instance struct {
	feats []string
	role  Role
}

// Train fits an averaged perceptron to the examples: each (cue,
// mention) pair is scored for every role, and when the best role is not
// the gold one the gold role's weights gain the pair's features and the
// guessed role's lose them. The model returned averages the weights over
// every step of training, which keeps it from following the last
// examples seen.
func Train(examples []Example, cfg TrainConfig) *Model {
	var insts []instance
	for _, ex := range examples {
		v := newView(ex.Sentence)
		for ci := range ex.Sentence.Cues {
			for ai := range ex.Sentence.Actors {
				insts = append(insts, instance{feats: v.features(nil, ci, ai), role: ex.Roles[ci][ai]})
			}
		}
	}
	w := map[string][nRoles]float64{}
	// u sums each update times the step it was made at; the average of
	// the weights over the steps is w - u/steps.
	u := map[string][nRoles]float64{}
	live := &Model{weights: w}
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))
	order := make([]int, len(insts))
	for k := range order {
		order[k] = k
	}
	step := 1.0
	for range cfg.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			in := insts[k]
			guess := live.best(in.feats)
			if guess != in.role {
				for _, f := range in.feats {
					wf, uf := w[f], u[f]
					wf[in.role]++
					wf[guess]--
					uf[in.role] += step
					uf[guess] -= step
					w[f], u[f] = wf, uf
				}
			}
			step++
		}
	}
	avg := make(map[string][nRoles]float64, len(w))
	for f, wf := range w {
		var a [nRoles]float64
		nonzero := false
		for r := range a {
			a[r] = wf[r] - u[f][r]/step
			nonzero = nonzero || a[r] != 0
		}
		if nonzero {
			avg[f] = a
		}
	}
	return &Model{weights: avg}
}

// best returns the role the features score highest, None on a tie.
func (m *Model) best(feats []string) Role {
	return argmax(m.score(feats))
}

// score sums the weights of the features for each role.
func (m *Model) score(feats []string) [nRoles]float64 {
	var score [nRoles]float64
	for _, f := range feats {
		if wf, ok := m.weights[f]; ok {
			for r := range score {
				score[r] += wf[r]
			}
		}
	}
	return score
}

// argmax returns the role scored highest, None on a tie.
func argmax(score [nRoles]float64) Role {
	best := None
	for r := Holder; r < nRoles; r++ {
		if score[r] > score[best] {
			best = r
		}
	}
	return best
}
