package actors

import (
	"strings"
	"testing"
)

// unMembers are the 193 Member States as the UN's press releases name
// them in recorded votes.
var unMembers = []string{
	"Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Antigua and Barbuda", "Argentina",
	"Armenia", "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados",
	"Belarus", "Belgium", "Belize", "Benin", "Bhutan", "Bolivia (Plurinational State of)",
	"Bosnia and Herzegovina", "Botswana", "Brazil", "Brunei Darussalam", "Bulgaria", "Burkina Faso",
	"Burundi", "Cabo Verde", "Cambodia", "Cameroon", "Canada", "Central African Republic", "Chad",
	"Chile", "China", "Colombia", "Comoros", "Congo", "Costa Rica", "Côte d’Ivoire", "Croatia", "Cuba",
	"Cyprus", "Czechia", "Democratic People’s Republic of Korea", "Democratic Republic of the Congo",
	"Denmark", "Djibouti", "Dominica", "Dominican Republic", "Ecuador", "Egypt", "El Salvador",
	"Equatorial Guinea", "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland", "France",
	"Gabon", "Gambia", "Georgia", "Germany", "Ghana", "Greece", "Grenada", "Guatemala", "Guinea",
	"Guinea-Bissau", "Guyana", "Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia",
	"Iran (Islamic Republic of)", "Iraq", "Ireland", "Israel", "Italy", "Jamaica", "Japan", "Jordan",
	"Kazakhstan", "Kenya", "Kiribati", "Kuwait", "Kyrgyzstan", "Lao People’s Democratic Republic",
	"Latvia", "Lebanon", "Lesotho", "Liberia", "Libya", "Liechtenstein", "Lithuania", "Luxembourg",
	"Madagascar", "Malawi", "Malaysia", "Maldives", "Mali", "Malta", "Marshall Islands", "Mauritania",
	"Mauritius", "Mexico", "Micronesia (Federated States of)", "Monaco", "Mongolia", "Montenegro",
	"Morocco", "Mozambique", "Myanmar", "Namibia", "Nauru", "Nepal", "Netherlands (Kingdom of the)",
	"New Zealand", "Nicaragua", "Niger", "Nigeria", "North Macedonia", "Norway", "Oman", "Pakistan",
	"Palau", "Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines", "Poland", "Portugal",
	"Qatar", "Republic of Korea", "Republic of Moldova", "Romania", "Russian Federation", "Rwanda",
	"Saint Kitts and Nevis", "Saint Lucia", "Saint Vincent and the Grenadines", "Samoa", "San Marino",
	"Sao Tome and Principe", "Saudi Arabia", "Senegal", "Serbia", "Seychelles", "Sierra Leone",
	"Singapore", "Slovakia", "Slovenia", "Solomon Islands", "Somalia", "South Africa", "South Sudan",
	"Spain", "Sri Lanka", "Sudan", "Suriname", "Sweden", "Switzerland", "Syria", "Tajikistan",
	"Thailand", "Timor-Leste", "Togo", "Tonga", "Trinidad and Tobago", "Tunisia", "Türkiye",
	"Turkmenistan", "Tuvalu", "Uganda", "Ukraine", "United Arab Emirates", "United Kingdom",
	"United Republic of Tanzania", "United States", "Uruguay", "Uzbekistan", "Vanuatu",
	"Venezuela (Bolivarian Republic of)", "Viet Nam", "Yemen", "Zambia", "Zimbabwe",
}

// TestUNMembers runs Find over a recorded-vote list of all 193 Member
// States, as a press release prints it: each name must be found whole,
// and the codes must all differ.
func TestUNMembers(t *testing.T) {
	if len(unMembers) != 193 {
		t.Fatalf("%d members listed, want 193", len(unMembers))
	}
	text := "In favour: " + strings.Join(unMembers, ", ") + "."
	ms := Find(text)
	seen := map[string]string{}
	k := 0
	for _, m := range ms {
		if k < len(unMembers) && m.Text != unMembers[k] {
			t.Errorf("mention %d is %q (%s), want %q", k, m.Text, m.Code, unMembers[k])
		}
		if prev, dup := seen[m.Code]; dup {
			t.Errorf("%q and %q both give %s", prev, m.Text, m.Code)
		}
		seen[m.Code] = m.Text
		k++
	}
	if len(ms) != len(unMembers) {
		t.Errorf("found %d mentions, want %d", len(ms), len(unMembers))
	}
	// The same list with line breaks, as under a heading.
	ms = Find("Countries that abstained:\n" + strings.Join(unMembers, "\n"))
	if len(ms) != len(unMembers) {
		t.Errorf("line-broken list: found %d mentions, want %d", len(ms), len(unMembers))
	}
}
