package resolve

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

var (
	resolverOnce sync.Once
	resolver     *Resolver
	resolverErr  error
)

// testResolver loads the full resolver once for all tests.
func testResolver(t testing.TB) *Resolver {
	t.Helper()
	resolverOnce.Do(func() { resolver, resolverErr = Load() })
	require.NoError(t, resolverErr)
	return resolver
}

// tokenize is a small stand-in for the project tokenizer: words (with inner
// hyphens and dots of abbreviations), an elided article with its
// apostrophe ("l’"), and single punctuation marks; sentences end at . ! ?
// before a space, and at line breaks.
func tokenize(s string) text.Doc {
	rs := []rune(s)
	doc := text.Doc{Text: s}
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(rs); {
		r := rs[i]
		if unicode.IsSpace(r) {
			i++
			continue
		}
		j := i + 1
		if word(r) {
			for j < len(rs) && (word(rs[j]) || rs[j] == '-' && j+1 < len(rs) && word(rs[j+1])) {
				j++
			}
			if j < len(rs) && (rs[j] == '\'' || rs[j] == '’') && j-i <= 2 && j+1 < len(rs) && word(rs[j+1]) {
				j++ // l’, d’, qu’
			}
		}
		doc.Tokens = append(doc.Tokens, text.Token{Text: string(rs[i:j]), Norm: string(rs[i:j]), Start: i, End: j,
			SpaceBefore: i > 0 && unicode.IsSpace(rs[i-1])})
		i = j
	}
	first := 0
	for k, t := range doc.Tokens {
		end := k == len(doc.Tokens)-1
		if !end {
			next := doc.Tokens[k+1]
			gap := string(rs[t.End:next.Start])
			end = (t.Text == "." || t.Text == "!" || t.Text == "?") && gap != "" || strings.Contains(gap, "\n")
		}
		if end {
			doc.Sentences = append(doc.Sentences, text.Sentence{First: first, Last: k + 1,
				Start: doc.Tokens[first].Start, End: t.End})
			first = k + 1
		}
	}
	return doc
}

var typeNames = map[string]string{"PER": Person, "ORG": Organization, "LOC": Location, "MISC": Misc,
	"DATE": "DATE", "TIME": "TIME", "MONEY": "MONEY", "PERCENT": "PERCENT", "QUANTITY": "QUANTITY"}

// goldMention is an annotated span: its cluster and, for NOM, a title
// phrase the resolver should attach (it is not given as input).
type goldMention struct {
	field, start, end int
	typ, cluster      string
}

// parseMarked strips "[text|TYPE|cluster|value]" marks (cluster and value
// optional) from s, returning the plain text and the marks. TYPE NOM marks
// a nominal phrase that is not given to the resolver; a mark nested in
// another is written with braces: "[le chef du {Kremlin|ORG|k}|NOM|putin]".
func parseMarked(s string) (string, []goldMention, []string, error) {
	var b []rune
	var out []goldMention
	var values []string
	var parse func(rs []rune, closer rune) (int, error)
	parse = func(rs []rune, closer rune) (int, error) {
		for i := 0; i < len(rs); i++ {
			r := rs[i]
			if r == closer {
				return i, nil
			}
			if r != '[' && r != '{' {
				b = append(b, r)
				continue
			}
			cl := ']'
			if r == '{' {
				cl = '}'
			}
			start := len(b)
			n, err := parse(rs[i+1:], cl)
			if err != nil {
				return 0, err
			}
			if i+1+n >= len(rs) {
				return 0, fmt.Errorf("unclosed mark at %d", i)
			}
			// b now holds text|TYPE|cluster|value from start on.
			parts := strings.Split(string(b[start:]), "|")
			if len(parts) < 2 {
				return 0, fmt.Errorf("mark %q: want text|TYPE", string(b[start:]))
			}
			b = append(b[:start], []rune(parts[0])...)
			g := goldMention{start: start, end: len(b), typ: parts[1]}
			if len(parts) > 2 {
				g.cluster = parts[2]
			}
			v := ""
			if len(parts) > 3 {
				v = parts[3]
			}
			if _, ok := typeNames[g.typ]; !ok && g.typ != "NOM" {
				return 0, fmt.Errorf("mark %q: unknown type", string(rs[i:i+2+n]))
			}
			out = append(out, g)
			values = append(values, v)
			i += 1 + n
		}
		if closer != 0 {
			return len(rs), nil
		}
		return len(rs), nil
	}
	if _, err := parse([]rune(s), 0); err != nil {
		return "", nil, nil, err
	}
	return string(b), out, values, nil
}

// build makes an analysis of a marked headline and body: the marks become
// the input mentions (confidence 0.9), except NOM marks, returned as gold.
func build(t testing.TB, lang, headline, body string) (*analysis.Analysis, []goldMention) {
	t.Helper()
	a := &analysis.Analysis{Lang: lang}
	var gold []goldMention
	for f, s := range []string{headline, body} {
		plain, marks, values, err := parseMarked(s)
		require.NoError(t, err)
		doc := tokenize(plain)
		a.Fields = append(a.Fields, analysis.Field{Name: []string{"headline", "body"}[f], Doc: doc})
		for k, g := range marks {
			g.field = f
			gold = append(gold, g)
			if g.typ == "NOM" {
				continue
			}
			m := analysis.Mention{Field: f, Start: g.start, End: g.end, Text: string([]rune(plain)[g.start:g.end]),
				Type: typeNames[g.typ], Confidence: 0.9, Value: values[k], Entity: -1, TokStart: -1, TokEnd: -1}
			for ti, tok := range doc.Tokens {
				if tok.Start == g.start {
					m.TokStart = ti
				}
				if tok.End == g.end {
					m.TokEnd = ti + 1
				}
			}
			require.True(t, m.TokStart >= 0 && m.TokEnd > m.TokStart, "mark %q does not align with tokens", m.Text)
			for si, st := range doc.Sentences {
				if m.TokStart >= st.First && m.TokStart < st.Last {
					m.Sent = si
				}
			}
			a.Mentions = append(a.Mentions, m)
		}
	}
	return a, gold
}

// entityOf returns the entity holding a mention with exactly this text
// (first found), or nil.
func entityOf(a *analysis.Analysis, text string) *analysis.Entity {
	for _, m := range a.Mentions {
		if m.Text == text && m.Entity >= 0 {
			return &a.Entities[m.Entity]
		}
	}
	return nil
}

func entityNamed(a *analysis.Analysis, name string) *analysis.Entity {
	for i := range a.Entities {
		if a.Entities[i].Name == name {
			return &a.Entities[i]
		}
	}
	return nil
}
