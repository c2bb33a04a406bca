package relate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
)

// titlePhrase is a role read around a person's name: "le président russe",
// "ministre des affaires étrangères", "German Chancellor", "Apple CEO".
type titlePhrase struct {
	s, e  int    // tokens
	title string // the role as written
	iso   string // country of a demonym in the phrase
	org   int    // entity the role belongs to ("du Kremlin", "Apple"), -1
}

// titleAt parses a title phrase starting at token i (determiner allowed),
// ending before limit: [det] [demonym|ORG|LOC] TITLE [demonym] [de|of [det] ORG/LOC].
func (st *state) titleAt(fc *fieldCtx, i, limit int) (titlePhrase, bool) {
	tp := titlePhrase{s: i, org: -1}
	j := i
	if j < limit && fc.cls[j]&(clDet|clPoss) != 0 && fc.namedUnit(j) < 0 {
		if fc.cls[j]&clPoss != 0 && fc.cls[j]&clPersPoss == 0 {
			// "its chief executive", "son président": an organisation
			// ("his lawyer" belongs to a person).
			tp.org = st.possessor(fc, j)
		}
		j++
		for j < limit && isApos(fc.doc.Tokens[j].Text) {
			j++
		}
	}
	if j >= limit {
		return tp, false
	}
	// A demonym first, even when NER tagged it ("French" as MISC).
	if n, iso := st.demonymAt(fc, j, limit); n > 0 && j+n < limit {
		if m := st.titleLenAt(fc, j+n, limit); m > 0 {
			tp.iso, tp.title, tp.e = iso, fc.span(j+n, j+n+m), j+n+m
			return tp, true
		}
	}
	if u := fc.unit[j]; u >= 0 && fc.units[u].nominal && fc.units[u].typ == "ORGANIZATION" && fc.units[u].e+1 < limit && possessive(fc.doc.Tokens[fc.units[u].e].Text) {
		// "the company's chief executive": the organisation the
		// description refers to.
		at := fc.units[u].e + 1
		if n := st.titleLenAt(fc, at, limit); n > 0 {
			tp.org, tp.title, tp.e = fc.units[u].ent, fc.span(at, at+n), at+n
			return tp, true
		}
		return tp, false
	}
	if u := fc.namedUnit(j); u >= 0 {
		un := fc.units[u]
		if un.typ == "PERSON" {
			if _, seat := st.d.lex.Seat(st.a.Entities[un.ent].Name); !seat {
				return tp, false
			}
		}
		at := un.e
		if at < limit && (fc.words[at] == "'s" || fc.words[at] == "’s") {
			at++ // "Tesla's chief executive"
		}
		if at >= limit {
			return tp, false
		}
		if n := st.titleLenAt(fc, at, limit); n > 0 {
			tp.org = un.ent
			tp.title = fc.span(at, at+n)
			tp.e = at + n
			return tp, true
		}
		if at > un.e {
			// "India's civil aviation minister", "China's foreign ministry
			// spokesman": lower-case words of the portfolio before the
			// title.
			for w := at; w < min(limit, at+3) && fc.lowerWord(w) && fc.unit[w] < 0; w++ {
				if n := st.titleLenAt(fc, w+1, limit); n > 0 {
					tp.org = un.ent
					tp.title = fc.span(at, w+1+n)
					tp.e = w + 1 + n
					return tp, true
				}
			}
		}
		return tp, false
	}
	n := st.titleLenAt(fc, j, limit)
	if n == 0 {
		return tp, false
	}
	for k := j; k < j+n; k++ {
		if u := fc.namedUnit(k); u >= 0 && !st.portfolio(fc, u, j+n) {
			// "président du Conseil européen": a shorter title before the
			// name ("président", of the Conseil européen).
			if n = st.titleLenAt(fc, j, fc.units[u].s); n == 0 {
				return tp, false
			}
			k = j - 1
		}
	}
	if p := st.d.lex.PortfolioAt(fc.texts(j, j+n), fc.texts(j+n, limit)); p > 0 && st.portfolioWords(fc, j+n, j+n+p) {
		n += p // "ministre délégué aux Transports"
	}
	tp.title, tp.e = fc.span(j, j+n), j+n
	if n == 1 {
		// "CDU-Chef": the head of the role of the party the article names.
		if head, org := st.compoundOrg(fc.doc.Tokens[j].Text); org >= 0 {
			tp.title, tp.org = head, org
			return tp, true
		}
	}
	k := j + n
	if k < limit && fc.namedUnit(k) < 0 {
		if dn, iso := st.demonymAt(fc, k, limit); dn > 0 {
			tp.iso, tp.e = iso, k+dn
			// (The word at limit is read too: lower-case words end a
			// portfolio before a comma, "de la Transition énergétique,".)
			if p := st.d.lex.PortfolioAt(fc.texts(j, j+n), fc.texts(k+dn, min(limit+1, len(fc.words)))); p > 0 && k+dn+p <= limit && st.portfolioWords(fc, k+dn, k+dn+p) {
				// "la ministre marocaine de la Transition énergétique": the
				// portfolio after the demonym.
				tp.title, tp.e = tp.title+" "+fc.span(k+dn, k+dn+p), k+dn+p
			}
			return tp, true
		}
	}
	if u := fc.namedUnit(k); k < limit && u >= 0 && fc.units[u].s == k && fc.units[u].e <= limit &&
		fc.units[u].typ == "ORGANIZATION" && fc.units[u].e-k == 1 && isUpperWord(fc.doc.Tokens[k].Text) {
		// "le député LFI Hadrien Clouet", "Hadrien Clouet, député LFI,":
		// the party's acronym right after the role.
		tp.org, tp.e = fc.units[u].ent, fc.units[u].e
		return tp, true
	}
	if k+1 < limit && fc.cls[k]&clAt != 0 {
		// "analyst at Capital Economics", "analyste chez BNP Paribas": an
		// employer, never a place.
		if u := fc.namedUnit(k + 1); u >= 0 && fc.units[u].s == k+1 && fc.units[u].e <= limit && fc.units[u].typ == "ORGANIZATION" {
			tp.org, tp.e = fc.units[u].ent, fc.units[u].e
		}
		return tp, true
	}
	if k < limit && fc.cls[k]&clOf != 0 {
		x := k + 1
		for x < limit && (fc.cls[x]&clDet != 0 || isApos(fc.doc.Tokens[x].Text)) && fc.namedUnit(x) < 0 {
			x++
		}
		if x < limit {
			if u := fc.namedUnit(x); u >= 0 && fc.units[u].s == x && fc.units[u].e <= limit {
				if fc.units[u].typ == "PERSON" {
					// "avocat d'Yvan Colonna": the role, not an employer.
					tp.e = fc.units[u].e
				} else {
					tp.org, tp.e = fc.units[u].ent, fc.units[u].e
				}
			} else if u := fc.unit[x]; u >= 0 && fc.units[u].nominal && fc.units[u].typ == "ORGANIZATION" && fc.units[u].e <= limit {
				// "responsable de l'organisation": the organisation the
				// description refers to.
				tp.org, tp.e = fc.units[u].ent, fc.units[u].e
			} else if u := fc.orgAfterWords(x, limit); u >= 0 {
				// "chef de la coalition Azimio", "a member of the
				// conservative New Democracy party".
				tp.org, tp.e = fc.units[u].ent, fc.units[u].e
				for tp.e < limit && fc.lowerWord(tp.e) && tp.e-x < 5 && fc.unit[tp.e] < 0 && tp.e+1 == limit {
					tp.e++ // "… New Democracy party,"
				}
			} else if limit < len(fc.keys) && fc.doc.Tokens[limit].Text == "," && limit-k <= 6 && st.d.titleAtExact(fc.texts(j, j+n)) > 0 {
				// "Le président de la cour, Laurent Raviot": the role of an
				// unnamed body, in apposition (a singular role: "face aux
				// députés de l'opposition, X" names no deputy).
				ok := true
				for y := k + 1; y < limit && ok; y++ {
					ok = fc.unit[y] < 0 && (fc.lowerWord(y) || fc.cls[y]&(clDet|clOf) != 0 || isApos(fc.doc.Tokens[y].Text))
				}
				if ok {
					tp.e = limit
				}
			}
		}
	}
	return tp, true
}

