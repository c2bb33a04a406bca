package lexicon

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"États-Unis", "etats unis"},
		{"Etats Unis", "etats unis"},
		{"  Côte d’Ivoire ", "cote d ivoire"},
		{"U.S.", "us"},
		{"Œuvre", "oeuvre"},
		{"Kim Jong-un", "kim jong un"},
		{"", ""},
		{"«»", ""},
	} {
		require.Equal(t, tc.want, Fold(tc.in), tc.in)
	}
}

func TestLoadUnknown(t *testing.T) {
	for _, lang := range []string{"", "xx", "../fr", "fr/../en"} {
		_, err := Load(lang)
		require.ErrorIs(t, err, ErrUnknownLanguage, lang)
	}
	require.Contains(t, Languages(), "fr")
	require.Contains(t, Languages(), "en")
}

func TestDemonym(t *testing.T) {
	fr, err := Load("fr")
	require.NoError(t, err)
	en, err := Load("en")
	require.NoError(t, err)
	for _, tc := range []struct {
		lex           *Lexicon
		word          string
		country, iso2 string
		ok            bool
	}{
		{fr, "russe", "Russie", "RU", true},
		{fr, "Russes", "Russie", "RU", true},
		{fr, "nord-coréen", "Corée du Nord", "KP", true},
		{fr, "nord-coréenne", "Corée du Nord", "KP", true},
		{fr, "Nord-Coréens", "Corée du Nord", "KP", true},
		{fr, "français", "France", "FR", true},
		{fr, "américaine", "États-Unis", "US", true},
		{fr, "ukrainien", "Ukraine", "UA", true},
		{fr, "président", "", "", false},
		{en, "Russian", "Russia", "RU", true},
		{en, "Russians", "Russia", "RU", true},
		{en, "North Korean", "North Korea", "KP", true},
		{en, "American", "United States", "US", true},
		{en, "British", "United Kingdom", "GB", true},
		{en, "Saudi", "Saudi Arabia", "SA", true},
		{en, "us", "", "", false},
		{en, "president", "", "", false},
	} {
		c, iso, ok := tc.lex.Demonym(tc.word)
		require.Equal(t, tc.ok, ok, tc.word)
		require.Equal(t, tc.iso2, iso, tc.word)
		require.Equal(t, tc.country, c, tc.word)
	}
}

// TestCountryPrefix checks that CountryPrefix is Country, and that it
// tells whether a longer name starting with the same words can be one.
func TestCountryPrefix(t *testing.T) {
	fr, err := Load("fr")
	require.NoError(t, err)
	en, err := Load("en")
	require.NoError(t, err)
	for _, tc := range []struct {
		lex      *Lexicon
		name     string
		iso2     string
		ok, more bool
	}{
		{fr, "Corée", "", false, true}, // "Corée du Nord"
		{fr, "Corée du", "", false, true},
		{fr, "Corée du Nord", "KP", true, true},
		{fr, "Etats-Unis", "US", true, true},
		{fr, "Côte d'Ivoire", "CI", true, true},
		{fr, "Russie", "RU", true, true},
		{fr, "Macron", "", false, false},
		{fr, "Russie a", "", false, false},
		{en, "United", "", false, true},
		{en, "United Nations", "", false, false},
		{en, "USA", "US", true, true},
		{en, "", "", false, true},
	} {
		iso, ok, more := tc.lex.CountryPrefix(tc.name)
		require.Equal(t, tc.ok, ok, tc.name)
		require.Equal(t, tc.iso2, iso, tc.name)
		require.Equal(t, tc.more, more, tc.name)
		wantISO, wantOK := tc.lex.Country(tc.name)
		require.Equal(t, wantOK, ok, tc.name)
		require.Equal(t, wantISO, iso, tc.name)
	}
	var l *Lexicon
	_, ok, more := l.CountryPrefix("France")
	require.False(t, ok)
	require.False(t, more)
}

