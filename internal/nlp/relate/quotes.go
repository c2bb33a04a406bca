package relate

import "strings"

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
	for i, t := range toks {
		switch {
		case t.Text == "“" && open >= 0 && toks[open].Text == "„":
			// German „…“
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

func (fc *fieldCtx) addQuote(o, c int) {
	// Words of two letters or more: "100 millions d'euros" is a figure,
	// not a statement.
	words := 0
	for i := o + 1; i < c; i++ {
		if len([]rune(fc.keys[i])) >= 2 && !isNumber(fc.keys[i]) {
			words++
		}
	}
	if words < minQuoteWords || c-o > 400 {
		return
	}
	q := len(fc.qs)
	fc.qs = append(fc.qs, quoteSpan{o, c})
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
	for _, q := range fc.qs {
		// The comma English puts inside the quotation ("…," she said)
		// is no part of what was said.
		value := strings.TrimRight(fc.span(q.open+1, q.close), ", ")
		if value == "" {
			continue
		}
		spk, s0, s1, conf := st.speaker(fc, q)
		if spk < 0 {
			continue
		}
		st.emit(fc, Said, spk, -1, value, "010", conf, min(q.open, s0), max(q.close+1, s1))
	}
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
		// Inverted: "a déclaré X", "said X", "a-t-il dit".
		for j := v + 1; j < min(hi, v+9); j++ {
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
			if !fc.matchAt(i, src) {
				continue
			}
			j := fc.nextWord(i+len(src), hi)
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
