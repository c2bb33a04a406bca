package temporal

import (
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

func newTest(t testing.TB) *Extractor {
	t.Helper()
	x, err := New()
	require.NoError(t, err)
	return x
}

// checkSpans asserts the invariants every result must keep: spans in
// bounds, in order, not overlapping, Text equal to the span.
func checkSpans(t testing.TB, s string, got []Expr) {
	t.Helper()
	runes := []rune(s)
	prevEnd := 0
	for _, e := range got {
		switch {
		case e.Start < prevEnd:
			require.Failf(t, "overlap or disorder", "%+v starts before %d", e, prevEnd)
		case e.Start >= e.End:
			require.Failf(t, "empty span", "%+v", e)
		case e.End > len(runes):
			require.Failf(t, "span out of bounds", "%+v beyond %d", e, len(runes))
		case string(runes[e.Start:e.End]) != e.Text:
			require.Failf(t, "text does not match span", "%+v: span holds %q", e, string(runes[e.Start:e.End]))
		}
		switch e.Type {
		case "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY":
		default:
			require.Failf(t, "unknown type", "%+v", e)
		}
		prevEnd = e.End
	}
}

func TestLanguages(t *testing.T) {
	x := newTest(t)
	require.Equal(t, []string{"de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru"}, x.Languages())
}

func TestNewsTexts(t *testing.T) {
	x := newTest(t)
	for _, tc := range []struct {
		file, lang string
		want       []string
	}{
		{"testdata/news.fr.txt", "fr", []string{
			"DATE|mercredi 18 juin|2024-06-18", "MONEY|3,5 milliards d’euros|3500000000 EUR", "DATE|2030|2030",
			"PERCENT|60 %|60", "MONEY|1,2 milliard d’euros|1200000000 EUR", "QUANTITY|4 500 kilomètres|4500 km",
			"QUANTITY|800 km|800 km", "QUANTITY|deux heures|2 hour", "PERCENT|12 %|12", "DATE|l’an dernier|2023",
			"PERCENT|3,5 pour cent|3.5", "DATE|premier trimestre 2024|2024-Q1", "DATE|décembre|2023-12",
			"DATE|Lundi|2024-06-17", "DATE|septembre dernier|2023-09", "DATE|mardi prochain|2024-06-25",
			"TIME|14h30|T14:30", "QUANTITY|58 ans|58 year", "QUANTITY|150 kilomètres|150 km",
			"DATE|Il y a deux semaines|2024-06-05", "MONEY|250 millions d’euros|250000000 EUR",
			"DATE|3 mars 2021|2021-03-03", "QUANTITY|vingt-quatre ans|24 year", "DATE|La semaine dernière|2024-W24",
			"QUANTITY|trois heures|3 hour", "QUANTITY|35 degrés|35 degree", "PERCENT|7,5 %|7.5",
			"DATE|janvier|2024-01", "MONEY|42 euros|42 EUR", "DATE|1er juillet|2024-07-01", "DATE|jusqu’en 2026|../2026",
			"DATE|hier|2024-06-18", "QUANTITY|six mois|6 month", "MONEY|48 milliards d’euros|48000000000 EUR",
			"DATE|2022|2022", "MONEY|10 millions de dollars|10000000 USD", "DATE|la semaine prochaine|2024-W26",
			"MONEY|40 milliards d’euros|40000000000 EUR", "QUANTITY|dix ans|10 year",
			"MONEY|5 milliards de livres sterling|5000000000 GBP", "DATE|mai|2024-05", "DATE|demain|2024-06-20",
			"DATE|dans trois semaines|2024-07-10", "DATE|aujourd’hui|2024-06-19", "TIME|20 heures|T20:00",
			"QUANTITY|200 mètres|200 m", "DATE|mi-2025|2025", "MONEY|2 000 millions d’euros|2000000000 EUR", "DATE|15 octobre 2019|2019-10-15",
		}},
		{"testdata/news.en.txt", "en", []string{
			"DATE|Wednesday, June 18|2024-06-18", "MONEY|$3.5 billion|3500000000 USD", "DATE|2030|2030",
			"PERCENT|60%|60", "MONEY|$1.2bn|1200000000 USD", "QUANTITY|4,500 miles|4500 mile", "QUANTITY|800 km|800 km",
			"QUANTITY|two hours|2 hour", "PERCENT|12 percent|12", "DATE|last year|2023", "PERCENT|3.5 per cent|3.5",
			"DATE|the first quarter of 2024|2024-Q1", "DATE|December|2023-12", "DATE|Monday|2024-06-17",
			"DATE|last September|2023-09", "DATE|next Tuesday|2024-06-25", "TIME|2:30 pm|T14:30",
			"QUANTITY|150-mile|150 mile", "DATE|Two weeks ago|2024-06-05", "MONEY|$250 million|250000000 USD",
			"DATE|March 3, 2021|2021-03-03", "QUANTITY|twenty-four years|24 year", "DATE|this summer|2024-22", "DATE|Last week|2024-W24",
			"QUANTITY|three hours|3 hour", "QUANTITY|95 degrees Fahrenheit|95 °F", "PERCENT|7.5%|7.5",
			"DATE|January|2024-01", "MONEY|$42|42 USD", "DATE|July 1|2024-07-01", "DATE|until 2026|../2026",
			"DATE|yesterday|2024-06-18", "QUANTITY|six months|6 month", "MONEY|48 billion euros|48000000000 EUR",
			"DATE|2022|2022", "MONEY|€10m|10000000 EUR", "DATE|next week|2024-W26", "MONEY|40 billion euros|40000000000 EUR",
			"QUANTITY|ten years|10 year", "MONEY|£5bn|5000000000 GBP", "DATE|May|2024-05", "DATE|tomorrow|2024-06-20",
			"DATE|in three weeks|2024-07-10", "DATE|today|2024-06-19", "TIME|8 p.m.|T20:00", "QUANTITY|200 meters|200 m",
			"DATE|mid-2025|2025", "MONEY|$2 billion|2000000000 USD", "DATE|October 15, 2019|2019-10-15",
			"QUANTITY|10 years|10 year", "PERCENT|half a percentage point|0.5", "PERCENT|4.2%|4.2",
			"DATE|Thursday|2024-06-20", "PERCENT|0.3%|0.3",
		}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			b, err := os.ReadFile(tc.file)
			require.NoError(t, err)
			got := x.Extract(string(b), tc.lang, refDefault)
			checkSpans(t, string(b), got)
			var keys []string
			for _, e := range got {
				keys = append(keys, exprKey(e))
			}
			require.Equal(t, tc.want, keys)
		})
	}
}

