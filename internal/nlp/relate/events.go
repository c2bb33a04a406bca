package relate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// maxObjectGap bounds how far after its predicate an object is looked for.
const maxObjectGap = 12

// clauseStart returns the first token of the clause holding tok: after the
// last boundary word (";", "alors que", "while", "but") of the sentence.
func (st *state) clauseStart(fc *fieldCtx, tok, lo int) int {
	for i := tok - 1; i >= lo; i-- {
		if fc.cls[i]&clBoundary != 0 || fc.doc.Tokens[i].Text == ";" {
			return i + 1
		}
	}
	return lo
}

// eventClauseStart is clauseStart where a verb of saying also opens a
// clause: in "X said Y would back Z", Y is the subject of "back".
func (st *state) eventClauseStart(fc *fieldCtx, tok, lo int) int {
	cs := st.clauseStart(fc, tok, lo)
	if j := absoluteClause(fc, cs, tok); j > cs {
		cs = j
	}
	for i := tok - 1; i > cs; i-- {
		if fc.cls[i]&clQuoteVerb == 0 || fc.quote[i] >= 0 {
			continue
		}
		// "a déclaré que …", "said that …", "said Berlin would …",
		// "said Toledo, 78, had …", "sagte, Deutschland werde …",
		// "sagte, dass …".
		n := i + 1
		if n+1 < tok && fc.doc.Tokens[n].Text == "," {
			n++
		}
		if n < tok && fc.cls[n]&clComp != 0 {
			return n
		}
		if n < tok && fc.unit[n] < 0 && fc.cls[n]&clDet != 0 {
			n = fc.nextWord(n, tok) // "sagte, die Ukraine werde …"
		}
		if n < tok && fc.unit[n] >= 0 {
			e := fc.units[fc.unit[n]].e
			if e < tok && fc.doc.Tokens[e].Text == "," {
				for k := e + 1; k < min(tok, e+6); k++ {
					if fc.doc.Tokens[k].Text == "," {
						e = k + 1
						break
					}
				}
			}
			if e < tok && fc.cls[e]&clAux != 0 {
				return n
			}
		}
	}
	return cs
}

// possessive reports whether token t is the English possessive "'s".
func possessive(t string) bool { return t == "'s" || t == "’s" }

// absoluteClause returns the start of an English clause that brings its
// own subject between cs and tok: "…, with Kim pledging support" (with +
// name + -ing verb), "… as Kim pledges support" (as + name + a verb in -s
// or -ed; not "as well as", "such as"); else -1.
func absoluteClause(fc *fieldCtx, cs, tok int) int {
	for j := tok - 2; j > cs; j-- {
		w := fc.doc.Tokens[j].Text
		if w != "with" && w != "as" {
			continue
		}
		u := fc.unit[j+1]
		if u < 0 || fc.units[u].s != j+1 || fc.units[u].e >= tok {
			continue
		}
		v := fc.doc.Tokens[fc.units[u].e].Text
		if r, _ := utf8.DecodeRuneInString(v); !unicode.IsLower(r) {
			continue
		}
		switch w {
		case "with":
			if strings.HasSuffix(v, "ing") {
				return j + 1
			}
		case "as":
			p := strings.ToLower(fc.doc.Tokens[j-1].Text)
			if p != "well" && p != "such" && (strings.HasSuffix(v, "s") || strings.HasSuffix(v, "ed")) {
				return j + 1
			}
		}
	}
	return -1
}

// clauseEnd returns the end of the clause holding tok.
func (st *state) clauseEnd(fc *fieldCtx, tok, hi int) int {
	for i := tok; i < hi; i++ {
		if fc.cls[i]&clBoundary != 0 || fc.doc.Tokens[i].Text == ";" {
			return i
		}
	}
	return hi
}

// blocked reports whether unit u is inside a prepositional phrase (the
// word before it, determiners skipped, is a preposition) or a quote.
func (fc *fieldCtx) blocked(u unit, lo int) bool {
	if fc.quote[u.s] >= 0 {
		return true
	}
	if u.s > 0 && fc.doc.Tokens[u.s-1].Text == "(" {
		return true
	}
	p := fc.prevWord(u.s, lo)
	return p >= 0 && fc.cls[p]&clPrep != 0
}

// subjects returns the subject group of a predicate at tok: the first
// entity of the clause [cs, tok) not in a prepositional phrase, with the
// entities coordinated to it ("X et Y ont signé"); failing that, a
// subject pronoun resolved to the most recent person. from is the first
// token of the group.
// blockedTitled is blocked, also looking through a title before the name
// ("la politique du président José Ramón Bauzà").
func (st *state) blockedTitled(fc *fieldCtx, u unit, lo int) bool {
	if fc.blocked(u, lo) {
		return true
	}
	for s := max(lo, u.s-4); s < u.s; s++ {
		if fc.keys[s] != "" && st.titleLenAt(fc, s, u.s) == u.s-s {
			p := fc.prevWord(s, lo)
			return p >= 0 && fc.cls[p]&clPrep != 0
		}
	}
	return false
}

func (st *state) subjects(fc *fieldCtx, cs, tok int, ok func(unit) bool) (ents []int, from int) {
	from = -1
	for i, u := range fc.units {
		if u.s < cs || u.e > tok {
			if u.s >= tok {
				break
			}
			continue
		}
		if !ok(u) {
			continue
		}
		if len(ents) == 0 {
			if st.blockedTitled(fc, u, cs) {
				continue
			}
			if h, ok := st.premodified(fc, i, tok); ok {
				// "Kremlin spokesman Dmitry Peskov": the person is the head.
				u = h
			}
			ents, from = append(ents, u.ent), u.s
			continue
		}
		if contains(ents, u.ent) || u.s < from {
			continue
		}
		p := fc.prevWord(st.conjunctStart(fc, u, cs), cs)
		if p > 0 && fc.doc.Tokens[p].Text == "," && fc.unit[p-1] >= 0 && contains(ents, fc.units[fc.unit[p-1]].ent) && fc.listGoesOn(i, tok) && st.opensClause(fc, from, cs) {
			// A list: "la France, l'Allemagne et l'Italie ont signé".
			ents = append(ents, u.ent)
			continue
		}
		if p >= 0 && fc.cls[p]&clCoord != 0 && !contains(ents, u.ent) {
			// Not coordinated to a prepositional object right before it:
			// "X hat sich mit Macron und Meloni getroffen".
			if q := fc.unit[max(p-1, 0)]; p > 0 && q >= 0 && !contains(ents, fc.units[q].ent) && st.blockedTitled(fc, fc.units[q], cs) {
				continue
			}
			ents = append(ents, u.ent)
		}
	}
	if len(ents) > 0 {
		return ents, from
	}
	// A relative pronoun: "X, le successeur de Y, qui a dit".
	for i := tok - 1; i > cs; i-- {
		if fc.cls[i]&clRelPro == 0 {
			continue
		}
		j := i - 1
		if fc.doc.Tokens[j].Text == "," {
			// skip an apposition back to its opening comma
			k := j - 1
			for k > cs && fc.doc.Tokens[k].Text != "," {
				k--
			}
			if k > cs {
				j = k
			}
			j--
		}
		if j >= 0 {
			if u := fc.unit[j]; u >= 0 && fc.units[u].e == j+1 && ok(fc.units[u]) {
				return []int{fc.units[u].ent}, fc.units[u].s
			}
		}
		break
	}
	for i := cs; i < tok; i++ {
		for _, pw := range st.d.pairs {
			if fc.matchPair(i, tok, pw.words) {
				if pw.typ != "PERSON" {
					if pair := st.lastPair(fc, i, pw.typ); pair != nil {
						return pair, i
					}
					return nil, -1
				}
				a := fc.recentPerson(i, -1)
				b := fc.recentPerson(i, a)
				if a >= 0 && b >= 0 {
					return []int{b, a}, i
				}
				return nil, -1
			}
		}
		switch {
		case fc.cls[i]&clSubjPro != 0 && fc.keys[i] != "":
			if fc.unnamed[sentenceOf(fc.doc, i)] {
				// "Le chef de l'Etat kényan se rendra à Berlin, où il doit
				// rencontrer X": the pronoun is the description's.
				return nil, -1
			}
			if p := st.recentSubject(fc, i, -1, i); p >= 0 {
				return []int{p}, i
			}
			return nil, -1
		case fc.cls[i]&clPlurPro != 0:
			a := fc.recentPerson(i, -1)
			b := fc.recentPerson(i, a)
			if a >= 0 && b >= 0 {
				return []int{b, a}, i
			}
			return nil, -1
		}
	}
	return nil, -1
}

