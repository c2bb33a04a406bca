package resolve

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
)

// sameEntity lists groups of mention texts that must share an entity, and
// pairs that must not.
func TestGrouping(t *testing.T) {
	r := testResolver(t)
	for _, tc := range []struct {
		name           string
		lang           string
		headline, body string
		same           [][]string
		apart          [][2]string
		names          map[string]string // a mention text -> its entity's name
		types          map[string]string // a mention text -> its entity's type
	}{
		{
			name:     "surname after full name, headline and body",
			lang:     "fr",
			headline: "[Poutine|PER] en [Corée du Nord|LOC]",
			body:     "[Vladimir Poutine|PER] est arrivé à [Pyongyang|LOC]. [Poutine|PER] a rencontré [Kim Jong-un|PER].",
			same:     [][]string{{"Poutine", "Vladimir Poutine"}},
			apart:    [][2]string{{"Poutine", "Kim Jong-un"}, {"Corée du Nord", "Pyongyang"}},
			names:    map[string]string{"Poutine": "Vladimir Poutine"},
		},
		{
			name:  "a surname two people share goes to the one named twice as often",
			lang:  "fr",
			body:  "[Barack Obama|PER] et [Michelle Obama|PER] votent. [B. Obama|PER] a parlé. [Obama|PER] a raillé [Mitt Romney|PER].",
			same:  [][]string{{"Obama", "Barack Obama", "B. Obama"}},
			apart: [][2]string{{"Obama", "Michelle Obama"}, {"Michelle Obama", "Barack Obama"}},
			names: map[string]string{"Obama": "Barack Obama"},
		},
		{
			name:  "a surname two people share as often stays apart",
			lang:  "fr",
			body:  "[Jean-Marie Le Pen|PER] et [Marine Le Pen|PER] votent. [Le Pen|PER] a parlé.",
			apart: [][2]string{{"Le Pen", "Marine Le Pen"}, {"Le Pen", "Jean-Marie Le Pen"}, {"Marine Le Pen", "Jean-Marie Le Pen"}},
		},
		{
			name:  "of two people sharing a surname, an honorific picks the one of its gender",
			lang:  "fr",
			body:  "[Gisèle Pelicot|PER] fait face à [Dominique Pelicot|PER]. Les avocats de [Mme Pelicot|PER] ont parlé. [Jean-Marie Le Pen|PER] et [Marine Le Pen|PER] votent. [Mme Le Pen|PER] a parlé.",
			same:  [][]string{{"Mme Pelicot", "Gisèle Pelicot"}, {"Mme Le Pen", "Marine Le Pen"}},
			apart: [][2]string{{"Mme Pelicot", "Dominique Pelicot"}, {"Mme Le Pen", "Jean-Marie Le Pen"}},
		},
		{
			name:  "an honorific of the other gender is another person",
			lang:  "fr",
			body:  "[François Fillon|PER] a été condamné. [M. Fillon|PER] était absent. [Mme Fillon|PER] et [M. Macron|PER] aussi. [Mme Macron|PER] a parlé avec [Emmanuel Macron|PER].",
			same:  [][]string{{"M. Fillon", "François Fillon"}, {"M. Macron", "Emmanuel Macron"}},
			apart: [][2]string{{"Mme Fillon", "François Fillon"}, {"Mme Fillon", "M. Fillon"}, {"Mme Macron", "Emmanuel Macron"}, {"Mme Macron", "M. Macron"}},
		},
		{
			name:  "an organisation's leading determiner does not tell it apart",
			lang:  "en",
			body:  "[The New York Times|ORG] sued [OpenAI|ORG]. [The Times|ORG] is seeking damages, the [Times|ORG] said.",
			same:  [][]string{{"The New York Times", "The Times", "Times"}},
			apart: [][2]string{{"Times", "OpenAI"}},
			names: map[string]string{"Times": "The New York Times"},
		},
		{
			name:  "an honorific opens the mention, not the name",
			lang:  "fr",
			body:  "Son avocat, [Me Rodolphe Bosselut|PER], a plaidé. [M. Romney|PER] a parlé ; [Mitt Romney|PER] est candidat.",
			same:  [][]string{{"M. Romney", "Mitt Romney"}},
			names: map[string]string{"Me Rodolphe Bosselut": "Rodolphe Bosselut", "M. Romney": "Mitt Romney"},
		},
		{
			name:  "an inner surname of a long name, not a particle",
			lang:  "pt",
			body:  "O presidente [Luiz Inácio Lula da Silva|PER] criticou [Javier Milei|PER]. [Lula|PER] pediu desculpas. [Kim Jong Un|PER] e [Jong|PER] não.",
			same:  [][]string{{"Lula", "Luiz Inácio Lula da Silva"}},
			apart: [][2]string{{"Lula", "Javier Milei"}},
			names: map[string]string{"Lula": "Luiz Inácio Lula da Silva"},
		},
		{
			name:  "accents and hyphens",
			lang:  "fr",
			body:  "Les [Etats-Unis|LOC] protestent. Les [États-Unis|LOC] et la [Russie|LOC] divergent. Les [Etats Unis|LOC] insistent.",
			same:  [][]string{{"Etats-Unis", "États-Unis", "Etats Unis"}},
			apart: [][2]string{{"États-Unis", "Russie"}},
		},
		{
			name:  "parenthesised acronym",
			lang:  "fr",
			body:  "L'[Organisation des Nations unies|ORG] ([ONU|ORG]) a réagi. Le chef de l'[ONU|ORG] s'est dit inquiet.",
			same:  [][]string{{"Organisation des Nations unies", "ONU"}},
			names: map[string]string{"ONU": "Organisation des Nations unies"},
		},
		{
			name:  "initialism without parenthesis",
			lang:  "en",
			body:  "The [United Nations|ORG] met on Monday. A [UN|ORG] spokesman said the [World Health Organization|ORG] agreed. The [WHO|ORG] said so.",
			same:  [][]string{{"United Nations", "UN"}, {"World Health Organization", "WHO"}},
			apart: [][2]string{{"UN", "WHO"}},
		},
		{
			name:  "two letters of another type are no initialism",
			lang:  "en",
			body:  "NEWARK, New Jersey ([AP|ORG]) - [Apple|ORG] limits [Apple Pay|MISC]. The [Democratic Alliance|ORG] won; the [DA|ORG] rules.",
			same:  [][]string{{"Democratic Alliance", "DA"}},
			apart: [][2]string{{"AP", "Apple Pay"}},
		},
		{
			name:  "a short form that is not an acronym (aliases.tsv)",
			lang:  "en",
			body:  "The [Federal Reserve|ORG] held rates. The [Fed|MISC] meets in July, like the [Bundesbank|ORG].",
			same:  [][]string{{"Federal Reserve", "Fed"}},
			apart: [][2]string{{"Fed", "Bundesbank"}},
			names: map[string]string{"Fed": "Federal Reserve"},
			types: map[string]string{"Fed": "ORGANIZATION"},
		},
		{
			name:  "acronym as the tail of the initials",
			lang:  "en",
			body:  "The [U.S. Federal Aviation Administration|ORG] capped output. The [FAA|ORG] gave no date.",
			same:  [][]string{{"U.S. Federal Aviation Administration", "FAA"}},
			names: map[string]string{"FAA": "U.S. Federal Aviation Administration"},
		},
		{
			name:  "expansion in brackets after its acronym",
			lang:  "fr",
			body:  "L'[ONU|ORG] ([Organisation des Nations unies|LOC]) a réagi, comme l'[UE|LOC] ([Union européenne|ORG]).",
			same:  [][]string{{"ONU", "Organisation des Nations unies"}, {"UE", "Union européenne"}},
			apart: [][2]string{{"ONU", "UE"}},
		},
		{
			name: "acronyms whose letters skip function words or take several letters of a word",
			lang: "fr",
			body: "La [Communauté économique des États d'Afrique de l'Ouest|ORG] ([CEDEAO|LOC]) et le [Benelux|LOC] ([BNL|ORG]). " +
				"L'[Organisation du traité de l'Atlantique nord|ORG] ([OTAN|LOC]) et le [Bundesamt für Verfassungsschutz|ORG] ([BfV|LOC]).",
			same: [][]string{{"Communauté économique des États d'Afrique de l'Ouest", "CEDEAO"},
				{"Organisation du traité de l'Atlantique nord", "OTAN"}, {"Bundesamt für Verfassungsschutz", "BfV"}},
			apart: [][2]string{{"Benelux", "BNL"}},
		},
		{
			name:  "English acronym after a leading word it leaves out",
			lang:  "en",
			body:  "The [U.S. Federal Aviation Administration|ORG] ([FAA|LOC]) and the [North Atlantic Treaty Organization|LOC] ([NATO|ORG]) met.",
			same:  [][]string{{"U.S. Federal Aviation Administration", "FAA"}, {"North Atlantic Treaty Organization", "NATO"}},
			apart: [][2]string{{"FAA", "NATO"}},
		},
		{
			name: "another name of an organisation in brackets",
			lang: "fr",
			body: "Le [Corps des gardiens de la révolution islamique|ORG] ([Pasdaran|LOC]) et l'[Agence centrale de presse nord-coréenne|ORG] ([KCNA|ORG]). " +
				"[Airbus|ORG] ([Toulouse|LOC]) et l'[Union européenne|ORG] ([Bruxelles|LOC]) ont signé.",
			same:  [][]string{{"Corps des gardiens de la révolution islamique", "Pasdaran"}, {"Agence centrale de presse nord-coréenne", "KCNA"}},
			apart: [][2]string{{"Pasdaran", "KCNA"}, {"Airbus", "Toulouse"}, {"Union européenne", "Bruxelles"}},
			types: map[string]string{"Pasdaran": Organization},
		},
		{
			name:     "dateline agency after its place",
			lang:     "fr",
			headline: "[Kiev|LOC] sous les bombes",
			body:     "[KIEV|LOC] ([AFP|ORG]) - [Kiev|LOC] a été frappée. [PARIS|LOC] ([Reuters|ORG]) - [Paris|LOC] condamne. [LONDRES|LOC] ([AP|ORG]) - rien.",
			same:     [][]string{{"KIEV", "Kiev"}, {"PARIS", "Paris"}},
			apart:    [][2]string{{"KIEV", "AFP"}, {"PARIS", "Reuters"}, {"LONDRES", "AP"}},
			types:    map[string]string{"KIEV": Location, "AFP": Organization, "AP": Organization},
		},
		{
			name:  "place in brackets after a place",
			lang:  "fr",
			body:  "Il est attendu à [Charlotte|LOC] ([Caroline du Nord|LOC]) puis à [Springfield|LOC] ([Illinois|LOC]).",
			apart: [][2]string{{"Charlotte", "Caroline du Nord"}, {"Springfield", "Illinois"}},
			names: map[string]string{"Charlotte": "Charlotte", "Caroline du Nord": "Caroline du Nord"},
		},
		{
			name:  "a person is never grouped by brackets",
			lang:  "en",
			body:  "[Kim Jong-un|PER] ([KJU|ORG]) and [Joe Biden|PER] ([Democratic Party|ORG]) spoke.",
			apart: [][2]string{{"Kim Jong-un", "KJU"}, {"Joe Biden", "Democratic Party"}},
		},
		{
			name:     "first-name initial and surname",
			lang:     "fr",
			headline: "[B. Obama|PER] raille [Romney|PER]",
			body:     "[Barack Obama|PER] et [Michelle Obama|PER] sont à [Charlotte|LOC]. [B. Obama|PER] a parlé, [Jean-Marie Le Pen|PER] aussi : [J.-M. Le Pen|PER] a ri.",
			same:     [][]string{{"Barack Obama", "B. Obama"}, {"Jean-Marie Le Pen", "J.-M. Le Pen"}},
			apart:    [][2]string{{"B. Obama", "Michelle Obama"}, {"Romney", "B. Obama"}},
			names:    map[string]string{"B. Obama": "Barack Obama", "J.-M. Le Pen": "Jean-Marie Le Pen"},
		},
		{
			name:  "an initial two people share stays on its own",
			lang:  "en",
			body:  "[John Smith|PER] met [Jane Smith|PER] and [Paul Smith|PER]. Later [J. Smith|PER] and [P. Smith|PER] spoke, not [M. Jones|PER].",
			same:  [][]string{{"Paul Smith", "P. Smith"}},
			apart: [][2]string{{"J. Smith", "John Smith"}, {"J. Smith", "Jane Smith"}, {"John Smith", "Jane Smith"}, {"P. Smith", "John Smith"}},
		},
		{
			name:  "an initial must be the first name's",
			lang:  "en",
			body:  "[Barack Obama|PER] spoke. [M. Obama|PER] did not, nor did [Obama|LOC] ([B. O.|ORG]).",
			apart: [][2]string{{"Barack Obama", "M. Obama"}},
		},
		{
			name:  "German genitive",
			lang:  "de",
			body:  "[Deutschland|LOC] wächst. Die Wirtschaft [Deutschlands|LOC] und [Frankreichs|LOC] stagniert, sagte [Olaf Scholz|PER]. [Scholz|PER] widersprach.",
			same:  [][]string{{"Deutschland", "Deutschlands"}, {"Olaf Scholz", "Scholz"}},
			apart: [][2]string{{"Deutschland", "Frankreichs"}},
			names: map[string]string{"Deutschlands": "Deutschland", "Frankreichs": "Frankreichs"},
		},
		{
			name:  "English possessive",
			lang:  "en",
			body:  "[Vladimir Putin|PER] spoke. [Putin's|PER] aides said [Russia|LOC] would respond.",
			same:  [][]string{{"Vladimir Putin", "Putin's"}},
			names: map[string]string{"Putin's": "Vladimir Putin"},
		},
		{
			name:  "Kremlin type by vote",
			lang:  "fr",
			body:  "Le [Kremlin|ORG] a démenti. Au [Kremlin|LOC], on se tait. Le [Kremlin|ORG] a ensuite confirmé.",
			same:  [][]string{{"Kremlin"}},
			types: map[string]string{"Kremlin": Organization},
		},
		{
			name:  "two people sharing a surname",
			lang:  "en",
			body:  "[Joe Biden|PER] spoke after his son [Hunter Biden|PER] was sentenced. [Biden|PER] did not comment.",
			apart: [][2]string{{"Joe Biden", "Hunter Biden"}, {"Biden", "Joe Biden"}, {"Biden", "Hunter Biden"}},
		},
		{
			name:  "honorific and first name",
			lang:  "fr",
			body:  "[Emmanuel Macron|PER] a parlé. [M. Macron|PER] a ajouté que [Macron|PER] resterait.",
			same:  [][]string{{"Emmanuel Macron", "M. Macron", "Macron"}},
			names: map[string]string{"M. Macron": "Emmanuel Macron"},
		},
		{
			name: "shorter organisation name",
			lang: "en",
			body: "The [European Central Bank|ORG] raised rates. The [Central Bank|ORG] said inflation was high.",
			same: [][]string{{"European Central Bank", "Central Bank"}},
		},
		{
			name:  "a known place is not swallowed by a longer one",
			lang:  "en",
			body:  "[Korea|LOC] was divided; [North Korea|LOC] and [South Korea|LOC] remain at odds.",
			apart: [][2]string{{"Korea", "North Korea"}, {"North Korea", "South Korea"}},
		},
		{
			name:  "German cases of an organisation's adjectives name it alike",
			lang:  "de",
			body:  "Die [Deutsche Bahn AG|ORG] streikt. Bei der [Deutschen Bahn|ORG] und beim [Deutschen Roten Kreuz|ORG] half das [Deutsche Rote Kreuz|ORG]. [Deutschland|LOC] und die [Deutschen Telekom|ORG].",
			same:  [][]string{{"Deutsche Bahn AG", "Deutschen Bahn"}, {"Deutschen Roten Kreuz", "Deutsche Rote Kreuz"}},
			apart: [][2]string{{"Deutschen Bahn", "Deutschen Telekom"}},
			names: map[string]string{"Deutschen Bahn": "Deutsche Bahn AG"},
		},
		{
			name:  "a place after a point of the compass is another place",
			lang:  "en",
			body:  "[South Africa|LOC] voted. The rand rose, said the head of research for [Africa|LOC]. [Western Cape|LOC] and [Cape|LOC] followed.",
			apart: [][2]string{{"Africa", "South Africa"}, {"Cape", "Western Cape"}},
		},
		{
			name:     "a surname mistagged in the headline joins its person",
			lang:     "fr",
			headline: "[Poutine|LOC] reçu par [Kim Jong-un|PER]",
			body:     "[Vladimir Poutine|PER] est arrivé à [Pyongyang|LOC].",
			same:     [][]string{{"Poutine", "Vladimir Poutine"}},
			types:    map[string]string{"Poutine": Person},
		},
		{
			name:  "types do not mix in partial matches",
			lang:  "en",
			body:  "[Jordan|PER] visited [Jordan|LOC]? No: [Michael Jordan|PER] visited [Amman|LOC].",
			same:  [][]string{{"Michael Jordan"}},
			apart: [][2]string{{"Michael Jordan", "Amman"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, _ := build(t, tc.lang, tc.headline, tc.body)
			r.Resolve(a)
			checkInvariants(t, a)
			for _, group := range tc.same {
				e := entityOf(a, group[0])
				require.NotNil(t, e, group[0])
				for _, txt := range group[1:] {
					require.Same(t, e, entityOf(a, txt), "%q and %q", group[0], txt)
				}
				// All mentions with these texts are in e.
				for _, m := range a.Mentions {
					for _, txt := range group {
						if m.Text == txt {
							require.Same(t, e, &a.Entities[m.Entity], txt)
						}
					}
				}
			}
			for _, p := range tc.apart {
				require.NotSame(t, entityOf(a, p[0]), entityOf(a, p[1]), "%q and %q", p[0], p[1])
			}
			for txt, name := range tc.names {
				require.Equal(t, name, entityOf(a, txt).Name, txt)
			}
			for txt, typ := range tc.types {
				require.Equal(t, typ, entityOf(a, txt).Type, txt)
			}
		})
	}
}

func TestAbbreviates(t *testing.T) {
	r := testResolver(t)
	for _, tc := range []struct {
		lang, acronym, name string
		want                bool
	}{
		{"fr", "ONU", "Organisation des Nations unies", true},
		{"fr", "UE", "Union européenne", true},
		{"fr", "CEDEAO", "Communauté économique des États d'Afrique de l'Ouest", true},
		{"fr", "OTAN", "Organisation du traité de l'Atlantique nord", true},
		{"fr", "Frontex", "Frontières extérieures", true},
		{"fr", "RDC", "République démocratique du Congo", true},
		{"en", "NATO", "North Atlantic Treaty Organization", true},
		{"en", "FAA", "U.S. Federal Aviation Administration", true},
		{"en", "U.S.", "United States", true},
		{"de", "BfV", "Bundesamt für Verfassungsschutz", true},
		{"en", "KCNA", "Korean Central News Agency", true},
		{"fr", "AFP", "Kiev", false},
		{"fr", "AFP", "Agence France", false},       // a letter left over
		{"fr", "AF", "Agence France-Presse", false}, // a content word left over
		{"fr", "AA", "Ankara", false},               // one word is no expansion
		{"fr", "CN", "Charlotte Nord", true},
		{"fr", "CDN", "Caroline", false},
		{"fr", "FA", "U.S. Federal Aviation", false}, // a leading word left out only for 3 letters or more
		{"en", "ABC", "Alpha Beta Gamma", false},
		{"fr", "KCNA", "Agence centrale de presse nord-coréenne", false},
		{"fr", "", "Union européenne", false},
		{"fr", "Union européenne", "Union européenne", false},
	} {
		t.Run(tc.acronym+" "+tc.name, func(t *testing.T) {
			a, _ := build(t, tc.lang, "", "[x|ORG]")
			s := &state{r: r, a: a, lex: r.lex[tc.lang], w: r.words[tc.lang]}
			split := func(x string) []string {
				f := strings.Fields(lexicon.Fold(x))
				return f
			}
			require.Equal(t, tc.want, s.abbreviates(split(tc.acronym), split(tc.name)))
		})
	}
}

// checkInvariants asserts what every resolved analysis must satisfy.
func checkInvariants(t *testing.T, a *analysis.Analysis) {
	t.Helper()
	sum := 0.0
	for i, e := range a.Entities {
		require.NotEmpty(t, e.Mentions, "entity %d", i)
		require.NotEmpty(t, e.Name, "entity %d", i)
		require.GreaterOrEqual(t, e.Salience, 0.0)
		require.LessOrEqual(t, e.Salience, 1.0)
		require.GreaterOrEqual(t, e.Confidence, 0.0)
		require.LessOrEqual(t, e.Confidence, 1.0)
		if named(e.Type) {
			sum += e.Salience
		} else {
			require.Zero(t, e.Salience, "only named entities have salience")
		}
		for k, mi := range e.Mentions {
			require.Equal(t, i, a.Mentions[mi].Entity, "mention %d of entity %d", mi, i)
			if k > 0 {
				p, m := a.Mentions[e.Mentions[k-1]], a.Mentions[mi]
				require.True(t, p.Field < m.Field || p.Field == m.Field && p.Start <= m.Start, "mentions in text order")
			}
		}
	}
	require.LessOrEqual(t, sum, 1.0+1e-9)
	for i, m := range a.Mentions {
		require.True(t, m.Entity >= 0 && m.Entity < len(a.Entities), "mention %d %q has entity %d", i, m.Text, m.Entity)
	}
}

func TestValues(t *testing.T) {
	r := testResolver(t)
	a, _ := build(t, "fr", "",
		"Ils ont signé [mercredi|DATE||2024-06-19]. Le [mercredi 19 juin|DATE||2024-06-19], puis [lundi|DATE||2024-06-17], [3 %|PERCENT||0.03] et [3 pour cent|PERCENT||0.03], [hier|DATE].")
	r.Resolve(a)
	checkInvariants(t, a)
	e := entityOf(a, "mercredi")
	require.Same(t, e, entityOf(a, "mercredi 19 juin"))
	require.Equal(t, "mercredi 19 juin", e.Name)
	require.Equal(t, "2024-06-19", e.Value)
	require.Equal(t, "DATE", e.Type)
	require.NotSame(t, e, entityOf(a, "lundi"))
	require.Same(t, entityOf(a, "3 %"), entityOf(a, "3 pour cent"))
	require.Equal(t, "hier", entityOf(a, "hier").Name)
	require.Zero(t, entityOf(a, "hier").Salience)
}

func TestSalience(t *testing.T) {
	r := testResolver(t)
	a, _ := build(t, "fr",
		"[Poutine|PER] reçu à [Pyongyang|LOC]",
		"[Vladimir Poutine|PER] a rencontré [Kim Jong-un|PER] à [Pyongyang|LOC].\n\n"+
			"Les [Etats-Unis|LOC] ont réagi. [Poutine|PER] a parlé longuement. Plus tard, [Lavrov|PER] a ajouté un mot sur l'[Ukraine|LOC].")
	r.Resolve(a)
	checkInvariants(t, a)
	putin := entityNamed(a, "Vladimir Poutine")
	require.NotNil(t, putin)
	sum := 0.0
	for _, e := range a.Entities {
		sum += e.Salience
		if e.Name != putin.Name {
			require.Greater(t, putin.Salience, e.Salience, "%s outranks %s", putin.Name, e.Name)
		}
	}
	require.InDelta(t, 1.0, sum, 0.01)
	require.Greater(t, entityNamed(a, "Pyongyang").Salience, entityNamed(a, "Ukraine").Salience, "headline beats a late mention")
	require.Greater(t, entityNamed(a, "Kim Jong-un").Salience, entityNamed(a, "Lavrov").Salience, "lead beats a late mention")
	// Confidence: noisy-or of 0.9s, capped.
	require.InDelta(t, 0.99, putin.Confidence, 1e-9)
	require.InDelta(t, 0.9, entityNamed(a, "Lavrov").Confidence, 1e-9)
}

func TestNominals(t *testing.T) {
	r := testResolver(t)
	for _, tc := range []struct {
		name           string
		lang           string
		headline, body string
		nominal        string // text of the expected nominal mention
		to             string // name of the entity it attaches to, "" if none
	}{
		{
			name:    "president named in apposition",
			lang:    "fr",
			body:    "Le président russe, [Vladimir Poutine|PER], a reçu [Kim Jong-un|PER] à [Moscou|LOC]. Le président russe a salué son hôte.",
			nominal: "Le président russe",
			to:      "Vladimir Poutine",
		},
		{
			name:    "a predicative title is no mention of the one who holds it",
			lang:    "en",
			body:    "Prime Minister [Rishi Sunak|PER] lost. [Keir Starmer|PER] will become the prime minister on Friday.",
			nominal: "the prime minister",
			to:      "",
		},
		{
			name:    "title phrase with a seat of power",
			lang:    "fr",
			body:    "Le président russe, [Vladimir Poutine|PER], a reçu [Kim Jong-un|PER]. Le chef du [Kremlin|ORG] s'est félicité.",
			nominal: "Le chef du Kremlin",
			to:      "Vladimir Poutine",
		},
		{
			name:    "only earlier person of unknown nationality",
			lang:    "fr",
			body:    "Le président russe, [Vladimir Poutine|PER], et [Kim Jong-un|PER] ont signé un accord en [Corée du Nord|LOC]. Le dirigeant nord-coréen a assuré [Moscou|LOC] de son soutien.",
			nominal: "Le dirigeant nord-coréen",
			to:      "Kim Jong-un",
		},
		{
			name:    "english demonym before title",
			lang:    "en",
			body:    "Russian President [Vladimir Putin|PER] met [Xi Jinping|PER] in [Beijing|LOC]. The Russian leader praised the talks.",
			nominal: "The Russian leader",
			to:      "Vladimir Putin",
		},
		{
			name:    "title stated by apposition after the name",
			lang:    "en",
			body:    "[Olaf Scholz|PER], the German chancellor, met [Emmanuel Macron|PER]. The chancellor said little.",
			nominal: "The chancellor",
			to:      "Olaf Scholz",
		},
		{
			name:    "seat of power before the title",
			lang:    "en",
			body:    "Russian President [Vladimir Putin|PER] met [Xi Jinping|PER]. The [Kremlin|ORG] leader later left [Beijing|LOC].",
			nominal: "The Kremlin leader",
			to:      "Vladimir Putin",
		},
		{
			name:    "saxon genitive",
			lang:    "en",
			body:    "German Chancellor [Olaf Scholz|PER] met [Emmanuel Macron|PER]. [Germany|LOC]'s chancellor said little.",
			nominal: "Germany's chancellor",
			to:      "Olaf Scholz",
		},
		{
			name:    "two candidates: not attached",
			lang:    "fr",
			body:    "Le président russe, [Vladimir Poutine|PER], et l'ancien président russe, [Dmitri Medvedev|PER], ont parlé. Le président russe a conclu.",
			nominal: "Le président russe",
			to:      "",
		},
		{
			name:    "a feminine title is no man's",
			lang:    "fr",
			body:    "Le directeur général de [HP France|ORG], [Gérald Karsenti|PER], a parlé. La directrice générale a démenti.",
			nominal: "La directrice générale",
			to:      "",
		},
		{
			name:    "of two ministers, the one of the title's gender",
			lang:    "fr",
			body:    "La ministre française, [Marie Dupont|PER], et le ministre français, [Pierre Martin|PER], ont parlé. La ministre française a conclu.",
			nominal: "La ministre française",
			to:      "Marie Dupont",
		},
		{
			name:    "an honorific tells the gender of a name the table lacks",
			lang:    "fr",
			body:    "La ministre, [Mme Zorbanu|PER], et le ministre, [Karim Zorbal|PER], ont parlé. La ministre a conclu.",
			nominal: "La ministre",
			to:      "Zorbanu",
		},
		{
			name:    "title, its body, then the holder's name: an apposition, not the earlier holder of the title",
			lang:    "fr",
			body:    "Le PDG de [SNCF Voyageurs|ORG], [Christophe Fanichet|PER], a parlé. Le ministre a appelé le président-directeur général du groupe [SNCF|ORG], [Jean-Pierre Farandou|PER], à reprendre le dialogue.",
			nominal: "le président-directeur général",
			to:      "",
		},
		{
			name:    "es title, its body and acronym in brackets, then the holder's name",
			lang:    "es",
			body:    "Desde [Vox|ORG], su presidente, [Santiago Abascal|PER], habló. El presidente de la [Autoridad Nacional Palestina|ORG] ([ANP|ORG]), [Mahmud Abás|PER], agradeció el gesto.",
			nominal: "El presidente",
			to:      "",
		},
		{
			name:    "it title, an adjective, its body, then the holder's name",
			lang:    "it",
			body:    "Lo scontro con il direttore di [Tuttosport|ORG], [Guido Vaciago|PER], continua. Il direttore tecnico della [Juventus|ORG], [Cristiano Giuntoli|PER], dovrebbe incontrarlo.",
			nominal: "Il direttore",
			to:      "",
		},
		{
			name:    "title, an adjective the lexicon lacks, then the holder's name: an apposition",
			lang:    "fr",
			body:    "[Benjamin Netanyahou|PER] a parlé, tandis que le Premier ministre démissionnaire, [Gabriel Attal|PER], a répondu. Le Premier ministre a conclu.",
			nominal: "Le Premier ministre",
			to:      "Gabriel Attal",
		},
		{
			name:    "no person of that country: not attached",
			lang:    "en",
			body:    "[Olaf Scholz|PER], the German chancellor, spoke. The French president was absent.",
			nominal: "The French president",
			to:      "",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, _ := build(t, tc.lang, tc.headline, tc.body)
			n := len(a.Mentions)
			r.Resolve(a)
			checkInvariants(t, a)
			var found *analysis.Mention
			for i := n; i < len(a.Mentions); i++ {
				m := &a.Mentions[i]
				require.True(t, m.Nominal)
				require.Equal(t, m.Text, string([]rune(a.Fields[m.Field].Doc.Text)[m.Start:m.End]))
				if m.Text == tc.nominal {
					found = m
				}
			}
			if tc.to == "" {
				require.Nil(t, found, "%q must stay unattached", tc.nominal)
				return
			}
			require.NotNil(t, found, "%q not attached; mentions %+v", tc.nominal, a.Mentions[n:])
			require.Equal(t, tc.to, a.Entities[found.Entity].Name)
			require.Equal(t, Person, found.Type)
		})
	}
}

