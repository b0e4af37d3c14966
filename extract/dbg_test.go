package extract_test
import ("context";"encoding/json";"os";"testing";"github.com/tally-news/tally/extract")
func TestDebugDoc(t *testing.T){
 p:=os.Getenv("TALLY_DOC"); if p=="" {t.Skip()}
 b,_:=os.ReadFile(p)
 r:=extract.New().Extract(context.Background(),"x",string(b))
 for i:=range r.Votes { for _,e:=range r.Votes[i].Evidence { println(i, e.Sentence) }; r.Votes[i].Evidence=nil }
 for i:=range r.Counts { r.Counts[i].Evidence=nil }
 r.Mentions=nil
 out,_:=json.MarshalIndent(r,"","  "); os.Stdout.Write(out)
}
