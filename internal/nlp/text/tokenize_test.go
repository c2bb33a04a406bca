package text

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

func texts(d Doc) []string {
	out := make([]string, len(d.Tokens))
	for i, t := range d.Tokens {
		out[i] = t.Text
	}
	return out
}

func sentences(d Doc) []string {
	out := make([]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = string([]rune(d.Text)[s.Start:s.End])
	}
	return out
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		name, lang, in string
		want           []string
	}{
		{"elision apostrophe", "fr", "l'avion d'Air France", []string{"l'", "avion", "d'", "Air", "France"}},
		{"elision typographic", "fr", "L’État jusqu’à qu’il", []string{"L’", "État", "jusqu’", "à", "qu’", "il"}},
		{"elision chain", "fr", "d’aujourd’hui lorsqu'on", []string{"d’", "aujourd’hui", "lorsqu'", "on"}},
		{"elision exceptions", "fr", "Aujourd'hui quelqu'un c'est-à-dire main-d'œuvre", []string{"Aujourd'hui", "quelqu'un", "c'est-à-dire", "main-d'œuvre"}},
		{"elision before quote", "fr", `d'"acheter`, []string{"d'", `"`, "acheter"}},
		{"elision in place name", "fr", "Pont-l'Évêque", []string{"Pont-l'Évêque"}},
		{"guillemets", "fr", "« Bonjour », dit-il.", []string{"«", "Bonjour", "»", ",", "dit", "-il", "."}},
		{"english quotes", "en", `"Hello," he said.`, []string{`"`, "Hello", ",", `"`, "he", "said", "."}},
		{"hyphenated names", "fr", "Kim Jong-un, Kim Il-sung, Etats-Unis, nord-coréen", []string{"Kim", "Jong-un", ",", "Kim", "Il-sung", ",", "Etats-Unis", ",", "nord-coréen"}},
		{"unicode hyphen", "en", "Kim Jong‐un", []string{"Kim", "Jong‐un"}},
		{"en dash in names", "en", "Wisconsin–Madison 1939–1945", []string{"Wisconsin–Madison", "1939", "–", "1945"}},
		{"year clitic", "en", "2004's album", []string{"2004", "'s", "album"}},
		{"inverted pronouns", "fr", "Donne-t-il celui-ci ? Est-ce", []string{"Donne", "-t", "-il", "celui", "-ci", "?", "Est", "-ce"}},
		{"no pronoun split in english", "en", "Celui-ci", []string{"Celui-ci"}},
		{"english clitics", "en", "I don't think John's can't", []string{"I", "do", "n't", "think", "John", "'s", "ca", "n't"}},
		{"english typographic clitic", "en", "Macron’s plan", []string{"Macron", "’s", "plan"}},
		{"plural possessive", "en", "the Jones' house", []string{"the", "Jones", "'", "house"}},
		{"O'Neill kept", "en", "O'Neill and d'Italia", []string{"O'Neill", "and", "d'Italia"}},
		{"french titles", "fr", "M. Dupont et Mme Durand", []string{"M.", "Dupont", "et", "Mme", "Durand"}},
		{"english titles", "en", "Dr. Smith met Mr. Jones in St. Louis", []string{"Dr.", "Smith", "met", "Mr.", "Jones", "in", "St.", "Louis"}},
		{"acronym", "en", "the U.S. economy", []string{"the", "U.S.", "economy"}},
		{"etc", "fr", "des pommes, etc. et", []string{"des", "pommes", ",", "etc.", "et"}},
		{"month abbreviation", "fr", "le 3 janv. 2012", []string{"le", "3", "janv.", "2012"}},
		{"initials", "en", "J. K. Rowling", []string{"J.", "K.", "Rowling"}},
		{"composed initials", "fr", "J.-P. Bruneau en 52 av. J.-C.", []string{"J.-P.", "Bruneau", "en", "52", "av.", "J.-C."}},
		{"decimal comma", "fr", "3,5 %", []string{"3,5", "%"}},
		{"percent attached", "fr", "12%", []string{"12", "%"}},
		{"thousands space", "fr", "1 000 euros et 12 500 000 habitants", []string{"1 000", "euros", "et", "12 500 000", "habitants"}},
		{"thousands nbsp", "fr", "1\u00a0000,5 km", []string{"1\u00a0000,5", "km"}},
		{"no merge of years", "fr", "en 2012 300 personnes", []string{"en", "2012", "300", "personnes"}},
		{"english number", "en", "1,000.5 and 3.14", []string{"1,000.5", "and", "3.14"}},
		{"score and range", "fr", "4-3 en 1939-1945", []string{"4", "-", "3", "en", "1939", "-", "1945"}},
		{"a number before a capitalised word", "en", "UPDATE 2-Zelenskiy meets Biden, F-16 jets, G7-Summit", []string{"UPDATE", "2", "-", "Zelenskiy", "meets", "Biden", ",", "F-16", "jets", ",", "G7-Summit"}},
		{"German keeps a number before a noun", "de", "Ein 15-Jähriger traf den Ball", []string{"Ein", "15-Jähriger", "traf", "den", "Ball"}},
		{"url", "fr", "Voir http://www.afp.com/fr/news.", []string{"Voir", "http://www.afp.com/fr/news", "."}},
		{"url in brackets", "en", "(https://example.org/a?b=c)", []string{"(", "https://example.org/a?b=c", ")"}},
		{"www", "en", "at www.lemonde.fr,", []string{"at", "www.lemonde.fr", ","}},
		{"email", "fr", "Écrire à contact@afp.com.", []string{"Écrire", "à", "contact@afp.com", "."}},
		{"email in angle brackets", "en", "<contact@afp.com>", []string{"<", "contact@afp.com", ">"}},
		{"handle and hashtag", "en", "@AFP #Paris", []string{"@AFP", "#Paris"}},
		{"ellipsis", "fr", "Il hésite... puis…", []string{"Il", "hésite", "...", "puis", "…"}},
		{"dateline", "fr", "PARIS (AFP) - Le", []string{"PARIS", "(", "AFP", ")", "-", "Le"}},
		{"km/h", "fr", "300 km/h", []string{"300", "km/h"}},
		{"italian elision", "it", "dell'Italia e l'anno", []string{"dell'", "Italia", "e", "l'", "anno"}},
		{"missing space", "fr", "fin.Le début", []string{"fin", ".", "Le", "début"}},
		{"domain", "en", "Amazon.com shares", []string{"Amazon.com", "shares"}},
		{"all-caps dateline abbreviation", "en", "ST. LOUIS (AP) — FT. LAUDERDALE", []string{"ST.", "LOUIS", "(", "AP", ")", "—", "FT.", "LAUDERDALE"}},
		{"all-caps dateline possessive", "en", "ST. GEORGE'S, Grenada", []string{"ST.", "GEORGE", "'S", ",", "Grenada"}},
		{"all-caps word before a lower-case one", "en", "MT. Vernon and NO. 1", []string{"MT", ".", "Vernon", "and", "NO", ".", "1"}},
		{"name endings", "en", "Warner Bros. Discovery and Samsung Co. Ltd.", []string{"Warner", "Bros.", "Discovery", "and", "Samsung", "Co.", "Ltd."}},
		{"name ending in French", "fr", "Warner Bros. Discovery", []string{"Warner", "Bros.", "Discovery"}},
		{"name ending in German", "de", "Warner Bros. Discovery", []string{"Warner", "Bros.", "Discovery"}},
		{"instrument codes", "en", "Apple (AAPL.O) and Toyota (7203.T), BMW (BMWG.DE) at U.S.A.", []string{"Apple", "(", "AAPL.O", ")", "and", "Toyota", "(", "7203.T", ")", ",", "BMW", "(", "BMWG.DE", ")", "at", "U.S.A."}},
		{"listed abbreviation with inner periods", "es", "a EE.UU. para", []string{"a", "EE.UU.", "para"}},
		{"empty", "fr", "", nil},
		{"spaces only", "fr", " \n\t ", nil},
		{"unknown language", "zz", "l'avion", []string{"l'avion"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Tokenize(c.in, c.lang)
			if c.want == nil {
				require.Empty(t, d.Tokens)
				return
			}
			require.Equal(t, c.want, texts(d))
			checkInvariants(t, c.in, d)
		})
	}
}

