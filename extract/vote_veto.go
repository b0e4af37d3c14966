package extract

// permanentMembers hold a veto in the Security Council.
var permanentMembers = map[string]bool{"CHN": true, "FRA": true, "RUS": true, "GBR": true, "USA": true}
