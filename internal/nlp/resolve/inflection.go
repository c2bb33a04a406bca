package resolve

import "strings"

// weakForms returns the words of a German organisation's or work's name
// with the adjective endings of all but its last word made one ("-en",
// "-em", "-er", "-es" read as "-e"), so that its cases name it alike:
// "Deutschen Bahn" and "Deutsche Bahn", "Deutschem Roten Kreuz" and
// "Deutsches Rotes Kreuz". Function words and words of fewer than five
// letters stay; toks itself is never changed.
func (s *state) weakForms(toks []string) []string {
	var out []string
	for i, w := range toks[:len(toks)-1] {
		if len(w) < 5 || s.stop(w) {
			continue
		}
		for _, end := range [...]string{"en", "em", "er", "es"} {
			if base, ok := strings.CutSuffix(w, end); ok {
				if out == nil {
					out = append([]string(nil), toks...)
				}
				out[i] = base + "e"
				break
			}
		}
	}
	if out == nil {
		return toks
	}
	return out
}
