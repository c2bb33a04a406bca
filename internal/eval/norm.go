package eval

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalize folds a name for comparison: lower case, accents removed,
// punctuation turned into spaces, spaces collapsed ("États-Unis" and
// "Etats Unis" both give "etats unis").
func Normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// stopwords are function words of the gold languages, ignored when values
// are compared by content words.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
le la les l un une des de du d au aux a à et ou ni mais que qu qui quoi dont ce cet cette ces
son sa ses leur leurs notre nos votre vos mon ma mes ton ta tes en y ne pas plus se s il elle ils elles
on nous vous je tu me te lui eux est sont sur dans par pour avec sans sous vers chez entre comme tout tous
the an of to in on at for with by from and or but not no is are was were be been it its this that these those
as into than then so such we you they he she i me my our your their his her them us will would has have had do does did
der die das den dem des ein eine und oder zu im mit von el los las un una y o del al lo con por para il lo gli e di da`) {
		m[Normalize(w)] = true
	}
	return m
}()

// contentWords returns the normalised words of s that are not function words.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(Normalize(s)) {
		if !stopwords[w] {
			out = append(out, w)
		}
	}
	return out
}

// headWords returns the head word of a role or short value: the last
// content word before "of"/"for" in English ("Foreign Minister" →
// minister, "Secretary of State" → secretary), and the first content word
// in the Romance and other languages ("ministre des affaires étrangères" →
// ministre).
func headWords(value, lang string) []string {
	words := strings.Fields(Normalize(value))
	if lang == "en" || lang == "de" || lang == "nl" {
		var last string
		for _, w := range words {
			if w == "of" || w == "for" {
				break
			}
			if !stopwords[w] {
				last = w
			}
		}
		if last == "" {
			return nil
		}
		return []string{last}
	}
	for _, w := range words {
		if !stopwords[w] {
			return []string{w}
		}
	}
	return nil
}

// valueMatches reports whether an output value states the gold value: for
// said, at least half of the gold's content words appear in the output;
// otherwise the output contains the gold's head word.
func valueMatches(typ, gold, out, lang string) bool {
	have := map[string]bool{}
	for _, w := range strings.Fields(Normalize(out)) {
		have[w] = true
	}
	if typ == "said" {
		cw := contentWords(gold)
		if len(cw) == 0 {
			return Normalize(gold) == Normalize(out)
		}
		n := 0
		for _, w := range cw {
			if have[w] {
				n++
			}
		}
		return 2*n >= len(cw)
	}
	heads := headWords(gold, lang)
	if len(heads) == 0 {
		return Normalize(gold) == Normalize(out)
	}
	for _, h := range heads {
		if !have[h] {
			return false
		}
	}
	return true
}
