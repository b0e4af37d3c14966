package clean

import (
	"strings"
	"testing"
)

// ruleArticle is the body of a short news story that the rule tests wrap
// with the pieces of boilerplate they check.
const ruleArticle = `<p>The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers found that two of its piers had sunk further than expected.</p>
<p>Buses and bicycles will still be allowed across, and a ferry will run every twenty minutes during the morning and evening rush hours while repairs go on.</p>
<p>The mayor said the decision had not been easy but that safety had to come first, and promised a public meeting in each district before work begins.</p>`

// TestRules checks single rules of the cleaner on small pages: before and
// after are put around the story inside its <article>.
func TestRules(t *testing.T) {
	tests := []struct {
		name          string
		before, after string
		want          []string
		wantNot       []string
	}{
		{
			name:    "affiliate disclosure box",
			before:  `<p class="comp disclosure-text">We pick the products we write about ourselves and may earn a commission when you buy through our links. Read our disclosure policy for details.</p>`,
			want:    []string{"The city council voted"},
			wantNot: []string{"commission"},
		},
		{
			name:    "call to action under the story",
			after:   `<section class="c-letters-cta"><p>We want to hear what you think about this article. <a href="/letters/">Submit a letter</a> to the editor.</p></section>`,
			want:    []string{"promised a public meeting"},
			wantNot: []string{"We want to hear"},
		},
		{
			name:    "newsletter form",
			after:   `<form action="/subscribe"><p><strong>Get our free morning briefing</strong></p><p>Enter your address and we will send the news to you every day.</p><input type="text" name="email" value="Your e-mail"><button>Join</button></form>`,
			want:    []string{"promised a public meeting"},
			wantNot: []string{"morning briefing", "every day"},
		},
		{
			name:   "form around the whole page stays",
			before: `<form action="/search"><input type="email" name="q">`,
			after:  `</form>`,
			want:   []string{"The city council voted", "promised a public meeting"},
		},
		{
			name:    "app and newsletter calls closing the story",
			after:   `<p><b>Get the latest news straight to your phone with the Gazette app.</b></p><p>Want more stories like this? Sign up for our evening newsletter.</p>`,
			want:    []string{"promised a public meeting"},
			wantNot: []string{"Gazette app", "Sign up"},
		},
		{
			name:    "long disclaimer closing the story",
			after:   `<p><em>Disclaimer: ` + strings.Repeat("Opinions in this article are the author's own and do not reflect the views of the publisher or its owners. ", 5) + `</em></p>`,
			want:    []string{"promised a public meeting"},
			wantNot: []string{"Opinions in this article"},
		},
		{
			name:   "calls inside the story stay",
			before: `<p>Residents who want to follow the works can sign up for text alerts, the council said, and a phone app will show ferry times.</p>`,
			want:   []string{"sign up for text alerts", "promised a public meeting"},
		},
		{
			name:    "byline and dateline below the standfirst",
			before:  `<p>Engineers found that two piers of the harbour bridge had sunk, and the council acted within a week of their report.</p><div>By <a href="/staff/a">Ann Lee</a> and <a href="/staff/b">Tom Fry</a></div><div>Updated 6:45 AM, March 14, 2024</div>`,
			want:    []string{"Engineers found that two piers", "The city council voted"},
			wantNot: []string{"Ann Lee", "Updated"},
		},
		{
			name:    "widget labels between paragraphs",
			before:  `<p>Share on Facebook</p><p><a href="#c">Comments (12)</a></p>`,
			after:   `<div><a href="/more">Read more</a> <span>Show more</span></div><p>Story continues below advertisement</p><p>Officials expect the work to take two years and to cost less than a new bridge would.</p><div>ADVERTISEMENT - CONTINUE READING BELOW</div><p>The mayor will present the plan at a public meeting next week.</p>`,
			want:    []string{"The city council voted", "Officials expect the work", "public meeting next week"},
			wantNot: []string{"Share on", "Comments", "continues below", "CONTINUE READING", "Show more"},
		},
		{
			name: "teasers of other stories under the story",
			after: `<div><h2>More stories</h2>
<div><h3><a href="/a">Oil prices slip as supply fears ease</a></h3><p>Brent crude fell below eighty dollars a barrel for the first time in a month as traders bet on more supply.</p></div>
<div><h3><a href="/b">Retail sales fall for a second month</a></h3><p>Shoppers cut back on clothing and furniture in April as higher bills squeezed household budgets.</p></div>
<div><h3><a href="/c">Car makers warn on tariffs</a></h3><p>The industry body said new tariffs on parts could add thousands to the price of a family car.</p></div></div>`,
			want:    []string{"promised a public meeting"},
			wantNot: []string{"More stories", "Brent crude", "Shoppers", "industry body"},
		},
		{
			name: "linked subheadings of the story stay",
			after: `<h2><a href="/ferry">The ferry</a></h2><p>` + strings.Repeat("The ferry will run every twenty minutes at rush hour and every hour at other times, from both banks of the river. ", 3) + `</p>
<h2><a href="/buses">The buses</a></h2><p>` + strings.Repeat("Buses will keep crossing the bridge in both directions, with a lower speed limit while the piers are repaired. ", 3) + `</p>
<h2><a href="/works">The works</a></h2><p>` + strings.Repeat("Divers will inspect the piers every month, and the engineers will report to the council after each inspection. ", 3) + `</p>`,
			want: []string{"The ferry will run", "Buses will keep crossing", "Divers will inspect"},
		},
		{
			name: "sections of the page under their headings",
			after: `<p>This article was originally published by the Harbour Review and is republished with permission.</p>
<div><h3>About the author</h3><p>Ann Lee has reported on the city and its harbour for twenty years, and before that she worked as an engineer on bridges.</p></div>
<div><h3>Related articles:</h3><p>Ferries across the river will run more often from April, the operator said in a statement on its website.</p></div><p>Tags: bridges, harbour, council</p>`,
			want:    []string{"promised a public meeting"},
			wantNot: []string{"republished", "About the author", "twenty years", "Related", "Ferries across", "Tags"},
		},
		{
			name:    "calls with links between paragraphs",
			before:  `<p>Sign up for The Morning Tide, our daily newsletter, <a href="/nl">here</a>.</p>`,
			after:   `<p>Related: <a href="/a">Ferry fares to rise</a> as the operator adds boats</p><p>Drivers can check the diversions on the council's website, or sign up for text alerts <a href="/alerts">on this page</a>.</p>`,
			want:    []string{"The city council voted", "Drivers can check the diversions"},
			wantNot: []string{"Morning Tide", "Ferry fares"},
		},
		{
			name:  "a closing paragraph that mentions subscribing stays",
			after: `<p>The panel recommended that residents who want updates subscribe to the council's text service.</p>`,
			want:  []string{"The panel recommended that residents"},
		},
		{
			name:    "affiliate note closing the story",
			after:   `<p>This article contains affiliate links; we may earn a commission on purchases made through them.</p>`,
			want:    []string{"promised a public meeting"},
			wantNot: []string{"affiliate"},
		},
		{
			name:  "subheading with a named anchor",
			after: `<h2><a name="next">What happens next</a></h2><p>Work on the piers is expected to start in the spring and to take about two years, the city engineer said.</p>`,
			want:  []string{"What happens next", "Work on the piers"},
		},
		{
			name:   "unclosed named anchor",
			before: `<h2><a name="top">The vote</h2>`,
			want:   []string{"The vote", "The city council voted", "promised a public meeting"},
		},
		{
			name:    "contact line closing the story",
			after:   `<p><em>To reach the reporter behind this story, contact ann.lee@gazette.example.</em></p>`,
			want:    []string{"promised a public meeting"},
			wantNot: []string{"ann.lee@"},
		},
		{
			name:    "agency staff line closing the story",
			after:   `<p>Reporting by Ann Lee in Harbourtown and Tom Fry in Rivermouth; additional reporting by Kim Dale; editing by Sam Moss and Jo Park</p>`,
			want:    []string{"promised a public meeting"},
			wantNot: []string{"Reporting by"},
		},
		{
			name: "cards of other stories under the story",
			after: `<div class="grid">
<div><a href="/a"><img src="/a.jpg"></a><a href="/a">Ferry fares to rise</a><p>The operator says fuel costs have doubled.</p></div>
<div><a href="/b"><img src="/b.jpg"></a><a href="/b">New lighthouse museum</a><p>It opens on Saturday with free entry.</p></div>
<div><a href="/c"><img src="/c.jpg"></a><a href="/c">Harbour swim returns</a><p>Two hundred swimmers have signed up.</p></div></div>`,
			want:    []string{"promised a public meeting"},
			wantNot: []string{"Ferry fares", "lighthouse", "swimmers"},
		},
		{
			name: "steps with pictures stay",
			after: `<div class="steps">
<div><img src="/1.jpg"><p>First the engineers drill a core from each pier to test the stone.</p></div>
<div><img src="/2.jpg"><p>Then divers fit steel collars around the two piers that have sunk.</p></div>
<div><img src="/3.jpg"><p>Last, the road deck is lifted and set down on new bearings.</p></div></div>`,
			want: []string{"drill a core", "steel collars", "new bearings"},
		},
		{
			name:    "cookie notice without a name",
			after:   `<div><p>We use cookies to make this site work and to measure how it is used. By clicking OK you agree to their use; you can withdraw consent at any time in the settings.</p></div>`,
			want:    []string{"promised a public meeting"},
			wantNot: []string{"cookies"},
		},
		{
			name:  "a story about cookies stays",
			after: `<p>The regulator said sites that set cookies without asking must change their banners by June or face fines.</p>`,
			want:  []string{"sites that set cookies"},
		},
		{
			name:    "section title left over a dropped box",
			before:  `<p>The bridge has carried traffic across the harbour for more than a century, and it is listed.</p><h2>Related</h2><ul class="related-links"><li><a href="/a">Ferry fares to rise</a></li><li><a href="/b">Bridge history</a></li></ul>`,
			want:    []string{"more than a century", "The city council voted"},
			wantNot: []string{"Related", "Ferry fares"},
		},
		{
			name:    "note on the writer closing the story",
			after:   `<p><em>Ann Lee is a senior reporter for the Gazette who covers transport and the harbour.</em></p>`,
			want:    []string{"promised a public meeting"},
			wantNot: []string{"senior reporter"},
		},
		{
			name:   "a writer named inside the story stays",
			before: `<p>Ann Lee is a senior reporter for the Gazette, and her report on the piers last year first raised the alarm.</p>`,
			want:   []string{"her report on the piers"},
		},
		{
			name:    "nested article teasers",
			after:   `<div><article><a href="/a">Ferry fares to rise in April</a><p>The operator says fuel costs have doubled.</p></article><article><a href="/b">Lighthouse museum opens</a><p>Entry is free on Saturday.</p></article></div>`,
			want:    []string{"promised a public meeting"},
			wantNot: []string{"Ferry fares", "fuel costs", "Entry is free"},
		},
		{
			name:    "newsletter box without a name",
			before:  `<p>Engineers first raised the alarm about the piers of the old harbour bridge two years ago.</p><div><h3>Get the Morning Tide</h3><p>Our top stories, in your inbox every weekday.</p><a href="/nl">Sign up</a></div>`,
			want:    []string{"Engineers first raised", "The city council voted"},
			wantNot: []string{"Morning Tide", "in your inbox"},
		},
		{
			name:  "a paragraph on newsletters stays",
			after: `<div><p>The council will post updates on the works in its weekly newsletter, which residents can <a href="/nl">subscribe to online</a>.</p><p>A hotline will also open in March for questions about the diversions.</p></div>`,
			want:  []string{"weekly newsletter", "hotline will also open"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<!DOCTYPE html><html lang="en"><head><title>Harbour bridge to close to cars</title></head><body>
<nav><a href="/">Home</a> <a href="/city/">City</a> <a href="/sport/">Sport</a></nav>
<article><h1>Harbour bridge to close to cars</h1>` + tt.before + ruleArticle + tt.after + `</article>
<footer><p>The Harbour Gazette</p></footer></body></html>`
			art, err := Clean(strings.NewReader(page), "https://gazette.example/city/bridge")
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(art.Text, w) {
					t.Errorf("text lacks %q:\n%s", w, art.Text)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(art.Text, w) {
					t.Errorf("text has %q:\n%s", w, art.Text)
				}
			}
		})
	}
}

// TestGalleryCaptions checks that captions are left out of an article
// with a picture, but kept when they tell the story of a gallery.
func TestGalleryCaptions(t *testing.T) {
	slide := func(n int) string {
		return `<figure><img src="/p.jpg"><figcaption class="slide-caption"><p>Step ` + string(rune('0'+n)) +
			`: fold the cardboard along the marked line, glue the two flaps together and leave the mask to dry overnight before painting it.</p></figcaption></figure>`
	}
	gallery := `<html><body><nav><a href="/">Home</a></nav><article class="gallery"><h1>Five masks to make at home</h1><div class="intro"><p>Rainy weekends call for a project, and these paper masks need nothing more than a cereal box, glue and a few pots of paint.</p></div>`
	for i := 1; i <= 5; i++ {
		gallery += slide(i)
	}
	gallery += `</article></body></html>`
	news := `<html><body><article><h1>Bridge to close</h1><figure><img src="/b.jpg"><figcaption>The old harbour bridge, seen from the ferry terminal on a grey winter morning last year.</figcaption></figure>` + ruleArticle + `</article></body></html>`
	tests := []struct {
		name, page, want, wantNot string
	}{
		{"gallery keeps captions", gallery, "Step 3: fold the cardboard", ""},
		{"article drops caption", news, "The city council voted", "seen from the ferry terminal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art, err := Clean(strings.NewReader(tt.page), "https://gazette.example/a")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(art.Text, tt.want) {
				t.Errorf("text lacks %q:\n%s", tt.want, art.Text)
			}
			if tt.wantNot != "" && strings.Contains(art.Text, tt.wantNot) {
				t.Errorf("text has %q:\n%s", tt.wantNot, art.Text)
			}
		})
	}
}

func TestCreditLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Firefighters work through the night on Main Street. (AP Photo/Jane Roe)", true},
		{"Der Minister am Montag in Berlin. (picture alliance / dpa / Max Muster)", true},
		{"A tree rests on a car on Elm Street on Wednesday night. John Smith/Getty Images", true},
		{"Nowa platforma handlu, fot. shutterstock", true},
		{"Photo by Jane Roe", true},
		{"A tree rests on a car on Elm Street on Wednesday night. Mark Lee/Metro Daily", true},
		{"The event takes place on the Marktplatz in Halle/Saale", false},
		{"Both machines talk to each other over TCP/IP", false},
		{"Image source, Getty Images", true},
		{"Image caption, The bridge was closed to cars on Tuesday", true},
		{"Der Minister besucht am Montag die neue Werft in Bremen, wo künftig die Schiffe für die Küstenwache gebaut werden sollen. © Werft GmbH", true},
		{"The council met on Tuesday (the third meeting this month).", false},
		{"The artist said she had drawn him spontaneously, she told AFP.", false},
		{"The exhibition opens with a photo by a local artist of the old harbour bridge.", false},
	}
	for _, tt := range tests {
		if got := creditLine(tt.line); got != tt.want {
			t.Errorf("creditLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestTitleLead checks that a standfirst printed between the title and
// the article container, apart from it, is taken into the text.
func TestTitleLead(t *testing.T) {
	page := `<html lang="en"><head><title>Bridge to close to cars</title></head><body>
<div class="nav"><a href="/">Home</a> <a href="/city">City</a> <a href="/sport">Sport</a></div>
<div class="wrap"><div class="head"><h1>Harbour bridge to close to cars</h1>
<p class="dek">Engineers found that two piers had sunk, and the council acted within a week of their report on the old crossing.</p>
<p>Published 14 March 2024</p>
<div class="tools"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a> <a href="#">Email</a> <a href="#">Print</a> <a href="#">Save this article for later</a></div>
<div class="video"><a href="/v">Watch: the bridge from the air, filmed by a drone over the harbour last week</a><ul><li><a href="/v2">Ferry timetable for the months of the works</a></li><li><a href="/v3">How the piers were built a century ago</a></li></ul></div></div>
<div class="text">` + ruleArticle + `</div></div>
<div class="side"><h3>Latest</h3><ul><li><a href="/1">Fair opens on Friday</a></li></ul></div></body></html>`
	art, err := Clean(strings.NewReader(page), "https://gazette.example/city/bridge")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(art.Text, "Engineers found that two piers had sunk") {
		t.Errorf("text does not open with the standfirst:\n%s", art.Text)
	}
	for _, w := range []string{"Published", "Facebook", "Watch:", "Ferry timetable"} {
		if strings.Contains(art.Text, w) {
			t.Errorf("text has %q:\n%s", w, art.Text)
		}
	}
}

func TestClassifyNames(t *testing.T) {
	tests := []struct {
		names string
		want  hint
	}{
		{"comp disclosure", hintStrongNeg},
		{"c-letters-cta", hintWeakNeg},
		{"contentHeader has-sharing", hintPos},
		{"layout no-sidebar with-related", 0},
		{"share-bar", hintStrongNeg},
		{"post-author", hintWeakNeg},
		{"entry-meta", hintWeakNeg},
		{"article__tags", hintWeakNeg},
		{"article-header", hintPos | hintWeakNeg},
		{"article-teaser", hintPos | hintWeakNeg},
		{"article-body", hintPos},
		{"slide ssr-hide", 0},
		{"hide-mobile", 0},
		{"story-recirc", hintPos | hintStrongNeg},
		{"up-next-list", hintStrongNeg},
	}
	for _, tt := range tests {
		if got := classifyNames(tt.names); got != tt.want {
			t.Errorf("classifyNames(%q) = %b, want %b", tt.names, got, tt.want)
		}
	}
}

// TestCaptionLead checks that a standfirst printed as the caption of the
// picture at the top of the article is kept, while other captions go.
func TestCaptionLead(t *testing.T) {
	dek := "Engineers found that two piers of the old harbour bridge had sunk, and the council acted within a week of their report."
	page := `<html lang="en"><head><title>Bridge to close</title><meta name="description" content="` + dek + `"></head><body>
<div class="nav"><a href="/">Home</a> <a href="/city">City</a></div>
<article><h1>Harbour bridge to close to cars</h1>
<figure><img src="/b.jpg"><figcaption>` + dek + `</figcaption></figure>` + ruleArticle + `
<figure><img src="/c.jpg"><figcaption>Ferries at the harbour on a calm morning, seen from the old lighthouse on the point.</figcaption></figure>
<p>Work on the piers is expected to start in the spring and to take about two years, the city engineer said.</p></article></body></html>`
	art, err := Clean(strings.NewReader(page), "https://gazette.example/city/bridge")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(art.Text, "Engineers found that two piers") {
		t.Errorf("text does not open with the standfirst:\n%s", art.Text)
	}
	if strings.Contains(art.Text, "Ferries at the harbour") {
		t.Errorf("text has the caption of the second picture:\n%s", art.Text)
	}
}

// TestBrokenLines checks that the title and byline at the top of a text
// set as one block split by <br> (in a layout table cell) are trimmed
// like separate lines, while a text made only of short lines is kept.
func TestBrokenLines(t *testing.T) {
	story := strings.ReplaceAll(strings.ReplaceAll(ruleArticle, "<p>", ""), "</p>", "<br><br>")
	tests := []struct {
		name, cell    string
		want, wantNot []string
	}{
		{
			name:    "title and byline above the story",
			cell:    `<font size="5"><b>Harbour bridge to close to cars</b></font><br><i>By Tom Burke, Staff Writer</i><br><br>` + story,
			want:    []string{"The city council voted", "promised a public meeting"},
			wantNot: []string{"Harbour bridge to close", "Tom Burke"},
		},
		{
			name: "a poem of short lines",
			cell: strings.Repeat("The tide comes in across the sand<br>and leaves again before the night<br>the boats lie still upon the strand<br>", 4) +
				`This poem was written for the reopening of the harbour walk last summer by a pupil of the school on the hill.`,
			want: []string{"The tide comes in across the sand"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html><head><title>Harbour bridge to close to cars</title></head><body><table><tr>
<td class="menu"><a href="/">Home</a><br><a href="/local">Local</a><br><a href="/sports">Sports</a></td>
<td>` + tt.cell + `</td></tr></table></body></html>`
			art, err := Clean(strings.NewReader(page), "https://gazette.example/bridge.html")
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(art.Text, w) {
					t.Errorf("text lacks %q:\n%s", w, art.Text)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(art.Text, w) {
					t.Errorf("text has %q:\n%s", w, art.Text)
				}
			}
		})
	}
}