func TestNumberFormats(t *testing.T) {
	x := newTest(t)
	for _, tc := range []struct{ in, lang, want string }{
		{"1 000 euros", "fr", "1000 EUR"},
		{"1\u00a0000 euros", "fr", "1000 EUR"},
		{"1\u202f000\u202f000 euros", "fr", "1000000 EUR"},
		{"3,5 euros", "fr", "3.5 EUR"},
		{"1.000 euros", "fr", "1000 EUR"},
		{"1 000,50 euros", "fr", "1000.5 EUR"},
		{"1,000.5 dollars", "en", "1000.5 USD"},
		{"1,000,000 dollars", "en", "1000000 USD"},
		{"0.05 dollars", "en", "0.05 USD"},
		{"$0.5bn", "en", "500000000 USD"},
		{"vingt et un euros", "fr", "21 EUR"},
		{"soixante-dix euros", "fr", "70 EUR"},
		{"quatre-vingt-onze euros", "fr", "91 EUR"},
		{"deux cent mille euros", "fr", "200000 EUR"},
		{"mille deux cents euros", "fr", "1200 EUR"},
		{"two hundred thousand dollars", "en", "200000 USD"},
		{"ninety-nine dollars", "en", "99 USD"},
	} {
		got := x.Extract(tc.in, tc.lang, refDefault)
		require.Len(t, got, 1, tc.in)
		require.Equal(t, tc.in, got[0].Text)
		require.Equal(t, tc.want, got[0].Value, tc.in)
	}
}

