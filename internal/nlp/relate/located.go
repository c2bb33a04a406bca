package relate

import (
	"strings"
	"unicode"

	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
)

// located reads located_in relations: "la place Kim Il-sung de
// Pyongyang", "Kharkiv, dans l'est de l'Ukraine", "Kharkiv, in eastern
// Ukraine", "Lyon (France)", an organisation qualified by a demonym
// ("l'agence de presse nord-coréenne KCNA"), and two places of one
// sentence that the gazetteer links (a city and its country).
func (st *state) located(fc *fieldCtx) {
	us := fc.units
	for k, u := range us {
		if u.typ == "LOCATION" && !st.isCountry(u.ent) && k+1 < len(us) {
			if v := us[k+1]; v.typ == "LOCATION" && v.ent != u.ent && v.sent == u.sent && st.contains(fc, u, v) {
				st.emit(fc, LocatedIn, u.ent, v.ent, "", "", 0.75, u.s, v.e)
			}
		}
		if u.typ == "ORGANIZATION" {
			st.demonymOrg(fc, u)
		}
	}
	st.basedIn(fc)
	for _, u := range us {
		if u.typ == "LOCATION" && !u.nominal && !st.isCountry(u.ent) {
			st.demonymPlace(fc, u)
		}
	}
	// Gazetteer: a place and its country named in one sentence.
	for _, u := range us {
		if u.typ != "LOCATION" || st.isCountry(u.ent) {
			continue
		}
		if lo, _, _ := sentenceBounds(fc.doc, u.s); lo == u.s && u.e < len(fc.doc.Tokens) && fc.doc.Tokens[u.e].Text == "," && isUpperWord(fc.span(u.s, u.e)) {
			continue // a dateline ("ANKARA, Feb 2 - … in eastern Turkey") says where the story was filed
		}
		if st.surname(u.ent) {
			continue
		}
		iso := st.a.Entities[u.ent].Links["country"]
		c, ok := st.country[iso]
		if iso == "" || !ok || c == u.ent {
			continue
		}
		for _, v := range us {
			if v.ent == c && v.sent == u.sent {
				st.emit(fc, LocatedIn, u.ent, c, "", "", 0.6, min(u.s, v.s), max(u.e, v.e))
				break
			}
		}
	}
}

// contains reports whether the text between places u and v says that u
// lies in v.
func (st *state) contains(fc *fieldCtx, u, v unit) bool {
	gap := v.s - u.e
	if gap <= 0 || gap > 7 {
		return false
	}
	toks := fc.doc.Tokens
	// "Lyon (France)"
	if gap == 1 && toks[u.e].Text == "(" && v.e < len(toks) && toks[v.e].Text == ")" {
		return true
	}
	// From-to: "de Moscou à Pékin".
	if p := fc.prevWord(u.s, max(0, u.s-3)); p >= 0 && fc.cls[p]&clPrep != 0 && fc.cls[p]&clOf != 0 {
		if q := fc.prevWord(v.s, u.e); q >= 0 && fc.cls[q]&clOf == 0 {
			return false
		}
	}
	if ui, vi := st.a.Entities[u.ent].Links["country"], st.a.Entities[v.ent].Links["country"]; ui != "" && vi != "" && ui != vi {
		return false
	}
	j := u.e
	comma := false
	if toks[j].Text == "," {
		comma = true
		j++
	}
	prep, of, direction := false, false, false
	for ; j < v.s; j++ {
		c := fc.cls[j]
		switch {
		case c&(clOf|clTo) != 0:
			prep = true
			of = of || c&clTo == 0
		case c&clDirection != 0:
			direction = true
		case st.d.placeNouns[fc.keys[j]]:
			direction = true // "dans la banlieue de Columbus"
		case c&clDet != 0, isApos(toks[j].Text):
		default:
			return false
		}
	}
	if !prep {
		return false
	}
	if !comma && !of && !direction && !st.isCountry(v.ent) && !facility(st.a.Entities[u.ent].Name) {
		// "un train ralliant Toulouse à Lyon": a bare "à/to" between two
		// towns is a route; "la place X à Pyongyang" and "Kharkiv in
		// Ukraine" locate.
		return false
	}
	// "X, de Y, d'Z" is a list; "Kharkiv, in eastern Ukraine", "Hilliard,
	// dans la banlieue de Columbus" and "Des Moines, dans l'Iowa" locate.
	return !comma || !of || direction
}

