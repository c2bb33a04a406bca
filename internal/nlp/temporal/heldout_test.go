package temporal

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Held-out sentences: written after the engine and the main tables, and
// scored on first run (fr: precision 1.000, recall 1.000; en: 0.936,
// 0.917). Two of the English misses were then fixed in the engine (40C,
// "Dec. 21 last year"); the others stay marked known, with the reason.
// When ranges became intervals, the three range sentences were changed to
// expect the whole range ("du 9 au 11 juillet", 2024-07-09/2024-07-11),
// which had been marked known in English. Reference Wednesday 19 June 2024.
var frHeldOut = []exprCase{
	{in: "Le président sénégalais a été investi mardi 2 avril à Dakar.", want: "DATE|mardi 2 avril|2024-04-02"},
	{in: "Selon l'Insee, le taux de chômage s'établit à 7,5 % au premier trimestre.", want: "PERCENT|7,5 %|7.5; DATE|premier trimestre|2024-Q1"},
	{in: "Les Bourses européennes ont terminé en hausse vendredi, le CAC 40 gagnant 0,8 %.", want: "DATE|vendredi|2024-06-14; PERCENT|0,8 %|0.8"},
	{in: "La Chine a annoncé dimanche un plan de relance de 1 000 milliards de yuans.", want: "DATE|dimanche|2024-06-16; MONEY|1 000 milliards de yuans|1000000000000 CNY"},
	{in: "L'ouragan Beryl, qui a touché terre le 1er juillet, a fait au moins onze morts.", want: "DATE|1er juillet|2024-07-01", ref: ymd(2024, 7, 9)}, // past tense: a date before the reference, so the article's own
	{in: "Né le 4 août 1961 à Honolulu, il a été élu en novembre 2008.", want: "DATE|4 août 1961|1961-08-04; DATE|novembre 2008|2008-11"},
	{in: "Le tremblement de terre, d'une magnitude de 7,8, s'est produit à 4h17 heure locale.", want: "TIME|4h17|T04:17"},
	{in: "Le groupe prévoit de supprimer 2 500 postes d'ici à fin 2025.", want: "DATE|fin 2025|2025"},
	{in: "Les températures pourraient atteindre 40 °C jeudi dans le Sud.", want: "QUANTITY|40 °C|40 °C; DATE|jeudi|2024-06-20"},
	{in: "Le gouvernement table sur une croissance de 1 % cette année et de 1,4 % l'an prochain.", want: "PERCENT|1 %|1; DATE|cette année|2024; PERCENT|1,4 %|1.4; DATE|l'an prochain|2025"},
	{in: "L'athlète de 23 ans a couru le 200 m en 19 secondes 46.", want: "QUANTITY|23 ans|23 year; QUANTITY|200 m|200 m; QUANTITY|19 secondes|19 second"},
	{in: "Il avait été condamné en première instance à cinq ans de prison, dont trois avec sursis.", want: "QUANTITY|cinq ans|5 year"},
	{in: "Les faits remontent à la nuit du 13 au 14 novembre 2015.", want: "DATE|du 13 au 14 novembre 2015|2015-11-13/2015-11-14"},
	{in: "Le chiffre d'affaires a atteint 86,2 milliards d'euros en 2023, en hausse de 8 %.", want: "MONEY|86,2 milliards d'euros|86200000000 EUR; DATE|2023|2023; PERCENT|8 %|8"},
	{in: "Le texte avait été adopté le 21 décembre dernier par le Parlement.", want: "DATE|21 décembre dernier|2023-12-21"},
	{in: "Depuis le début de l'année, plus de 20 000 migrants ont traversé la Manche.", want: "DATE|le début de l'année|2024"},
	{in: "La Fed a relevé ses taux d'un quart de point, à 5,25 %-5,5 %.", want: "PERCENT|un quart de point|0.25; PERCENT|5,25 %|5.25; PERCENT|5,5 %|5.5"},
	{in: "Le Conseil constitutionnel rendra sa décision le 25 janvier.", want: "DATE|25 janvier|2025-01-25"}, // future tense: the next 25 January
	{in: "Il est mort samedi soir à l'âge de 89 ans.", want: "DATE|samedi soir|2024-06-15; QUANTITY|89 ans|89 year"},
	{in: "Le baril de Brent a reculé de 2 % à 82,50 dollars.", want: "PERCENT|2 %|2; MONEY|82,50 dollars|82.5 USD"},
	{in: "La tempête a privé d'électricité 1,2 million de foyers mardi matin.", want: "DATE|mardi matin|2024-06-18"},
	{in: "Le vol a décollé à 23 h 40 et s'est posé trois heures plus tard.", want: "TIME|23 h 40|T23:40; QUANTITY|trois heures|3 hour"},
	{in: "La mission Artemis II est reportée à septembre 2025.", want: "DATE|septembre 2025|2025-09"},
	{in: "Un accord a été trouvé dans la nuit de dimanche à lundi.", want: "DATE|dimanche|2024-06-16; DATE|lundi|2024-06-17"},
	{in: "Le prix du gaz a bondi de 40 % depuis octobre.", want: "PERCENT|40 %|40; DATE|octobre|2023-10"},
	{in: "Le gouvernement a débloqué une aide d'urgence de 400 millions d’euros pour les agriculteurs.", want: "MONEY|400 millions d’euros|400000000 EUR"},
	{in: "La vague de chaleur devrait durer au moins une semaine.", want: "QUANTITY|une semaine|1 week"},
	{in: "Le sommet de l'Otan se tiendra du 9 au 11 juillet à Washington.", want: "DATE|du 9 au 11 juillet|2024-07-09/2024-07-11"},
	{in: "La superficie brûlée dépasse 12 000 hectares, soit 120 km².", want: "QUANTITY|12 000 hectares|12000 ha; QUANTITY|120 km²|120 km2"},
	{in: "Emmanuel Macron s'exprimera ce soir à 20h.", want: "DATE|ce soir|2024-06-19; TIME|20h|T20:00"},
}

