package temporal

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Held-out sentences for de, es, it, nl, pt: written before their data and
// main tables were extended (the languages then had about 20 table
// expressions each), and scored on first run: precision / recall de
// 0.952 / 0.833, es 0.850 / 0.773, it 0.842 / 0.727, nl 0.947 / 0.818, pt
// 0.905 / 0.864. The data was then extended from the main tables (not from
// these sentences); what still fails is marked known, with the reason.
// Reference Wednesday 19 June 2024.
var deHeldOut = []exprCase{
	{in: "Die Europäische Zentralbank senkte am 6. Juni erstmals seit 2019 die Zinsen.", want: "DATE|6. Juni|2024-06-06; DATE|2019|2019"},
	{in: "Die Arbeitslosenquote stieg im Mai auf 5,9 Prozent.", want: "DATE|Mai|2024-05; PERCENT|5,9 Prozent|5.9"},
	{in: "Der 78-Jährige wurde am Dienstagabend in Berlin festgenommen.", want: "QUANTITY|78-Jährige|78 year; DATE|Dienstagabend|2024-06-18"},
	{in: "Siemens meldete im zweiten Quartal einen Umsatz von 19,4 Milliarden Euro.", want: "DATE|zweiten Quartal|2024-Q2; MONEY|19,4 Milliarden Euro|19400000000 EUR"},
	{in: "Die Wahl findet am 22. September statt.", want: "DATE|22. September|2024-09-22"},
	{in: "Vor drei Jahren hatte die Partei noch 12 Prozent erreicht.", want: "DATE|Vor drei Jahren|2021; PERCENT|12 Prozent|12"},
	{in: "Das Unternehmen will bis 2030 rund 5.000 Stellen streichen.", want: "DATE|2030|2030"},
	{in: "Die Temperaturen steigen am Donnerstag auf bis zu 35 Grad.", want: "DATE|Donnerstag|2024-06-20; QUANTITY|35 Grad|35 degree"},
	{in: "Um 18.30 Uhr begann die Sitzung.", want: "TIME|18.30 Uhr|T18:30"},
	{in: "Der Dax schloss 0,8 Prozent höher bei 18.450 Punkten.", want: "PERCENT|0,8 Prozent|0.8"},
	{in: "Anfang März 2022 flohen Millionen Menschen aus dem Land.", want: "DATE|Anfang März 2022|2022-03"},
	{in: "Das Gesetz gilt seit dem 1. Januar 2023.", want: "DATE|1. Januar 2023|2023-01-01"},
	{in: "Die Inflation lag im vergangenen Jahr bei durchschnittlich 5,9 %.", want: "DATE|vergangenen Jahr|2023; PERCENT|5,9 %|5.9"},
	{in: "Ein Barrel Brent kostete 82 Dollar.", want: "MONEY|82 Dollar|82 USD", known: "\"Ein Barrel\" is read as a quantity of one barrel"},
	{in: "In zwei Wochen soll eine Entscheidung fallen.", want: "DATE|In zwei Wochen|2024-07-03"},
	{in: "Die Strecke ist 120 Kilometer lang.", want: "QUANTITY|120 Kilometer|120 km"},
	{in: "Am vergangenen Freitag nahm die Polizei zwei Verdächtige fest.", want: "DATE|vergangenen Freitag|2024-06-14"},
}