func TestCountry(t *testing.T) {
	fr, err := Load("fr")
	require.NoError(t, err)
	en, err := Load("en")
	require.NoError(t, err)
	de, err := Load("de")
	require.NoError(t, err)
	for _, tc := range []struct {
		lex  *Lexicon
		name string
		iso2 string
		ok   bool
	}{
		{fr, "Corée du Nord", "KP", true},
		{fr, "Etats-Unis", "US", true},
		{fr, "États-Unis", "US", true},
		{fr, "Russie", "RU", true},
		{fr, "Allemagne", "DE", true},
		{en, "United States", "US", true},
		{en, "USA", "US", true},
		{en, "Russia", "RU", true},
		{de, "Deutschland", "DE", true},
		{de, "Frankreich", "FR", true},
		{fr, "Pyongyang", "", false},
	} {
		iso, ok := tc.lex.Country(tc.name)
		require.Equal(t, tc.ok, ok, tc.name)
		require.Equal(t, tc.iso2, iso, tc.name)
	}
	n, ok := fr.CountryName("kp")
	require.True(t, ok)
	require.Equal(t, "Corée du Nord", n)
}

func TestTitles(t *testing.T) {
	fr, err := Load("fr")
	require.NoError(t, err)
	en, err := Load("en")
	require.NoError(t, err)
	require.True(t, fr.Title("président"))
	require.True(t, fr.Title("Président"))
	require.True(t, fr.Title("ministre des Affaires étrangères"))
	require.False(t, fr.Title("Poutine"))
	require.True(t, en.Title("CEO"))
	require.True(t, en.Title("chancellor"))
	for _, tc := range []struct {
		lex  *Lexicon
		toks []string
		want int
	}{
		{fr, []string{"ministre", "des", "affaires", "étrangères", ",", "Sergueï"}, 4},
		{fr, []string{"ministre", "des", "Finances"}, 3},
		{fr, []string{"ministre", "des", "solidarités"}, 1},
		{fr, []string{"ministre", "des", "Sports"}, 3},
		{fr, []string{"secrétaire", "d", "'", "État", "américain"}, 4}, // the demonym is a nationality (internal/nlp/relate)
		{fr, []string{"secrétaire", "général", "de", "l'", "ONU"}, 2},  // the organisation is the object of the title (internal/nlp/relate)
		{fr, []string{"chef", "du", "Kremlin"}, 1},
		{fr, []string{"ex-président", "Nicolas"}, 1},
		{fr, []string{"expert", "Jean"}, 0},
		{fr, []string{"Vladimir", "Poutine"}, 0},
		{fr, []string{",", "président"}, 0},
		{fr, nil, 0},
		{en, []string{"Prime", "Minister", "Keir", "Starmer"}, 2},
		{en, []string{"chief", "executive", "officer"}, 3},
		{en, []string{"Sen.", "Elizabeth", "Warren"}, 1},
		{en, []string{"Lt.", "Gen.", "John", "Smith"}, 2},
		{en, []string{"House", "Speaker", "Mike", "Johnson"}, 2},
	} {
		require.Equal(t, tc.want, tc.lex.TitleAt(tc.toks), "%q", tc.toks)
	}
	for lang, titles := range map[string][]string{
		"es": {"vicepresidenta", "ministra de Defensa", "fiscal general", "consejero delegado", "comisaria europea", "papa"},
		"it": {"vicepremier", "ministro dell'Interno", "sindaca", "amministratore delegato", "commissario europeo", "papa"},
		"pt": {"ministro da Justiça", "procurador-geral", "treinador", "cardeal"},
		"nl": {"vicepremier", "oppositieleider", "bondscoach", "aartsbisschop"},
	} {
		l, err := Load(lang)
		require.NoError(t, err)
		for _, ti := range titles {
			require.True(t, l.Title(ti), "%s %q", lang, ti)
		}
	}
}

