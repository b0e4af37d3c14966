package clean

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugPage(t *testing.T) {
	id := os.Getenv("PAGE")
	if id == "" {
		t.Skip()
	}
	dir := "/work/shared/data/clean-dev"
	data, _ := ReadSnippetPage(dir, id)
	if f := os.Getenv("FILE"); f != "" {
		data, _ = os.ReadFile(f)
	}
	text, _ := decode(data, "")
	_ = text
	c := New(DefaultConfig())
	art, err := c.CleanBytes(data, "", "")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(art.Reason)
	fmt.Println(art.Text)
	fmt.Printf("%+v\n", Article{Title: art.Title, Published: art.Published, Byline: art.Byline})
}