func TestNewFromFS(t *testing.T) {
	fsys := fstest.MapFS{
		"common/currencies.txt": {Data: []byte("€ = EUR sym\n")},
		"xx/units.txt":          {Data: []byte("# a test language\nkm = km length\n")},
		"xx/patterns.txt":       {Data: []byte("<amount> <unit> = quantity\n<cursym> <amount> = money\n")},
	}
	x, err := NewFromFS(fsys)
	require.NoError(t, err)
	require.Equal(t, []string{"xx"}, x.Languages())
	got := x.Extract("€5 pour 10 km", "xx", time.Time{})
	require.Len(t, got, 2)
	require.Equal(t, "5 EUR", got[0].Value)
	require.Equal(t, "10 km", got[1].Value)

	for name, content := range map[string]string{
		"xx/patterns.txt": "<nope> = date\n",
		"xx/units.txt":    "km\n",
		"xx/months.txt":   "janvier = un\n",
		"xx/format.txt":   "decimal = ;\n",
		"xx/other.txt":    "a = b\n",
		"xx/units2.txt":   "",
	} {
		bad := fstest.MapFS{name: {Data: []byte(content)}}
		if name == "xx/units2.txt" {
			bad = fstest.MapFS{"xx/patterns.txt": {Data: []byte("hier = \n")}}
		}
		_, err := NewFromFS(bad)
		require.Error(t, err, name)
	}
	_, err = NewFromFS(fstest.MapFS{"xx/patterns.txt": {Data: []byte("<nope> = date\n")}})
	require.ErrorIs(t, err, errSyntax)
}

func TestUnknownLanguageUsesCommon(t *testing.T) {
	x := newTest(t)
	got := x.Extract("Cena: 20 € i 2024-06-18, 15 %.", "pl", refDefault)
	var keys []string
	for _, e := range got {
		keys = append(keys, exprKey(e))
	}
	require.Equal(t, []string{"MONEY|20 €|20 EUR", "DATE|2024-06-18|2024-06-18", "PERCENT|15 %|15"}, keys)
	require.Empty(t, x.Extract("", "fr", refDefault))
}

func TestPathologicalInput(t *testing.T) {
	x := newTest(t)
	for name, s := range map[string]string{
		"digits":       strings.Repeat("7", 1_000_000),
		"spaces":       strings.Repeat(" ", 1_000_000),
		"groups":       strings.Repeat("123 ", 250_000),
		"separators":   strings.Repeat("1,2.", 250_000),
		"words":        strings.Repeat("vingt-", 200_000),
		"months":       strings.Repeat("mars ", 200_000),
		"dates":        strings.Repeat("18/06/2024 ", 100_000),
		"invalid utf8": strings.Repeat("\xff\xfe1 000 €", 100_000),
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			got := x.Extract(s, "fr", refDefault)
			// Linear time: a quadratic scan of a megabyte would take hours;
			// the bound is loose for loaded machines and -race.
			require.Less(t, time.Since(start), 60*time.Second)
			if utf8.ValidString(s) {
				checkSpans(t, s, got)
			}
		})
	}
}

func TestConcurrentUse(t *testing.T) {
	x := newTest(t)
	b, err := os.ReadFile("testdata/news.fr.txt")
	require.NoError(t, err)
	want := x.Extract(string(b), "fr", refDefault)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				if got := x.Extract(string(b), "fr", refDefault); len(got) != len(want) {
					t.Errorf("got %d expressions, want %d", len(got), len(want))
				}
			}
		}()
	}
	wg.Wait()
}

