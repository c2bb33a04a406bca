package relate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// minQuoteWords is the least number of words of a quote read as a
// statement; shorter ones (« entier soutien », "scare quotes") are terms.
const minQuoteWords = 4

func isOpenQuote(s string) bool  { return s == "«" || s == "“" || s == "„" || s == "‹" }
func isCloseQuote(s string) bool { return s == "»" || s == "”" || s == "›" }
func isStraight(s string) bool   { return s == "\"" }

// findQuotes pairs quote marks over the field and marks the tokens of
// statement quotes.
func (st *state) findQuotes(fc *fieldCtx) {
	toks := fc.doc.Tokens
	open, straight := -1, -1
	var nl []bool
	for i, t := range toks {
		if (isStraight(t.Text) && straight >= 0 || isOpenQuote(t.Text) && open >= 0) && i > 0 {
			if nl == nil {
				nl = newlineBefore(fc.doc)
			}
			o := straight
			if !isStraight(t.Text) {
				o = open
			}
			if nl[i] {
				// A quote that runs over paragraphs leaves its paragraph
				// open and opens the next one again: the first part ends
				// with its paragraph and goes on in the next quote.
				fc.addQuote(o, i)
				if n := len(fc.qs); n > 0 && fc.qs[n-1].open == o {
					fc.qs[n-1].cont = true
				}
				if isStraight(t.Text) {
					straight = i
				} else {
					open = i
				}
				continue
			}
			if isStraight(t.Text) && t.SpaceBefore && fc.hasNewline(nl, o, i) {
				// An opening mark never closed in its paragraph: this one,
				// spaced as an opening mark, opens a quote of its own (one
				// glued to the word before it closes a quote over lines).
				straight = i
				continue
			}
		}
		switch {
		case t.Text == "“" && open >= 0 && toks[open].Text == "„":
			// German „…“
			fc.addQuote(open, i)
			open = -1
		case isStraight(t.Text) && straight < 0 && open >= 0 && toks[open].Text == "„" && !t.SpaceBefore:
			// „…" where the closing mark was typed straight.
			fc.addQuote(open, i)
			open = -1
		case isOpenQuote(t.Text):
			open = i
		case isCloseQuote(t.Text) && open >= 0:
			fc.addQuote(open, i)
			open = -1
		case isStraight(t.Text):
			if straight < 0 {
				straight = i
			} else {
				fc.addQuote(straight, i)
				straight = -1
			}
		}
	}
}

// titleCase reports whether the words of four letters or more of tokens
// [a, b) all start with a capital: the title of a work ("Queen of the
// Damned", "The Thing Called Love"), not a statement.
func (fc *fieldCtx) titleCase(a, b int) bool {
	n := 0
	for k := a; k < b; k++ {
		w := fc.doc.Tokens[k].Text
		if utf8.RuneCountInString(w) < 4 || !unicode.IsLetter([]rune(w)[0]) {
			continue
		}
		if !startsUpper(w) {
			return false
		}
		n++
	}
	return n >= 2
}

// newlineBefore marks the tokens that a line break precedes.
func newlineBefore(doc *text.Doc) []bool {
	nl := make([]bool, len(doc.Tokens))
	k, pos, seen := 0, 0, false
	for _, r := range doc.Text {
		for k < len(doc.Tokens) && doc.Tokens[k].Start <= pos {
			nl[k], seen = seen, false
			k++
		}
		if r == '\n' {
			seen = true
		}
		pos++
	}
	return nl
}

// hasNewline reports whether a line break stands between tokens a and b.
func (fc *fieldCtx) hasNewline(nl []bool, a, b int) bool {
	for k := a + 1; k <= b; k++ {
		if nl[k] {
			return true
		}
	}
	return false
}

func (fc *fieldCtx) addQuote(o, c int) {
	// Words of two letters or more: "100 millions d'euros" is a figure,
	// not a statement.
	words := 0
	for i := o + 1; i < c; i++ {
		if len([]rune(fc.keys[i])) >= 2 && !isNumber(fc.keys[i]) {
			words++
		}
	}
	if words < minQuoteWords || c-o > 400 || fc.titleCase(o+1, c) {
		return
	}
	q := len(fc.qs)
	fc.qs = append(fc.qs, quoteSpan{open: o, close: c})
	for i := o; i <= c; i++ {
		fc.quote[i] = q
	}
}

// speakerOK reports whether a unit may be the speaker of a quote.
func speakerOK(u unit) bool { return u.typ == "PERSON" || u.typ == "ORGANIZATION" }

