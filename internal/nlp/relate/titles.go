package relate

import (
	"strings"
	"unicode"

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
		if fc.cls[j]&clPoss != 0 {
			// "its chief executive", "son président": the last entity named,
			// when it is an organisation ("his lawyer" belongs to a person).
			sent := sentenceOf(fc.doc, j)
			for k := len(fc.units) - 1; k >= 0; k-- {
				if u := fc.units[k]; u.e <= j && u.typ != "MISC" {
					if u.sent < sent-1 {
						break
					}
					if u.typ == "ORGANIZATION" {
						tp.org = u.ent
					}
					break
				}
			}
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
		return tp, false
	}
	n := st.titleLenAt(fc, j, limit)
	if n == 0 {
		return tp, false
	}
	for k := j; k < j+n; k++ {
		if u := fc.namedUnit(k); u >= 0 && !st.portfolio(fc, u, j+n) {
			return tp, false
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
			}
		}
	}
	return tp, true
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
// name ("ministro da Justiça", "ministra de Defensa"): a LOCATION or MISC
// that is no country, within the title. An organisation ("secretary
// general of the UN") or a person is not.
func (st *state) portfolio(fc *fieldCtx, u, e int) bool {
	un := fc.units[u]
	if un.e > e || un.typ != "LOCATION" && un.typ != "MISC" {
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
				if tp, ok := st.titleAt(fc, s, end); ok && tp.e == end {
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
		st.groupNationality(fc, u, lo)
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