var esHeldOut = []exprCase{
	{in: "El Banco Central Europeo bajó los tipos el 6 de junio por primera vez desde 2019.", want: "DATE|6 de junio|2024-06-06; DATE|2019|2019"},
	{in: "El paro subió en mayo hasta el 11,7 %.", want: "DATE|mayo|2024-05; PERCENT|11,7 %|11.7"},
	{in: "El detenido, de 34 años, pasó a disposición judicial el martes.", want: "QUANTITY|34 años|34 year; DATE|martes|2024-06-18"},
	{in: "Inditex facturó 8.150 millones de euros en el primer trimestre.", want: "MONEY|8.150 millones de euros|8150000000 EUR; DATE|primer trimestre|2024-Q1"},
	{in: "Las elecciones se celebrarán el próximo 23 de julio.", want: "DATE|próximo 23 de julio|2024-07-23", known: "the span takes the article (\"el próximo 23 de julio\"), as the es tables do"},
	{in: "Hace tres años, el partido obtuvo un 12 % de los votos.", want: "DATE|Hace tres años|2021; PERCENT|12 %|12"},
	{in: "La compañía prevé recortar 5.000 empleos antes de 2030.", want: "DATE|2030|2030"},
	{in: "Las temperaturas alcanzarán los 42 grados este fin de semana.", want: "QUANTITY|42 grados|42 degree; DATE|este fin de semana|2024-06-22/2024-06-23"},
	{in: "La sesión comenzó a las 18.30 horas.", want: "TIME|18.30 horas|T18:30"},
	{in: "El Ibex 35 cerró con una subida del 0,8 %.", want: "PERCENT|0,8 %|0.8"},
	{in: "A principios de marzo de 2022, millones de personas huyeron del país.", want: "DATE|principios de marzo de 2022|2022-03"},
	{in: "La ley está en vigor desde el 1 de enero de 2023.", want: "DATE|1 de enero de 2023|2023-01-01"},
	{in: "El barril de Brent se pagaba a 82 dólares.", want: "MONEY|82 dólares|82 USD"},
	{in: "Dentro de dos semanas se conocerá la decisión.", want: "DATE|Dentro de dos semanas|2024-07-03"},
	{in: "El tramo mide 120 kilómetros.", want: "QUANTITY|120 kilómetros|120 km"},
	{in: "El pasado viernes, la policía detuvo a dos personas.", want: "DATE|pasado viernes|2024-06-14", known: "the span takes the article (\"El pasado viernes\"), as the es tables do"},
}

var itHeldOut = []exprCase{
	{in: "La Bce ha tagliato i tassi il 6 giugno per la prima volta dal 2019.", want: "DATE|6 giugno|2024-06-06; DATE|2019|2019"},
	{in: "A maggio la disoccupazione è salita al 7,2 per cento.", want: "DATE|maggio|2024-05; PERCENT|7,2 per cento|7.2"},
	{in: "L'uomo, di 34 anni, è stato arrestato martedì sera.", want: "QUANTITY|34 anni|34 year; DATE|martedì sera|2024-06-18"},
	{in: "Eni ha registrato ricavi per 22,5 miliardi di euro nel primo trimestre.", want: "MONEY|22,5 miliardi di euro|22500000000 EUR; DATE|primo trimestre|2024-Q1"},
	{in: "Le elezioni si terranno il prossimo 22 settembre.", want: "DATE|prossimo 22 settembre|2024-09-22", known: "the span takes the article (\"il prossimo 22 settembre\"), as the it tables do"},
	{in: "Tre anni fa il partito aveva ottenuto il 12%.", want: "DATE|Tre anni fa|2021; PERCENT|12%|12"},
	{in: "L'azienda prevede di tagliare 5.000 posti entro il 2030.", want: "DATE|2030|2030"},
	{in: "Le temperature toccheranno i 40 gradi giovedì.", want: "QUANTITY|40 gradi|40 degree; DATE|giovedì|2024-06-20"},
	{in: "La seduta è iniziata alle 18.30.", want: "TIME|18.30|T18:30"},
	{in: "Piazza Affari ha chiuso in rialzo dello 0,8%.", want: "PERCENT|0,8%|0.8"},
	{in: "Nel marzo 2022 milioni di persone sono fuggite dal Paese.", want: "DATE|marzo 2022|2022-03", known: "a year followed by a magnitude (\"2022 milioni\") is read as an amount"},
	{in: "La legge è in vigore dal primo gennaio 2023.", want: "DATE|primo gennaio 2023|2023-01-01"},
	{in: "Il Brent è salito a 82 dollari al barile.", want: "MONEY|82 dollari|82 USD"},
	{in: "Tra due settimane è attesa la decisione.", want: "DATE|Tra due settimane|2024-07-03"},
	{in: "Il tratto è lungo 120 chilometri.", want: "QUANTITY|120 chilometri|120 km"},
	{in: "Venerdì scorso la polizia ha arrestato due persone.", want: "DATE|Venerdì scorso|2024-06-14"},
}

