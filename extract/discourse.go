package extract

import (
	"strings"

	"github.com/tally-news/tally/extract/actors"
)

type speakerAt struct {
	i    int
	code string
}

// speakerFor returns the actor speaking at item i of sentence si: the last
// one named before i in the sentence, else the one who spoke in the two
// sentences before.
func (r *voteReader) speakerFor(si, i int) string {
	code := ""
	for _, s := range r.here {
		if s.i < i {
			code = s.code
		}
	}
	if code != "" {
		return code
	}
	if r.before != "" && si-r.beforeSI <= 2 {
		return r.before
	}
	return ""
}

func (r *voteReader) setSpeaker(si, i int, code string) {
	r.here = append(r.here, speakerAt{i, code})
	r.speaker, r.spokeAt = code, si
}

// bodies finds the body the sentence speaks of and keeps track of the
// bodies named so far.
func (r *voteReader) bodies(f *fragment, its []item) {
	r.before, r.beforeSI, r.here = r.speaker, r.spokeAt, r.here[:0]
	for i, it := range its {
		if it.body == "" {
			continue
		}
		// A body named as an object ("members of the Security
		// Council") is not the one "the Council" refers to later.
		if bodyIsObject(its, i) {
			continue
		}
		code := r.res.resolve(it.body)
		if code == "" {
			continue
		}
		if f.body == "" {
			f.body = code
			r.context = code
		}
	}
	// The actor whose representative speaks: "the representative of
	// Mozambique", "the speaker for the Russian Federation".
	for i := 0; i < len(its); i++ {
		// A person named with a country's office: "Emmanuel Macron".
		if its[i].kind == actors.Leader {
			r.setSpeaker(f.si, i, its[i].actor)
			continue
		}
		// "French President", "the Russian envoy".
		if its[i].isActor() && its[i].kind == actors.Demonym && i+1 < len(its) && (roleNouns[its[i+1].lw] || titles[its[i+1].lw]) {
			r.setSpeaker(f.si, i, its[i].actor)
		}
		if i+2 >= len(its) {
			continue
		}
		// "Russia's deputy representative", "France's ambassador".
		if its[i].isActor() && its[i+1].lw == "'s" {
			for k := i + 2; k < len(its) && k <= i+4; k++ {
				if roleNouns[its[k].lw] || groupNouns[its[k].lw] {
					r.setSpeaker(f.si, i, its[i].actor)
					break
				}
			}
		}
		if roleNouns[its[i].lw] || groupNouns[its[i].lw] {
			// "the representative of Mozambique", "Foreign ministers of
			// the G7".
			if its[i+1].lw == "of" || its[i+1].lw == "for" {
				if code := agentAfter(its, i+2); code != "" {
					r.setSpeaker(f.si, i, code)
				}
			}
		}
	}
}

// bodyIsObject reports whether the body at its[i] is what a motion is
// about rather than who votes on it: "convening the General Assembly".
func bodyIsObject(its []item, i int) bool {
	// "suspend Russia from the Human Rights Council", "elected to the
	// Council".
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if anyWord(its, k, "the") {
			continue
		}
		if anyWord(its, k, "from", "into", "onto") || anyWord(its, k, "to") && anyWord(its, k-1, "elected", "admitted", "readmitted", "returned", "return", "re-elected") ||
			anyWord(its, k, "of") && anyWord(its, k-1, "member", "members", "president", "presidency", "reform", "seat", "seats") && (!voteContext(its) || anyWord(its, k-2, "permanent", "non-permanent") ||
				anyWord(its, k-2, "elected", "re-elected") && !anyWord(its, k-1, "president", "presidency")) {
			// "elected a member of the Council" is another body's vote;
			// "re-elected president of the Parliament" is the
			// Parliament's own.
			// "a permanent member of the Security Council" is no vote
			// of the Council.
			return true
		}
		break
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if its[k].lw == "the" || strings.HasSuffix(its[k].lw, "-member") {
			continue
		}
		return its[k].tag == "VBG" || its[k].tag == "VB" || its[k].lw == "convening" || its[k].lw == "convene"
	}
	return false
}