func TestNorm(t *testing.T) {
	cases := []struct{ in, want string }{
		{"l’", "l'"},
		{"L'", "L'"},
		{"«", `"`},
		{"”", `"`},
		{"aujourd`hui", "aujourd'hui"},
		{"e\u0301te\u0301", "été"},
		{"1\u00a0000", "1000"},
		{"1 000", "1000"},
		{"…", "..."},
		{"Jong‐un", "Jong-un"},
		{"pre\u00admier", "premier"},
		{"Paris", "Paris"},
		{"Élysée", "Élysée"},
	}
	for _, c := range cases {
		require.Equal(t, c.want, Normalize(c.in), c.in)
	}
	d := Tokenize("L’État « fort »", "fr")
	require.Equal(t, []string{"L'", "État", `"`, "fort", `"`}, func() []string {
		var out []string
		for _, t := range d.Tokens {
			out = append(out, t.Norm)
		}
		return out
	}())
	require.Equal(t, "L’", d.Tokens[0].Text, "Text keeps the original")
}

func TestSentences(t *testing.T) {
	cases := []struct {
		name, lang, in string
		want           []string
	}{
		{"simple", "fr", "Il pleut. Elle part ! Et toi ?", []string{"Il pleut.", "Elle part !", "Et toi ?"}},
		{"title no break", "fr", "M. Dupont est venu. Mme Durand aussi.", []string{"M. Dupont est venu.", "Mme Durand aussi."}},
		{"english titles", "en", "Dr. Smith met Mr. Jones. They talked.", []string{"Dr. Smith met Mr. Jones.", "They talked."}},
		{"english abbreviated ranks", "en", "Brig. Gen. John Smith met Sens. Warren and Sanders. Lt. Gov. Eleni Kounalakis and Msgr. Doe left.",
			[]string{"Brig. Gen. John Smith met Sens. Warren and Sanders.", "Lt. Gov. Eleni Kounalakis and Msgr. Doe left."}},
		{"initials", "en", "J. K. Rowling wrote it. It sold.", []string{"J. K. Rowling wrote it.", "It sold."}},
		{"initial at end", "fr", "Il régna après Dagobert I. Le roi mourut.", []string{"Il régna après Dagobert I.", "Le roi mourut."}},
		{"acronym", "en", "The U.S. Senate voted. It passed.", []string{"The U.S. Senate voted.", "It passed."}},
		{"acronym then starter", "en", "Troops left the U.S. The war ended.", []string{"Troops left the U.S.", "The war ended."}},
		{"sept as number", "fr", "Ils sont sept. Le 3 sept. 2012, rien.", []string{"Ils sont sept.", "Le 3 sept. 2012, rien."}},
		{"crlf blank line", "en", "Headline\r\n\r\nBody text.", []string{"Headline", "Body text."}},
		{"etc then capital", "fr", "Pommes, poires, etc. Le marché ferme.", []string{"Pommes, poires, etc.", "Le marché ferme."}},
		{"etc then lower", "fr", "Pommes, etc. et poires.", []string{"Pommes, etc. et poires."}},
		{"month", "fr", "Le 3 janv. 2012, il part.", []string{"Le 3 janv. 2012, il part."}},
		{"quote after stop", "fr", "« Je viens. » Il partit.", []string{"« Je viens. »", "Il partit."}},
		{"question in quote continues", "fr", "« Tu viens ? » demanda-t-il.", []string{"« Tu viens ? » demanda-t-il."}},
		{"english quote", "en", `"I agree." He left.`, []string{`"I agree."`, "He left."}},
		{"numbers", "en", "It cost 3.5 million. Then 1,000.5 more.", []string{"It cost 3.5 million.", "Then 1,000.5 more."}},
		{"headline", "fr", "Kim Jong-un en visite à Pékin\nLe dirigeant nord-coréen est arrivé.", []string{"Kim Jong-un en visite à Pékin", "Le dirigeant nord-coréen est arrivé."}},
		{"blank line", "en", "First paragraph without stop\n\nsecond one", []string{"First paragraph without stop", "second one"}},
		{"wrapped line", "fr", "Le président a\nrencontré son homologue.", []string{"Le président a\nrencontré son homologue."}},
		{"comma at line end", "fr", "Il a dit,\nEmmanuel Macron, non.", []string{"Il a dit,\nEmmanuel Macron, non."}},
		{"no final stop", "fr", "Titre", []string{"Titre"}},
		{"url then sentence", "fr", "Voir www.afp.com. La suite.", []string{"Voir www.afp.com.", "La suite."}},
		{"ellipsis lower", "fr", "Il hésite... puis part.", []string{"Il hésite... puis part."}},
		{"dateline", "fr", "PARIS (AFP) - Le président est parti.", []string{"PARIS (AFP) - Le président est parti."}},
		{"dash item after sentence", "fr", "La dose est indiquée dans la notice. - Un bolus additionnel.", []string{"La dose est indiquée dans la notice.", "- Un bolus additionnel."}},
		{"dated dateline", "fr", "22 mai 2012. - Prévu samedi, le lancement a eu lieu. Fin.", []string{"22 mai 2012. - Prévu samedi, le lancement a eu lieu.", "Fin."}},
		{"all-caps dateline", "en", "ST. LOUIS (AP) — A man was shot. FT. MYERS, Fla. (AP) — Police said.", []string{"ST. LOUIS (AP) — A man was shot.", "FT. MYERS, Fla. (AP) — Police said."}},
		{"all-caps dateline possessive", "en", "ST. GEORGE'S, Grenada (AP) — Officials said.", []string{"ST. GEORGE'S, Grenada (AP) — Officials said."}},
		{"name ending inside a name", "en", "Warner Bros. Discovery cut jobs. Samsung Electronics Co. Ltd. said. Walt Disney Co. CEO Bob Iger left.",
			[]string{"Warner Bros. Discovery cut jobs.", "Samsung Electronics Co. Ltd. said.", "Walt Disney Co. CEO Bob Iger left."}},
		{"name ending before a starter", "en", "Shares of Nippon Steel Corp. The company said. Apple Inc. (NYSE: AAPL) rose.",
			[]string{"Shares of Nippon Steel Corp.", "The company said.", "Apple Inc. (NYSE: AAPL) rose."}},
		{"instrument code", "en", "Shares of Apple (AAPL.O) rose. They fell.", []string{"Shares of Apple (AAPL.O) rose.", "They fell."}},
		{"name ending in French", "fr", "Warner Bros. Discovery a annoncé. Il part.", []string{"Warner Bros. Discovery a annoncé.", "Il part."}},
		{"name ending without starters", "de", "Er kaufte Acme Corp. Der Preis stieg.", []string{"Er kaufte Acme Corp.", "Der Preis stieg."}},
		{"time before a day", "en", "It began at 10 a.m. Officials said it ends at 5 p.m. Tuesday or 6 p.m. EDT.",
			[]string{"It began at 10 a.m.", "Officials said it ends at 5 p.m. Tuesday or 6 p.m. EDT."}},
		{"spanish acronym", "es", "Viajó a EE.UU. para la cumbre. Viajó a EE.UU. El viaje fue largo.",
			[]string{"Viajó a EE.UU. para la cumbre.", "Viajó a EE.UU.", "El viaje fue largo."}},
		{"dialogue dash on new line", "fr", "Il entra.\n— Bonjour, dit-il.", []string{"Il entra.", "— Bonjour, dit-il."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := NewTokenizer(c.lang).Segment(c.in)
			require.Equal(t, c.want, sentences(d))
			checkInvariants(t, c.in, d)
		})
	}
}