var enHeldOut = []exprCase{
	{in: "Senegal's president was sworn in on Tuesday, April 2, in Dakar.", want: "DATE|Tuesday, April 2|2024-04-02"},
	{in: "Unemployment stood at 7.5% in the first quarter, the statistics office said.", want: "PERCENT|7.5%|7.5; DATE|the first quarter|2024-Q1"},
	{in: "European shares closed higher on Friday, with the FTSE 100 up 0.8%.", want: "DATE|Friday|2024-06-14; PERCENT|0.8%|0.8"},
	{in: "China unveiled a 1 trillion yuan stimulus package on Sunday.", want: "MONEY|1 trillion yuan|1000000000000 CNY; DATE|Sunday|2024-06-16"},
	{in: "Hurricane Beryl, which made landfall on July 1, killed at least 11 people.", want: "DATE|July 1|2024-07-01", ref: ymd(2024, 7, 9)},
	{in: "Born on Aug. 4, 1961, in Honolulu, he was elected in November 2008.", want: "DATE|Aug. 4, 1961|1961-08-04; DATE|November 2008|2008-11"},
	{in: "The 7.8-magnitude quake struck at 4:17 a.m. local time.", want: "TIME|4:17 a.m.|T04:17"},
	{in: "The group plans to cut 2,500 jobs by the end of 2025.", want: "DATE|the end of 2025|2025"},
	{in: "Temperatures could hit 40C in the south on Thursday.", want: "QUANTITY|40C|40 °C; DATE|Thursday|2024-06-20"},
	{in: "The government expects growth of 1% this year and 1.4% next year.", want: "PERCENT|1%|1; DATE|this year|2024; PERCENT|1.4%|1.4; DATE|next year|2025"},
	{in: "The 23-year-old ran the 200 metres in 19.46 seconds.", want: "QUANTITY|23-year-old|23 year; QUANTITY|200 metres|200 m; QUANTITY|19.46 seconds|19.46 second"},
	{in: "He was sentenced to five years in prison, three of them suspended.", want: "QUANTITY|five years|5 year"},
	{in: "The attacks took place on the night of Nov. 13, 2015.", want: "DATE|Nov. 13, 2015|2015-11-13"},
	{in: "Revenue reached $86.2 billion in 2023, up 8%.", want: "MONEY|$86.2 billion|86200000000 USD; DATE|2023|2023; PERCENT|8%|8"},
	{in: "Parliament passed the bill on Dec. 21 last year.", want: "DATE|Dec. 21 last year|2023-12-21"},
	{in: "More than 20,000 migrants have crossed the Channel since the start of the year.", want: "DATE|the start of the year|2024"},
	{in: "The Fed raised rates by a quarter point to 5.25%-5.5%.", want: "PERCENT|a quarter point|0.25; PERCENT|5.25%|5.25; PERCENT|5.5%|5.5"},
	{in: "The court will rule on Jan. 25.", want: "DATE|Jan. 25|2025-01-25"},
	{in: "He died on Saturday night at the age of 89.", want: "DATE|Saturday night|2024-06-15"},
	{in: "Brent crude fell 2% to $82.50 a barrel.", want: "PERCENT|2%|2; MONEY|$82.50|82.5 USD"},
	{in: "The storm left 1.2 million homes without power on Tuesday morning.", want: "DATE|Tuesday morning|2024-06-18"},
	{in: "The flight took off at 11:40 p.m. and landed three hours later.", want: "TIME|11:40 p.m.|T23:40; QUANTITY|three hours|3 hour"},
	{in: "The Artemis II mission has been pushed back to September 2025.", want: "DATE|September 2025|2025-09"},
	{in: "A deal was reached overnight from Sunday to Monday.", want: "DATE|Sunday|2024-06-16; DATE|Monday|2024-06-17"},
	{in: "Gas prices have jumped 40 percent since October.", want: "PERCENT|40 percent|40; DATE|October|2023-10"},
	{in: "The government released 400 million euros in emergency aid for farmers.", want: "MONEY|400 million euros|400000000 EUR"},
	{in: "The heatwave is expected to last at least a week.", want: "QUANTITY|a week|1 week", known: "\"a\" is not read as one before a unit"},
	{in: "The NATO summit will be held July 9-11 in Washington.", want: "DATE|July 9-11|2024-07-09/2024-07-11"},
	{in: "The burned area exceeds 12,000 hectares, or 120 square kilometres.", want: "QUANTITY|12,000 hectares|12000 ha; QUANTITY|120 square kilometres|120 km2"},
	{in: "Biden will address the nation tonight at 8 p.m.", want: "DATE|tonight|2024-06-19; TIME|8 p.m.|T20:00"},
}

// TestHeldOut scores the held-out sentences (go test -run TestHeldOut -v).
func TestHeldOut(t *testing.T) {
	x, err := New()
	require.NoError(t, err)
	for lang, cases := range map[string][]exprCase{"fr": frHeldOut, "en": enHeldOut} {
		t.Run(lang, func(t *testing.T) {
			sc := runTable(t, x, lang, cases)
			t.Logf("%s held-out: %s", lang, sc)
		})
	}
}
