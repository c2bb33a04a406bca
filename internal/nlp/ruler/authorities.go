package ruler

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// authority is a head of <lang>/authority-heads.txt: capitalised words
// that, before a link word and a place, name the authority of the place
// or the region it is ("Ayuntamiento de Madrid", "Comunidad de Madrid").
type authority struct {
	toks []string // the head's tokens, as written
	typ  string   // ORGANIZATION or LOCATION
}

// readAuthorityHeads reads <lang>/authority-heads.txt (head TAB TYPE) into
// rl.authorities, the longest heads first; a missing file is empty.
func (rl *rules) readAuthorityHeads(fsys fs.FS) error {
	p := path.Join(rl.lang, "authority-heads.txt")
	tok := text.NewTokenizer(rl.lang)
	err := readLines(fsys, p, func(n int, line string) error {
		head, typ, ok := strings.Cut(line, "\t")
		head, typ = strings.TrimSpace(head), strings.TrimSpace(typ)
		d := tok.Segment(head)
		if !ok || len(d.Tokens) == 0 || typ != Organization && typ != Location {
			return fmt.Errorf("%w: %s:%d: want head TAB ORGANIZATION or LOCATION", ErrBadData, p, n)
		}
		a := authority{typ: typ, toks: make([]string, len(d.Tokens))}
		for i, t := range d.Tokens {
			a.toks[i] = t.Text
		}
		if rl.authorities == nil {
			rl.authorities = map[string][]authority{}
		}
		rl.authorities[a.toks[0]] = append(rl.authorities[a.toks[0]], a)
		if a.toks[0] != "" {
			rl.authFirst[a.toks[0][0]] = true
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, as := range rl.authorities {
		sort.SliceStable(as, func(i, j int) bool { return len(as[i].toks) > len(as[j].toks) })
	}
	return nil
}

// maxAuthorityLinks bounds the link words between an authority's head and
// its place ("de la", "d'").
const maxAuthorityLinks = 2

// authorityNames makes one name of an authority's head (authority-heads.txt),
// one or two link words and the place the NER found after them: "el
// Ayuntamiento de Madrid", "la Procura di Milano", "la Câmara Municipal de
// Lisboa" are organisations, not the town, and "la Comunidad de Madrid" is
// the region. A whole such name the NER gave another type is an
// organisation when the head says so ("Generalitat de Catalunya", a MISC;
// "Cabildo de Tenerife", a place).
func (s *state) authorityNames() {
	if len(s.rl.authorities) == 0 {
		return
	}
	for fi := range s.fields {
		f := &s.fields[fi]
		toks := f.doc.Tokens
		for t := range toks {
			if w := toks[t].Text; w == "" || !s.rl.authFirst[w[0]] {
				continue // no head starts with that byte
			}
			for _, au := range s.rl.authorities[toks[t].Text] {
				if s.authorityAt(fi, t, au) {
					break
				}
			}
		}
	}
}

// authorityAt reads authority au's head at token t of field fi, and
// reports whether it made (or retyped) a name there.
func (s *state) authorityAt(fi, t int, au authority) bool {
	f := &s.fields[fi]
	toks := f.doc.Tokens
	headEnd := t + len(au.toks)
	if headEnd >= len(toks) || f.tokSent[t] < 0 {
		return false
	}
	for k, w := range au.toks {
		if toks[t+k].Text != w || f.tokSent[t+k] != f.tokSent[t] {
			return false
		}
	}
	j := headEnd
	for j < len(toks) && j-headEnd < maxAuthorityLinks && f.tokSent[j] == f.tokSent[t] && (s.rl.stop[toks[j].Text] || elided(toks[j].Text)) {
		j++
	}
	if j == headEnd || j >= len(toks) || f.tokSent[j] != f.tokSent[t] || !upperInitial(toks[j].Text) {
		return false
	}
	// The whole name one mention of another type.
	if wi := f.occ[t]; wi >= 0 {
		w := &s.a.Mentions[wi]
		if w.TokStart == t && w.TokEnd > j && named(w) && !s.drop[wi] {
			if au.typ == Organization && w.Type != Person && w.Type != Organization {
				s.retype(w, Organization)
				return true
			}
			return false
		}
	}
	pi := f.occ[j]
	if pi < 0 {
		return false
	}
	pm := &s.a.Mentions[pi]
	if pm.TokStart != j || pm.Type != Location || !named(pm) || s.drop[pi] {
		return false
	}
	// The head free, or one mention of its own; the links free.
	hi := f.occ[t]
	for k := t; k < j; k++ {
		if o := f.occ[k]; k < headEnd && o != hi || k >= headEnd && o >= 0 {
			return false
		}
	}
	if hi >= 0 {
		if h := &s.a.Mentions[hi]; h.TokStart != t || h.TokEnd != headEnd || !named(h) {
			return false
		}
		s.remove(int(hi))
	}
	end, conf := pm.TokEnd, pm.Confidence
	s.remove(int(pi))
	s.add(fi, t, end, au.typ, conf)
	return true
}