func TestOffsetsAreRunes(t *testing.T) {
	s := "Été à Zürich : « 3 000 € » l’été."
	d := Tokenize(s, "fr")
	rs := []rune(s)
	for _, tk := range d.Tokens {
		require.Equal(t, string(rs[tk.Start:tk.End]), tk.Text)
	}
	require.Equal(t, []string{"Été", "à", "Zürich", ":", "«", "3 000", "€", "»", "l’", "été", "."}, texts(d))
	require.False(t, d.Tokens[0].SpaceBefore)
	require.True(t, d.Tokens[1].SpaceBefore)
	require.False(t, d.Tokens[9].SpaceBefore)
}

func TestTokenizerReuse(t *testing.T) {
	tk := NewTokenizer("fr")
	require.Equal(t, "fr", tk.Lang())
	require.Equal(t, "xx", NewTokenizer("qq").Lang())
	a := tk.Segment("L'avion décolle. Il vole.")
	b := tk.Segment("Autre texte")
	require.Equal(t, []string{"L'", "avion", "décolle", ".", "Il", "vole", "."}, texts(a))
	require.Equal(t, []string{"Autre", "texte"}, texts(b))
	require.Contains(t, Languages(), "fr")
	require.NotContains(t, Languages(), "xx")
}

func TestInvalidUTF8(t *testing.T) {
	s := "ab\xff\xfe cd\xc3"
	d := Tokenize(s, "en")
	checkInvariants(t, s, d)
	require.NotEmpty(t, d.Tokens)
}