// possessor is the organisation a possessive at token j refers to, or -1.
// It is the last entity named before it when that is an organisation
// ("Microsoft and its chief executive"), unless that one stands in the
// sentence before and another organisation is that sentence's subject
// ("The case was brought by the EPPO, the body that investigates fraud
// involving EU funds. Its head …": either). When the last entity is no
// organisation, the possessive refers to the subject (the first entity
// not after a preposition, an agent counting as one) of its clause
// ("l'AFD financera des projets au Kenya, selon son directeur"), or of
// the sentence before when none stands before it in its own ("Boeing,
// based in Arlington, Virginia, has been struggling. Its chief executive
// …").
func (st *state) possessor(fc *fieldCtx, j int) int {
	lo, _, sent := sentenceBounds(fc.doc, j)
	last := -1
	for k := len(fc.units) - 1; k >= 0; k-- {
		if u := fc.units[k]; u.e <= j && u.typ != "MISC" {
			last = k
			break
		}
	}
	if last < 0 || fc.units[last].sent < sent-1 {
		return -1
	}
	lu := fc.units[last]
	if lu.sent == sent && lu.typ == "ORGANIZATION" {
		return lu.ent
	}
	if lu.sent == sent && !fc.blocked(lu, lo) {
		return -1
	}
	from, to := lo, j
	if lu.sent < sent {
		from, to, _ = sentenceBounds(fc.doc, lu.s)
	}
	subj := -1
	for _, u := range fc.units {
		if u.s < from || u.typ == "MISC" || fc.quote[u.s] >= 0 {
			continue
		}
		if u.e > to {
			break
		}
		if p := fc.prevWord(u.s, from); p >= 0 && fc.cls[p]&clPrep != 0 && fc.cls[p]&clAgent == 0 || u.s > 0 && fc.doc.Tokens[u.s-1].Text == "(" {
			continue
		}
		if u.typ == "ORGANIZATION" {
			subj = u.ent
		}
		break
	}
	if lu.typ == "ORGANIZATION" {
		if subj >= 0 && subj != lu.ent {
			return -1
		}
		return lu.ent
	}
	return subj
}