// TestSplitArticle checks that an article split in two by a box of links
// keeps both parts, and that a second article beside it is not taken in.
func TestSplitArticle(t *testing.T) {
	links := `<section class="module"><h2>Latest news</h2><ul>` + strings.Repeat(`<li><a href="/n">School closes after roof collapse in the storm on Sunday</a></li>`, 8) + `</ul></section>`
	part2 := `<section><div class="txt"><p>Opponents said the closure would hurt shops on both banks, and traders will ask the council to pay for extra ferries.</p>
<p>Engineers expect the repairs to take two years and to cost less than a new bridge would, the council said.</p></div></section>`
	other := `<section><div class="txt"><h1>Fair opens on Friday</h1><p>The autumn fair opens on Friday with more rides than ever before, and the organisers expect record crowds over the weekend.</p></div></section>`
	page := func(after string) string {
		return `<html><head><title>Harbour bridge to close</title></head><body><div class="nav"><a href="/">Home</a> <a href="/city">City</a></div>
<main><h1>Harbour bridge to close</h1><section><div class="txt">` + ruleArticle + `</div></section>` + links + after + `</main></body></html>`
	}
	tests := []struct {
		name, after, want, wantNot string
	}{
		{"second part", part2, "Opponents said the closure", ""},
		{"another article", other, "promised a public meeting", "autumn fair"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art, err := Clean(strings.NewReader(page(tt.after)), "https://gazette.example/city/bridge")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(art.Text, tt.want) || !strings.Contains(art.Text, "The city council voted") {
				t.Errorf("text lacks %q or the first part:\n%s", tt.want, art.Text)
			}
			if tt.wantNot != "" && strings.Contains(art.Text, tt.wantNot) {
				t.Errorf("text has %q:\n%s", tt.wantNot, art.Text)
			}
			if strings.Contains(art.Text, "School closes") {
				t.Errorf("text has the links between the parts:\n%s", art.Text)
			}
		})
	}
}

func TestDatelineLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"By Jane Doe and John Smith, Reuters", true},
		{"By JANE DOE | Staff Writer", true},
		{"Von Max Muster und Erika Mustermann", true},
		{"Updated 6:45 AM EDT, Thu March 14, 2024", true},
		{"By Tuesday afternoon the river had risen two metres and the army was called in.", false},
		{"Von Montag an gilt in der ganzen Stadt die neue Regel für Radfahrer.", false},
	}
	for _, tt := range tests {
		if got := datelineLine(tt.line); got != tt.want {
			t.Errorf("datelineLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestSectionHeading(t *testing.T) {
	tests := []struct {
		heading string
		want    bool
	}{
		{"About the author", true},
		{"Related articles:", true},
		{"Don’t miss", true},
		{"Editor's picks", true},
		{"MORE NEWS", true},
		{"What happens next", false},
		{"Related costs rose sharply", false},
	}
	for _, tt := range tests {
		if got := sectionHeading(tt.heading); got != tt.want {
			t.Errorf("sectionHeading(%q) = %v, want %v", tt.heading, got, tt.want)
		}
	}
}

func TestAdLabel(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Advertisement", true},
		{"- Anzeige -", true},
		{"ANZEIGE - Heute mal essen gehen? Wie wäre es mit:", true},
		{"Sponsored: Five tips for a cheaper energy bill", true},
		{"Ads on buses will be banned from next year, the council said.", false},
		{"The advertisement ran for two weeks.", false},
	}
	for _, tt := range tests {
		if got := adLabel(tt.line); got != tt.want {
			t.Errorf("adLabel(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestWidgetLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Share on Facebook", true},
		{"Image 3 of 12", true},
		{"Bild 1 von 10", true},
		{"View this post on Instagram", true},
		{"A post shared by Ann Lee (@annlee)", true},
		{"Photo 2/8", true},
		{"Advertisement - Continue Reading Below", true},
		{"Image 3 of the series shows the old bridge", false},
		{"Sharing the cost was the hardest part", false},
	}
	for _, tt := range tests {
		if got := widgetLine(tt.line); got != tt.want {
			t.Errorf("widgetLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