// basedIn reads the seat of an organisation: "Boeing, based in
// Arlington", "Microsoft, which is headquartered in Redmond", "l'AFD, dont
// le siège est à Paris", "Stellantis … est basé à Amsterdam". The place
// follows the phrase (based.txt); the organisation stands right before it
// (a comma, a relative pronoun and auxiliaries between), or is the subject
// of its clause when an auxiliary opens the phrase.
func (st *state) basedIn(fc *fieldCtx) {
	if len(st.d.based) == 0 {
		return
	}
	for i := range fc.keys {
		if fc.keys[i] == "" || fc.unit[i] >= 0 || fc.quote[i] >= 0 {
			continue
		}
		for _, ph := range st.d.based[fc.keys[i]] {
			e := fc.matchEnd(i, ph)
			if e < 0 {
				continue
			}
			e = fc.nextWord(e, len(fc.keys))
			v := -1
			if e < len(fc.keys) {
				v = fc.namedUnit(e)
			}
			if v < 0 || fc.units[v].s != e || fc.units[v].typ != "LOCATION" {
				break
			}
			place := fc.units[v]
			lo, _, _ := sentenceBounds(fc.doc, i)
			org := -1
			from := i
			k := i - 1
			aux := false
			for k >= lo && fc.unit[k] < 0 && fc.cls[k]&(clAux|clPassive) != 0 {
				k, aux = k-1, true
			}
			for k >= lo && fc.unit[k] < 0 && (fc.cls[k]&clRelPro != 0 || fc.doc.Tokens[k].Text == ",") {
				k--
			}
			if k-2 >= lo && fc.doc.Tokens[k].Text == ")" {
				// "la Banque africaine de développement (BAD), basée à
				// Abidjan": the name before its acronym.
				for j := k - 1; j > max(lo, k-4); j-- {
					if fc.doc.Tokens[j].Text == "(" {
						k = j - 1
						break
					}
				}
			}
			if k >= lo && fc.unit[k] >= 0 && fc.units[fc.unit[k]].e == k+1 {
				if u := fc.units[fc.unit[k]]; u.typ == "ORGANIZATION" {
					org, from = u.ent, u.s
				}
			} else if aux {
				// "Stellantis, né de la fusion de PSA et de Fiat Chrysler,
				// est basé à Amsterdam": the clause subject.
				cs := st.clauseStart(fc, i, lo)
				if subj, f := st.subjects(fc, cs, i, func(u unit) bool { return u.typ != "MISC" }); len(subj) == 1 && st.a.Entities[subj[0]].Type == "ORGANIZATION" {
					org, from = subj[0], f
				}
			}
			if org >= 0 && org != place.ent {
				st.emit(fc, LocatedIn, org, place.ent, "", "", 0.75, from, place.e)
			}
			break
		}
	}
}

// demonymPlace reads "the eastern Ukrainian town of Pokrovsk", "la ville
// ukrainienne de Pokrovsk": a place noun (place_nouns.txt) and a demonym,
// in either order, then "of" and the place, which lies in the demonym's
// country.
func (st *state) demonymPlace(fc *fieldCtx, u unit) {
	lo, _, _ := sentenceBounds(fc.doc, u.s)
	p := u.s - 1
	for p > lo && fc.keys[p] == "" && isApos(fc.doc.Tokens[p].Text) {
		p--
	}
	if p-2 < lo || fc.cls[p]&clOf == 0 || fc.unit[p] >= 0 {
		return
	}
	iso, from := "", -1
	demonymEnding := func(end int) (int, string) {
		for s := max(lo, end-3); s < end; s++ {
			if fc.unit[s] >= 0 {
				continue
			}
			if n, iso := st.demonymAt(fc, s, end); n > 0 && s+n == end {
				return s, iso
			}
		}
		return -1, ""
	}
	if st.d.placeNouns[fc.keys[p-1]] {
		// "the Ukrainian town of"
		if s, c := demonymEnding(p - 1); s >= 0 {
			iso, from = c, s
		}
	} else if s, c := demonymEnding(p); s > lo && st.d.placeNouns[fc.keys[s-1]] {
		// "la ville ukrainienne de"
		iso, from = c, s-1
	}
	if from < 0 {
		return
	}
	if c, ok := st.country[iso]; ok && c != u.ent {
		st.emit(fc, LocatedIn, u.ent, c, "", "", 0.7, from, u.e)
	}
}