// checkInvariants verifies what every segmentation guarantees.
func checkInvariants(t *testing.T, s string, d Doc) {
	t.Helper()
	require.Equal(t, s, d.Text)
	// rune index -> byte offset, as for []rune(s)
	off := make([]int, 0, len(s)+1)
	for i := range s {
		off = append(off, i)
	}
	off = append(off, len(s))
	prev := 0
	for i, tk := range d.Tokens {
		require.Less(t, tk.Start, tk.End, "token %d empty", i)
		require.GreaterOrEqual(t, tk.Start, prev, "token %d overlaps", i)
		require.LessOrEqual(t, tk.End, len(off)-1)
		require.Equal(t, s[off[tk.Start]:off[tk.End]], tk.Text, "token %d text", i)
		require.NotEmpty(t, tk.Norm)
		if utf8.ValidString(tk.Text) {
			require.Equal(t, string([]rune(s)[tk.Start:tk.End]), tk.Text)
		}
		if tk.Start > 0 {
			pr, _ := utf8.DecodeLastRuneInString(s[:off[tk.Start]])
			if strings.ContainsRune(" \t\n\r\u00a0\u202f", pr) {
				require.True(t, tk.SpaceBefore, "token %d after space", i)
			}
			if tk.SpaceBefore {
				require.False(t, pr != utf8.RuneError && unicode.IsLetter(pr) || unicode.IsDigit(pr) || unicode.IsPunct(pr), "token %d SpaceBefore after %q", i, pr)
			}
		} else {
			require.False(t, tk.SpaceBefore)
		}
		prev = tk.End
	}
	next := 0
	for _, st := range d.Sentences {
		require.Equal(t, next, st.First, "sentences cover tokens")
		require.Less(t, st.First, st.Last)
		require.Equal(t, d.Tokens[st.First].Start, st.Start)
		require.Equal(t, d.Tokens[st.Last-1].End, st.End)
		next = st.Last
	}
	require.Equal(t, len(d.Tokens), next, "sentences cover tokens")
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"L’avion d'Air France est arrivé. M. Dupont, etc.",
		"« Bonjour ! » dit-il.\n\nTitre\nSuite 1 000,5 % http://x.org/a.",
		"I don't know J. K. Rowling's U.S. plan.",
		"ab\xff\xfe cd\xc3 '' -- ... ?!",
	} {
		f.Add(s, "fr")
		f.Add(s, "en")
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		d := Tokenize(s, lang)
		checkInvariants(t, s, d)
	})
}

func TestTokenizerConcurrent(t *testing.T) {
	tk := NewTokenizer("fr")
	inputs := []string{"L'avion décolle. Il vole.", "« Bonjour ! » dit-il.", "M. Dupont, etc. Fin", ""}
	want := make([][]string, len(inputs))
	for i, s := range inputs {
		want[i] = texts(Tokenize(s, "fr"))
	}
	done := make(chan [][]string)
	for g := 0; g < 4; g++ {
		go func() {
			var got [][]string
			for r := 0; r < 50; r++ {
				for _, s := range inputs {
					got = append(got, texts(tk.Segment(s)))
				}
			}
			done <- got
		}()
	}
	for g := 0; g < 4; g++ {
		got := <-done
		for k, toks := range got {
			require.Equal(t, want[k%len(inputs)], toks)
		}
	}
}
