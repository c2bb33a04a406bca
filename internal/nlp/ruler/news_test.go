package ruler_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestApplyNews checks the wire-copy conventions: datelines, agencies and
// credits, Title Case and all-caps headlines with and without a body that
// names the same entities, quotes, organisation heads.
func TestApplyNews(t *testing.T) {
	cases := []struct {
		name           string
		lang           string
		headline, body string
		spans          []span
		want           []got
	}{
		// datelines: the place is a LOCATION, the agency an ORGANIZATION
		{
			name:  "dateline place (AFP), the NER reading the place as a person",
			lang:  "fr",
			body:  "PARIS (AFP) - Le président a parlé.",
			spans: []span{{Field: 1, Text: "PARIS", Type: "PERSON", Conf: 0.5}},
			want:  []got{{1, "PARIS", "LOCATION"}, {1, "AFP", "ORGANIZATION"}},
		},
		{
			name: "dateline with a date: month words are not names",
			lang: "en",
			body: "MOSCOW, June 19 (Reuters) - The deal was signed in Moscow.",
			spans: []span{
				{Field: 1, Text: "June", Type: "MISC", Conf: 0.4},
				{Field: 1, Text: "Moscow", Type: "LOCATION"},
			},
			want: []got{{1, "MOSCOW", "LOCATION"}, {1, "Reuters", "ORGANIZATION"}, {1, "Moscow", "LOCATION"}},
		},
		{
			name: "German dateline, lower-case agency",
			lang: "de",
			body: "BERLIN, 3. Juni (dpa) - Die Regierung hat beschlossen.",
			want: []got{{1, "BERLIN", "LOCATION"}, {1, "dpa", "ORGANIZATION"}},
		},
		{
			name: "Spanish dateline, title case place, agency before the stop",
			lang: "es",
			body: "Madrid, 5 jun (EFE).- El Gobierno aprobó la ley.",
			want: []got{{1, "Madrid", "LOCATION"}, {1, "EFE", "ORGANIZATION"}},
		},
		{
			name:  "unknown agency of a dateline is an organisation",
			lang:  "en",
			body:  "PARIS, March 4 (Wirenrich) - French President Emmanuel Macron hosted talks.",
			spans: []span{{Field: 1, Text: "Wirenrich", Type: "LOCATION", Conf: 0.5}, {Field: 1, Text: "Emmanuel Macron", Type: "PERSON"}},
			want:  []got{{1, "PARIS", "LOCATION"}, {1, "Wirenrich", "ORGANIZATION"}, {1, "Emmanuel Macron", "PERSON"}},
		},
		{
			name: "dateline without agency",
			lang: "en",
			body: "LONDON, July 14 - Carlos Alcaraz beat Novak Djokovic.\n\nWASHINGTON — The Senate voted.",
			spans: []span{
				{Field: 1, Text: "Carlos Alcaraz", Type: "PERSON"},
				{Field: 1, Text: "Novak Djokovic", Type: "PERSON"},
			},
			want: []got{
				{1, "LONDON", "LOCATION"}, {1, "Carlos Alcaraz", "PERSON"}, {1, "Novak Djokovic", "PERSON"},
				{1, "WASHINGTON", "LOCATION"},
			},
		},
		{
			name: "AP style: place, region (AP); several places",
			lang: "en",
			body: "KYIV, Ukraine (AP) — Russia attacked.\n\nNEW YORK/LONDON (Reuters) - Stocks fell.",
			spans: []span{
				{Field: 1, Text: "Russia", Type: "LOCATION"},
				{Field: 1, Text: "NEW YORK/LONDON", Type: "ORGANIZATION", Conf: 0.4},
			},
			want: []got{
				{1, "KYIV", "LOCATION"}, {1, "Ukraine", "LOCATION"}, {1, "AP", "ORGANIZATION"}, {1, "Russia", "LOCATION"},
				{1, "NEW YORK", "LOCATION"}, {1, "LONDON", "LOCATION"}, {1, "Reuters", "ORGANIZATION"},
			},
		},
		{
			name: "press release datelines",
			lang: "en",
			body: "NEW YORK, June 19, 2024 /PRNewswire/ -- Acme Corp announced a deal.\n\nSAN FRANCISCO--(BUSINESS WIRE)--Acme today announced results.",
			spans: []span{
				{Field: 1, Text: "Acme Corp", Type: "ORGANIZATION"},
			},
			want: []got{
				{1, "NEW YORK", "LOCATION"}, {1, "PRNewswire", "ORGANIZATION"}, {1, "Acme Corp", "ORGANIZATION"},
				{1, "SAN FRANCISCO", "LOCATION"}, {1, "BUSINESS WIRE", "ORGANIZATION"},
			},
		},
		{
			name:  "dateline run in after a heading: the word before it is cut off",
			lang:  "fr",
			body:  "Un cyclone en Birmanie PARIS, 15 (Havas). — On mande de Londres.",
			spans: []span{{Field: 1, Text: "Birmanie PARIS", Type: "ORGANIZATION", Conf: 0.4}, {Field: 1, Text: "Londres", Type: "LOCATION"}},
			want:  []got{{1, "Birmanie", "ORGANIZATION"}, {1, "PARIS", "LOCATION"}, {1, "Havas", "ORGANIZATION"}, {1, "Londres", "LOCATION"}},
		},
		{
			name: "not datelines: postscript, listings, a party in brackets",
			lang: "en",
			body: "PS -- There is a happy hour.\n\nGAITE - ROCHECHOUART tonight.\n\nHe said, Mr Smith (Labour) - a member - agreed. Jean Dupont (PS) - who spoke - left. Funds for the NHS (National Health Service) - which is free - rose.",
			spans: []span{
				{Field: 1, Text: "GAITE", Type: "ORGANIZATION", Conf: 0.4},
				{Field: 1, Text: "Mr Smith", Type: "PERSON"},
				{Field: 1, Text: "Labour", Type: "ORGANIZATION"},
				{Field: 1, Text: "Jean Dupont", Type: "PERSON"},
				{Field: 1, Text: "NHS", Type: "ORGANIZATION"},
				{Field: 1, Text: "National Health Service", Type: "ORGANIZATION"},
			},
			want: []got{
				{1, "GAITE", "ORGANIZATION"}, {1, "Mr Smith", "PERSON"}, {1, "Labour", "ORGANIZATION"}, {1, "Jean Dupont", "PERSON"},
				{1, "NHS", "ORGANIZATION"}, {1, "National Health Service", "ORGANIZATION"},
			},
		},
		// credits and bylines: agencies are organisations, people stay people
		{
			name: "photo credits and byline",
			lang: "en",
			body: "Shares fell. Photo: Justin Sullivan/Getty Images\n\n© AFP / Ludovic Marin\n\n(Reporting by Stephen Nellis; Editing by Peter Henderson)",
			spans: []span{
				{Field: 1, Text: "Justin Sullivan", Type: "PERSON"},
				{Field: 1, Text: "AFP", Type: "PERSON", Conf: 0.4},
				{Field: 1, Text: "Ludovic Marin", Type: "PERSON"},
				{Field: 1, Text: "Stephen Nellis", Type: "PERSON"},
				{Field: 1, Text: "Peter Henderson", Type: "PERSON"},
			},
			want: []got{
				{1, "Justin Sullivan", "PERSON"}, {1, "Getty Images", "ORGANIZATION"}, {1, "AFP", "ORGANIZATION"},
				{1, "Ludovic Marin", "PERSON"}, {1, "Stephen Nellis", "PERSON"}, {1, "Peter Henderson", "PERSON"},
			},
		},
		// headlines
		{
			name:     "title case headline: a name run on into a verb is cut to the body's name",
			lang:     "en",
			headline: "Apple Shares Slide After Tim Cook Warns On China Sales",
			body:     "Chief Executive Tim Cook warned of weaker demand in China.",
			spans: []span{
				{Field: 0, Text: "Tim Cook Warns", Type: "PERSON", Conf: 0.76},
				{Field: 0, Text: "China", Type: "LOCATION"},
				{Field: 1, Text: "Tim Cook", Type: "PERSON"},
				{Field: 1, Text: "China", Type: "LOCATION"},
			},
			want: []got{
				{0, "Apple", "ORGANIZATION"}, // a listed company
				{0, "Tim Cook", "PERSON"}, {0, "China", "LOCATION"},
				{1, "Tim Cook", "PERSON"}, {1, "China", "LOCATION"},
			},
		},
		{
			name:     "title case headline: a run over two names is split into the body's names",
			lang:     "en",
			headline: "Israel Strikes Gaza Hospital, Hamas Says Dozens Killed",
			body:     "Israel struck a hospital in Gaza on Tuesday, Hamas said.",
			spans: []span{
				{Field: 0, Text: "Israel Strikes Gaza Hospital", Type: "LOCATION", Conf: 0.57},
				{Field: 0, Text: "Hamas", Type: "ORGANIZATION"},
				{Field: 1, Text: "Israel", Type: "LOCATION"},
				{Field: 1, Text: "Gaza", Type: "LOCATION"},
				{Field: 1, Text: "Hamas", Type: "ORGANIZATION"},
			},
			want: []got{
				{0, "Israel", "LOCATION"}, {0, "Gaza", "LOCATION"}, {0, "Hamas", "ORGANIZATION"},
				{1, "Israel", "LOCATION"}, {1, "Gaza", "LOCATION"}, {1, "Hamas", "ORGANIZATION"},
			},
		},
		{
			name:     "title case headline: a full name the body shortens is kept whole",
			lang:     "en",
			headline: "Police Arrest Ghulam Mohiuddin Lone In Srinagar",
			body:     "Police said Lone was held in Srinagar.",
			spans: []span{
				{Field: 0, Text: "Ghulam Mohiuddin Lone", Type: "PERSON"},
				{Field: 0, Text: "Srinagar", Type: "LOCATION"},
				{Field: 1, Text: "Lone", Type: "PERSON"},
				{Field: 1, Text: "Srinagar", Type: "LOCATION"},
			},
			want: []got{
				{0, "Ghulam Mohiuddin Lone", "PERSON"}, {0, "Srinagar", "LOCATION"},
				{1, "Lone", "PERSON"}, {1, "Srinagar", "LOCATION"},
			},
		},
		{
			name:     "title case headline: a word the body capitalises in a name stays",
			lang:     "en",
			headline: "Students Rally At Wilmington College Over Fees",
			body:     "Students met in Wilmington on Monday, the College said.",
			spans: []span{
				{Field: 0, Text: "Wilmington College", Type: "ORGANIZATION"},
				{Field: 1, Text: "Wilmington", Type: "LOCATION"},
				{Field: 1, Text: "College", Type: "ORGANIZATION", Conf: 0.5},
			},
			want: []got{
				{0, "Wilmington College", "ORGANIZATION"},
				{1, "Wilmington", "LOCATION"}, {1, "College", "ORGANIZATION"},
			},
		},
		{
			name:     "title case headline without body support is left alone",
			lang:     "en",
			headline: "Trump Allies Push Supreme Court To Hear Immunity Case",
			body:     "The justices will decide in June.",
			spans:    []span{{Field: 0, Text: "Supreme Court", Type: "ORGANIZATION", Conf: 0.7}},
			want:     []got{{0, "Supreme Court", "ORGANIZATION"}},
		},
		{
			name:     "all-caps headline takes the body's readings; an article is cut",
			lang:     "fr",
			headline: "MACRON ET SCHOLZ S'ENTENDENT SUR L'ASSEMBLÉE NATIONALE À BERLIN",
			body:     "BERLIN (AFP) - Emmanuel Macron et Olaf Scholz ont parlé de l'Assemblée nationale à Berlin.",
			spans: []span{
				{Field: 0, Text: "L'ASSEMBLÉE NATIONALE", Type: "ORGANIZATION", Conf: 0.6},
				{Field: 0, Text: "BERLIN", Type: "LOCATION"},
				{Field: 1, Text: "Emmanuel Macron", Type: "PERSON"},
				{Field: 1, Text: "Olaf Scholz", Type: "PERSON"},
				{Field: 1, Text: "Assemblée nationale", Type: "ORGANIZATION"},
				{Field: 1, Text: "Berlin", Nth: 0, Type: "LOCATION"},
			},
			want: []got{
				{0, "MACRON", "PERSON"}, {0, "SCHOLZ", "PERSON"}, {0, "ASSEMBLÉE NATIONALE", "ORGANIZATION"}, {0, "BERLIN", "LOCATION"},
				{1, "BERLIN", "LOCATION"}, {1, "AFP", "ORGANIZATION"}, {1, "Emmanuel Macron", "PERSON"}, {1, "Olaf Scholz", "PERSON"},
				{1, "Assemblée nationale", "ORGANIZATION"}, {1, "Berlin", "LOCATION"},
			},
		},
		{
			name:     "sentence-case headline: a name run on into a verb, the body's name longer",
			lang:     "fr",
			headline: "Îles Baléares : le Parti populaire exclut le député Antoni Pastor",
			body:     "Le Parti populaire espagnol a exclu Antoni Pastor.",
			spans: []span{
				{Field: 0, Text: "Parti populaire exclut", Type: "ORGANIZATION"},
				{Field: 1, Text: "Parti populaire espagnol", Type: "ORGANIZATION"},
			},
			want: []got{{0, "Parti populaire", "ORGANIZATION"}, {1, "Parti populaire espagnol", "ORGANIZATION"}},
		},
		{
			name: "plain text: the first line standing alone is the headline",
			lang: "fr",
			body: "Îles Baléares : le Parti populaire exclut le député\n\nLe Parti populaire espagnol a exclu le député. Le Parti vert exclut aussi.",
			spans: []span{
				{Field: 1, Text: "Parti populaire exclut", Type: "ORGANIZATION"},
				{Field: 1, Text: "Parti populaire espagnol", Type: "ORGANIZATION"},
				{Field: 1, Text: "Parti vert exclut", Type: "ORGANIZATION"},
			},
			want: []got{
				{1, "Parti populaire", "ORGANIZATION"}, {1, "Parti populaire espagnol", "ORGANIZATION"},
				{1, "Parti vert exclut", "ORGANIZATION"},
			},
		},
		// quotes
		{
			name: "a word opening a quote is like a sentence start: not propagated",
			lang: "fr",
			body: "« Justice sera faite », a dit le ministre. La justice est lente, selon la Justice de paix.",
			spans: []span{
				{Field: 1, Text: "Justice", Type: "ORGANIZATION", Conf: 0.5},
			},
			want: []got{{1, "Justice", "ORGANIZATION"}},
		},
		// organisation heads
		{
			name: "organisation head before an acronym, a brand, a mistyped name",
			lang: "fr",
			body: "La milice populaire Basij a défilé, selon le site RealClearPolitics et l'agence IRNA.",
			spans: []span{
				{Field: 1, Text: "Basij", Type: "LOCATION", Conf: 0.6},
			},
			want: []got{{1, "Basij", "ORGANIZATION"}, {1, "RealClearPolitics", "ORGANIZATION"}, {1, "IRNA", "ORGANIZATION"}},
		},
		{
			name: "organisation head (en): no adjective between, a sure person stays",
			lang: "en",
			body: "The disaster agency AFAD said the company founder Elon Musk and the company Monday met. The party Labour won.",
			spans: []span{
				{Field: 1, Text: "Elon Musk", Type: "PERSON", Conf: 0.95},
				{Field: 1, Text: "Labour", Type: "PERSON", Conf: 0.4},
			},
			want: []got{{1, "AFAD", "ORGANIZATION"}, {1, "Elon Musk", "PERSON"}, {1, "Labour", "ORGANIZATION"}},
		},
		{
			name: "fund heads: an acronym alone, an acronym opening the NER's name",
			lang: "fr",
			body: "Le fonds CVC Capital Partners et le fonds australien IFM ont investi.",
			spans: []span{
				{Field: 1, Text: "Capital Partners", Type: "ORGANIZATION", Conf: 0.8},
				{Field: 1, Text: "IFM", Type: "MISC", Conf: 0.5},
			},
			want: []got{{1, "CVC Capital Partners", "ORGANIZATION"}, {1, "IFM", "ORGANIZATION"}},
		},
		// capitalised common nouns and function words
		{
			name: "capitalised common nouns and function words are not names",
			lang: "fr",
			body: "L'Etat a saisi la Cour. Les Etats-Unis et l'ONU. Le voilà.",
			spans: []span{
				{Field: 1, Text: "Etat", Type: "ORGANIZATION"},
				{Field: 1, Text: "Cour", Type: "LOCATION"},
				{Field: 1, Text: "Etats-Unis", Type: "LOCATION"},
				{Field: 1, Text: "Le", Nth: 1, Type: "LOCATION", Conf: 0.3},
			},
			want: []got{{1, "Etats-Unis", "LOCATION"}, {1, "ONU", "ORGANIZATION"}},
		},
		{
			name: "a lower-case determiner is no part of a name",
			lang: "en",
			body: "The strikes went on, the Pentagon said. The Hague said nothing.",
			spans: []span{
				{Field: 1, Text: "the Pentagon", Type: "LOCATION"},
				{Field: 1, Text: "The Hague", Type: "LOCATION"},
			},
			want: []got{{1, "Pentagon", "ORGANIZATION"}, {1, "The Hague", "LOCATION"}},
		},
		{
			name: "a name run back into the end of a title is cut to the person",
			lang: "fr",
			body: "Le président de la République Emmanuel Macron a reçu la présidente de la Commission européenne. Il préside la République.",
			spans: []span{
				{Field: 1, Text: "République Emmanuel Macron", Type: "LOCATION"},
				{Field: 1, Text: "Commission européenne", Type: "ORGANIZATION"},
				{Field: 1, Text: "République", Nth: 1, Type: "LOCATION"},
			},
			want: []got{{1, "Emmanuel Macron", "PERSON"}, {1, "Commission européenne", "ORGANIZATION"}},
		},
		{
			name: "a whole title the NER took into a name is cut: lower case, or German",
			lang: "it",
			body: "Il papa Francesco ha ricevuto il presidente. Il governatore Vincenzo De Luca era assente.",
			spans: []span{
				{Field: 1, Text: "papa Francesco", Type: "LOCATION"},
				{Field: 1, Text: "governatore Vincenzo De Luca", Type: "PERSON"},
			},
			want: []got{{1, "Francesco", "PERSON"}, {1, "Vincenzo De Luca", "PERSON"}},
		},
		{
			name: "German capitalises its titles: Papst, a party compound",
			lang: "de",
			body: "Papst Franziskus traf Grünen-Chefin Ricarda Lang. General Electric wächst.",
			spans: []span{
				{Field: 1, Text: "Papst Franziskus", Type: "PERSON"},
				{Field: 1, Text: "Grünen-Chefin Ricarda Lang", Type: "PERSON"},
				{Field: 1, Text: "General Electric", Type: "ORGANIZATION"},
			},
			want: []got{{1, "Franziskus", "PERSON"}, {1, "Ricarda Lang", "PERSON"}, {1, "General Electric", "ORGANIZATION"}},
		},
		{
			name: "a capitalised title word starting a name elsewhere stays",
			lang: "en",
			body: "Sultan Al Jaber chaired the talks. General Motors rose.",
			spans: []span{
				{Field: 1, Text: "Sultan Al Jaber", Type: "PERSON"},
				{Field: 1, Text: "General Motors", Type: "ORGANIZATION"},
			},
			want: []got{{1, "Sultan Al Jaber", "PERSON"}, {1, "General Motors", "ORGANIZATION"}},
		},
		{
			name: "the capitalised start of a title going on in lower case is no name",
			lang: "fr",
			body: "Le Premier ministre qatari a reçu le Premier ministre israélien Benjamin Netanyahou. La Premier League reprend.",
			spans: []span{
				{Field: 1, Text: "Le Premier", Type: "PERSON"},
				{Field: 1, Text: "Premier", Nth: 1, Type: "PERSON"},
				{Field: 1, Text: "Benjamin Netanyahou", Type: "PERSON"},
				{Field: 1, Text: "Premier League", Type: "ORGANIZATION"},
			},
			want: []got{{1, "Benjamin Netanyahou", "PERSON"}, {1, "Premier League", "ORGANIZATION"}},
		},
		{
			name: "a demonym is no run-on tail even after a listed name",
			lang: "fr",
			body: "Le Conseil constitutionnel sénégalais a validé la liste, comme le Parti socialiste bulgare. Le Conseil constitutionnel visant.",
			spans: []span{
				{Field: 1, Text: "Conseil constitutionnel sénégalais", Type: "ORGANIZATION"},
				{Field: 1, Text: "Parti socialiste bulgare", Type: "ORGANIZATION"},
				{Field: 1, Text: "Conseil constitutionnel visant", Type: "ORGANIZATION"},
			},
			want: []got{{1, "Conseil constitutionnel sénégalais", "ORGANIZATION"}, {1, "Parti socialiste bulgare", "ORGANIZATION"}, {1, "Conseil constitutionnel", "ORGANIZATION"}},
		},
		{
			name: "a weekday or day word never ends a name",
			lang: "fr",
			body: "Le chômage a reculé, a annoncé l'Insee mardi. La Banque de France hier soir. Le Mardi gras.",
			spans: []span{
				{Field: 1, Text: "Insee mardi", Type: "ORGANIZATION"},
				{Field: 1, Text: "Banque de France hier", Type: "ORGANIZATION"},
				{Field: 1, Text: "Mardi gras", Type: "MISC"},
			},
			want: []got{{1, "Insee", "ORGANIZATION"}, {1, "Banque de France", "ORGANIZATION"}, {1, "Mardi gras", "MISC"}},
		},
		{
			name: "a storm word before a name or as its first word makes it a MISC",
			lang: "fr",
			body: "Il reconnaît que Sandy a pesé. La ville a été touchée par l'ouragan Sandy, puis par la tempête meurtrière Xynthia.",
			spans: []span{
				{Field: 1, Text: "Sandy", Type: "PERSON"},
				{Field: 1, Text: "ouragan Sandy", Type: "MISC"},
				{Field: 1, Text: "Xynthia", Type: "LOCATION"},
			},
			want: []got{{1, "Sandy", "MISC"}, {1, "ouragan Sandy", "MISC"}, {1, "Xynthia", "MISC"}},
		},
		{
			name: "English storms: Hurricane X, Typhoon X, the storm X",
			lang: "en",
			body: "Typhoon Haiyan hit Tacloban before the storm Ciaran reached Brittany.",
			spans: []span{
				{Field: 1, Text: "Typhoon Haiyan", Type: "PERSON"},
				{Field: 1, Text: "Tacloban", Type: "LOCATION"},
				{Field: 1, Text: "Ciaran", Type: "PERSON"},
				{Field: 1, Text: "Brittany", Type: "LOCATION"},
			},
			want: []got{{1, "Typhoon Haiyan", "MISC"}, {1, "Tacloban", "LOCATION"}, {1, "Ciaran", "MISC"}, {1, "Brittany", "LOCATION"}},
		},
		{
			name: "German: Sturmtief X is a storm, Sturm Graz a club",
			lang: "de",
			body: "Das Sturmtief Zeynep traf Hamburg, wo Sturm Graz spielte.",
			spans: []span{
				{Field: 1, Text: "Zeynep", Type: "PERSON"},
				{Field: 1, Text: "Hamburg", Type: "LOCATION"},
				{Field: 1, Text: "Sturm Graz", Type: "ORGANIZATION"},
			},
			want: []got{{1, "Zeynep", "MISC"}, {1, "Hamburg", "LOCATION"}, {1, "Sturm Graz", "ORGANIZATION"}},
		},
		{
			name: "peoples are not places",
			lang: "fr",
			body: "Au Mali, les Touareg, les Peuls et les Songhoï ne partagent pas ces vues.",
			spans: []span{
				{Field: 1, Text: "Mali", Type: "LOCATION"},
				{Field: 1, Text: "Touareg", Type: "LOCATION"},
				{Field: 1, Text: "Peuls", Type: "LOCATION"},
				{Field: 1, Text: "Songhoï", Type: "MISC"},
			},
			want: []got{{1, "Mali", "LOCATION"}},
		},
		{
			name: "market indices are MISC, exchanges organisations",
			lang: "en",
			body: "The S&P 500 gained 0.8% and the Dow Jones Industrial Average added 250 points; the Nasdaq fell.",
			spans: []span{
				{Field: 1, Text: "Dow Jones Industrial Average", Type: "LOCATION"},
			},
			want: []got{{1, "S&P 500", "MISC"}, {1, "Dow Jones Industrial Average", "MISC"}, {1, "Nasdaq", "ORGANIZATION"}},
		},
		{
			name: "a curated club after a sentence-initial determiner loses the determiner",
			lang: "fr",
			body: "Le Real Madrid a battu le Bayern Munich. Le Monde l'a écrit. Les Nations unies ont protesté.",
			spans: []span{
				{Field: 1, Text: "Le Real Madrid", Type: "ORGANIZATION"},
				{Field: 1, Text: "Bayern Munich", Type: "LOCATION"},
				{Field: 1, Text: "Le Monde", Type: "ORGANIZATION"},
				{Field: 1, Text: "Les Nations", Type: "ORGANIZATION"},
			},
			want: []got{{1, "Real Madrid", "ORGANIZATION"}, {1, "Bayern Munich", "ORGANIZATION"}, {1, "Le Monde", "ORGANIZATION"}, {1, "Nations unies", "ORGANIZATION"}},
		},
		{
			name: "a country name the NER missed is added on free tokens only",
			lang: "fr",
			body: "Les Etats-Unis soutiennent Kiev. Le Niger aussi. Mais la dinde de Turquie.",
			spans: []span{
				{Field: 1, Text: "Kiev", Type: "LOCATION"},
				{Field: 1, Text: "Niger", Type: "PERSON"},
			},
			want: []got{{1, "Etats-Unis", "LOCATION"}, {1, "Kiev", "LOCATION"}, {1, "Niger", "PERSON"}, {1, "Turquie", "LOCATION"}},
		},
		{
			name: "a MISC that is a country name is a place, unless it is also a demonym",
			lang: "en",
			body: "Officials said Brazil was ready. Spanish, Thai and other contingents left.",
			spans: []span{
				{Field: 1, Text: "Brazil", Type: "MISC", Conf: 0.9},
				{Field: 1, Text: "Thai", Type: "MISC", Conf: 0.9},
			},
			want: []got{{1, "Brazil", "LOCATION"}, {1, "Thai", "MISC"}},
		},
		{
			name: "a country name that is a word of a person's name is left alone",
			lang: "en",
			body: "Michael Jordan retired. Jordan never played again.",
			spans: []span{
				{Field: 1, Text: "Michael Jordan", Type: "PERSON"},
			},
			want: []got{{1, "Michael Jordan", "PERSON"}},
		},
		{
			name: "a portfolio the NER took into a name is cut off; a person after 'de' is kept",
			lang: "fr",
			body: "La ministre des Solidarités Aurore Bergé a parlé. Le secrétaire d'État de Joe Biden est venu.",
			spans: []span{
				{Field: 1, Text: "Solidarités Aurore Bergé", Type: "ORGANIZATION"},
				{Field: 1, Text: "Joe Biden", Type: "PERSON"},
			},
			want: []got{{1, "Aurore Bergé", "PERSON"}, {1, "Joe Biden", "PERSON"}},
		},
		{
			name: "demonyms joined by a hyphen are no entity",
			lang: "en",
			body: "Hamas accepted an Egyptian-Qatari ceasefire proposal.",
			spans: []span{
				{Field: 1, Text: "Hamas", Type: "ORGANIZATION"},
				{Field: 1, Text: "Egyptian-Qatari", Type: "MISC"},
			},
			want: []got{{1, "Hamas", "ORGANIZATION"}},
		},
		{
			name: "a demonym and a title taken into a full name are cut off",
			lang: "en",
			body: "Yellen met Chinese Vice Premier He Lifeng. American President Lines ships goods.",
			spans: []span{
				{Field: 1, Text: "Yellen", Type: "PERSON"},
				{Field: 1, Text: "Chinese Vice Premier He Lifeng", Type: "MISC"},
				{Field: 1, Text: "American President Lines", Type: "ORGANIZATION"},
			},
			want: []got{{1, "Yellen", "PERSON"}, {1, "He Lifeng", "PERSON"}, {1, "American President Lines", "ORGANIZATION"}},
		},
		{
			name: "a German weekday alone is no name",
			lang: "de",
			body: "Olaf Scholz hat am Montag die Vertrauensfrage gestellt.",
			spans: []span{
				{Field: 1, Text: "Olaf Scholz", Type: "PERSON"},
				{Field: 1, Text: "Montag", Type: "LOCATION"},
			},
			want: []got{{1, "Olaf Scholz", "PERSON"}},
		},
		{
			name: "a person's name run on over a particle into a curated party is cut",
			lang: "nl",
			body: "Oppositieleider Frans Timmermans van GroenLinks-PvdA sprak. Vincent van Gogh schilderde.",
			spans: []span{
				{Field: 1, Text: "Frans Timmermans van GroenLinks-PvdA", Type: "PERSON"},
				{Field: 1, Text: "Vincent van Gogh", Type: "PERSON"},
			},
			want: []got{{1, "Frans Timmermans", "PERSON"}, {1, "GroenLinks-PvdA", "ORGANIZATION"}, {1, "Vincent van Gogh", "PERSON"}},
		},
		{
			name: "a title in capitals is no organisation",
			lang: "fr",
			body: "Le groupe va supprimer des postes, a annoncé son PDG Patrick Pouyanné. L'OMS a alerté.",
			spans: []span{
				{Field: 1, Text: "PDG", Type: "ORGANIZATION"},
				{Field: 1, Text: "Patrick Pouyanné", Type: "PERSON"},
				{Field: 1, Text: "OMS", Type: "ORGANIZATION"},
			},
			want: []got{{1, "Patrick Pouyanné", "PERSON"}, {1, "OMS", "ORGANIZATION"}},
		},
		{
			name: "a title taken apart right before a person is no name",
			lang: "pl",
			body: "Premier Donald Tusk zapowiedział rekonstrukcję. Premier był w Krakowie.",
			spans: []span{
				{Field: 1, Text: "Premier", Type: "ORGANIZATION"},
				{Field: 1, Text: "Donald Tusk", Type: "PERSON"},
				{Field: 1, Text: "Premier", Nth: 1, Type: "ORGANIZATION"},
			},
			want: []got{{1, "Donald Tusk", "PERSON"}, {1, "Premier", "ORGANIZATION"}},
		},
		{
			name: "a title from end to end is no name",
			lang: "pt",
			body: "A cerimónia foi presidida pelo Presidente da República, Marcelo Rebelo de Sousa.",
			spans: []span{
				{Field: 1, Text: "Presidente da República", Type: "LOCATION"},
				{Field: 1, Text: "Marcelo Rebelo de Sousa", Type: "PERSON"},
			},
			want: []got{{1, "Marcelo Rebelo de Sousa", "PERSON"}},
		},
		{
			name: "a party's hyphenated title is no name",
			lang: "de",
			body: "Scholz warf dem FDP-Chef einen kleinkarierten Umgang vor. Die FDP-Fraktion tagte.",
			spans: []span{
				{Field: 1, Text: "Scholz", Type: "PERSON"},
				{Field: 1, Text: "FDP-Chef", Type: "MISC"},
				{Field: 1, Text: "FDP-Fraktion", Type: "ORGANIZATION"},
			},
			want: []got{{1, "Scholz", "PERSON"}, {1, "FDP-Fraktion", "ORGANIZATION"}},
		},
		{
			name: "an auxiliary or reporting verb never ends a name",
			lang: "fr",
			body: "Des leaders du Parti populaire ont indiqué leur choix. Le Parti socialiste a dit non.",
			spans: []span{
				{Field: 1, Text: "Parti populaire ont", Type: "ORGANIZATION"},
				{Field: 1, Text: "Parti socialiste a", Type: "ORGANIZATION"},
			},
			want: []got{{1, "Parti populaire", "ORGANIZATION"}, {1, "Parti socialiste", "ORGANIZATION"}},
		},
		{
			name: "an English auxiliary never ends a name",
			lang: "en",
			body: "The Federal Reserve has raised rates, and the Bank of England said so.",
			spans: []span{
				{Field: 1, Text: "Federal Reserve has", Type: "ORGANIZATION"},
				{Field: 1, Text: "Bank of England said", Type: "ORGANIZATION"},
			},
			want: []got{{1, "Federal Reserve", "ORGANIZATION"}, {1, "Bank of England", "ORGANIZATION"}},
		},
		{
			name: "a quotation opening with a pronoun is speech, not a title",
			lang: "fr",
			body: "« Nous sommes prêts », a déclaré Macron. Il a lu « Les Misérables ». « Je suis Charlie ».",
			spans: []span{
				{Field: 1, Text: "Nous sommes prêts", Type: "MISC"},
				{Field: 1, Text: "Macron", Type: "PERSON"},
				{Field: 1, Text: "Les Misérables", Type: "MISC"},
				{Field: 1, Text: "Je suis Charlie", Type: "ORGANIZATION"},
			},
			want: []got{{1, "Macron", "PERSON"}, {1, "Les Misérables", "MISC"}, {1, "Je suis Charlie", "ORGANIZATION"}},
		},
		{
			name: "English speech is in sentence case; a Title Case quotation may be a title",
			lang: "en",
			body: `"We are not there yet," Powell said. She sang "We Are the World" and read the "I Ching".`,
			spans: []span{
				{Field: 1, Text: "We are not there yet", Type: "MISC"},
				{Field: 1, Text: "Powell", Type: "PERSON"},
				{Field: 1, Text: "We Are the World", Type: "MISC"},
				{Field: 1, Text: "I Ching", Type: "MISC"},
			},
			want: []got{{1, "Powell", "PERSON"}, {1, "We Are the World", "MISC"}, {1, "I Ching", "MISC"}},
		},
		{
			name: "English weekdays end names; yesterday does not",
			lang: "en",
			body: "Candidates campaigned for Super Tuesday. Reuters yesterday reported it.",
			spans: []span{
				{Field: 1, Text: "Super Tuesday", Type: "MISC"},
				{Field: 1, Text: "Reuters yesterday", Type: "ORGANIZATION"},
			},
			want: []got{{1, "Super Tuesday", "MISC"}, {1, "Reuters", "ORGANIZATION"}},
		},
		{
			name: "German: one lower-case word is no name (an inflected demonym)",
			lang: "de",
			body: "Der französischen Regierung zufolge sprach Macron.",
			spans: []span{
				{Field: 1, Text: "französischen", Type: "MISC"},
				{Field: 1, Text: "Macron", Type: "PERSON"},
			},
			want: []got{{1, "Macron", "PERSON"}},
		},
		{
			name:     "AFP spelling of an acronym as a word",
			lang:     "fr",
			headline: "Zelensky réclame des défenses à l'Otan",
			body:     "KIEV (AFP) - Le président a réclamé des défenses à l'Otan.",
			spans: []span{
				{Field: 0, Text: "Otan", Type: "LOCATION", Conf: 0.6},
				{Field: 1, Text: "Otan", Type: "LOCATION", Conf: 0.6},
			},
			want: []got{{0, "Otan", "ORGANIZATION"}, {1, "KIEV", "LOCATION"}, {1, "AFP", "ORGANIZATION"}, {1, "Otan", "ORGANIZATION"}},
		},
		// surnames
		{
			name: "surname the NER doubted more than the full name",
			lang: "en",
			body: "Novak Djokovic lost. Djokovic said so. Denzel Washington flew to Washington.",
			spans: []span{
				{Field: 1, Text: "Novak Djokovic", Type: "PERSON", Conf: 0.55},
				{Field: 1, Text: "Djokovic", Nth: 1, Type: "LOCATION", Conf: 0.3},
				{Field: 1, Text: "Denzel Washington", Type: "PERSON", Conf: 0.6},
				{Field: 1, Text: "Washington", Nth: 1, Type: "LOCATION", Conf: 0.9},
			},
			want: []got{
				{1, "Novak Djokovic", "PERSON"}, {1, "Djokovic", "PERSON"},
				{1, "Denzel Washington", "PERSON"}, {1, "Washington", "LOCATION"},
			},
		},
		// German capitalises its nouns
		{
			name: "German: a doubted single noun is not propagated, a sure name is",
			lang: "de",
			body: "Die Chöre sangen mit Merkel. Später sangen die Chöre wieder, sagte Merkel.",
			spans: []span{
				{Field: 1, Text: "Chöre", Type: "LOCATION", Conf: 0.5},
				{Field: 1, Text: "Merkel", Type: "PERSON", Conf: 0.9},
			},
			want: []got{{1, "Chöre", "LOCATION"}, {1, "Merkel", "PERSON"}, {1, "Merkel", "PERSON"}},
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
