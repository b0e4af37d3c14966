package extract

// stances finds actors' stated support for or opposition to other actors.
func (d *document) stances() []Stance { return nil }