func TestCompoundTitle(t *testing.T) {
	de, err := Load("de")
	require.NoError(t, err)
	nl, err := Load("nl")
	require.NoError(t, err)
	en, err := Load("en")
	require.NoError(t, err)
	for _, tc := range []struct {
		lex        *Lexicon
		word, head string
	}{
		{de, "Bundesfinanzminister", "minister"},
		{de, "Wirtschaftsministerin", "ministerin"},
		{de, "CDU-Chef", "chef"},
		{de, "SPD-Vorsitzende", "vorsitzende"},
		{de, "Ex-Kanzlerin", "kanzlerin"},
		{de, "SPD-Fraktionschef", "chef"},
		{de, "Richter", ""},     // a surname too: the head alone is no compound
		{de, "Chef", ""},        // a title of titles.txt, not a compound
		{de, "Vize", ""},        // no head
		{de, "Baden-Baden", ""}, // no head
		{nl, "VVD-leider", "leider"},
		{nl, "partijleider", "leider"},
		{nl, "Port-au-Prince", ""}, // three parts
		{en, "ex-president", ""},   // no title-heads.txt in English (a former title: TitleAt 1)
	} {
		require.Equal(t, tc.head, tc.lex.CompoundTitle(tc.word), "%s %q", tc.lex.Lang(), tc.word)
		want := 0
		if tc.lex.Title(tc.word) {
			want = 1
		}
		require.Equal(t, want, tc.lex.TitleAt([]string{tc.word, "Olaf"}), "%s TitleAt %q", tc.lex.Lang(), tc.word)
		require.Equal(t, tc.lex.TitleAt([]string{tc.word}), tc.lex.TitleAtFolded([]string{Fold(tc.word)}), "%s TitleAtFolded %q", tc.lex.Lang(), tc.word)
	}
	require.True(t, de.Title("Bundesfinanzminister"))
	require.False(t, de.Title("Richter"))
}

func TestDemonymAt(t *testing.T) {
	fr, err := Load("fr")
	require.NoError(t, err)
	en, err := Load("en")
	require.NoError(t, err)
	for _, tc := range []struct {
		lex     *Lexicon
		toks    []string
		n       int
		country string
	}{
		{fr, []string{"nord", "-", "coréen", "a"}, 3, "Corée du Nord"},
		{fr, []string{"nord-coréenne"}, 1, "Corée du Nord"},
		{fr, []string{"russe", ","}, 1, "Russie"},
		{fr, []string{"nord", "du", "pays"}, 0, ""},
		{fr, []string{"qatari", ","}, 1, "Qatar"}, // AFP's form, not only "qatarien"
		{fr, []string{"ouzbek"}, 1, "Ouzbékistan"},
		{fr, []string{"-", "russe"}, 0, ""},
		{en, []string{"North", "Korean", "leader"}, 2, "North Korea"},
		{en, []string{"Russian", "President"}, 1, "Russia"},
		{en, nil, 0, ""},
	} {
		n, c, _ := tc.lex.DemonymAt(tc.toks)
		require.Equal(t, tc.n, n, "%q", tc.toks)
		require.Equal(t, tc.country, c, "%q", tc.toks)
	}
}

func TestFoldFastPathAgrees(t *testing.T) {
	in := []string{"paris", "etats unis", "a b", "Paris", "a  b", " a", "a-b", "ÿ", "Ǆ", "İstanbul", "Łódź", "straße",
		"U.S.", "A.-B. C", "l’État", "l'ONU", "n°3", "x\x80y", "\xff", "..a..", "-a-", "a.b-c_d", "Nord-Coréen",
		"1\u00a02", "«\u00a0Très bien\u00a0»", "ABC def", "a\tb\nc", "e\u0301", "x\u0301.\u0301y"}
	// Every ASCII byte alone, after a letter and between letters.
	for c := range 128 {
		in = append(in, string(rune(c)), "a"+string(rune(c)), "a"+string(rune(c))+"b", string(rune(c))+"É")
	}
	for _, s := range in {
		want := foldRuneByRune(s)
		require.Equal(t, want, Fold(s), "%q", s)
		require.Equal(t, "<"+want, string(AppendFold([]byte("<"), s)), "%q", s)
	}
}