var nlHeldOut = []exprCase{
	{in: "De ECB verlaagde op 6 juni voor het eerst sinds 2019 de rente.", want: "DATE|6 juni|2024-06-06; DATE|2019|2019"},
	{in: "De werkloosheid steeg in mei naar 3,7 procent.", want: "DATE|mei|2024-05; PERCENT|3,7 procent|3.7"},
	{in: "De 34-jarige man werd dinsdagavond aangehouden.", want: "QUANTITY|34-jarige|34 year; DATE|dinsdagavond|2024-06-18"},
	{in: "Shell boekte in het eerste kwartaal een winst van 7,7 miljard dollar.", want: "DATE|eerste kwartaal|2024-Q1; MONEY|7,7 miljard dollar|7700000000 USD"},
	{in: "De verkiezingen worden op 12 september gehouden.", want: "DATE|12 september|2024-09-12"},
	{in: "Drie jaar geleden haalde de partij nog 12 procent.", want: "DATE|Drie jaar geleden|2021; PERCENT|12 procent|12"},
	{in: "Het bedrijf wil uiterlijk in 2030 duizenden banen schrappen.", want: "DATE|2030|2030"},
	{in: "De temperatuur loopt donderdag op tot 33 graden.", want: "DATE|donderdag|2024-06-20; QUANTITY|33 graden|33 degree"},
	{in: "De vergadering begon om 18.30 uur.", want: "TIME|18.30 uur|T18:30"},
	{in: "De AEX sloot 0,8 procent hoger.", want: "PERCENT|0,8 procent|0.8"},
	{in: "In maart 2022 vluchtten miljoenen mensen het land uit.", want: "DATE|maart 2022|2022-03"},
	{in: "De wet geldt sinds 1 januari 2023.", want: "DATE|1 januari 2023|2023-01-01"},
	{in: "Een vat Brent kostte 82 dollar.", want: "MONEY|82 dollar|82 USD"},
	{in: "Over twee weken valt het besluit.", want: "DATE|Over twee weken|2024-07-03"},
	{in: "Het traject is 120 kilometer lang.", want: "QUANTITY|120 kilometer|120 km"},
	{in: "Afgelopen vrijdag arresteerde de politie twee mensen.", want: "DATE|Afgelopen vrijdag|2024-06-14"},
}

var ptHeldOut = []exprCase{
	{in: "O BCE cortou os juros em 6 de junho pela primeira vez desde 2019.", want: "DATE|6 de junho|2024-06-06; DATE|2019|2019"},
	{in: "O desemprego subiu em maio para 6,5%.", want: "DATE|maio|2024-05; PERCENT|6,5%|6.5"},
	{in: "O homem, de 34 anos, foi detido na terça-feira à noite.", want: "QUANTITY|34 anos|34 year; DATE|terça-feira à noite|2024-06-18"},
	{in: "A Petrobras lucrou R$ 23,7 bilhões no primeiro trimestre.", want: "MONEY|R$ 23,7 bilhões|23700000000 BRL; DATE|primeiro trimestre|2024-Q1"},
	{in: "As eleições municipais acontecem em 6 de outubro.", want: "DATE|6 de outubro|2024-10-06"},
	{in: "Há três anos, o partido obteve 12% dos votos.", want: "DATE|Há três anos|2021; PERCENT|12%|12"},
	{in: "A empresa pretende cortar 5 mil empregos até 2030.", want: "DATE|2030|2030"},
	{in: "Os termômetros devem marcar 38 graus na quinta-feira.", want: "QUANTITY|38 graus|38 degree; DATE|quinta-feira|2024-06-20"},
	{in: "A sessão começou às 18h30.", want: "TIME|18h30|T18:30"},
	{in: "O Ibovespa fechou em alta de 0,8%.", want: "PERCENT|0,8%|0.8"},
	{in: "Em março de 2022, milhões de pessoas fugiram do país.", want: "DATE|março de 2022|2022-03"},
	{in: "A lei está em vigor desde 1º de janeiro de 2023.", want: "DATE|1º de janeiro de 2023|2023-01-01"},
	{in: "O barril de Brent era negociado a 82 dólares.", want: "MONEY|82 dólares|82 USD"},
	{in: "Daqui a duas semanas sai a decisão.", want: "DATE|Daqui a duas semanas|2024-07-03"},
	{in: "O trecho tem 120 quilômetros.", want: "QUANTITY|120 quilômetros|120 km"},
	{in: "Na sexta-feira passada, a polícia prendeu duas pessoas.", want: "DATE|sexta-feira passada|2024-06-14"},
}

// TestHeldOutOther scores the held-out sentences of de, es, it, nl, pt
// (go test -run TestHeldOutOther -v).
func TestHeldOutOther(t *testing.T) {
	x, err := New()
	require.NoError(t, err)
	for _, tc := range []struct {
		lang  string
		cases []exprCase
	}{
		{"de", deHeldOut}, {"es", esHeldOut}, {"it", itHeldOut}, {"nl", nlHeldOut}, {"pt", ptHeldOut},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			sc := runTable(t, x, tc.lang, tc.cases)
			t.Logf("%s held-out: %s", tc.lang, sc)
		})
	}
}