func TestLinks(t *testing.T) {
	r := testResolver(t)
	for _, tc := range []struct {
		name     string
		lang     string
		body     string
		place    string
		geonames string
		country  string
		wikidata string
	}{
		{"Paris alone", "fr", "Le sommet s'est tenu à [Paris|LOC].", "Paris", "2988507", "FR", "Q90"},
		{"Paris in a Texas story", "en", "A tornado hit [Paris|LOC], [Texas|LOC], on Monday.", "Paris", "4717560", "US", ""},
		{"Paris with the US only", "fr", "Les [Etats-Unis|LOC] et [Paris|LOC] ont signé.", "Paris", "2988507", "FR", "Q90"},
		{"country", "fr", "La [Russie|LOC] et la [Corée du Nord|LOC].", "Corée du Nord", "1873107", "KP", ""},
		{"exonym", "fr", "Arrivée à [Moscou|LOC].", "Moscou", "524901", "RU", "Q649"},
		{"a country name the gazetteer lacks: its preferred name's place", "en", "[Britain|LOC] and the [U.S.|LOC] agreed.", "Britain", "2635167", "GB", ""},
		{"the same, U.S.", "en", "[Britain|LOC] and the [U.S.|LOC] agreed.", "U.S.", "6252001", "US", ""},
		{"a point of the compass is no place", "it", "Il divario tra [Nord|LOC] e [Sud|LOC] aumenta in [Italia|LOC].", "Sud", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, _ := build(t, tc.lang, "", tc.body)
			r.Resolve(a)
			checkInvariants(t, a)
			e := entityOf(a, tc.place)
			require.NotNil(t, e)
			require.Equal(t, tc.geonames, e.Links["geonames"], "%+v", e.Links)
			require.Equal(t, tc.country, e.Links["country"])
			if tc.wikidata != "" {
				require.Equal(t, tc.wikidata, e.Links["wikidata"])
			}
		})
	}
	a, _ := build(t, "fr", "", "Le [Kremlin|ORG] et [Extrême-Orient russe|LOC].")
	r.Resolve(a)
	require.Nil(t, entityOf(a, "Kremlin").Links, "organisations are not linked to places")
	require.Nil(t, entityOf(a, "Extrême-Orient russe").Links, "unknown places stay unlinked")
}