// appositionRole reports whether tokens [a, b) are a role in apposition
// before a name, as in "por el jefe negociador del Gobierno, X": (a comma
// or a coordination,) a determiner, a common noun, then words and
// prepositional names up to the comma before the name; no verb.
func (fc *fieldCtx) appositionRole(a, b int) bool {
	for a < b && (fc.doc.Tokens[a].Text == "," || fc.cls[a]&clCoord != 0) {
		a++
	}
	if b-a < 3 || b-a > 10 || fc.doc.Tokens[b-1].Text != "," || fc.cls[a]&clDet == 0 || !fc.lowerWord(a+1) {
		return false
	}
	for k := a + 1; k < b-1; k++ {
		if fc.keys[k] == "" && !isApos(fc.doc.Tokens[k].Text) || fc.cls[k]&(clPred|clQuoteVerb|clComp|clRelPro|clCoord|clAux) != 0 {
			return false
		}
		if u := fc.unit[k]; u >= 0 && !fc.blocked(fc.units[u], a) {
			return false
		}
	}
	return true
}

// headPrep is the class of the preposition heading the noun phrase
// whose words end at k, up to three lower-case words and determiners
// back ("avec le groupe indien Tata"); 0 when none.
func (fc *fieldCtx) headPrep(k, lo int) uint32 {
	for n := 0; k >= lo && n < 4; k, n = k-1, n+1 {
		if fc.cls[k]&clPrep != 0 {
			return fc.cls[k]
		}
		if fc.cls[k]&clDet == 0 && !fc.lowerWord(k) || fc.unit[k] >= 0 {
			return 0
		}
	}
	return 0
}

// listGoesOn reports whether unit ui is followed, before tok, by more
// names separated by commas and then a coordination and a last name ("B"
// in "A, B, C et D"): the commas before it join a list.
func (fc *fieldCtx) listGoesOn(ui, tok int) bool {
	k := fc.units[ui].e
	for n := 0; n < 6 && k < tok; n++ {
		coord := false
		if fc.doc.Tokens[k].Text == "," {
			k++
		}
		if k < tok && fc.cls[k]&clCoord != 0 {
			coord = true
			k++
		}
		w := fc.nextWord(k, tok)
		if w >= tok || fc.unit[w] < 0 || fc.units[fc.unit[w]].s != w {
			return false
		}
		if coord {
			return true
		}
		k = fc.units[fc.unit[w]].e
	}
	return false
}

// ofGroup reads the parties of a meeting or an agreement named by the
// people who represent them: "Les ministres des Affaires étrangères de
// la Serbie et du Kosovo ont signé", "the leaders of Armenia and
// Azerbaijan met" — a clause opening with a common noun, then "of" and
// two or more coordinated names right before the verb (auxiliaries
// between). nil when the clause is not so.
func (st *state) ofGroup(fc *fieldCtx, cs, i int) ([]int, int) {
	if cs >= i || fc.cls[cs]&clDet == 0 || fc.unit[cs] >= 0 {
		return nil, -1
	}
	end := i
	for end > cs && fc.cls[end-1]&clAux != 0 && fc.unit[end-1] < 0 {
		end--
	}
	for k := cs + 1; k < end; k++ {
		if fc.cls[k]&clOf == 0 || fc.unit[k] >= 0 {
			if fc.unit[k] >= 0 || fc.keys[k] == "" && !isApos(fc.doc.Tokens[k].Text) || fc.cls[k]&(clPred|clQuoteVerb|clComp|clRelPro|clCoord) != 0 {
				if u := fc.unit[k]; u < 0 || fc.units[u].typ != "ORGANIZATION" {
					return nil, -1 // "des Affaires étrangères" may be a name
				}
				k = fc.units[fc.unit[k]].e - 1
			}
			continue
		}
		// A chain of names from here to the verb: "de X et (de) Y".
		var ents []int
		j, ok := k, true
		for j < end && ok {
			if len(ents) > 0 {
				if fc.cls[j]&clCoord == 0 && fc.doc.Tokens[j].Text != "," {
					ok = false
					break
				}
				j++
			}
			if j < end && fc.cls[j]&clOf != 0 {
				j++
			}
			w := fc.nextWord(j, end)
			for w < end && isApos(fc.doc.Tokens[w].Text) {
				w++
			}
			if w >= end || fc.unit[w] < 0 || fc.units[fc.unit[w]].s != w || !actor(fc.units[fc.unit[w]]) {
				ok = false
				break
			}
			if e := fc.units[fc.unit[w]].ent; !contains(ents, e) {
				ents = append(ents, e)
			}
			j = fc.units[fc.unit[w]].e
		}
		if ok && j == end && len(ents) >= 2 && fc.hasClass(k, end, clCoord) {
			return ents, cs
		}
	}
	return nil, -1
}

// matchPair reports whether the words ws of a pairs.txt entry start at
// token i, before lim; a last word "*" stands for any lower-case word
// ("the two carmakers", "les deux gouvernements").
func (fc *fieldCtx) matchPair(i, lim int, ws []string) bool {
	n := len(ws)
	if n == 0 || ws[n-1] != "*" {
		return fc.matchAt(i, ws)
	}
	if !fc.matchAt(i, ws[:n-1]) {
		return false
	}
	j := i + n - 1
	return j < lim && fc.lowerWord(j) && fc.unit[j] < 0
}

// lastPair is the pair a plural description at tok refers to ("the two
// countries", "les deux parties"): the two entities of type typ (ACTOR:
// person, organisation or country; a place only when a country) named
// outside quotes in its sentence and the two before it — nil unless there
// are exactly two.
func (st *state) lastPair(fc *fieldCtx, tok int, typ string) []int {
	sent := sentenceOf(fc.doc, tok)
	var pair []int
	for _, u := range fc.units {
		if u.e > tok {
			break
		}
		if u.sent < sent-2 || fc.quote[u.s] >= 0 || contains(pair, u.ent) {
			continue
		}
		if typ == "ACTOR" && !actor(u) || typ != "ACTOR" && u.typ != typ || u.typ == "LOCATION" && !st.isCountry(u.ent) {
			continue
		}
		pair = append(pair, u.ent)
	}
	if len(pair) != 2 {
		return nil
	}
	return pair
}

// opensClause reports whether the subject group starting at from opens
// its clause: only a title, a date or a comma before it ("Lundi, la
// France, l'Allemagne et l'Italie"; not "whose members are Brazil,
// Argentina and Uruguay").
func (st *state) opensClause(fc *fieldCtx, from, cs int) bool {
	s := from
	if u := fc.unit[from]; u >= 0 {
		s = st.conjunctStart(fc, fc.units[u], cs)
	}
	p := fc.prevWord(s, cs)
	return p < 0 || fc.doc.Tokens[p].Text == "," || fc.cls[p]&clTemporal != 0
}