// TestLookupsFoldTheirInput checks that lookups with folded and unfolded
// input agree.
func TestLookupsFoldTheirInput(t *testing.T) {
	fr, err := Load("fr")
	require.NoError(t, err)
	for _, tc := range []struct {
		raw, folded string
	}{
		{"Président", "president"},
		{"Corée du Nord", "coree du nord"},
		{"Kremlin", "kremlin"},
		{"la", "la"},
		{"Inconnu", "inconnu"},
	} {
		for _, name := range []string{"titles", "determiners", "stopwords"} {
			require.Equal(t, fr.Has(name, tc.raw), fr.Has(name, tc.folded), "%s %q", name, tc.raw)
		}
		iso, ok := fr.Country(tc.raw)
		iso2, ok2 := fr.Country(tc.folded)
		require.Equal(t, [2]any{iso, ok}, [2]any{iso2, ok2}, tc.raw)
		iso, ok = fr.Seat(tc.raw)
		iso2, ok2 = fr.Seat(tc.folded)
		require.Equal(t, [2]any{iso, ok}, [2]any{iso2, ok2}, tc.raw)
	}
	require.True(t, fr.Has("titles", "président"))
	_, ok := fr.Country("coree du nord")
	require.True(t, ok)
}

// BenchmarkFold folds the tokens of a French sentence, as the stages do.
func BenchmarkFold(b *testing.B) {
	toks := strings.Fields("Le président russe , Vladimir Poutine , est arrivé mercredi à Pyongyang pour " +
		"une visite d’ État de deux jours en Corée du Nord , la première depuis 2000 . Les États-Unis s’ inquiètent")
	b.ReportAllocs()
	var buf [64]byte
	for b.Loop() {
		for _, t := range toks {
			_ = AppendFold(buf[:0], t)
		}
	}
}

// BenchmarkLookups looks the tokens of a French sentence up as the
// stages do: Has, Title, Country, Seat and TitleAt.
func BenchmarkLookups(b *testing.B) {
	fr, err := Load("fr")
	require.NoError(b, err)
	toks := strings.Fields("Le président russe , Vladimir Poutine , est arrivé mercredi à Pyongyang pour " +
		"une visite d’ État de deux jours en Corée du Nord , la première depuis 2000 . Les États-Unis s’ inquiètent")
	b.ReportAllocs()
	for b.Loop() {
		for i, t := range toks {
			fr.Has("determiners", t)
			fr.Title(t)
			fr.Country(t)
			fr.Seat(t)
			fr.TitleAt(toks[i:])
		}
	}
}

// foldRuneByRune is Fold without its fast paths.
func foldRuneByRune(s string) string {
	var b []string
	cur := ""
	for _, r := range s {
		f := foldRuneSlow(r)
		switch f {
		case "\x00":
		case "":
			if cur != "" {
				b = append(b, cur)
			}
			cur = ""
		default:
			cur += f
		}
	}
	if cur != "" {
		b = append(b, cur)
	}
	return strings.Join(b, " ")
}