// TestRobust feeds malformed input: nothing may panic, invariants hold.
func TestRobust(t *testing.T) {
	r := testResolver(t)
	r.Resolve(nil)
	for _, a := range []*analysis.Analysis{
		{},
		{Lang: "xx", Mentions: []analysis.Mention{{Field: 5, Text: "Paris", Type: Location, TokStart: -3, TokEnd: 99, Start: 10, End: 2}}},
		{Lang: "fr", Fields: []analysis.Field{{}, {}}, Mentions: []analysis.Mention{
			{Field: 1, Text: "", Type: Person, Confidence: math.NaN()},
			{Field: 1, Text: "(", Type: Organization, Confidence: -1, End: 1 << 30},
			{Field: 0, Text: "ONU", Type: Organization, Confidence: 7},
			{Field: 1, Text: "x", Type: "DATE", Value: "2024", Confidence: math.Inf(1)},
			{Field: 1, Text: "le président", Type: Person, Nominal: true},
		}},
	} {
		require.NotPanics(t, func() { r.Resolve(a) })
		sum := 0.0
		for _, e := range a.Entities {
			require.False(t, math.IsNaN(e.Salience) || math.IsNaN(e.Confidence))
			require.True(t, e.Confidence >= 0 && e.Confidence <= 1)
			sum += e.Salience
		}
		require.LessOrEqual(t, sum, 1.0)
	}
	// Resolving twice gives the same entities and adds no nominal twice.
	a, _ := build(t, "fr", "", "Le président russe, [Vladimir Poutine|PER], arrive. Le président russe parle.")
	r.Resolve(a)
	n, ents := len(a.Mentions), len(a.Entities)
	r.Resolve(a)
	checkInvariants(t, a)
	require.Equal(t, n, len(a.Mentions))
	require.Equal(t, ents, len(a.Entities))
	// Without a gazetteer or lexicon the grouping still works.
	bare := New(nil)
	a, _ = build(t, "fr", "", "[Vladimir Poutine|PER] et [Poutine|PER] à [Paris|LOC].")
	bare.Resolve(a)
	require.Same(t, entityOf(a, "Poutine"), entityOf(a, "Vladimir Poutine"))
	require.Nil(t, entityOf(a, "Paris").Links)
}

// TestConcurrent shares one Resolver between goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	r := testResolver(t)
	const n = 8
	results := make(chan string, n)
	for range n {
		go func() {
			a, _ := build(t, "fr", "[Poutine|PER] à [Paris|LOC]", "Le président russe, [Vladimir Poutine|PER], est à [Paris|LOC]. Le président russe parle.")
			r.Resolve(a)
			results <- entityOf(a, "Poutine").Name + "/" + entityOf(a, "Paris").Links["geonames"]
		}()
	}
	for range n {
		require.Equal(t, "Vladimir Poutine/2988507", <-results)
	}
}