// conjunctStart is the first token of the conjunct that person u
// heads, a title phrase before it included: "X and Australian Prime
// Minister Y", "X et son homologue marocain Y", "X y su homólogo
// marroquí, Y,", "X und der ukrainische Regierungschef Y" (up to two
// lower-case adjectives around the title that the lexicon does not
// know as demonyms). u.s when no title stands before u.
func (st *state) conjunctStart(fc *fieldCtx, u unit, lo int) int {
	if u.typ != "PERSON" || u.nominal {
		return u.s
	}
	s := st.titledStart(fc, u, lo)
	if s == u.s {
		// Adjectives after the title: "su homólogo marroquí, Y".
		end := u.s
		if end-1 > lo && fc.doc.Tokens[end-1].Text == "," {
			end--
		}
		for k := 0; k < 2 && end-1 > lo && fc.lowerWord(end-1) && fc.unit[end-1] < 0; k++ {
			end--
			if t := st.titleEndingAt(fc, end, lo); t >= 0 {
				s = t
				break
			}
		}
		if s == u.s {
			return u.s
		}
	}
	// Adjectives before the title: "der ukrainische Regierungschef Y".
	for k := 0; k < 2 && s-1 > lo && fc.lowerWord(s-1) && fc.unit[s-1] < 0; k++ {
		s--
	}
	return s
}

// titleEndingAt is the first token of a title phrase that ends at end and
// starts at lo or after; -1 when none.
func (st *state) titleEndingAt(fc *fieldCtx, end, lo int) int {
	for s := max(lo, end-6); s < end; s++ {
		if fc.keys[s] == "" {
			continue
		}
		if tp, ok := st.titleAt(fc, s, end); ok && tp.e == end {
			return s
		}
	}
	return -1
}

