package extract

// knownLeaders are heads of state or government a reader knows by
// surname alone, with their country: "Putin said" speaks for Russia
// though the text never names his office. Only surnames that name one
// such person in the news; a text that introduces the name with another
// country's office wins (see peopleOf). Years in office are noted for
// whoever updates the list.
var knownLeaders = map[string]string{
	"Putin":      "RUS", // 2000-2008, 2012-
	"Medvedev":   "RUS", // 2008-2012, then prime minister to 2020
	"Zelensky":   "UKR", // 2019-
	"Zelenskyy":  "UKR",
	"Netanyahu":  "ISR", // 1996-1999, 2009-2021, 2022-
	"Erdogan":    "TUR", // 2003-
	"Erdoğan":    "TUR",
	"Modi":       "IND", // 2014-
	"Macron":     "FRA", // 2017-
	"Merkel":     "DEU", // 2005-2021
	"Scholz":     "DEU", // 2021-2025
	"Maduro":     "VEN", // 2013-2026
	"Lukashenko": "BLR", // 1994-
	"Kishida":    "JPN", // 2021-2024
	"Trump":      "USA", // 2017-2021, 2025-
	"Biden":      "USA", // 2021-2025
	"Obama":      "USA", // 2009-2017
	"Sunak":      "GBR", // 2022-2024
	"Starmer":    "GBR", // 2024-
	"Orbán":      "HUN", // 1998-2002, 2010-
	"Orban":      "HUN",
	"Milei":      "ARG", // 2023-
	"Bolsonaro":  "BRA", // 2019-2022
}