// quotes reads `said` relations: each statement quote attributed to its
// speaker by a verb of saying after it (« … », a déclaré X; "…," X said),
// a source phrase (selon X, according to X) or a verb of saying before it
// (X a déclaré : « … »; X said: "…").
func (st *state) quotes(fc *fieldCtx) {
	type said struct {
		spk, s0, s1 int
		conf        float64
	}
	got := make([]said, len(fc.qs))
	last, lastEnd := -1, -1 // the speaker of the previous quote, its last token
	for qi, q := range fc.qs {
		spk, s0, s1, conf := st.speaker(fc, q)
		if spk < 0 && last >= 0 && fc.goesOn(q, lastEnd, last) {
			spk, s0, s1, conf = last, q.open, q.close+1, 0.6
		}
		got[qi] = said{spk, s0, s1, conf}
		if spk < 0 {
			last = -1
			continue
		}
		last, lastEnd = spk, max(q.close, s1-1)
	}
	// The first part of a quote over paragraphs is its speaker's, named
	// with the next part.
	for qi := len(fc.qs) - 2; qi >= 0; qi-- {
		if got[qi].spk < 0 && fc.qs[qi].cont && got[qi+1].spk >= 0 {
			got[qi] = said{got[qi+1].spk, fc.qs[qi].open, fc.qs[qi].close, 0.6}
		}
	}
	for qi, q := range fc.qs {
		// The comma English puts inside the quotation ("…," she said)
		// is no part of what was said.
		value := strings.TrimRight(fc.span(q.open+1, q.close), ", ")
		if value == "" || got[qi].spk < 0 {
			continue
		}
		g := got[qi]
		st.emit(fc, Said, g.spk, -1, value, "010", g.conf, min(q.open, g.s0), max(q.close+1, g.s1))
	}
}

// goesOn reports whether quote q is a sentence of its own that goes on
// with the quote of speaker spk ending at token end in the sentence just
// before, no other name between them: `"…," X said. "…"`, « … », a dit
// X. « … »`.
func (fc *fieldCtx) goesOn(q quoteSpan, end, spk int) bool {
	lo, hi, sent := sentenceBounds(fc.doc, q.open)
	if q.open != lo || q.close < hi-2 || end >= q.open || sentenceOf(fc.doc, end) != sent-1 {
		return false
	}
	if q.close == hi-2 && fc.keys[hi-1] != "" {
		return false // a word after the closing mark
	}
	for k := end + 1; k < q.open; k++ {
		if u := fc.unit[k]; u >= 0 && fc.units[u].ent != spk {
			return false
		}
	}
	// Not when the next sentence attributes it, cut off by the question
	// or exclamation mark that ends the quote: `"…?" Shojai told …`.
	if t := fc.doc.Tokens[q.close-1].Text; hi < len(fc.keys) && (t == "?" || t == "!") {
		for k := hi; k < min(len(fc.keys), hi+4); k++ {
			if fc.cls[k]&clQuoteVerb != 0 && fc.quote[k] < 0 {
				return false
			}
		}
	}
	return true
}

