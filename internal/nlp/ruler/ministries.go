package ruler

import (
	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
)

// maxPortfolioTokens bounds the tokens ministries reads after a ministry
// word for its portfolio.
const maxPortfolioTokens = 8

// ministries cuts a ministry's portfolio off the names the NER found in
// it: after a ministry word (ministries.txt: "ministère", read as its
// minister's title "ministre" for the lexicon's portfolios), the
// portfolio ("de la Santé", "des Affaires étrangères") is no name; a
// mention inside it is dropped, one that runs on from it keeps what
// follows, a link word skipped ("le ministère de la Santé du Hamas":
// Hamas), when that is capitalised (the rest of "les ministères des
// Affaires étrangères et de la Défense" is a portfolio too). After a
// minister's title (ministers.txt: "la ministra de Hacienda, María Jesús
// Montero"), only a LOCATION or a MISC inside the portfolio that is no
// known place is dropped (ApplyWith, which knows the places): a
// person or an organisation there is the title's complement ("le
// ministre de Macron"), and titleHeads cuts a name run on from it.
func (s *state) ministries() {
	lex := s.rl.lex
	if lex == nil || len(s.rl.ministries) == 0 {
		return
	}
	var fold [32]byte
	var buf [maxPortfolioTokens]string
	for fi := range s.fields {
		f := &s.fields[fi]
		toks := f.doc.Tokens
		for t := 0; t+2 < len(toks); t++ {
			w := toks[t].Text
			if w == "" || !s.rl.ministryFirst[w[0]] || f.occ[t] >= 0 {
				continue
			}
			k := lexicon.AppendFold(fold[:0], w)
			title, ministry := s.rl.ministries[string(k)]
			if !ministry && !s.rl.ministers[string(k)] {
				continue
			}
			if !ministry {
				title = string(k)
			}
			end := min(len(toks), t+1+maxPortfolioTokens)
			n := lex.PortfolioAt([]string{title}, tokenTexts(toks, t+1, end, buf[:0]))
			switch {
			case n == 0:
			case ministry:
				s.cutPortfolio(f, t+1, t+1+n)
			case s.names != nil:
				s.dropPortfolioPlaces(f, t+1, t+1+n)
			}
		}
	}
}

// cutPortfolio drops the mentions inside the portfolio on tokens [i, end)
// of f and narrows one that runs on past it to what follows the
// portfolio and a link word.
func (s *state) cutPortfolio(f *fieldState, i, end int) {
	toks := f.doc.Tokens
	for t := i; t < end; t++ {
		mi := int(f.occ[t])
		if mi < 0 {
			continue
		}
		m := &s.a.Mentions[mi]
		if !named(m) || m.TokStart < i {
			continue
		}
		rest := end
		for rest < m.TokEnd && (particle(toks[rest].Text) || toks[rest].Text == "'" || toks[rest].Text == "’") {
			rest++
		}
		if m.TokEnd <= end || rest >= m.TokEnd || !upperInitial(toks[rest].Text) {
			s.remove(mi)
		} else {
			s.narrow(mi, rest, m.TokEnd)
		}
		t = end
	}
}

// dropPortfolioPlaces drops the LOCATION and MISC mentions that lie inside
// the portfolio on tokens [i, end) of f and that neither the lexicon nor
// the NER gazetteer knows as a place ("ministra de Hacienda": Hacienda;
// "Chief Minister of Rajasthan" keeps Rajasthan).
func (s *state) dropPortfolioPlaces(f *fieldState, i, end int) {
	for t := i; t < end; t++ {
		mi := int(f.occ[t])
		if mi < 0 {
			continue
		}
		m := &s.a.Mentions[mi]
		if !named(m) || m.TokStart < i || m.TokEnd > end || m.Type != Location && m.Type != Misc {
			continue
		}
		var buf [maxPortfolioTokens]string
		_, country := s.rl.lex.Country(m.Text)
		if !country && !s.names.Place(tokenTexts(f.doc.Tokens, m.TokStart, m.TokEnd, buf[:0])) {
			s.remove(mi)
		}
		t = m.TokEnd - 1
	}
}
