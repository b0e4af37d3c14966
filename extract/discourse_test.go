package extract

import (
	"reflect"
	"testing"

	"github.com/tally-news/tally/extract/nlp"
)

// TestDiscourseTurns checks what the discourse records sentence by
// sentence: the body a part names, the body spoken of, the speaker a
// pronoun stands for two sentences on, a motion's sponsors, and the last
// motion named, carried over a sentence that names none.
func TestDiscourseTurns(t *testing.T) {
	text := "The representative of Mozambique took the floor. " +
		"The Human Rights Council then met. " +
		"She said her delegation would abstain. " +
		"The Council adopted a resolution drafted by France and Mexico. " +
		"China's envoy welcomed the outcome. " +
		"Brazil tabled an amendment."
	d := newDocument(nlp.Load(), text)
	turns := d.turns()
	if len(turns) != 6 || turns[0] == nil || turns[2] == nil || turns[3] == nil || turns[4] == nil || turns[5] == nil {
		t.Fatalf("turns = %v, want one per sentence", turns)
	}
	if got := turns[0].speakerFor(len(d.items(0))); got != "MOZ" {
		t.Errorf("speaker after the representative of Mozambique = %q, want MOZ", got)
	}
	if got := turns[2].speakerFor(0); got != "MOZ" {
		t.Errorf("speaker two sentences on = %q, want MOZ", got)
	}
	if got := turns[3].speakerFor(0); got != "" {
		t.Errorf("speaker three sentences on = %q, want none", got)
	}
	if got := turns[1].parts[0].body; got != BodyUNHRC {
		t.Errorf("body of the second sentence = %q, want %s", got, BodyUNHRC)
	}
	if got := turns[2].parts[0].context; got != BodyUNHRC {
		t.Errorf("body spoken of in the third sentence = %q, want %s", got, BodyUNHRC)
	}
	if got := turns[3].parts[0].body; got != BodyUNHRC {
		t.Errorf(`"the Council" after the Human Rights Council = %q, want %s`, got, BodyUNHRC)
	}
	if got, want := turns[3].motion.sponsors, []string{"FRA", "MEX"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sponsors = %v, want %v", got, want)
	}
	if got := turns[3].lastMotion; got.class != "" || got.sponsors != nil {
		t.Errorf("last motion before the first one named = %+v, want none", got)
	}
	want := motionSaid{class: "resolution", sponsors: []string{"FRA", "MEX"}}
	if got := turns[4].lastMotion; !reflect.DeepEqual(got, want) {
		t.Errorf("last motion after it = %+v, want %+v", got, want)
	}
	if got := turns[5].lastMotion; !reflect.DeepEqual(got, want) {
		t.Errorf("last motion over a sentence naming none = %+v, want %+v", got, want)
	}
	want = motionSaid{class: "amendment", sponsors: []string{"BRA"}}
	if got := d.disc.motion; !reflect.DeepEqual(got, want) {
		t.Errorf("last motion at the end = %+v, want %+v", got, want)
	}
}