func TestAnnotate(t *testing.T) {
	x := newTest(t)
	body := "Le Kremlin avait indiqué lundi que l’accord était prêt. Il a coûté 3,5 milliards d’euros."
	a := &analysis.Analysis{
		Lang:      "fr",
		Published: refDefault,
		Fields: []analysis.Field{
			{Name: "headline", Doc: text.Doc{Text: "Visite de deux heures"}},
			{Name: "body", Doc: segment(body)},
		},
	}
	x.Annotate(a)
	require.Len(t, a.Mentions, 3)
	m := a.Mentions[0]
	require.Equal(t, analysis.Mention{Field: 0, Sent: 0, TokStart: 0, TokEnd: 0, Start: 10, End: 21, Text: "deux heures",
		Type: "QUANTITY", Confidence: m.Confidence, Value: "2 hour", Entity: -1}, m)
	m = a.Mentions[1]
	require.Equal(t, 1, m.Field)
	require.Equal(t, 0, m.Sent)
	require.Equal(t, "lundi", m.Text)
	require.Equal(t, "2024-06-17", m.Value)
	require.Equal(t, []rune(body)[m.Start:m.End], []rune(m.Text))
	require.Equal(t, "lundi", a.Fields[1].Doc.Tokens[m.TokStart].Text)
	require.Equal(t, m.TokStart+1, m.TokEnd)
	m = a.Mentions[2]
	require.Equal(t, 1, m.Sent)
	require.Equal(t, "MONEY", m.Type)
	require.Equal(t, "3500000000 EUR", m.Value)
	require.Equal(t, -1, m.Entity)
	toks := a.Fields[1].Doc.Tokens[m.TokStart:m.TokEnd]
	require.Equal(t, "3,5", toks[0].Text)
	require.Equal(t, "euros", toks[len(toks)-1].Text)
}

// segment is a stand-in tokenizer for the tests: white-space tokens with
// "’" split off, sentences ending at ".".
func segment(s string) text.Doc {
	doc := text.Doc{Text: s}
	rs := []rune(s)
	start := -1
	flush := func(i int) {
		if start >= 0 {
			doc.Tokens = append(doc.Tokens, text.Token{Text: string(rs[start:i]), Start: start, End: i})
			start = -1
		}
	}
	for i, r := range rs {
		switch {
		case r == ' ':
			flush(i)
		case r == '’' || r == '.':
			flush(i)
			doc.Tokens = append(doc.Tokens, text.Token{Text: string(r), Start: i, End: i + 1})
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(rs))
	first, fs := 0, 0
	for i, tk := range doc.Tokens {
		if tk.Text == "." {
			doc.Sentences = append(doc.Sentences, text.Sentence{First: first, Last: i + 1, Start: fs, End: tk.End})
			first = i + 1
			if i+1 < len(doc.Tokens) {
				fs = doc.Tokens[i+1].Start
			}
		}
	}
	return doc
}

func BenchmarkExtract(b *testing.B) {
	x := newTest(b)
	for _, lang := range []string{"fr", "en"} {
		buf, err := os.ReadFile("testdata/news." + lang + ".txt")
		require.NoError(b, err)
		s := string(buf)
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				x.Extract(s, lang, refDefault)
			}
		})
	}
}

// BenchmarkBaseline is a yardstick for BenchmarkExtract on a loaded
// machine: lower-casing the same text, splitting it on white space and
// looking every word up in a map.
func BenchmarkBaseline(b *testing.B) {
	buf, err := os.ReadFile("testdata/news.fr.txt")
	require.NoError(b, err)
	s := string(buf)
	m := map[string]int{"de": 1, "la": 2, "le": 3}
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, w := range strings.Fields(strings.ToLower(s)) {
			n += m[w]
		}
		_ = n
	}
}
