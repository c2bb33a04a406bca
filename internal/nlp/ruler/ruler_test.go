package ruler_test

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/ruler"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// span is an NER mention given by its text: the nth (0-based) occurrence
// of Text in field Field.
type span struct {
	Field int
	Text  string
	Nth   int
	Type  string
	Conf  float64
}

// got is a mention as the tests compare it.
type got struct {
	Field int
	Text  string
	Type  string
}

var (
	loadOnce sync.Once
	loaded   *ruler.Ruler
	loadErr  error
)

func load(t testing.TB) *ruler.Ruler {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = ruler.Load() })
	require.NoError(t, loadErr)
	return loaded
}

// build segments headline and body and adds the NER mentions of spans.
func build(t testing.TB, lang, headline, body string, spans ...span) *analysis.Analysis {
	t.Helper()
	tok := text.NewTokenizer(lang)
	a := &analysis.Analysis{Lang: lang, Fields: []analysis.Field{
		{Name: "headline", Doc: tok.Segment(headline)},
		{Name: "body", Doc: tok.Segment(body)},
	}}
	for _, sp := range spans {
		a.Mentions = append(a.Mentions, mention(t, a, sp))
	}
	return a
}

func mention(t testing.TB, a *analysis.Analysis, sp span) analysis.Mention {
	t.Helper()
	d := a.Fields[sp.Field].Doc
	b := -1
	from := 0
	for n := 0; n <= sp.Nth; n++ {
		i := strings.Index(d.Text[from:], sp.Text)
		require.GreaterOrEqual(t, i, 0, "span %q #%d not in field %d", sp.Text, sp.Nth, sp.Field)
		b = from + i
		from = b + len(sp.Text)
	}
	start := utf8.RuneCountInString(d.Text[:b])
	end := start + utf8.RuneCountInString(sp.Text)
	ts, te := -1, -1
	for i, tk := range d.Tokens {
		if tk.Start == start {
			ts = i
		}
		if tk.End == end {
			te = i + 1
		}
	}
	require.True(t, ts >= 0 && te > ts, "span %q not on token boundaries", sp.Text)
	si := 0
	for i, s := range d.Sentences {
		if s.First <= ts && ts < s.Last {
			si = i
		}
	}
	conf := sp.Conf
	if conf == 0 {
		conf = 0.9
	}
	return analysis.Mention{Field: sp.Field, Sent: si, TokStart: ts, TokEnd: te, Start: start, End: end,
		Text: sp.Text, Type: sp.Type, Confidence: conf, Entity: -1}
}

func mentions(a *analysis.Analysis) []got {
	out := []got{}
	for _, m := range a.Mentions {
		out = append(out, got{m.Field, m.Text, m.Type})
	}
	return out
}

// checkInvariants: valid ranges, Text equal to the code-point substring
// and to the tokens' span, no overlap, text order.
func checkInvariants(t *testing.T, a *analysis.Analysis) {
	t.Helper()
	for i, m := range a.Mentions {
		require.True(t, m.Field >= 0 && m.Field < len(a.Fields), "field of %+v", m)
		d := a.Fields[m.Field].Doc
		r := []rune(d.Text)
		require.True(t, m.Start >= 0 && m.Start <= m.End && m.End <= len(r), "offsets of %+v", m)
		require.Equal(t, string(r[m.Start:m.End]), m.Text, "text of %+v", m)
		require.True(t, m.TokStart >= 0 && m.TokStart < m.TokEnd && m.TokEnd <= len(d.Tokens))
		require.Equal(t, d.Tokens[m.TokStart].Start, m.Start)
		require.Equal(t, d.Tokens[m.TokEnd-1].End, m.End)
		s := d.Sentences[m.Sent]
		require.True(t, s.First <= m.TokStart && m.TokEnd <= s.Last, "sentence of %+v", m)
		require.Equal(t, -1, m.Entity)
		if i > 0 {
			p := a.Mentions[i-1]
			if p.Field == m.Field {
				require.LessOrEqual(t, p.End, m.Start, "overlap or disorder: %+v then %+v", p, m)
			} else {
				require.Less(t, p.Field, m.Field)
			}
		}
	}
}