// postedTo reports whether tokens [k, end) are a place or a body a role
// is posted to ("Britain's ambassador to the United Nations, X", "the
// French ambassador in Kyiv, X", "l'ambassadeur de France en Israël, X"):
// a preposition of place, determiners and one name ending at end.
func (fc *fieldCtx) postedTo(k, end int) bool {
	if k >= end || fc.cls[k]&clTo == 0 || fc.unit[k] >= 0 {
		return false
	}
	k++
	for k < end && fc.unit[k] < 0 && (fc.cls[k]&clDet != 0 || isApos(fc.doc.Tokens[k].Text)) {
		k++
	}
	u := fc.namedUnit(min(k, len(fc.unit)-1))
	return k < end && u >= 0 && fc.units[u].s == k && fc.units[u].e == end && fc.units[u].typ != "PERSON"
}

// orgAfterWords is the organisation unit after at most two lower-case
// words from token x ("la coalition Azimio", "the left-wing Syriza"), the
// unit ending by limit; else -1.
func (fc *fieldCtx) orgAfterWords(x, limit int) int {
	for y := x; y < min(limit, x+3); y++ {
		if u := fc.namedUnit(y); u >= 0 {
			if y > x && fc.units[u].s == y && fc.units[u].e <= limit && fc.units[u].typ == "ORGANIZATION" {
				return u
			}
			return -1
		}
		if !fc.lowerWord(y) {
			return -1
		}
	}
	return -1
}

// lowerWord reports whether token k is a lower-case content word (no
// function word of the lexicons, no punctuation).
func (fc *fieldCtx) lowerWord(k int) bool {
	if fc.keys[k] == "" || fc.cls[k]&^(clVocab|clDirection) != 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(fc.doc.Tokens[k].Text)
	return unicode.IsLower(r)
}

// portfolioWords reports whether tokens [s, e), the portfolio after a
// title, name no person or organisation ("le secrétaire d'État de Joe
// Biden"); a place or a MISC is a portfolio ("chargé de l'Europe").
func (st *state) portfolioWords(fc *fieldCtx, s, e int) bool {
	for k := s; k < e; k++ {
		if u := fc.namedUnit(k); u >= 0 && (fc.units[u].typ == "PERSON" || fc.units[u].typ == "ORGANIZATION") {
			return false
		}
	}
	return true
}