// matchEnd is matchAt returning the token after the match, or -1.
func (fc *fieldCtx) matchEnd(i int, ws []string) int {
	j := i
	for _, w := range ws {
		for j < len(fc.keys) && fc.keys[j] == "" && isApos(fc.doc.Tokens[j].Text) {
			j++
		}
		if j >= len(fc.keys) || fc.keys[j] != w {
			return -1
		}
		j++
	}
	return j
}

// demonymOrg reads "l'agence de presse nord-coréenne KCNA", "the Russian
// news agency RIA Novosti": an organisation right after a noun phrase with
// a demonym is located in that country.
func (st *state) demonymOrg(fc *fieldCtx, u unit) {
	lo, _, _ := sentenceBounds(fc.doc, u.s)
	// Apposition after it: "Infineon, the German chipmaker".
	if _, hi, _ := sentenceBounds(fc.doc, u.s); u.e+2 < hi && fc.doc.Tokens[u.e].Text == "," {
		for k := u.e + 1; k < min(hi, u.e+4); k++ {
			if fc.unit[k] >= 0 || fc.keys[k] == "" {
				break
			}
			if n, iso := st.demonymAt(fc, k, hi); n > 0 {
				if c, ok := st.country[iso]; ok && c != u.ent && k > u.e+1 && fc.cls[k-1]&clDet != 0 {
					st.emit(fc, LocatedIn, u.ent, c, "", "", 0.65, u.s, k+n)
				}
				break
			}
		}
	}
	// Before it: the demonym right before the name ("l'agence de presse
	// nord-coréenne KCNA") or before at most three content words ("the
	// Russian news agency RIA Novosti"), or a country's possessive
	// ("Turkey's disaster agency AFAD").
	for k := u.s - 1; k >= max(lo, u.s-5); k-- {
		if k > lo && fc.unit[k-1] >= 0 && possessive(fc.doc.Tokens[k].Text) {
			// "Turkey's disaster agency AFAD": a country's possessive.
			v := fc.units[fc.unit[k-1]]
			if v.typ == "LOCATION" && st.isCountry(v.ent) && v.ent != u.ent {
				st.emit(fc, LocatedIn, u.ent, v.ent, "", "", 0.65, v.s, u.e)
			}
			return
		}
		if fc.keys[k] == "" || fc.unit[k] >= 0 {
			return
		}
		if n, iso := st.demonymAt(fc, k, u.s); n > 0 && k+n <= u.s {
			if k+n < u.s && st.d.postAdjective() {
				// "Le groupe chinois fournit déjà Tesla": where adjectives
				// follow their noun, the words after one are no head.
				return
			}
			for g := k + n; g < u.s; g++ {
				if fc.cls[g] != 0 {
					return
				}
			}
			if c, ok := st.country[iso]; ok && c != u.ent {
				st.emit(fc, LocatedIn, u.ent, c, "", "", 0.65, k, u.e)
			}
			return
		}
	}
}

// surname reports whether a place's name is also a word of a person's
// name in the article ("Toledo" of "Alejandro Toledo"): its gazetteer
// link is then unreliable.
func (st *state) surname(e int) bool {
	if st.personWords == nil {
		st.personWords = map[string]bool{}
		// The folded names, space-separated, in one string: Fold leaves
		// single inner spaces, so the words are the non-empty parts.
		var b []byte
		for _, p := range st.a.Entities {
			if p.Type == "PERSON" {
				b = append(lexicon.AppendFold(b, p.Name), ' ')
			}
		}
		for rest := string(b); rest != ""; {
			var w string
			w, rest, _ = strings.Cut(rest, " ")
			if w != "" {
				st.personWords[w] = true
			}
		}
	}
	var buf [64]byte
	return st.personWords[string(lexicon.AppendFold(buf[:0], st.a.Entities[e].Name))]
}

// facility reports whether a place name holds a common noun ("place Kim
// Il-sung", "musée du Louvre", "pont Mathilde"): a site, not a town.
func facility(name string) bool {
	for _, w := range strings.Fields(name) {
		r := []rune(w)
		if len(r) > 3 && unicode.IsLower(r[0]) {
			return true
		}
	}
	return false
}
