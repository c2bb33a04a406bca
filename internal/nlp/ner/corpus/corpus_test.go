package corpus

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func gz(t *testing.T, s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, err := w.Write([]byte(s))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return b.Bytes()
}

func TestReadFormats(t *testing.T) {
	cases := []struct {
		name   string
		input  string
		tokens [][]string
		spans  [][]Span
	}{
		{
			name:   "wikineural",
			input:  "0\tLe\tO\n1\tPaul\tB-PER\n2\tDurand\tI-PER\n3\tvit\tO\n4\tà\tO\n5\tParis\tB-LOC\n\n0\tIBM\tB-ORG\n1\tVoyager\tB-MISC\n",
			tokens: [][]string{{"Le", "Paul", "Durand", "vit", "à", "Paris"}, {"IBM", "Voyager"}},
			spans:  [][]Span{{{1, 3, "PER"}, {5, 6, "LOC"}}, {{0, 1, "ORG"}, {1, 2, "MISC"}}},
		},
		{
			name: "uner",
			input: "# newdoc id = x\n# sent_id = x-1\n# text = where in tampa bay\n1\twhere\tO\t-\t-\n2\tin\tO\t-\t-\n3\ttampa\tB-LOC\t-\tstephen\n4\tbay\tI-LOC\t-\tstephen\n\n" +
				"# sent_id = x-2\n1\t#\tO\t-\t-\n2\tGoogle\tB-ORG\t-\t-\n",
			tokens: [][]string{{"where", "in", "tampa", "bay"}, {"#", "Google"}},
			spans:  [][]Span{{{2, 4, "LOC"}}, {{1, 2, "ORG"}}},
		},
		{
			name: "hipe",
			input: "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC\n" +
				"# hipe2022:document_id = EXP-1\n# hipe2022:date = 1888-08-03\n" +
				"M\tB-pers\tO\tB-pers.ind\tO\tO\tO\tQ1\t_\tNoSpaceAfter\n.\tI-pers\tO\tI-pers.ind\tO\tO\tO\tQ1\t_\t_\n" +
				"Ilg\tI-pers\tO\tI-pers.ind\tO\tO\tO\tQ1\t_\t_\nà\tO\tO\tO\tO\tO\tO\t_\t_\t_\n" +
				"Munich\tB-loc\tO\tB-loc.adm.town\tO\tO\tO\tQ2\t_\tNoSpaceAfter\n.\tO\tO\tO\tO\tO\tO\t_\t_\tEndOfSentence\n" +
				"Le\tB-prod\tO\tO\tO\tO\tO\t_\t_\t_\nTemps\tI-prod\tO\tO\tO\tO\tO\t_\t_\t_\nlundi\tB-time\tO\tO\tO\tO\tO\t_\t_\tEndOfSentence\n" +
				"# hipe2022:document_id = EXP-2\nLa\tO\tO\tO\tO\tO\tO\t_\t_\t_\nSuisse\tB-loc\tO\tO\tO\tO\tO\t_\t_\tEndOfSentence\n",
			tokens: [][]string{{"M", ".", "Ilg", "à", "Munich", "."}, {"Le", "Temps", "lundi"}, {"La", "Suisse"}},
			spans:  [][]Span{{{0, 3, "PER"}, {4, 5, "LOC"}}, {{0, 2, "MISC"}}, {{1, 2, "LOC"}}},
		},
		{
			name:   "europeana IOB1 chunked",
			input:  "Emmanuel I-PER\nDesoles I-PER\nà O\nRennes I-LOC\n, O\nrue O\nde O\nla O\nPaix I-LOC\n. O\nLe O\nMatin I-ORG\n",
			tokens: [][]string{{"Emmanuel", "Desoles", "à", "Rennes", ",", "rue", "de", "la", "Paix", "."}, {"Le", "Matin"}},
			spans:  [][]Span{{{0, 2, "PER"}, {3, 4, "LOC"}, {8, 9, "LOC"}}, {{1, 2, "ORG"}}},
		},
		{
			name:   "europeana IOB2 with bad tags",
			input:  "Den B-LOC\nHaag I-LOC\nen O\nB_LOC B_LOC\nAmsterdam B-LOC\n",
			tokens: [][]string{{"Den", "Haag", "en", "B_LOC", "Amsterdam"}},
			spans:  [][]Span{{{0, 2, "LOC"}, {4, 5, "LOC"}}},
		},
	}
	for _, c := range cases {
		for _, zip := range []bool{false, true} {
			t.Run(c.name, func(t *testing.T) {
				in := []byte(c.input)
				if zip {
					in = gz(t, c.input)
				}
				got, err := Read(bytes.NewReader(in), FormatAuto)
				require.NoError(t, err)
				require.Len(t, got, len(c.tokens))
				for i := range got {
					require.Equal(t, c.tokens[i], got[i].Tokens)
					require.Equal(t, c.spans[i], got[i].Spans)
				}
			})
		}
	}
}

func TestSpans(t *testing.T) {
	cases := []struct {
		tags []string
		want []Span
	}{
		{[]string{"B-PER", "B-PER"}, []Span{{0, 1, "PER"}, {1, 2, "PER"}}},
		{[]string{"I-PER", "I-PER", "I-LOC"}, []Span{{0, 2, "PER"}, {2, 3, "LOC"}}},
		{[]string{"O", "I-ORG", "O", "I-ORG"}, []Span{{1, 2, "ORG"}, {3, 4, "ORG"}}},
		{[]string{"U-LOC", "B-MISC", "L-MISC"}, []Span{{0, 1, "LOC"}, {1, 3, "MISC"}}},
		{[]string{"B-time", "I-time", "X", ""}, nil},
	}
	for _, c := range cases {
		require.Equal(t, c.want, Spans(c.tags), strings.Join(c.tags, " "))
	}
}

func TestMapType(t *testing.T) {
	for in, want := range map[string]string{"pers": "PER", "PER": "PER", "org": "ORG", "loc": "LOC", "BUILDING": "LOC",
		"prod": "MISC", "HumanProd": "MISC", "MISC": "MISC", "time": "", "date": ""} {
		require.Equal(t, want, MapType(in), in)
	}
}

// TestSharedCorpora checks the readers against the counts in the data's
// SOURCE.md files (skipped when ../shared/data is absent).
func TestSharedCorpora(t *testing.T) {
	dir := "../../../../../shared/data"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no shared data")
	}
	cases := []struct {
		file      string
		sentences int
		entities  int
	}{
		{"wikineural/wikineural-fr-val.conllu.gz", 12600, 22638},
		{"uner-gold/en_ewt-ud-dev.iob2.gz", 2001, 966},
		{"hipe2022-news/HIPE-2022-v2.1-hipe2020-dev-fr.tsv.gz", -1, 1729 - 68},
		{"europeana-newspapers-ner/enp_FR.bnf.bio.gz", -1, 9836},
	}
	for _, c := range cases {
		ss, err := ReadFile(filepath.Join(dir, c.file))
		require.NoError(t, err)
		n := 0
		for _, s := range ss {
			n += len(s.Spans)
		}
		if c.sentences >= 0 {
			require.Equal(t, c.sentences, len(ss), c.file)
		}
		require.InDelta(t, c.entities, n, float64(c.entities)/100, c.file)
	}
}