// speaker finds the speaker entity of quote q and its token span.
func (st *state) speaker(fc *fieldCtx, q quoteSpan) (ent, s0, s1 int, conf float64) {
	_, hi, _ := sentenceBounds(fc.doc, q.close)
	lo, _, _ := sentenceBounds(fc.doc, q.open)
	// 1. A verb of saying after the quote, in its sentence.
	for v := q.close + 1; v < hi; v++ {
		if fc.quote[v] >= 0 || fc.cls[v]&clBoundary != 0 {
			break
		}
		if fc.cls[v]&clQuoteVerb == 0 {
			continue
		}
		// Preposed: ", X said" — the unit just before the verb (aux
		// skipped), before the inverted reading: in ", Putin told Kim"
		// the name after the verb is the addressee.
		j := v - 1
		for j > q.close && fc.cls[j]&clAux != 0 {
			j--
		}
		if u := fc.unit[j]; j > q.close && u >= 0 && speakerOK(fc.units[u]) {
			return fc.units[u].ent, fc.units[u].s, v + 1, 0.85
		}
		// A preposed definite title: `"…," the minister said`.
		if j > q.close && fc.unit[j] < 0 {
			if s := st.titleEndingAt(fc, j+1, q.close+1); s > q.close {
				if tp, ok := st.titleAt(fc, s, j+1); ok {
					if p := st.titleHolder(fc, tp, j+1); p >= 0 {
						return p, s, v + 1, 0.6
					}
				}
			}
		}
		// Preposed pronoun: ", he said", ", he told the newspaper X" (the
		// name after the verb is then the addressee).
		if j > q.close && fc.cls[j]&clSubjPro != 0 && fc.cls[j]&clDet == 0 && (j == q.close+1 || fc.doc.Tokens[j-1].Text == ",") {
			if p := st.recentSubject(fc, q.open, -1, j); p >= 0 {
				return p, j, v + 1, 0.6
			}
		}
		// Inverted: "a déclaré X", "said X", "a-t-il dit"; a title may
		// come first, with its portfolio ("a estimé le porte-parole du
		// ministère pakistanais des Affaires étrangères, X").
		lim := v + 9
		if tp, ok := st.titleAt(fc, v+1, hi); ok {
			lim = max(lim, tp.e+12)
			if p := st.titleHolder(fc, tp, hi); p >= 0 {
				return p, v, tp.e, 0.6
			}
			// The name in apposition to it: "a estimé le président du
			// groupe LR, Olivier Marleix" (not the group).
			if p, e := fc.appositionAfter(tp.e, min(hi, tp.e+6)); p >= 0 {
				return p, v, e, 0.8
			}
		} else {
			// An adverbial first: "a assuré de son côté le ministre de
			// l'Economie, Bruno Le Maire".
			for t := v + 2; t < min(hi, v+5); t++ {
				if fc.quote[t] >= 0 || fc.unit[t] >= 0 || fc.keys[t] == "" && !isApos(fc.doc.Tokens[t].Text) {
					break
				}
				if tp, ok := st.titleAt(fc, t, hi); ok && fc.cls[t]&clDet != 0 {
					lim = max(lim, tp.e+12)
					break
				}
			}
		}
		for j := v + 1; j < min(hi, lim); j++ {
			if fc.quote[j] >= 0 {
				break
			}
			if u := fc.unit[j]; u >= 0 {
				un := fc.units[u]
				if fc.blocked(un, v+1) {
					// "a expliqué à l'AFP Gilles-Éric Séralini": the addressee.
					j = un.e - 1
					continue
				}
				if speakerOK(un) {
					return un.ent, v, un.e, 0.85
				}
				break
			}
			if fc.cls[j]&(clSubjPro) != 0 {
				if p := st.recentSubject(fc, q.open, -1, j); p >= 0 {
					return p, v, j + 1, 0.6
				}
			}
		}
		// Preposed pronoun: ", he said".
		if j > q.close && fc.cls[j]&clSubjPro != 0 {
			if p := st.recentSubject(fc, q.open, -1, j); p >= 0 {
				return p, j, v + 1, 0.6
			}
		}
	}
	// 2. A source phrase anywhere in the sentence(s) of the quote.
	for i := lo; i < hi; i++ {
		if fc.quote[i] >= 0 {
			continue
		}
		for _, src := range st.d.sources {
			if !fc.matchAt(i, src) || fc.quoteBetween(i, q) {
				continue
			}
			j := fc.nextWord(i+len(src), hi)
			if j < hi && fc.unit[j] < 0 {
				// A title first: "according to Treasury Secretary Janet
				// Yellen", "selon la secrétaire générale de la CGT, X".
				if tp, ok := st.titleAt(fc, j, hi); ok && tp.e < hi {
					k := tp.e
					if fc.doc.Tokens[k].Text == "," && k+1 < hi {
						k++
					}
					if u := fc.unit[k]; u >= 0 && fc.units[u].s == k && fc.units[u].typ == "PERSON" {
						j = k
					}
				}
			}
			if j < hi {
				if u := fc.unit[j]; u >= 0 && speakerOK(fc.units[u]) {
					return fc.units[u].ent, i, fc.units[u].e, 0.8
				}
			}
		}
	}
	// 2b. "pour X, « … »": a source that needs its comma.
	for i := lo; i < q.open; i++ {
		for _, src := range st.d.srcComma {
			if !fc.matchAt(i, src) {
				continue
			}
			j := fc.nextWord(i+len(src), q.open)
			if u := fc.unit[min(j, len(fc.unit)-1)]; j < q.open && u >= 0 && speakerOK(fc.units[u]) {
				if e := fc.units[u].e; e < q.open && fc.doc.Tokens[e].Text == "," {
					return fc.units[u].ent, i, e, 0.7
				}
			}
		}
	}
	// 3. A verb of saying before the quote: its clause subject speaks.
	for v := q.open - 1; v >= lo; v-- {
		if fc.quote[v] >= 0 || fc.cls[v]&clBoundary != 0 && fc.doc.Tokens[v].Text != ":" {
			break
		}
		if fc.cls[v]&clQuoteVerb == 0 {
			continue
		}
		cs := st.clauseStart(fc, v, lo)
		if subj, from := st.subjects(fc, cs, v, speakerOK); len(subj) > 0 {
			return subj[0], from, v + 1, 0.8
		}
		// A definite title as the subject: "Le ministre a ajouté : « … »".
		if tp, ok := st.titleAt(fc, cs, v); ok && fc.onlyAux(tp.e, v) {
			if p := st.titleHolder(fc, tp, v); p >= 0 {
				return p, cs, v + 1, 0.6
			}
		}
		// "Les analystes du groupe X estiment que « … »": the organisation.
		for _, u := range fc.units {
			if u.s >= cs && u.e <= v && u.e >= v-2 && u.typ == "ORGANIZATION" && fc.quote[u.s] < 0 {
				return u.ent, u.s, v + 1, 0.6
			}
		}
		// Inverted before the quote: "a déclaré X : « … »".
		for j := v + 1; j < q.open; j++ {
			if u := fc.unit[j]; u >= 0 && speakerOK(fc.units[u]) {
				return fc.units[u].ent, v, fc.units[u].e, 0.8
			}
		}
		break
	}
	return -1, 0, 0, 0
}