func TestListsAndSeats(t *testing.T) {
	fr, err := Load("fr")
	require.NoError(t, err)
	require.True(t, fr.Has("determiners", "Le"))
	require.True(t, fr.Has("determiners", "l’"))
	require.False(t, fr.Has("determiners", "Poutine"))
	require.False(t, fr.Has("no-such-list", "le"))
	require.Nil(t, fr.List("no-such-list"))
	require.True(t, fr.List("titles")["président"])
	iso, ok := fr.Seat("Kremlin")
	require.True(t, ok)
	require.Equal(t, "RU", iso)
	iso, ok = fr.Seat("Maison-Blanche")
	require.True(t, ok)
	require.Equal(t, "US", iso)

	// Any other .tsv file is a generic table (seats-like files excluded).
	row, ok := fr.Row("title-groups", "Chef de l’État")
	require.True(t, ok)
	require.Equal(t, []string{"head-of-state"}, row)
	require.Equal(t, []string{"head-of-state"}, fr.Table("title-groups")["president de la republique"])
	require.Nil(t, fr.Table("seats"), "seats are not a generic table")
	require.Nil(t, fr.Table("no-such-table"))
	_, ok = fr.Row("no-such-table", "x")
	require.False(t, ok)

	var nilLex *Lexicon
	require.False(t, nilLex.Has("titles", "x"))
	require.Zero(t, nilLex.TitleAt([]string{"président"}))
	_, _, ok = nilLex.Demonym("russe")
	require.False(t, ok)
}

func TestAllLanguagesLoad(t *testing.T) {
	for _, lang := range Languages() {
		l, err := Load(lang)
		require.NoError(t, err, lang)
		require.Equal(t, lang, l.Lang())
		require.NotEmpty(t, l.List("titles"), lang)
		iso, ok := l.Country(map[string]string{"fr": "France", "en": "France", "de": "Frankreich", "es": "Francia", "it": "Francia", "nl": "Frankrijk", "pt": "França", "pl": "Francja"}[lang])
		require.True(t, ok, lang)
		require.Equal(t, "FR", iso, lang)
	}
}

// TestSeatFolded checks SeatFolded of a folded name against Seat of the
// name, in every language, for seats, other names and names that Fold
// changes twice ("Ǣ" folds to "æ", then to "ae").
func TestSeatFolded(t *testing.T) {
	names := []string{"Kremlin", "kremlin", "Maison-Blanche", "Maison Blanche", "Élysée", "Palais de l'Élysée",
		"Downing Street", "White House", "Paris", "", "«»", "Ǣlysée", "Kremlin.", "  Matignon "}
	for _, lang := range Languages() {
		l, err := Load(lang)
		require.NoError(t, err)
		for _, name := range names {
			iso, ok := l.Seat(name)
			iso2, ok2 := l.SeatFolded(Fold(name))
			require.Equal(t, ok, ok2, "%s %q", lang, name)
			require.Equal(t, iso, iso2, "%s %q", lang, name)
		}
	}
	var none *Lexicon
	_, ok := none.SeatFolded("kremlin")
	require.False(t, ok)
}

func TestPortfolioAt(t *testing.T) {
	for _, tc := range []struct {
		lang        string
		title, rest []string
		want        int
	}{
		{"fr", []string{"ministre", "délégué"}, []string{"aux", "Transports", ",", "Patrice"}, 2},
		{"fr", []string{"ministre"}, []string{"de", "la", "Transition", "écologique", ",", "Christophe"}, 4},
		{"fr", []string{"ministre"}, []string{"des", "Transports", "a", "annoncé"}, 2},
		{"fr", []string{"ministre", "délégué"}, []string{"chargé", "de", "l", "'", "Europe", "Jean-Noël"}, 5},
		{"fr", []string{"ministre"}, []string{"des", "solidarités"}, 0},
		{"fr", []string{"président"}, []string{"de", "Renault"}, 0},
		{"es", []string{"ministra"}, []string{"de", "Vivienda", ",", "Isabel"}, 2},
		{"en", []string{"minister"}, []string{"for", "Europe", "Nusrat"}, 2},
		{"en", []string{"prime", "minister"}, []string{"of", "Ukraine"}, 0},
	} {
		l, err := Load(tc.lang)
		require.NoError(t, err)
		require.Equal(t, tc.want, l.PortfolioAt(tc.title, tc.rest), "%s %q %q", tc.lang, tc.title, tc.rest)
	}
}