// portfolio reports whether unit u, inside a title of the lexicon that
// ends at token e, is a word of the title the tagger took for a place or a
// name ("ministro da Justiça", "ministra de Defensa", "ministre des
// Affaires étrangères" tagged as an organisation): a place, a MISC or an
// organisation that is no country, within the title (an organisation
// after it, "secretary general of the UN", is another matter). A person
// is not.
func (st *state) portfolio(fc *fieldCtx, u, e int) bool {
	un := fc.units[u]
	if un.e > e || un.typ == "PERSON" {
		return false
	}
	_, country := st.d.lex.Country(st.a.Entities[un.ent].Name)
	return !country
}

// compoundOrg reads a compound title of two hyphenated parts whose first
// names an organisation of the article ("CDU-Chef", "SPD-Vorsitzende",
// "VVD-leider"): the role as written after the hyphen and the entity, or
// -1 when the first part names none. The part matches the entity's name or
// one of its mentions, or their last word ("Grünen" of "Die Grünen"), case
// and accents ignored, also with a German or Dutch inflection ("-n", "-s").
func (st *state) compoundOrg(tok string) (string, int) {
	h := strings.LastIndexByte(tok, '-')
	if h <= 0 || h == len(tok)-1 || st.d.lex.CompoundTitle(tok) == "" {
		return "", -1
	}
	part := lexicon.Fold(tok[:h])
	if part == "" || strings.IndexByte(part, ' ') >= 0 {
		return "", -1
	}
	same := func(name string) bool {
		k := lexicon.Fold(name)
		if sp := strings.LastIndexByte(k, ' '); sp >= 0 {
			k = k[sp+1:]
		}
		return k == part || k+"n" == part || k+"s" == part
	}
	for e := range st.a.Entities {
		ent := &st.a.Entities[e]
		if ent.Type != "ORGANIZATION" {
			continue
		}
		if same(ent.Name) {
			return tok[h+1:], e
		}
		for _, mi := range ent.Mentions {
			if mi >= 0 && mi < len(st.a.Mentions) && same(st.a.Mentions[mi].Text) {
				return tok[h+1:], e
			}
		}
	}
	return "", -1
}

// namedUnit is the unit of token k when it is a named (not nominal)
// mention, else -1.
func (fc *fieldCtx) namedUnit(k int) int {
	if u := fc.unit[k]; u >= 0 && !fc.units[u].nominal {
		return u
	}
	return -1
}

// texts returns the token texts [a, b), bounded to 8 tokens.
func (fc *fieldCtx) texts(a, b int) []string {
	b = min(b, a+8, len(fc.words))
	if a >= b {
		return nil
	}
	return fc.words[a:b]
}

// titles reads title, nationality and member_of relations from title
// phrases in apposition to a person ("le président russe, Vladimir
// Poutine"; "Sergueï Lavrov, ministre des affaires étrangères"), as
// premodifiers ("German Chancellor Olaf Scholz", "Apple CEO Tim Cook",
// "CDU-Chef Friedrich Merz"), from a party in brackets after the name
// ("Olaf Scholz (SPD)") and from the nominal mentions the resolve stage
// attached to a person.
func (st *state) titles(fc *fieldCtx) {
	if st.d.lex == nil {
		return
	}
	for _, u := range fc.units {
		if u.typ != "PERSON" {
			continue
		}
		lo, hi, _ := sentenceBounds(fc.doc, u.s)
		if u.nominal {
			if tp, ok := st.titleAt(fc, u.s, u.e); ok && tp.e == u.e {
				st.emitTitle(fc, u, tp, 0.7)
			}
			continue
		}
		// Before the name: "le président russe, X", "German Chancellor X".
		end := u.s
		if end-1 >= lo && fc.doc.Tokens[end-1].Text == "," {
			end--
		}
		// Stacked: "le guide religieux de l'Iran, l'ayatollah X", "Iran's
		// Supreme Leader Ayatollah X".
		for n := 0; n < 2 && end > lo; n++ {
			found := false
			for s := max(lo, end-8); s < end; s++ {
				if fc.placeAdverbialStart(s, lo) {
					continue // "in Berlin Bundeskanzler X": the place is no premodifier
				}
				if tp, ok := st.titleAt(fc, s, end); ok && (tp.e == end || fc.postedTo(tp.e, end)) {
					st.emitTitle(fc, u, tp, 0.85)
					end, found = tp.s, true
					break
				}
			}
			if !found || end-1 < lo {
				break
			}
			if fc.doc.Tokens[end-1].Text == "," {
				end--
			}
		}
		// After the name: "X, ministre des affaires étrangères", "X, the CEO of Y".
		if u.e+1 < hi && fc.doc.Tokens[u.e].Text == "," {
			if tp, ok := st.titleAt(fc, u.e+1, hi); ok {
				st.emitTitle(fc, u, tp, 0.85)
			}
		}
		st.partyAfter(fc, u, hi)
		st.headsAfter(fc, u, hi)
		st.groupNationality(fc, u, lo)
	}
	for _, u := range fc.units {
		if u.typ == "ORGANIZATION" && !u.nominal {
			st.ledBy(fc, u)
		}
	}
}