func TestApply(t *testing.T) {
	cases := []struct {
		name           string
		lang           string
		headline, body string
		spans          []span
		want           []got
	}{
		{
			name:     "propagation into headline and body",
			lang:     "fr",
			headline: "Macron reçoit le chancelier à Paris",
			body:     "Emmanuel Macron a reçu Olaf Scholz à Paris. Selon Macron, Scholz est un allié.",
			spans: []span{
				{Field: 1, Text: "Emmanuel Macron", Type: "PERSON"},
				{Field: 1, Text: "Olaf Scholz", Type: "PERSON"},
				{Field: 1, Text: "Paris", Type: "LOCATION"},
				{Field: 1, Text: "Macron", Nth: 1, Type: "PERSON"},
			},
			want: []got{
				{0, "Macron", "PERSON"}, {0, "Paris", "LOCATION"},
				{1, "Emmanuel Macron", "PERSON"}, {1, "Olaf Scholz", "PERSON"}, {1, "Paris", "LOCATION"},
				{1, "Macron", "PERSON"}, {1, "Scholz", "PERSON"}, // the surname off a sentence start
			},
		},
		{
			name: "place head before a name makes a place",
			lang: "fr",
			body: "Il est arrivé sur la place Tian'anmen puis à l'aéroport Charles-de-Gaulle. Le président Macron a parlé.",
			spans: []span{
				{Field: 1, Text: "Tian'anmen", Type: "LOCATION"},
				{Field: 1, Text: "Charles-de-Gaulle", Type: "PERSON"},
				{Field: 1, Text: "Macron", Type: "PERSON"},
			},
			want: []got{
				{1, "place Tian'anmen", "LOCATION"}, {1, "aéroport Charles-de-Gaulle", "LOCATION"},
				{1, "Macron", "PERSON"},
			},
		},
		{
			name: "place head in another sentence or capitalised is left alone",
			lang: "it",
			body: "Era in piazza. Garibaldi parlò. La Via Appia è antica.",
			spans: []span{
				{Field: 1, Text: "Garibaldi", Type: "PERSON"},
				{Field: 1, Text: "Appia", Type: "LOCATION"},
			},
			want: []got{
				{1, "Garibaldi", "PERSON"}, {1, "Appia", "LOCATION"},
			},
		},
		{
			name:     "sentence case headline surname",
			lang:     "en",
			headline: "Scholz faces confidence vote in parliament",
			body:     "German Chancellor Olaf Scholz faced a confidence vote on Monday.",
			spans: []span{
				{Field: 1, Text: "Olaf Scholz", Type: "PERSON"},
			},
			want: []got{{0, "Scholz", "PERSON"}, {1, "Olaf Scholz", "PERSON"}},
		},
		{
			name: "body surname off a sentence start",
			lang: "de",
			body: "Bundeskanzler Olaf Scholz hat verloren. Merz warf Scholz vor, versagt zu haben. Scholz Müller kam nicht. Onorio III starb; Papst Onorio III folgte.",
			spans: []span{
				{Field: 1, Text: "Olaf Scholz", Type: "PERSON"},
				{Field: 1, Text: "Onorio III", Type: "PERSON"},
			},
			want: []got{{1, "Olaf Scholz", "PERSON"}, {1, "Scholz", "PERSON"}, {1, "Onorio III", "PERSON"}, {1, "Onorio III", "PERSON"}},
		},
		{
			name:     "title case headline surname",
			lang:     "en",
			headline: "Biden Meets Chinese Leader in Beijing After Months of Tension",
			body:     "President Joe Biden met Xi Jinping in Beijing on Monday.",
			spans: []span{
				{Field: 1, Text: "Joe Biden", Type: "PERSON"},
				{Field: 1, Text: "Xi Jinping", Type: "PERSON"},
				{Field: 1, Text: "Beijing", Type: "LOCATION"},
			},
			want: []got{
				{0, "Biden", "PERSON"}, {0, "Beijing", "LOCATION"},
				{1, "Joe Biden", "PERSON"}, {1, "Xi Jinping", "PERSON"}, {1, "Beijing", "LOCATION"},
			},
		},
		{
			name:     "all-caps headline, case ignored; all-caps WHO left alone",
			lang:     "en",
			headline: "WHO WILL BIDEN MEET IN BEIJING",
			body:     "Joe Biden will travel to Beijing, the WHO said.",
			spans: []span{
				{Field: 1, Text: "Joe Biden", Type: "PERSON"},
				{Field: 1, Text: "Beijing", Type: "LOCATION"},
			},
			want: []got{
				{0, "BIDEN", "PERSON"}, {0, "BEIJING", "LOCATION"},
				{1, "Joe Biden", "PERSON"}, {1, "Beijing", "LOCATION"}, {1, "WHO", "ORGANIZATION"},
			},
		},
		{
			name: "sentence-initial common word not propagated",
			lang: "en",
			body: "Trade rose. The trade minister spoke. Trade talks ended.",
			spans: []span{
				{Field: 1, Text: "Trade", Type: "MISC"},
			},
			want: []got{{1, "Trade", "MISC"}},
		},
		{
			name: "type consistency: clear majority wins",
			lang: "en",
			body: "Wagner fighters advanced. Wagner said it held the town. Wagner denied it.",
			spans: []span{
				{Field: 1, Text: "Wagner", Type: "ORGANIZATION", Conf: 0.9},
				{Field: 1, Text: "Wagner", Nth: 1, Type: "PERSON", Conf: 0.3},
				{Field: 1, Text: "Wagner", Nth: 2, Type: "ORGANIZATION", Conf: 0.8},
			},
			want: []got{{1, "Wagner", "ORGANIZATION"}, {1, "Wagner", "ORGANIZATION"}, {1, "Wagner", "ORGANIZATION"}},
		},
		{
			name: "type consistency: no clear majority, no change, no propagation",
			lang: "en",
			body: "Jordan spoke. Jordan voted. Jordan left.",
			spans: []span{
				{Field: 1, Text: "Jordan", Type: "PERSON", Conf: 0.5},
				{Field: 1, Text: "Jordan", Nth: 1, Type: "LOCATION", Conf: 0.5},
			},
			want: []got{{1, "Jordan", "PERSON"}, {1, "Jordan", "LOCATION"}},
		},
		{
			name: "surname of a full name makes a person",
			lang: "fr",
			body: "Barack Obama a parlé en Virginie, où Obama se rendra.",
			spans: []span{
				{Field: 1, Text: "Barack Obama", Type: "PERSON", Conf: 1},
				{Field: 1, Text: "Virginie", Type: "LOCATION"},
				{Field: 1, Text: "Obama", Nth: 1, Type: "LOCATION", Conf: 0.6},
			},
			want: []got{{1, "Barack Obama", "PERSON"}, {1, "Virginie", "LOCATION"}, {1, "Obama", "PERSON"}},
		},
		{
			name: "demonym filter",
			lang: "fr",
			body: "Les russes et les Nord-Coréens, les Britanniques et les Européens ont parlé anglais aux Jeux olympiques en France.",
			spans: []span{
				{Field: 1, Text: "russes", Type: "MISC"},
				{Field: 1, Text: "Nord-Coréens", Type: "MISC"},
				{Field: 1, Text: "Britanniques", Type: "LOCATION"},
				{Field: 1, Text: "Européens", Type: "MISC"},
				{Field: 1, Text: "anglais", Type: "MISC"},
				{Field: 1, Text: "Jeux olympiques", Type: "MISC"},
				{Field: 1, Text: "France", Type: "LOCATION"},
			},
			want: []got{{1, "Jeux olympiques", "MISC"}, {1, "France", "LOCATION"}},
		},
		{
			name: "demonym filter (en), multiword name kept",
			lang: "en",
			body: "American officials and Russian diplomats discussed the Russian Revolution in English.",
			spans: []span{
				{Field: 1, Text: "American", Type: "MISC"},
				{Field: 1, Text: "Russian", Type: "MISC"},
				{Field: 1, Text: "Russian Revolution", Type: "MISC"},
				{Field: 1, Text: "English", Type: "MISC"},
			},
			want: []got{{1, "Russian Revolution", "MISC"}},
		},
		{
			name: "ruler override, add, replace a shorter mention",
			lang: "fr",
			body: "Selon RIA Novosti, le Kremlin a démenti, a rapporté Reuters. L'agence RIA Novosti cite l'AFP.",
			spans: []span{
				{Field: 1, Text: "RIA Novosti", Type: "PERSON", Conf: 0.7},
				{Field: 1, Text: "Kremlin", Type: "PERSON", Conf: 0.6},
				{Field: 1, Text: "Novosti", Nth: 1, Type: "PERSON", Conf: 0.5},
			},
			want: []got{
				{1, "RIA Novosti", "ORGANIZATION"}, {1, "Kremlin", "ORGANIZATION"}, {1, "Reuters", "ORGANIZATION"},
				{1, "RIA Novosti", "ORGANIZATION"}, {1, "AFP", "ORGANIZATION"},
			},
		},
		{
			name: "ruler never splits a longer mention",
			lang: "fr",
			body: "Le Conseil de sécurité de l'ONU s'est réuni. L'ONU a parlé.",
			spans: []span{
				{Field: 1, Text: "Conseil de sécurité de l'ONU", Type: "ORGANIZATION"},
			},
			want: []got{{1, "Conseil de sécurité de l'ONU", "ORGANIZATION"}, {1, "ONU", "ORGANIZATION"}},
		},
		{
			name: "run-on lower-case tail cut when the shorter name is attested",
			lang: "fr",
			body: "Un texte du Conseil de sécurité visant la Syrie. Le Parti vert exclut un élu. Le Parti populaire exclut un élu du Parti populaire.",
			spans: []span{
				{Field: 1, Text: "Conseil de sécurité visant", Type: "ORGANIZATION"},
				{Field: 1, Text: "Parti vert exclut", Type: "ORGANIZATION"},
				{Field: 1, Text: "Parti populaire exclut", Type: "ORGANIZATION"},
				{Field: 1, Text: "Parti populaire", Nth: 1, Type: "ORGANIZATION"},
			},
			want: []got{
				{1, "Conseil de sécurité", "ORGANIZATION"}, {1, "Syrie", "LOCATION"}, // the country, added by countryNames
				{1, "Parti vert exclut", "ORGANIZATION"}, {1, "Parti populaire", "ORGANIZATION"}, {1, "Parti populaire", "ORGANIZATION"},
			},
		},
		{
			name:     "metonymic seats are organisations",
			lang:     "en",
			headline: "White House rejects offer",
			body:     "The White House and Downing Street rejected it.",
			spans: []span{
				{Field: 1, Text: "White House", Type: "LOCATION"},
			},
			want: []got{{0, "White House", "ORGANIZATION"}, {1, "White House", "ORGANIZATION"}, {1, "Downing Street", "ORGANIZATION"}},
		},
		{
			name: "no overlap with existing mentions when propagating",
			lang: "en",
			body: "Paris Hilton arrived. Paris welcomed her, said Hilton.",
			spans: []span{
				{Field: 1, Text: "Paris Hilton", Type: "PERSON"},
				{Field: 1, Text: "Paris", Nth: 1, Type: "LOCATION"},
			},
			want: []got{{1, "Paris Hilton", "PERSON"}, {1, "Paris", "LOCATION"}, {1, "Hilton", "PERSON"}},
		},
		{
			name: "unknown language: list still applies",
			lang: "zz",
			body: "Reuters et Xinhua.",
			want: []got{{1, "Reuters", "ORGANIZATION"}, {1, "Xinhua", "ORGANIZATION"}},
		},
	}
	r := load(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := build(t, c.lang, c.headline, c.body, c.spans...)
			r.Apply(a)
			checkInvariants(t, a)
			require.Equal(t, c.want, mentions(a))
		})
	}
}

