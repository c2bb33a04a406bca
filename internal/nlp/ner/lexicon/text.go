package lexicon

import "strings"

// ReadCoNLLU returns the word forms of each sentence of a CoNLL-U file
// (gzip or plain); multi-word token ranges and empty nodes are skipped.
func ReadCoNLLU(path string) ([][]string, error) {
	var out [][]string
	var cur []string
	err := eachLine(path, func(l string) {
		if strings.TrimSpace(l) == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			return
		}
		if strings.HasPrefix(l, "#") {
			return
		}
		f := strings.SplitN(l, "\t", 3)
		if len(f) < 2 || strings.ContainsAny(f[0], "-.") {
			return
		}
		cur = append(cur, f[1])
	})
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, err
}