// quoteBetween reports whether another quote stands between token i and
// quote q: "D'après X, « … » ; Y a ajouté : « … »" — the source is the
// first quote's only.
func (fc *fieldCtx) quoteBetween(i int, q quoteSpan) bool {
	a, b := i, q.open
	if i > q.close {
		a, b = q.close, i
	}
	for k := a; k < b; k++ {
		if fc.quote[k] >= 0 && fc.quote[k] != fc.quote[q.open] {
			return true
		}
	}
	return false
}

// onlyAux reports whether tokens [a, b) are all auxiliaries.
func (fc *fieldCtx) onlyAux(a, b int) bool {
	for k := a; k < b; k++ {
		if fc.cls[k]&clAux == 0 {
			return false
		}
	}
	return true
}

// appositionAfter is the person named after the first comma in [k, lim)
// when only words of a title's portfolio stand before it (a name among
// them allowed: "du groupe LR, X"): its entity and end, or -1.
func (fc *fieldCtx) appositionAfter(k, lim int) (int, int) {
	for j := k; j < lim; j++ {
		if fc.quote[j] >= 0 || fc.cls[j]&(clQuoteVerb|clPred|clBoundary|clComp) != 0 {
			return -1, 0
		}
		if fc.doc.Tokens[j].Text != "," {
			if fc.keys[j] == "" && !isApos(fc.doc.Tokens[j].Text) {
				return -1, 0
			}
			continue
		}
		if u := fc.unit[j+1]; j+1 < len(fc.unit) && u >= 0 && fc.units[u].typ == "PERSON" {
			return fc.units[u].ent, fc.units[u].e
		}
		return -1, 0
	}
	return -1, 0
}

// titleHolder is the one person of the article that holds the title of
// the definite description tp ("a déclaré le ministre sur BFMTV" after
// "le ministre des Transports, Patrice Vergriete"), when no name follows
// it: -1 when none or several hold a title of that head.
func (st *state) titleHolder(fc *fieldCtx, tp titlePhrase, hi int) int {
	if fc.cls[tp.s]&clDet == 0 || fc.cls[tp.s]&clPoss != 0 || tp.iso != "" || tp.org >= 0 {
		return -1
	}
	k := tp.e
	if k < hi && fc.doc.Tokens[k].Text == "," {
		k++
	}
	if k < hi && (fc.unit[k] >= 0 || startsUpper(fc.doc.Tokens[k].Text) || fc.cls[k]&clOf != 0) {
		return -1 // "a dit le ministre, X", "the minister X", "la presidente del Consiglio"
	}
	title := lexicon.Fold(tp.title)
	who := -1
	for _, r := range st.a.Relations {
		if r.Type != Title || r.Subject == who {
			continue
		}
		// One title the prefix of the other: "le ministre" for "ministre
		// des Transports", "le président de la République" for "président";
		// the head of a premodified one: "the minister" for "Agriculture
		// Minister".
		v := lexicon.Fold(r.Value)
		if v != title && !strings.HasPrefix(v, title+" ") && !strings.HasPrefix(title, v+" ") &&
			(st.d.postAdjective() || !strings.HasSuffix(v, " "+title)) {
			continue
		}
		if who >= 0 {
			return -1
		}
		who = r.Subject
	}
	return who
}

// matchAt reports whether the folded words ws start at token i.
func (fc *fieldCtx) matchAt(i int, ws []string) bool {
	j := i
	for _, w := range ws {
		for j < len(fc.keys) && fc.keys[j] == "" && isApos(fc.doc.Tokens[j].Text) {
			j++
		}
		if j >= len(fc.keys) || fc.keys[j] != w {
			return false
		}
		j++
	}
	return true
}

func isNumber(s string) bool {
	for _, r := range s {
		if (r < '0' || r > '9') && r != ' ' {
			return false
		}
	}
	return s != ""
}