// headsAfter reads "X, who heads the left-wing Syriza party", "X, qui
// dirige Y" and "X, a member of the New Democracy party", "X, membre du
// FLNKS": the person heads or belongs to the organisation.
func (st *state) headsAfter(fc *fieldCtx, u unit, hi int) {
	k := u.e
	if k+2 >= hi || fc.doc.Tokens[k].Text != "," {
		return
	}
	k++
	switch {
	case fc.cls[k]&clRelPro != 0 && st.d.headVerbs[fc.keys[k+1]]:
		k += 2
	default:
		if fc.cls[k]&clDet != 0 {
			k++ // "a member of"
		}
		if k+1 >= hi || !st.d.memberNoun[fc.keys[k]] || fc.cls[k+1]&clOf == 0 {
			return
		}
		k += 2
	}
	for k < hi && (fc.cls[k]&clDet != 0 || isApos(fc.doc.Tokens[k].Text)) && fc.namedUnit(k) < 0 {
		k++
	}
	if k >= hi {
		return
	}
	v := fc.namedUnit(k)
	if v < 0 || fc.units[v].s != k {
		v = fc.orgAfterWords(k, hi)
	}
	if v < 0 || fc.units[v].typ != "ORGANIZATION" {
		return
	}
	if e := fc.units[v].e; e < hi && possessive(fc.doc.Tokens[e].Text) {
		return // "a member of the ECB's Governing Council": of the council
	}
	st.emit(fc, MemberOf, u.ent, fc.units[v].ent, "", "", 0.75, u.s, fc.units[v].e)
}

// ledBy reads "the Azimio coalition, led by former prime minister Raila
// Odinga", "La Cour des comptes, présidée par Pierre Moscovici": the
// person after the participle and the agent heads the organisation.
func (st *state) ledBy(fc *fieldCtx, u unit) {
	_, hi, _ := sentenceBounds(fc.doc, u.s)
	k := u.e
	if k+2 < hi && fc.doc.Tokens[k].Text == "(" {
		// "Le Comité d'organisation (Cojo), dirigé par Tony Estanguet"
		for j := k + 1; j < min(hi, k+4); j++ {
			if fc.doc.Tokens[j].Text == ")" {
				k = j + 1
				break
			}
		}
	}
	start := k
	if k+3 >= hi || fc.doc.Tokens[k].Text != "," || !st.d.headVerbs[fc.keys[k+1]] || fc.cls[k+2]&clAgent == 0 {
		return
	}
	for k += 3; k < min(hi, start+10); k++ {
		if v := fc.namedUnit(k); v >= 0 {
			if p := fc.units[v]; p.s == k && p.typ == "PERSON" && (k == start+3 || st.titledStart(fc, p, start+3) == start+3) {
				st.emit(fc, MemberOf, p.ent, u.ent, "", "", 0.75, u.s, p.e)
			}
			return
		}
		if fc.keys[k] == "" && !isApos(fc.doc.Tokens[k].Text) {
			return
		}
	}
}