func TestApplyOddInput(t *testing.T) {
	r := load(t)
	var nilRuler *ruler.Ruler
	require.NotPanics(t, func() { nilRuler.Apply(&analysis.Analysis{}) })
	require.NotPanics(t, func() { r.Apply(nil) })
	require.NotPanics(t, func() { r.Apply(&analysis.Analysis{}) })
	require.NotPanics(t, func() { r.Apply(build(t, "fr", "", "")) })

	// a single field, mentions with bad fields or token ranges, nominal
	// and value mentions: kept as they are, never indexed out of range.
	tok := text.NewTokenizer("en")
	a := &analysis.Analysis{Lang: "en", Fields: []analysis.Field{{Name: "headline", Doc: tok.Segment("Reuters: AFP and Reuters")}}}
	bad := []analysis.Mention{
		{Field: 3, TokStart: 0, TokEnd: 1, Type: "PERSON", Text: "x"},
		{Field: 0, TokStart: 5, TokEnd: 99, Type: "MISC", Text: "y"},
		{Field: 0, TokStart: -1, TokEnd: 0, Type: "LOCATION", Text: "z"},
		{Field: -1, TokStart: 0, TokEnd: 0, Type: "ORGANIZATION", Text: ""},
	}
	a.Mentions = append(a.Mentions, bad...)
	require.NotPanics(t, func() { r.Apply(a) })
	require.Len(t, a.Mentions, len(bad)+3)

	for _, s := range []string{"\x00\xff", "«»", "A", "É.", strings.Repeat("Reuters ", 200), "ONU ONU l'ONU\n\nONU"} {
		a := build(t, "fr", s, s)
		require.NotPanics(t, func() { r.Apply(a) }, "%q", s)
		checkInvariants(t, a)
	}
}

func TestNewBadData(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"no tab":       {"en/x.tsv": {Data: []byte("Reuters ORGANIZATION\n")}},
		"unknown type": {"common/x.tsv": {Data: []byte("Reuters\tCOMPANY\n")}},
	} {
		_, err := ruler.New(fsys)
		require.ErrorIs(t, err, ruler.ErrBadData, name)
	}
	r, err := ruler.New(fstest.MapFS{"en/x.tsv": {Data: []byte("# c\n\nAcme Corp\tORGANIZATION\n")}})
	require.NoError(t, err)
	a := build(t, "en", "", "Acme Corp and Reuters.")
	r.Apply(a)
	require.Equal(t, []got{{1, "Acme Corp", "ORGANIZATION"}}, mentions(a))
}

func TestConcurrentApply(t *testing.T) {
	r := load(t)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			a := build(t, "fr", "Le Kremlin dément", "Le Kremlin a démenti, selon l'AFP.")
			r.Apply(a)
		})
	}
	wg.Wait()
}