// premodified reports whether unit k is a premodifier of a person named
// right after a title ("Kremlin spokesman Dmitry Peskov", "Bavarian
// premier Markus Soeder") or after its possessive, title or not
// ("Ukraine's Zelenskiy"), and returns that person.
func (st *state) premodified(fc *fieldCtx, k, limit int) (unit, bool) {
	u := fc.units[k]
	if k+1 >= len(fc.units) {
		return u, false
	}
	v := fc.units[k+1]
	if v.typ != "PERSON" || v.s < u.e || v.e > limit {
		return u, false
	}
	at := u.e
	if possessive(fc.doc.Tokens[at].Text) {
		// "Ukraine's Zelenskiy", "Russia's Foreign Minister Sergei
		// Lavrov": the possessor qualifies the person.
		at++
		if at == v.s {
			return v, true
		}
	}
	if v.s <= at {
		return u, false
	}
	// Lower-case words of a portfolio before the title: "EU foreign
	// policy chief Josep Borrell" (where adjectives come first).
	if !st.d.postAdjective() && v.s-at > 1 && st.titleLenAt(fc, at, v.s) == 0 {
		for w := at; w < min(v.s, at+3) && fc.lowerWord(w) && fc.unit[w] < 0; w++ {
			if st.titleLenAt(fc, w+1, v.s) > 0 {
				at = w + 1
				break
			}
		}
	}
	// Titles may stack: "Iran's Supreme Leader Ayatollah Ali Khamenei".
	for n := st.titleLenAt(fc, at, v.s); n > 0; n = st.titleLenAt(fc, at, v.s) {
		if at += n; at == v.s {
			return v, true
		}
	}
	return u, false
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func actor(u unit) bool   { return u.typ == "PERSON" || u.typ == "ORGANIZATION" || u.typ == "LOCATION" }
func visitor(u unit) bool { return u.typ == "PERSON" || u.typ == "ORGANIZATION" }
func place(u unit) bool   { return u.typ == "LOCATION" }

// events reads met, visited, agreement, supports and opposes relations.
func (st *state) events(fc *fieldCtx) {
	for i := 0; i < len(fc.keys); i++ {
		if fc.keys[i] == "" || fc.quote[i] >= 0 || fc.unit[i] >= 0 {
			continue
		}
		if fc.cls[i]&clPred == 0 {
			continue
		}
		cands := st.d.preds[fc.keys[i]]
		if len(cands) == 0 {
			continue
		}
		lo, hi, _ := sentenceBounds(fc.doc, i)
		hasVerb := false
		for _, p := range cands {
			hasVerb = hasVerb || !p.noun
		}
		noun := st.looksNoun(fc, i, lo)
		if noun && i > lo && st.d.agrNouns[fc.keys[i-1]] {
			noun = false // "l'accord signé par X et Y": a participle after the noun
		}
		if noun && hasVerb && i >= 2 && fc.cls[i-1]&(clDet|clPoss|clPrep) == 0 && fc.cls[i-2]&clPrep != 0 &&
			fc.cls[i-2]&clDet == 0 && fc.clauseFinal(i+1, hi) {
			// "mit Drohnen angegriffen": a participle closing its clause
			// after a prepositional phrase is a verb.
			noun = false
			for _, p := range cands {
				noun = noun || p.noun
			}
		}
		// A separable verb whose particle closes the clause comes first:
		// "traf am Montag in Kiew ein" is an arrival, not a meeting.
		if !noun {
			if p, k, ok := st.separable(fc, cands, i, hi); ok {
				st.event(fc, p, i, i+1, lo, k)
				continue
			}
		}
		for _, p := range cands {
			if !fc.matchAt(i, p.words) {
				continue
			}
			pe := i + len(p.words)
			// A word with only nominal entries is a noun wherever it stands
			// ("imposed sanctions on Iran").
			if p.noun != noun && (!p.noun || hasVerb) {
				continue
			}
			if p.agr {
				// "struck a deal with" is a signing, "struck Kyiv" an attack.
				if _, _, ok := st.agreementValue(fc, pe, st.clauseEnd(fc, pe, hi)); !ok {
					if st.signedBy(fc, p, i, pe, lo, hi) {
						break
					}
					continue
				}
			}
			st.event(fc, p, i, pe, lo, hi)
			break
		}
	}
}

// signedBy reads an agreement named before its signing participle, the
// parties after it as its agents: "l'accord signé par Renault et
// Nissan", "el acuerdo fue firmado por X y Y", "the deal was signed by X
// and Y". Two parties at least: one who signs states no pair.
func (st *state) signedBy(fc *fieldCtx, p pred, i, pe, lo, hi int) bool {
	ce := st.clauseEnd(fc, pe, hi)
	if pe >= ce || fc.cls[pe]&clAgent == 0 {
		return false
	}
	v0, v1, ok := -1, -1, false
	for k := i - 1; k >= max(lo, i-6); k-- {
		if fc.unit[k] >= 0 || fc.keys[k] == "" && !isApos(fc.doc.Tokens[k].Text) {
			return false
		}
		if st.d.agrNouns[fc.keys[k]] {
			v0, v1, ok = st.agreementValue(fc, k, i)
			break
		}
	}
	if !ok {
		return false
	}
	// Only auxiliaries and the noun's own words between it and the verb.
	for k := v1; k < i; k++ {
		if fc.cls[k]&(clAux|clPassive) == 0 {
			return false
		}
	}
	// The parties: names (a title before each allowed) chained right
	// after the agent by commas and a coordination.
	var parties []int
	at, t1 := pe+1, pe+1
	for ui := range fc.units {
		u := fc.units[ui]
		if u.s < at || fc.quote[u.s] >= 0 {
			continue
		}
		if u.e > ce {
			break
		}
		if u.s > at && fc.blocked(u, at) && len(parties) < 2 {
			continue // a portfolio's name: "el comandante del ELN, Y"
		}
		if !actor(u) {
			break
		}
		s := st.conjunctStart(fc, u, at)
		for k := at; k < s; k++ {
			if fc.cls[k]&(clDet|clCoord) == 0 && fc.doc.Tokens[k].Text != "," {
				s = -1
				break
			}
		}
		if s < 0 && fc.appositionRole(at, u.s) {
			s = u.s
		}
		if s < 0 || len(parties) > 0 && !fc.hasClass(at, s, clCoord) && fc.doc.Tokens[at].Text != "," {
			break
		}
		if !contains(parties, u.ent) {
			parties = append(parties, u.ent)
		}
		at, t1 = u.e, u.e
		if at+1 < ce && fc.doc.Tokens[at].Text == "," && fc.cls[at+1]&clCoord == 0 {
			// an apposition after the name: "X, 45 ans, et Y"
			if ui+1 < len(fc.units) && fc.units[ui+1].s > at+1 && !fc.hasClass(at+1, fc.units[ui+1].s, clCoord) {
				break
			}
		}
	}
	if len(parties) < 2 {
		return false
	}
	value := fc.span(v0, v1)
	for a := 0; a < len(parties); a++ {
		for b := a + 1; b < len(parties); b++ {
			st.emit(fc, Agreement, parties[a], parties[b], value, p.cameo, 0.7, v0, t1)
		}
	}
	return true
}

// separable finds a separable verb at i whose particle stands last in
// its clause ("griff die Ukraine an", "kam mit Macron zusammen"): the
// predicate and the particle's token.
func (st *state) separable(fc *fieldCtx, cands []pred, i, hi int) (pred, int, bool) {
	for _, p := range cands {
		if !p.sep {
			continue
		}
		ce := st.clauseEnd(fc, i+1, hi)
		for k := i + 1; k < ce; k++ {
			if fc.doc.Tokens[k].Text == "," {
				break
			}
			if fc.keys[k] == p.words[1] && fc.unit[k] < 0 && fc.clauseFinal(k+1, ce) {
				return p, k, true
			}
		}
	}
	return pred{}, 0, false
}

// looksNoun reports whether the word at i is used as a noun: it follows a
// determiner, a possessive, an adjective after one, or a preposition.
func (st *state) looksNoun(fc *fieldCtx, i, lo int) bool {
	for j, n := i-1, 0; j >= lo && n < 2; j, n = j-1, n+1 {
		if fc.unit[j] >= 0 || fc.cls[j]&clTemporal != 0 {
			return false // "O Brasil apoia": the determiner is the name's; "Am Montag traf"
		}
		c := fc.cls[j]
		if c&clAux != 0 || c&(clSubjPro|clPlurPro|clRefl) != 0 && c&clDet == 0 {
			return false
		}
		if c&(clDet|clPoss|clPrep) != 0 {
			return c&clObjPro == 0 || j+1 == i || !st.nextIsVerbish(fc, j)
		}
		if fc.keys[j] == "" {
			if t := fc.doc.Tokens[j].Text; isOpenQuote(t) || isStraight(t) {
				n--
				continue
			}
			return false
		}
	}
	return false
}

// nextIsVerbish reports whether an object pronoun at j is followed by an
// auxiliary ("l'a accueilli", "le rencontrera").
func (st *state) nextIsVerbish(fc *fieldCtx, j int) bool {
	return j+1 < len(fc.cls) && fc.cls[j+1]&clAux != 0
}

func (st *state) event(fc *fieldCtx, p pred, i, pe, lo, hi int) {
	cs := st.eventClauseStart(fc, i, lo)
	ce := st.clauseEnd(fc, pe, hi)
	if p.refl && !fc.hasClass(max(cs, i-3), i, clRefl) {
		return
	}
	// A meeting word counted in digits is a tally of matches in sports
	// copy ("lors de 18 rencontres", "in 30 meetings"), not a talk.
	if p.typ == Met && i > lo && allDigits(fc.doc.Tokens[i-1].Text) {
		return
	}
	value := fc.span(i, pe)
	valEnd := pe
	if p.agr {
		v0, v1, ok := st.agreementValue(fc, pe, ce)
		if !ok {
			return
		}
		value, valEnd = fc.span(v0, v1), v1
	}
	subjOK := actor
	objOK := actor
	if p.typ == Visited {
		subjOK, objOK = visitor, place
	}
	var subj []int
	from := -1
	conf := 0.75
	if p.noun {
		subj, from, conf = st.nounSubjects(fc, p, cs, i, subjOK)
	} else {
		subj, from = st.subjects(fc, cs, i, subjOK)
	}
	if !p.noun && len(subj) > 0 && st.unnamedAntecedent(fc, subj, cs, i) {
		subj, from = nil, -1
	}
	if p.typ == Agreement && !p.noun && !p.agr {
		// A bare agreement verb states an agreement only between parties
		// it names: "Ils conviennent de" guesses them from the sentences
		// before; "X convient que" admits, it agrees with no one.
		if from >= 0 && fc.unit[from] < 0 && fc.cls[from]&clPlurPro != 0 {
			return
		}
		if pe < hi && strings.HasPrefix(fc.keys[i], "conv") && (fc.keys[pe] == "que" || strings.HasPrefix(fc.keys[pe], "qu'") || strings.HasPrefix(fc.keys[pe], "qu’")) {
			return
		}
	}
	if p.noun && from >= 0 && from < i && lineBreakIn(fc.doc, fc.doc.Tokens[from].Start, fc.doc.Tokens[i].Start) {
		// "Steve, Rod and Elyse -\nJust wanted to confirm our meeting":
		// names on a line of their own address a letter, they are not
		// the subject of the noun on the next line.
		subj, from = nil, -1
	}
	if p.noun && len(subj) > 0 {
		// "un homme qui, de visite à Disneyland,": a noun opening a
		// relative clause about an unnamed noun has no named subject.
		k := i
		for k-1 > cs && fc.cls[k-1]&clRelPro == 0 && (fc.cls[k-1]&clPrep != 0 || fc.doc.Tokens[k-1].Text == ",") {
			k--
		}
		if k < i && st.unnamedAntecedent(fc, subj, cs, k) {
			subj, from = nil, -1
		}
	}
	if !p.noun && len(subj) <= 1 && (p.typ == Met || p.typ == Agreement) {
		// (the last name of "the leaders of X and Y" reads as a subject)
		if g, f := st.ofGroup(fc, cs, i); len(g) >= 2 && (len(subj) == 0 || contains(g, subj[0])) {
			subj, from = g, f
		}
	}
	// Passive: "a été reçu par X"; the auxiliary after the participle in
	// German: "(die dafür kritisiert worden ist)", "angegriffen wurde".
	passive := !p.noun && (i > cs && fc.cls[i-1]&clPassive != 0 || pe < ce && fc.cls[pe]&clPassive != 0 && fc.cls[pe]&clPrep == 0)
	// A participle in apposition to a name, its agent after it:
	// "L'Azerbaïdjan, accusé par Paris d'ingérence", "Hamas, backed by
	// Iran,": the name is the object, the agent the subject.
	if !p.noun && !passive && i >= 2 && fc.doc.Tokens[i-1].Text == "," && pe < ce && fc.cls[pe]&clAgent != 0 {
		if u := fc.unit[i-2]; u >= 0 && fc.units[u].e == i-1 && objOK(fc.units[u]) && fc.quote[i-2] < 0 {
			subj, from, passive = []int{fc.units[u].ent}, fc.units[u].s, true
		}
	}
	objs, oEnd, between := st.objects(fc, p, valEnd, ce, objOK, passive)
	if p.agr && len(objs) == 0 {
		// "a signé avec la Chine un accord": the party before the value.
		for j := pe; j < valEnd; j++ {
			if u := fc.unit[j]; u >= 0 && fc.units[u].s == j && objOK(fc.units[u]) {
				if w := fc.prevWord(j, pe); w >= 0 && fc.cls[w]&clWith != 0 {
					objs = append(objs, fc.units[u].ent)
				}
				j = fc.units[u].e - 1
			}
		}
	}
	if passive && len(objs) > 0 && fc.cls[max(0, objsStart(fc, valEnd, ce))]&clAgent != 0 {
		subj, objs = objs, subj
	}
	if !p.noun && !passive && !p.agr {
		switch {
		case len(subj) == 0:
			// Subject after the verb: "Am Montag traf Scholz den Präsidenten X".
			if s, f, o, e := st.invertedSubject(fc, p, cs, i, pe, ce, subjOK, objOK); len(s) > 0 {
				subj, from, objs, oEnd = s, f, o, e
			}
		case len(objs) == 0:
			// Verb last: "Deutschland werde die Ukraine unterstützen",
			// "hat Macron in Berlin getroffen".
			objs = st.objectsBefore(fc, p, subj, from, cs, i, pe, ce, objOK)
		}
	}
	// "condemned the Russian invasion", "a dénoncé l'offensive russe": the
	// author of the act, by its demonym, when that country is named.
	if p.typ == Opposes && !p.noun && len(objs) == 0 && len(subj) > 0 {
		if c := st.demonymAuthor(fc, pe, ce); c >= 0 && !contains(subj, c) {
			objs = []int{c}
		}
	}
	// Object pronoun before the verb: "Kim l'a accueilli".
	if len(objs) == 0 && !p.noun && p.typ != Visited && len(subj) == 1 {
		for j := i - 1; j >= max(cs, i-3); j-- {
			if fc.cls[j]&clObjPro != 0 && (j+1 == i || fc.cls[j+1]&clAux != 0 || isApos(fc.doc.Tokens[j+1].Text)) {
				if o := fc.recentPerson(j, subj[0]); o >= 0 {
					objs, conf = []int{o}, 0.6
				}
				break
			}
		}
	}
	// An agreement noun states an agreement only between two parties
	// ("the agreement between Kyiv and Warsaw"): whoever welcomes "the
	// deal with Y" is no party to it.
	if p.noun && p.typ == Agreement && !(between && len(objs) >= 2) {
		return
	}
	// "entre X et Y": the pair is the predicate's own.
	if between && len(objs) >= 2 && (p.typ == Met || p.typ == Agreement) {
		subj, from = objs[:1], i
		objs = objs[1:]
	}
	// A nominal predicate may follow its object: "a assuré Moscou de son
	// soutien", "considèrent les Etats-Unis comme un ennemi".
	if p.noun && len(objs) == 0 && len(subj) > 0 && (p.typ == Supports || p.typ == Opposes) {
		for k := len(fc.units) - 1; k >= 0; k-- {
			u := fc.units[k]
			if u.e > i || u.s < cs {
				continue
			}
			if contains(subj, u.ent) || u.s < from {
				break
			}
			if actor(u) && !fc.blocked(u, cs) && !fc.hasClass(max(from, cs), u.s, clPred) {
				// (not when a predicate before it took it: "Germany
				// supports Ukraine in the war")
				objs = []int{u.ent}
				break
			}
		}
	}
	// "Putin thanked Kim for his support", "a remercié la France pour son
	// appui": the one thanked gives the support.
	if p.noun && p.typ == Supports && len(subj) == 1 && len(objs) == 1 && from >= 0 && fc.hasClass(from, i, clThank) {
		subj, objs = objs, subj
	}
	t0, t1 := i, max(pe, oEnd)
	if from >= 0 {
		t0 = min(t0, from)
	}
	// A negated verb states no event: "Meloni non incontrerà Orban",
	// "Scholz traf Macron nicht".
	if !p.noun && fc.negated(t0, t1, ce) {
		return
	}
	switch p.typ {
	case Met, Agreement:
		if len(objs) == 0 && len(subj) >= 2 {
			for a := 0; a < len(subj); a++ {
				for b := a + 1; b < len(subj); b++ {
					st.emit(fc, p.typ, subj[a], subj[b], value, p.cameo, conf, t0, t1)
				}
			}
			return
		}
		for _, s := range subj {
			for _, o := range objs {
				st.emit(fc, p.typ, s, o, value, p.cameo, conf, t0, t1)
			}
		}
	case Visited:
		for _, s := range subj {
			for _, o := range objs {
				st.emit(fc, Visited, s, o, "", p.cameo, conf, t0, t1)
			}
		}
	default:
		for _, s := range subj {
			for _, o := range objs {
				if !contains(subj, o) {
					st.emit(fc, p.typ, s, o, value, p.cameo, conf, t0, t1)
				}
			}
		}
	}
}

func (fc *fieldCtx) hasClass(a, b int, c uint32) bool {
	for j := a; j < b; j++ {
		if fc.cls[j]&c != 0 {
			return true
		}
	}
	return false
}

// placeAdverbial reports whether the locative preposition at k heads
// only a place name ("in Berlin", "en La Moncloa", "al Quirinale": seats
// the tagger calls organisations), one a later object may follow.
func (fc *fieldCtx) placeAdverbial(k int) bool {
	n := fc.nextWord(k+1, len(fc.cls))
	if n >= len(fc.cls) || fc.unit[n] < 0 {
		return false
	}
	u := fc.units[fc.unit[n]]
	return u.s == n && (u.typ == "LOCATION" || u.typ == "ORGANIZATION")
}

// placeAdverbialStart reports whether token s starts a place name
// governed by a locative preposition ("in Berlin"), not a possessor.
func (fc *fieldCtx) placeAdverbialStart(s, lo int) bool {
	if fc.unit[s] < 0 || fc.units[fc.unit[s]].s != s {
		return false
	}
	if e := fc.units[fc.unit[s]].e; e < len(fc.cls) && possessive(fc.doc.Tokens[e].Text) {
		return false // "to Ukraine's President X"
	}
	if fc.units[fc.unit[s]].typ != "LOCATION" {
		return false // "at Apple CEO Tim Cook": the employer
	}
	p := fc.prevWord(s, lo)
	return p >= 0 && fc.cls[p]&clTo != 0 && fc.cls[p]&clPrep != 0 && fc.placeAdverbial(p)
}

// placeBefore reports whether the preposition at pw heads a place name
// that the title phrase of person u took for a premodifier ("in Berlin
// Bundeskanzler Olaf Scholz"): the preposition does not govern u.
func (fc *fieldCtx) placeBefore(pw int, u unit) bool {
	if fc.cls[pw]&clTo == 0 || !fc.placeAdverbial(pw) {
		return false
	}
	return fc.unit[fc.nextWord(pw+1, len(fc.cls))] != fc.unit[u.s]
}

// demonymAuthor is the country entity whose demonym qualifies the act of
// opposition that is the object at pe ("the Russian invasion", "l'offensive
// russe", "die russische Invasion"); -1 when none.
func (st *state) demonymAuthor(fc *fieldCtx, pe, ce int) int {
	k := fc.nextWord(pe, ce)
	for k < ce && isApos(fc.doc.Tokens[k].Text) {
		k++
	}
	if k >= ce || fc.unit[k] >= 0 {
		return -1
	}
	oppNoun := func(j int) bool {
		if j >= ce || fc.unit[j] >= 0 {
			return false
		}
		for _, q := range st.d.preds[fc.keys[j]] {
			if q.noun && q.typ == Opposes && len(q.words) == 1 {
				return true
			}
		}
		return false
	}
	iso := ""
	if st.d.postAdjective() {
		if oppNoun(k) {
			_, iso = st.demonymAt(fc, k+1, ce)
		}
	} else if n, c := st.demonymAt(fc, k, ce); n > 0 && oppNoun(k+n) {
		iso = c
	}
	if iso == "" {
		return -1
	}
	if c, ok := st.country[iso]; ok {
		return c
	}
	return -1
}

// genitiveAuthor is the author of the nominal predicate at j, named in
// a genitive right after it ("les sanctions de l'UE", "die Sanktionen
// der EU"), when that predicate is an opposition ("sanctions",
// "Angriff"): its entity and end, or -1.
func (st *state) genitiveAuthor(fc *fieldCtx, j, lim int, ok func(unit) bool) (int, int) {
	nounOpp := false
	for _, q := range st.d.preds[fc.keys[j]] {
		nounOpp = nounOpp || q.noun && q.typ == Opposes && len(q.words) == 1
	}
	if !nounOpp || j+1 >= lim || fc.cls[j+1]&(clGen|clOf) == 0 || fc.cls[j+1]&clTo != 0 {
		return -1, 0
	}
	n := fc.nextWord(j+2, lim)
	if fc.cls[j+1]&clGen != 0 {
		n = fc.nextWord(j+1, lim) // the article itself is the genitive's
		if fc.cls[j+1]&clDet != 0 {
			n = fc.nextWord(j+2, lim)
		}
	}
	for n < lim && fc.unit[n] < 0 && fc.keys[n] == "" && isApos(fc.doc.Tokens[n].Text) {
		n++
	}
	if n >= lim || fc.unit[n] < 0 {
		return -1, 0
	}
	u := fc.units[fc.unit[n]]
	if u.s != n || !ok(u) || fc.quote[n] >= 0 {
		return -1, 0
	}
	return u.ent, u.e
}

// unnamedAntecedent reports whether the verb at i opens a relative
// clause ("qui", "che", "who" right before it, auxiliaries and clitics
// allowed) whose antecedent is an unnamed noun — a word after a
// determiner, or a name inside a prepositional phrase: in "un brahmano
// dell'India meridionale che arrivò in Cina" the first name of the
// sentence is not who arrived.
func (st *state) unnamedAntecedent(fc *fieldCtx, subj []int, cs, i int) bool {
	k := i - 1
	for k > cs && fc.cls[k]&(clAux|clRefl|clObjPro) != 0 && fc.cls[k]&clRelPro == 0 {
		k--
	}
	if k <= cs || fc.cls[k]&clRelPro == 0 {
		return false
	}
	a := k - 1
	for a > cs && fc.doc.Tokens[a].Text == "," {
		a--
	}
	if a <= cs {
		return false
	}
	if u := fc.unit[a]; u >= 0 {
		un := fc.units[u]
		return !contains(subj, un.ent) && st.blockedTitled(fc, un, cs)
	}
	if fc.keys[a] == "" {
		return false
	}
	if b := a - 1; b >= cs {
		if fc.cls[b]&clDet != 0 && fc.cls[b]&clPrep == 0 && fc.unit[b] < 0 {
			return true // "un brahmano che", "den Mann, der"
		}
		if u := fc.unit[b]; u >= 0 && !contains(subj, fc.units[u].ent) && st.blockedTitled(fc, fc.units[u], cs) {
			return true // "dell'India meridionale che"
		}
	}
	return false
}

// negated reports whether a negation stands in the span [t0, t1) of an
// event or after it in its clause, up to a comma, a name, a
// coordination, a subordinate clause or another predicate ("traf Macron
// am Montag nicht"; not "recibió a Macron y no habló").
func (fc *fieldCtx) negated(t0, t1, ce int) bool {
	if fc.hasClass(t0, t1, clNeg) {
		return true
	}
	for k := t1; k < ce; k++ {
		if fc.doc.Tokens[k].Text == "," || fc.unit[k] >= 0 || fc.cls[k]&(clPred|clCoord|clComp|clRelPro) != 0 {
			return false
		}
		if fc.cls[k]&clNeg != 0 {
			return true
		}
	}
	return false
}

// clauseFinal reports whether the predicate ending at pe closes its
// clause, auxiliaries after it allowed ("getroffen hat", "unterstützen
// werde"): a punctuation mark, a coordination, a boundary or the end.
func (fc *fieldCtx) clauseFinal(pe, ce int) bool {
	k := pe
	for k < ce && fc.cls[k]&clAux != 0 {
		k++
	}
	return k >= ce || fc.keys[k] == "" && !isApos(fc.doc.Tokens[k].Text) || fc.cls[k]&(clCoord|clBoundary) != 0
}

// objectsBefore finds the object of a verb that closes its clause between
// its subject and it, as in German subordinate and perfect clauses
// ("dass Deutschland die Ukraine unterstützt", "hat sich mit Macron
// getroffen", "ist nach Kiew gereist"): the last group of fitting
// entities (coordinated ones kept) after the subject, outside
// prepositional phrases other than with/against/between (to for visits),
// not a genitive ("den Präsidenten der USA"); none when a relative or
// complement clause, a passive auxiliary ("wurde von X verurteilt") or
// another predicate stands between.
func (st *state) objectsBefore(fc *fieldCtx, p pred, subj []int, from, cs, i, pe, ce int, ok func(unit) bool) []int {
	if from < 0 || from >= i || !fc.clauseFinal(pe, ce) {
		return nil
	}
	subjEnd := -1
	for _, u := range fc.units {
		if u.s >= from && u.e <= i && contains(subj, u.ent) {
			subjEnd = max(subjEnd, u.e)
		}
	}
	if subjEnd < 0 {
		return nil
	}
	for k := subjEnd; k < i; k++ {
		c := fc.cls[k]
		if c&(clPred|clPassive) != 0 && fc.unit[k] < 0 || c&clComp != 0 && c&clDet == 0 ||
			c&(clRelPro|clComp) != 0 && k > 0 && fc.doc.Tokens[k-1].Text == "," {
			return nil
		}
	}
	var objs []int
	last := -1 // end of the previous object
	for ui := range fc.units {
		u := fc.units[ui]
		if u.s < subjEnd || u.e > i {
			continue
		}
		if fc.quote[u.s] >= 0 || contains(subj, u.ent) || !ok(u) || st.inTitle(fc, ui, subjEnd, i) {
			continue
		}
		if h, isPre := st.premodified(fc, ui, i); isPre && h.ent != u.ent {
			continue
		}
		if u.s > 0 && fc.cls[u.s-1]&(clGen|clOf) != 0 && u.s-2 >= subjEnd && fc.keys[u.s-2] != "" &&
			fc.cls[u.s-2]&(clPrep|clDet|clCoord|clAux|clComp|clRelPro) == 0 {
			continue // "die Sanktionen der EU", "den Präsidenten des Landes"
		}
		pw := fc.prevWord(st.titledStart(fc, u, subjEnd), subjEnd)
		var c uint32
		if pw >= 0 && !fc.placeBefore(pw, u) {
			c = fc.cls[pw]
		}
		switch {
		case p.typ == Visited:
			if c&clPrep != 0 && c&clTo == 0 {
				continue
			}
		case c&clPrep != 0 && c&(clWith|clAgainst|clBetween) == 0:
			continue
		}
		if len(objs) > 0 && last >= 0 && !(pw >= last && c&clCoord != 0) {
			objs = objs[:0] // a new group: the one nearest the verb wins
		}
		if !contains(objs, u.ent) {
			objs = append(objs, u.ent)
		}
		last = u.e
	}
	return objs
}

// invertedSubject reads a subject that follows its verb when the clause
// opens with something else ("Am Montag traf Scholz den Präsidenten X",
// "Este lunes recibió Sánchez a X"): the fitting entity right after the
// verb (a title before it allowed), then the verb's objects after it.
// Not when the entity is coordinated ("ha incontrato Macron e Scholz" has
// no named subject) or a comma follows it — but a reflexive meeting
// verb takes coordinated subjects and no object ("Am Dienstag trafen
// sich Scholz und Macron", "Ayer se reunieron Sánchez y Macron").
func (st *state) invertedSubject(fc *fieldCtx, p pred, cs, i, pe, ce int, subjOK, objOK func(unit) bool) ([]int, int, []int, int) {
	if i <= cs {
		return nil, -1, nil, 0
	}
	n := fc.nextWord(pe, ce)
	refl := i > 0 && fc.cls[i-1]&clRefl != 0
	for n < ce && fc.cls[n]&clRefl != 0 && fc.unit[n] < 0 {
		refl = true
		n = fc.nextWord(n+1, ce)
	}
	if n >= ce || fc.quote[n] >= 0 {
		return nil, -1, nil, 0
	}
	k := n
	for k < min(ce, n+7) && fc.unit[k] < 0 {
		k++ // a title before the name: "traf Bundeskanzler Olaf Scholz"
	}
	if k >= min(ce, n+7) {
		return nil, -1, nil, 0
	}
	ui := fc.unit[k]
	u := fc.units[ui]
	if u.s != k || k > n && st.titledStart(fc, u, n) != n || !subjOK(u) || u.e >= ce {
		return nil, -1, nil, 0
	}
	if fc.cls[u.e]&clCoord != 0 && refl && (p.typ == Met || p.typ == Agreement) {
		group := []int{u.ent}
		end := u.e
		for ui+1 < len(fc.units) {
			v := fc.units[ui+1]
			if v.s >= ce || !subjOK(v) || fc.prevWord(v.s, end) != end || fc.cls[end]&clCoord == 0 && fc.doc.Tokens[end].Text != "," {
				break
			}
			if !contains(group, v.ent) {
				group = append(group, v.ent)
			}
			ui, end = ui+1, v.e
		}
		if len(group) >= 2 {
			return group, u.s, nil, end
		}
		return nil, -1, nil, 0
	}
	if t := fc.doc.Tokens[u.e].Text; t == "," || fc.keys[u.e] == "" || fc.cls[u.e]&clCoord != 0 {
		return nil, -1, nil, 0
	}
	objs, end, _ := st.objects(fc, p, u.e, ce, objOK, false)
	if len(objs) == 0 || contains(objs, u.ent) {
		return nil, -1, nil, 0
	}
	return []int{u.ent}, u.s, objs, end
}

// prepBefore reports whether a preposition in [a, b) heads something
// other than a date or a place name, and is no preposition of an object
// (with, against, between, es "a"): "traf am Montag den Präsidenten X",
// "met on Monday with X", "traf in Paris X" keep their object.
func (fc *fieldCtx) prepBefore(a, b int) bool {
	for k := a; k < b; k++ {
		if fc.cls[k]&clPrep == 0 {
			continue
		}
		if n := fc.nextWord(k+1, len(fc.cls)); n < len(fc.cls) && fc.cls[n]&clTemporal != 0 {
			continue
		}
		if fc.cls[k]&clTo != 0 && fc.placeAdverbial(k) {
			continue
		}
		if fc.cls[k]&(clWith|clAgainst|clBetween|clObjMark) != 0 {
			continue // "con el canciller alemán Olaf Scholz": a title the lexicon lacks
		}
		return true
	}
	return false
}

// objsStart is the first word after the predicate (determiners skipped).
func objsStart(fc *fieldCtx, pe, ce int) int { return min(fc.nextWord(pe, ce), len(fc.cls)-1) }

// agreementValue finds the agreement noun phrase after a signing verb
// ("un accord de partenariat stratégique"): the agreement noun and what
// follows it up to a punctuation mark or a preposition other than "de/of".
func (st *state) agreementValue(fc *fieldCtx, pe, ce int) (int, int, bool) {
	lim := pe + 6
	for j := pe; j < min(ce, lim); j++ {
		if fc.unit[j] >= 0 {
			w := fc.prevWord(j, pe)
			place := w >= 0 && fc.cls[w]&clTo != 0 && fc.units[fc.unit[j]].typ == "LOCATION" && fc.placeAdverbial(w)
			if w >= 0 && (fc.cls[w]&clWith != 0 || place) && fc.units[fc.unit[j]].s == j {
				// The other party first: "a signé avec la Chine un accord";
				// the place first: "ont signé jeudi à Addis-Abeba un accord".
				e := fc.units[fc.unit[j]].e
				lim += e - j
				j = e - 1
				continue
			}
			break
		}
		if !st.d.agrNouns[fc.keys[j]] {
			continue
		}
		e := j + 1
		for e < ce && st.d.agrNouns[fc.keys[e]] && fc.unit[e] < 0 {
			e++ // "partnership pact"
		}
		if st.d.postAdjective() || e < ce && fc.cls[e]&clOf != 0 {
			// Where adjectives come first (en, de), only an "of" phrase
			// follows the noun: "a defence pact as tensions rise".
			for e < min(ce, j+7) && fc.keys[e] != "" && fc.unit[e] < 0 && (fc.cls[e]&clPrep == 0 || fc.cls[e]&clOf != 0) && fc.cls[e]&(clCoord|clAux|clPassive) == 0 {
				e++
			}
		}
		for e > j+1 && fc.cls[e-1]&(clPrep|clDet) != 0 {
			e--
		}
		// Premodifiers: "a joint declaration", "un nouvel accord".
		b := j
		for b > pe && b > j-2 && fc.keys[b-1] != "" && fc.cls[b-1]&(clPrep|clDet|clPoss|clCoord|clAux) == 0 {
			b--
		}
		return b, e, true
	}
	return 0, 0, false
}

// nounSubjects finds who a nominal predicate is about: "la visite de X",
// "sa rencontre avec Y" (the possessive), or the clause subjects.
func (st *state) nounSubjects(fc *fieldCtx, p pred, cs, i int, ok func(unit) bool) ([]int, int, float64) {
	// "la visite de Vladimir Poutine", "the visit of X": a following "of" unit.
	if p.typ == Visited {
		// "la visite d'observateurs": someone unnamed visits.
		if k := fc.nextWord(i+1, len(fc.cls)); k < len(fc.cls) && fc.cls[k]&clOf != 0 && fc.cls[k]&clTo == 0 {
			if w := fc.nextWord(k+1, len(fc.cls)); w < len(fc.cls) && fc.unit[w] < 0 && !isApos(fc.words[w]) {
				if w2 := w; w2 < len(fc.cls) && fc.keys[w2] != "" {
					return nil, -1, 0
				}
			}
		}
		for j := i + 1; j < min(len(fc.cls), i+10); j++ {
			if u := fc.unit[j]; u >= 0 {
				un := fc.units[u]
				if visitor(un) {
					if pw := fc.prevWord(un.s, i); pw >= 0 && fc.cls[pw]&clOf != 0 {
						return []int{un.ent}, i, 0.7
					}
				}
				j = un.e - 1
			}
			if fc.keys[j] == "" && !isApos(fc.doc.Tokens[j].Text) {
				break
			}
		}
	}
	// "Moscow's war", "Kim's full support": a named possessor is the
	// subject (up to two words between it and the noun).
	for j := i - 1; j >= max(cs+1, i-3); j-- {
		if possessive(fc.doc.Tokens[j].Text) {
			if u := fc.unit[j-1]; u >= 0 && ok(fc.units[u]) && fc.units[u].e == j {
				return []int{fc.units[u].ent}, fc.units[u].s, 0.7
			}
			break
		}
		if fc.keys[j] == "" || fc.unit[j] >= 0 {
			break
		}
	}
	poss := i > 0 && fc.cls[fc.prevWordAny(i, cs)]&clPoss != 0
	if poss && !p.possubj {
		// Possessive: the most recent actor before it.
		for k := len(fc.units) - 1; k >= 0; k-- {
			u := fc.units[k]
			if u.e <= i && u.s >= cs && ok(u) && fc.quote[u.s] < 0 {
				return []int{u.ent}, u.s, 0.6
			}
		}
		if r := fc.recentPerson(i, -1); r >= 0 && p.typ != Opposes && p.typ != Supports {
			return []int{r}, i, 0.5
		}
		return nil, -1, 0
	}
	subj, from := st.subjects(fc, cs, i, ok)
	if p.direct && !poss && len(subj) > 0 {
		// "sent military aid to Ukraine", not "talks at the Elysee, as
		// both sought to ease tensions over military aid to Ukraine".
		e := from
		for e < i && fc.unit[e] >= 0 && fc.units[fc.unit[e]].s <= from {
			e = fc.units[fc.unit[e]].e
		}
		if fc.hasClass(e, i, clPrep) {
			return nil, -1, 0
		}
	}
	return subj, from, 0.7
}

// prevWordAny is the token before i, skipping adjectives is not attempted:
// it returns the nearest word token (or i-1).
func (fc *fieldCtx) prevWordAny(i, lo int) int {
	for j := i - 1; j >= lo && j >= i-3; j-- {
		if fc.cls[j]&(clPoss|clDet|clPrep) != 0 {
			return j
		}
	}
	return max(0, i-1)
}

// titledStart is the first token of the title phrase before person u
// that starts at lo or after, a comma allowed between them ("met with
// Chinese President Xi Jinping", "reçu par le président Macron",
// "recebeu o ministro da Justiça, Flávio Dino"): the preposition before it
// governs the person. u.s when there is none or u is no person.
func (st *state) titledStart(fc *fieldCtx, u unit, lo int) int {
	if u.typ != "PERSON" || u.nominal {
		return u.s
	}
	end := u.s
	if end-1 > lo && fc.doc.Tokens[end-1].Text == "," {
		end--
	}
	for s := max(lo, end-6); s < end; s++ {
		if fc.keys[s] == "" {
			continue
		}
		if tp, ok := st.titleAt(fc, s, end); ok && tp.e == end {
			return s
		}
	}
	return u.s
}

// inTitle reports whether unit u lies inside a title phrase (from lo)
// before the person named next, before lim ("le garde des Sceaux Éric
// Dupond-Moretti", "the President of the Republic X").
func (st *state) inTitle(fc *fieldCtx, u, lo, lim int) bool {
	if u+1 >= len(fc.units) {
		return false
	}
	v := fc.units[u+1]
	return v.typ == "PERSON" && v.e <= lim && st.titledStart(fc, v, lo) <= fc.units[u].s
}

// objects finds the objects of a predicate ending at pe, within the clause.
// Nominal predicates take "entre X et Y", "avec X", "contre X", "pour X";
// verbs their direct object, or the one after a preposition that fits the
// type (avec/with for meetings, à/en/in for visits).
func (st *state) objects(fc *fieldCtx, p pred, pe, ce int, ok func(unit) bool, passive bool) (objs []int, end int, between bool) {
	end = pe
	lim := min(ce, pe+maxObjectGap)
	for j := pe; j < lim; j++ {
		if fc.quote[j] >= 0 && p.typ != Visited {
			break
		}
		u := fc.unit[j]
		if u < 0 {
			if len(objs) > 0 && fc.keys[j] != "" && fc.cls[j]&(clCoord|clOf|clTo|clDet|clPrep) == 0 {
				break
			}
			if p.agr && len(objs) == 0 && !fc.hasClass(pe, j, clPrep) && fc.keys[j] != "" && fc.cls[j]&(clPrep|clDet|clTemporal|clCoord) == 0 {
				// "sign defence pact as tensions with China rise": a word
				// after the agreement, before any preposition, ends it.
				return nil, end, false
			}
			if len(objs) == 0 && !p.noun && p.typ != Visited && j > pe && fc.cls[j]&clPred != 0 {
				// "a condamné l'attaque iranienne contre Israël": what
				// follows is the nominal predicate's, not the verb's; but
				// whoever condemns "les sanctions de l'UE", "die Angriffe
				// der Armee" opposes their author.
				if p.typ == Opposes {
					if o, e := st.genitiveAuthor(fc, j, lim, ok); o >= 0 {
						return []int{o}, e, false
					}
				}
				return nil, end, false
			}
			continue
		}
		un := fc.units[u]
		if h, isPre := st.premodified(fc, u, lim); isPre && len(objs) == 0 {
			un = h
		} else if st.inTitle(fc, u, pe, lim) {
			// "rencontré le garde des Sceaux Éric Dupond-Moretti": a word
			// of the title the tagger took for a place is no argument.
			j = un.e - 1
			continue
		}
		j = un.e - 1
		if !ok(un) {
			if len(objs) == 0 && p.typ != Visited {
				return nil, end, false
			}
			continue
		}
		pw := fc.prevWord(st.titledStart(fc, un, pe), pe)
		var c uint32
		if pw >= 0 && !fc.placeBefore(pw, un) {
			c = fc.cls[pw]
		}
		switch {
		case len(objs) > 0:
			// Coordinated or chained objects: "X et Y", "a X y a Y",
			// "place … de Pyongyang".
			if c&clCoord != 0 || c&(clObjMark|clWith) != 0 && pw > 0 && fc.cls[pw-1]&clCoord != 0 || p.typ == Visited && c&(clOf|clTo) != 0 && pw == un.s-1 || p.typ == Visited && pw >= 0 && pw+1 < un.s && c&(clOf|clTo) != 0 {
				objs = append(objs, un.ent)
				end = un.e
				continue
			}
			return objs, end, between
		case p.typ == Visited:
			// "arrivé en Corée", "travelled to Brussels", "visited Munich".
			if c&clTo == 0 && (p.noun || c&clPrep != 0) {
				return nil, end, false
			}
		case passive:
			if c&clAgent == 0 {
				return nil, end, false
			}
		case p.noun:
			want := clWith | clBetween
			switch p.typ {
			case Supports:
				want = clFor | clTo | clWith
			case Opposes:
				want = clAgainst | clWith | clBetween
			}
			if c&want == 0 {
				return nil, end, false
			}
		default:
			if p.agr && c&(clWith|clBetween) == 0 && fc.headPrep(pw, pe)&(clWith|clBetween) == 0 {
				// A signing verb's direct object is the agreement: a party
				// comes after with/between ("firmaron un acuerdo con X"),
				// not "durante la visita a Madrid".
				return nil, end, false
			}
			if c&clPrep != 0 && c&(clWith|clAgainst|clBetween|clObjMark) == 0 {
				if c&clTo != 0 && fc.placeAdverbial(pw) {
					continue // "traf in Berlin den Präsidenten X"
				}
				return nil, end, false
			}
			// A verb's object comes before any other prepositional phrase:
			// "received 35 million dollars from … Odebrecht" is no meeting.
			// (Not for a separable verb: its particle closes the clause
			// and all between is its middle field, "griff in der Nacht die
			// Ukraine an".)
			if pw > pe && !p.sep && fc.prepBefore(pe, pw) {
				return nil, end, false
			}
		}
		if len(objs) == 0 && c&clBetween != 0 {
			between = true
		}
		objs = append(objs, un.ent)
		end = un.e
	}
	return objs, end, between
}

// allDigits reports whether s is a non-empty run of ASCII digits.
func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// lineBreakIn reports whether the text of doc has a line break between
// code points a and b.
func lineBreakIn(doc *text.Doc, a, b int) bool {
	pos := 0
	for _, r := range doc.Text {
		if pos >= b {
			break
		}
		if r == '\n' && pos >= a {
			return true
		}
		pos++
	}
	return false
}