// partyAfter reads "Olaf Scholz (SPD)", "Marine Le Pen (FN)": an
// organisation alone in brackets right after a person's name is the
// person's party or employer; so is one after "of" ("Tim Cook of Apple").
func (st *state) partyAfter(fc *fieldCtx, u unit, hi int) {
	k := u.e
	if k+1 < hi && fc.cls[k]&clOf != 0 {
		// "Frans Timmermans van GroenLinks-PvdA", "Tim Cook of Apple":
		// an organisation right after the name and "of" (a determiner
		// allowed) is the person's party or employer.
		x := k + 1
		if x+1 < hi && fc.cls[x]&clDet != 0 && fc.namedUnit(x) < 0 {
			x++
		}
		if v := fc.namedUnit(x); v >= 0 && fc.units[v].s == x && fc.units[v].typ == "ORGANIZATION" {
			if _, seat := st.d.lex.Seat(st.a.Entities[fc.units[v].ent].Name); !seat {
				// not a seat of power: "déloger Obama de la Maison
				// Blanche" is "from"
				st.emit(fc, MemberOf, u.ent, fc.units[v].ent, "", "", 0.75, u.s, fc.units[v].e)
			}
		}
		return
	}
	if k+2 >= hi || fc.doc.Tokens[k].Text != "(" {
		return
	}
	v := fc.namedUnit(k + 1)
	if v < 0 || fc.units[v].s != k+1 || fc.units[v].typ != "ORGANIZATION" {
		return
	}
	if e := fc.units[v].e; e < hi && fc.doc.Tokens[e].Text == ")" {
		st.emit(fc, MemberOf, u.ent, fc.units[v].ent, "", "", 0.8, u.s, e+1)
	}
}

// emitTitle writes the title of person u and what follows from it.
func (st *state) emitTitle(fc *fieldCtx, u unit, tp titlePhrase, conf float64) {
	t0, t1 := min(u.s, tp.s), max(u.e, tp.e)
	title := st.d.titleValue(tp.title)
	obj := -1
	if tp.iso != "" {
		if c, ok := st.country[tp.iso]; ok {
			obj = c
			st.emit(fc, Nationality, u.ent, c, "", "", conf, t0, t1)
		}
	}
	var buf [64]byte
	if st.d.relNouns[string(lexicon.AppendFold(buf[:0], title))] {
		// "son homologue chinois Wang Yi": a nationality, but no role.
		return
	}
	if tp.org >= 0 {
		if _, seat := st.d.lex.Seat(st.a.Entities[tp.org].Name); seat && obj < 0 && st.d.seatHeads[string(lexicon.AppendFold(buf[:0], title))] {
			// "le chef du Kremlin": a metonymy for the head of state, not a role.
			return
		}
		obj = tp.org
		if st.a.Entities[tp.org].Type == "ORGANIZATION" {
			st.emit(fc, MemberOf, u.ent, tp.org, title, "", conf, t0, t1)
		} else if iso, ok := st.d.lex.Country(st.a.Entities[tp.org].Name); ok && tp.iso == "" {
			st.emit(fc, Nationality, u.ent, tp.org, "", "", conf*0.9, t0, t1)
			_ = iso
		}
	}
	st.emit(fc, Title, u.ent, obj, title, "", conf, t0, t1)
}

// groupNationality reads "des responsables russes, dont … X" and "Russian
// officials, including X": a demonym before a partitive word before the
// person.
func (st *state) groupNationality(fc *fieldCtx, u unit, lo int) {
	for k := u.s - 1; k >= max(lo, u.s-8); k-- {
		if fc.unit[k] >= 0 {
			return
		}
		if fc.cls[k]&clPartitive == 0 {
			continue
		}
		d := k - 1
		if d >= lo && fc.doc.Tokens[d].Text == "," {
			d--
		}
		for s := max(lo, d-2); s <= d; s++ {
			if n, iso := st.demonymAt(fc, s, d+1); n > 0 && s+n == d+1 {
				if c, ok := st.country[iso]; ok {
					st.emit(fc, Nationality, u.ent, c, "", "", 0.6, s, u.e)
				}
				return
			}
		}
		return
	}
}

// isUpperWord reports whether s has letters and all of them are capitals
// (an acronym: "LFI", "SPD").
func isUpperWord(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters = true
		}
	}
	return letters
}
