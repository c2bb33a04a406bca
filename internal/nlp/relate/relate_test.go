package relate_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/relate"
	"github.com/wirenrich/wirenrich/internal/nlp/resolve"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// build makes an analysis from marked text: "[Vladimir Poutine|PERSON]",
// "[Poutine|PERSON|=Vladimir Poutine]" (a mention of a named entity),
// "[le dirigeant nord-coréen|PERSON|=Kim Jong-un|nominal]". Entities are
// grouped by name, in order of first mention. links gives entity links.
func build(t testing.TB, lang, marked string, links map[string]map[string]string) *analysis.Analysis {
	t.Helper()
	var body strings.Builder
	type mk struct {
		start, end      int
		text, typ, name string
		nominal         bool
	}
	var marks []mk
	rest := marked
	pos := 0
	for {
		i := strings.IndexByte(rest, '[')
		if i < 0 {
			body.WriteString(rest)
			break
		}
		j := strings.IndexByte(rest[i:], ']')
		require.Greater(t, j, 0, "unclosed mark in %q", marked)
		body.WriteString(rest[:i])
		pos += utf8.RuneCountInString(rest[:i])
		parts := strings.Split(rest[i+1:i+j], "|")
		require.GreaterOrEqual(t, len(parts), 2, "mark %q", rest[i:i+j+1])
		m := mk{start: pos, text: parts[0], typ: parts[1], name: parts[0]}
		for _, p := range parts[2:] {
			switch {
			case strings.HasPrefix(p, "="):
				m.name = p[1:]
			case p == "nominal":
				m.nominal = true
			}
		}
		body.WriteString(parts[0])
		pos += utf8.RuneCountInString(parts[0])
		m.end = pos
		marks = append(marks, m)
		rest = rest[i+j+1:]
	}
	doc := text.Tokenize(body.String(), lang)
	a := &analysis.Analysis{Lang: lang, Fields: []analysis.Field{{Name: "headline", Doc: text.Tokenize("", lang)}, {Name: "body", Doc: doc}}}
	ents := map[string]int{}
	for _, m := range marks {
		e, ok := ents[m.name]
		if !ok {
			e = len(a.Entities)
			ents[m.name] = e
			a.Entities = append(a.Entities, analysis.Entity{Type: m.typ, Name: m.name, Links: links[m.name], Confidence: 1})
		}
		mi := len(a.Mentions)
		ts, te := -1, -1
		for k, tk := range doc.Tokens {
			if tk.Start == m.start {
				ts = k
			}
			if tk.End == m.end {
				te = k + 1
			}
		}
		require.True(t, ts >= 0 && te > ts, "mark %q is not on token boundaries", m.text)
		sent := 0
		for s, sn := range doc.Sentences {
			if ts >= sn.First && ts < sn.Last {
				sent = s
			}
		}
		a.Mentions = append(a.Mentions, analysis.Mention{Field: 1, Sent: sent, TokStart: ts, TokEnd: te, Start: m.start, End: m.end,
			Text: m.text, Type: m.typ, Confidence: 1, Nominal: m.nominal, Entity: e})
		a.Entities[e].Mentions = append(a.Entities[e].Mentions, mi)
	}
	return a
}

// describe renders a relation as "type Subject -> Object" (symmetric pairs
// in name order), with ": value" for title and said.
func describe(a *analysis.Analysis, r analysis.Relation) string {
	s := a.Entities[r.Subject].Name
	o := ""
	if r.Object >= 0 {
		o = a.Entities[r.Object].Name
	}
	if (r.Type == relate.Met || r.Type == relate.Agreement) && o < s {
		s, o = o, s
	}
	out := r.Type + " " + s + " -> " + o
	if r.Type == relate.Title || r.Type == relate.Said || r.Type == relate.Agreement {
		out += ": " + r.Value
	}
	return out
}

func TestRelate(t *testing.T) {
	kp := map[string]map[string]string{"Pyongyang": {"country": "KP"}, "ANKARA": {"country": "TR"}, "Turkey": {"country": "TR"}, "Elazig": {"country": "TR"}}
	tests := []struct {
		name, lang, text string
		want, not        []string
		cameo            map[string]string // relation description -> CAMEO code
	}{
		{name: "coordinated subjects, apposition title, agreement, visit", lang: "fr",
			text: "Le président russe, [Vladimir Poutine|PERSON], arrivé mardi en [Corée du Nord|LOCATION], et [Kim Jong-un|PERSON] ont signé un accord de partenariat stratégique. La [Russie|LOCATION] s'en félicite.",
			want: []string{"agreement Kim Jong-un -> Vladimir Poutine: accord de partenariat stratégique", "visited Vladimir Poutine -> Corée du Nord",
				"title Vladimir Poutine -> Russie: président", "nationality Vladimir Poutine -> Russie"},
			not:   []string{"visited Kim Jong-un -> Corée du Nord"},
			cameo: map[string]string{"agreement Kim Jong-un -> Vladimir Poutine: accord de partenariat stratégique": "057", "visited Vladimir Poutine -> Corée du Nord": "042"}},
		{name: "a country's possessive before an organisation", lang: "en", text: "Officials said [Turkey|LOCATION]'s disaster agency [AFAD|ORGANIZATION] sent teams.",
			want: []string{"located_in AFAD -> Turkey"}},
		{name: "a dateline says where the story was filed, not where the place is", lang: "en", text: "Quake kills 40\n\n[ANKARA|LOCATION], Feb 2 - A quake struck [Elazig|LOCATION] in eastern [Turkey|LOCATION] on Friday.",
			want: []string{"located_in Elazig -> Turkey"}, not: []string{"located_in ANKARA -> Turkey"}},
		{name: "one of a plural title", lang: "fr", text: "Un des chercheurs de [HRW|ORGANIZATION], [Ole Solvang|PERSON], précise les faits.",
			want: []string{"title Ole Solvang -> HRW: chercheur", "member_of Ole Solvang -> HRW"}},
		{name: "a plural title before names, in the singular", lang: "en", text: "He met former Prime Ministers [Matteo Renzi|PERSON] and [Silvio Berlusconi|PERSON].",
			want: []string{"title Matteo Renzi -> : Prime Minister"}, not: []string{"title Matteo Renzi -> : Prime Ministers"}},
		{name: "meeting verb", lang: "fr", text: "[Emmanuel Macron|PERSON] a rencontré [Olaf Scholz|PERSON] à [Berlin|LOCATION] lundi.",
			want: []string{"met Emmanuel Macron -> Olaf Scholz"}, not: []string{"visited Emmanuel Macron -> Berlin"},
			cameo: map[string]string{"met Emmanuel Macron -> Olaf Scholz": "040"}},
		{name: "reflexive meeting", lang: "fr", text: "[Antony Blinken|PERSON] s'est entretenu avec [Wang Yi|PERSON] lundi à Pékin.",
			want: []string{"met Antony Blinken -> Wang Yi"}},
		{name: "possessive before the person", lang: "en", text: "[Ukraine|LOCATION]'s [Zelenskiy|PERSON] meets [Biden|PERSON] at the [White House|ORGANIZATION].",
			want: []string{"met Biden -> Zelenskiy"}, not: []string{"met Biden -> Ukraine"}},
		{name: "quote: the name before the verb speaks, the one after is addressed", lang: "en", text: "\"We highly appreciate your unwavering support,\" [Putin|PERSON] told [Kim|PERSON], according to the [Kremlin|ORGANIZATION].",
			want: []string{"said Putin -> : We highly appreciate your unwavering support"}, not: []string{"said Kim -> : We highly appreciate your unwavering support"}},
		{name: "a relational noun gives a nationality, not a title", lang: "fr", text: "[Antony Blinken|PERSON] a rencontré son homologue chinois [Wang Yi|PERSON] à [Pékin|LOCATION], en [Chine|LOCATION].",
			want: []string{"nationality Wang Yi -> Chine", "met Antony Blinken -> Wang Yi"}, not: []string{"title Wang Yi -> Chine: homologue", "title Wang Yi -> : homologue"}},
		{name: "an object a verb took is not a later noun's", lang: "en", text: "[Germany|LOCATION] supports [Ukraine|LOCATION] in the war.",
			want: []string{"supports Germany -> Ukraine"}, not: []string{"opposes Germany -> Ukraine"}},
		{name: "absolute clause with its own subject", lang: "en", text: "[Vladimir Putin|PERSON] and [Kim Jong Un|PERSON] signed a pact on Wednesday, with [Kim|PERSON|=Kim Jong Un] pledging full support for [Moscow|LOCATION].",
			want: []string{"supports Kim Jong Un -> Moscow"}, not: []string{"supports Vladimir Putin -> Moscow"}},
		{name: "named possessor of a nominal predicate", lang: "en", text: "[Kim Jong Un|PERSON] backed [Moscow|LOCATION]'s war against [Ukraine|LOCATION].",
			want: []string{"opposes Moscow -> Ukraine"}, not: []string{"opposes Kim Jong Un -> Ukraine"}},
		{name: "possessive and title before the person", lang: "en", text: "[Russia|LOCATION]’s Foreign Minister [Sergei Lavrov|PERSON] met [Wang Yi|PERSON] in [Beijing|LOCATION].",
			want: []string{"met Sergei Lavrov -> Wang Yi"}, not: []string{"met Russia -> Wang Yi"}},
		{name: "what follows a nominal predicate is not the verb's object", lang: "fr", text: "La [France|LOCATION] a condamné l'attaque iranienne contre [Israël|LOCATION]. La [France|LOCATION] a condamné l'[Iran|LOCATION].",
			want: []string{"opposes France -> Iran"}, not: []string{"opposes France -> Israël"}},
		{name: "passive", lang: "fr", text: "[Olaf Scholz|PERSON] a été reçu par [Emmanuel Macron|PERSON] à l'Élysée.",
			want: []string{"met Emmanuel Macron -> Olaf Scholz"}},
		{name: "object pronoun", lang: "fr", text: "[Vladimir Poutine|PERSON] est arrivé sur la place où [Kim Jong-un|PERSON] l'a accueilli.",
			want: []string{"met Kim Jong-un -> Vladimir Poutine"}},
		{name: "se rendre", lang: "fr", text: "En septembre, [Kim Jong-un|PERSON] s'était rendu en train blindé dans l'[Extrême-Orient russe|LOCATION] pour un sommet.",
			want: []string{"visited Kim Jong-un -> Extrême-Orient russe"}},
		{name: "quote then verb and speaker", lang: "fr", text: "« Nous apprécions beaucoup votre soutien constant », a déclaré [Vladimir Poutine|PERSON] à [Kim Jong-un|PERSON].",
			want: []string{"said Vladimir Poutine -> : Nous apprécions beaucoup votre soutien constant"},
			not:  []string{"supports Vladimir Poutine -> Kim Jong-un", "said Kim Jong-un -> : Nous apprécions beaucoup votre soutien constant"}},
		{name: "selon", lang: "fr", text: "Ils ont « entamé des négociations dans le cadre de leurs délégations », à la résidence, selon [RIA Novosti|ORGANIZATION].",
			want: []string{"said RIA Novosti -> : entamé des négociations dans le cadre de leurs délégations"}},
		{name: "verb before quote", lang: "fr", text: "Le [Kremlin|ORGANIZATION] avait indiqué lundi que cet accord de « partenariat global » refléterait « l'évolution profonde de la situation géopolitique ».",
			want: []string{"said Kremlin -> : l'évolution profonde de la situation géopolitique"},
			not:  []string{"said Kremlin -> : partenariat global"}},
		{name: "title-only speaker", lang: "fr", text: "[Kim Jong-un|PERSON] a parlé longtemps. « Nous sommes prêts à tout pour la paix », a déclaré [le dirigeant nord-coréen|PERSON|=Kim Jong-un|nominal]. La [Corée du Nord|LOCATION] attend.",
			want: []string{"said Kim Jong-un -> : Nous sommes prêts à tout pour la paix", "title Kim Jong-un -> Corée du Nord: dirigeant", "nationality Kim Jong-un -> Corée du Nord"}},
		{name: "support noun after object, conflict", lang: "fr", text: "[Kim Jong-un|PERSON] est là. [Le dirigeant nord-coréen|PERSON|=Kim Jong-un|nominal] a assuré [Moscou|LOCATION] de son « entier soutien » dans son conflit contre l'[Ukraine|LOCATION].",
			want: []string{"supports Kim Jong-un -> Moscou", "opposes Moscou -> Ukraine"}, not: []string{"opposes Kim Jong-un -> Ukraine"},
			cameo: map[string]string{"supports Kim Jong-un -> Moscou": "050", "opposes Moscou -> Ukraine": "190"}},
		{name: "coordinated subjects, noun predicate", lang: "fr", text: "L'accord a été signé, alors que la [Russie|LOCATION] et la [Corée du Nord|LOCATION] considèrent les [Etats-Unis|LOCATION] comme un ennemi existentiel.",
			want: []string{"opposes Russie -> Etats-Unis", "opposes Corée du Nord -> Etats-Unis"}},
		{name: "place of a city", lang: "fr", text: "Il est arrivé sur la [place Kim Il-sung|LOCATION] de [Pyongyang|LOCATION], capitale de la [Corée du Nord|LOCATION].",
			want: []string{"located_in place Kim Il-sung -> Pyongyang", "located_in Pyongyang -> Corée du Nord"}},
		{name: "post apposition title and group nationality", lang: "fr", text: "Il est venu avec des responsables russes, dont le ministre des affaires étrangères, [Sergueï Lavrov|PERSON]. La [Russie|LOCATION] le confirme.",
			want: []string{"title Sergueï Lavrov -> : ministre des affaires étrangères", "nationality Sergueï Lavrov -> Russie"}},
		{name: "pronoun subject", lang: "fr", text: "[Vladimir Poutine|PERSON] est arrivé lundi. Il a rencontré [Kim Jong-un|PERSON] mardi.",
			want: []string{"met Kim Jong-un -> Vladimir Poutine"}},
		{name: "sanctions", lang: "fr", text: "Les [Etats-Unis|LOCATION] ont décrété des sanctions unilatérales contre l'[Iran|LOCATION].",
			want: []string{"opposes Etats-Unis -> Iran"}, cameo: map[string]string{"opposes Etats-Unis -> Iran": "163"}},
		{name: "no meeting without a meeting predicate", lang: "fr", text: "[Emmanuel Macron|PERSON] et [Olaf Scholz|PERSON] ont parlé de l'économie à [Berlin|LOCATION].",
			not: []string{"met Emmanuel Macron -> Olaf Scholz", "visited Emmanuel Macron -> Berlin", "agreement Emmanuel Macron -> Olaf Scholz: "}},
		{name: "negotiations between", lang: "fr", text: "Les experts citent les négociations sur le programme nucléaire qui se déroulent entre [Washington|LOCATION] et [Téhéran|LOCATION].",
			want: []string{"met Téhéran -> Washington"}, cameo: map[string]string{"met Téhéran -> Washington": "046"}},

		{name: "premodifier titles and demonyms", lang: "en", text: "German Chancellor [Olaf Scholz|PERSON] met French President [Emmanuel Macron|PERSON] in [Paris|LOCATION]. [Germany|LOCATION] and [France|LOCATION] agree.",
			want: []string{"title Olaf Scholz -> Germany: chancellor", "nationality Olaf Scholz -> Germany", "title Emmanuel Macron -> France: president",
				"nationality Emmanuel Macron -> France", "met Emmanuel Macron -> Olaf Scholz"}},
		{name: "company premodifier", lang: "en", text: "[Apple|ORGANIZATION] CEO [Tim Cook|PERSON] visited [Munich|LOCATION] on Tuesday.",
			want: []string{"title Tim Cook -> Apple: ceo", "member_of Tim Cook -> Apple", "visited Tim Cook -> Munich"}},
		{name: "post apposition of", lang: "en", text: "[Tim Cook|PERSON], chief executive of [Apple|ORGANIZATION], spoke on Tuesday.",
			want: []string{"title Tim Cook -> Apple: chief executive", "member_of Tim Cook -> Apple"}},
		{name: "quote, speaker said", lang: "en", text: `"We will win this war together," [Volodymyr Zelensky|PERSON] said on Monday.`,
			want: []string{"said Volodymyr Zelensky -> : We will win this war together"}},
		{name: "said speaker", lang: "en", text: `"We are not pre-committing to a particular rate path," said [Christine Lagarde|PERSON].`,
			want: []string{"said Christine Lagarde -> : We are not pre-committing to a particular rate path"}},
		{name: "speaker said colon", lang: "en", text: `[Volodymyr Zelensky|PERSON] said: “If we had enough air defence, this would not happen.”`,
			want: []string{"said Volodymyr Zelensky -> : If we had enough air defence, this would not happen."}},
		{name: "according to", lang: "en", text: `The talks were "very constructive and very long indeed", according to [Reuters|ORGANIZATION].`,
			want: []string{"said Reuters -> : very constructive and very long indeed"}},
		{name: "has said", lang: "en", text: `[Joe Biden|PERSON] has said that "America will stand with its allies".`,
			want: []string{"said Joe Biden -> : America will stand with its allies"}},
		{name: "place in region", lang: "en", text: "Missiles struck [Kharkiv|LOCATION], in north-eastern [Ukraine|LOCATION], on Saturday.",
			want: []string{"located_in Kharkiv -> Ukraine"}},
		{name: "condemn and sanctions", lang: "en", text: "[Volodymyr Zelensky|PERSON] condemned [Russia|LOCATION]. The [United States|LOCATION] imposed sanctions on [Iran|LOCATION].",
			want:  []string{"opposes Volodymyr Zelensky -> Russia", "opposes United States -> Iran"},
			cameo: map[string]string{"opposes Volodymyr Zelensky -> Russia": "111", "opposes United States -> Iran": "163"}},
		{name: "reported support", lang: "en", text: "[Olaf Scholz|PERSON] said [Berlin|LOCATION] would keep backing [Kyiv|LOCATION].",
			want: []string{"supports Berlin -> Kyiv"}, not: []string{"supports Olaf Scholz -> Kyiv"}},
		{name: "two names, no predicate", lang: "en", text: "[Emmanuel Macron|PERSON] and [Olaf Scholz|PERSON] discussed the economy in [Berlin|LOCATION].",
			not: []string{"met Emmanuel Macron -> Olaf Scholz", "visited Emmanuel Macron -> Berlin"}},
		{name: "signed agreement", lang: "en", text: "[Pfizer|ORGANIZATION] and [BioNTech|ORGANIZATION] signed a licensing agreement on Monday.",
			want: []string{"agreement BioNTech -> Pfizer: licensing agreement"}},
		{name: "visit then meeting with premodified object", lang: "en", text: "[Volodymyr Zelensky|PERSON] travelled to [Brussels|LOCATION] on Monday, where he met [NATO|ORGANIZATION] Secretary General [Jens Stoltenberg|PERSON].",
			want: []string{"visited Volodymyr Zelensky -> Brussels", "met Jens Stoltenberg -> Volodymyr Zelensky", "title Jens Stoltenberg -> NATO: secretary general", "member_of Jens Stoltenberg -> NATO"}},
		{name: "meeting and quote", lang: "de", text: `Bundeskanzler [Olaf Scholz|PERSON] traf [Emmanuel Macron|PERSON] in [Paris|LOCATION]. „Europa muss sich selbst verteidigen können“, sagte [Scholz|PERSON|=Olaf Scholz].`,
			want: []string{"met Emmanuel Macron -> Olaf Scholz", "said Olaf Scholz -> : Europa muss sich selbst verteidigen können"}},
		{name: "agreement and sanctions", lang: "es", text: "[España|LOCATION] y [Marruecos|LOCATION] firmaron un acuerdo migratorio. La [Unión Europea|ORGANIZATION] aprobó sanciones contra [Rusia|LOCATION].",
			want: []string{"agreement España -> Marruecos: acuerdo migratorio", "opposes Unión Europea -> Rusia"}},
		{name: "visit and quote", lang: "it", text: "[Giorgia Meloni|PERSON] ha visitato [Kiev|LOCATION]. « Siamo al vostro fianco fino alla fine », ha detto [Meloni|PERSON|=Giorgia Meloni].",
			want: []string{"visited Giorgia Meloni -> Kiev", "said Giorgia Meloni -> : Siamo al vostro fianco fino alla fine"}},
		{name: "the two men", lang: "en", text: "[Emmanuel Macron|PERSON] hosted [Olaf Scholz|PERSON] on Monday. The two men signed a joint declaration on defence procurement after a working lunch.",
			want: []string{"agreement Emmanuel Macron -> Olaf Scholz: joint declaration", "met Emmanuel Macron -> Olaf Scholz"}},
		{name: "talks noun with coordinated subjects", lang: "en", text: "[Xi Jinping|PERSON] and [Joe Biden|PERSON] held talks in [San Francisco|LOCATION] on Wednesday.",
			want: []string{"met Joe Biden -> Xi Jinping"}},
		{name: "possessive visit", lang: "en", text: "[Olaf Scholz|PERSON]'s visit to [Beijing|LOCATION] was short.",
			want: []string{"visited Olaf Scholz -> Beijing"}},
		{name: "arrival then talks with", lang: "en", text: "[Antony Blinken|PERSON] arrived in [Riyadh|LOCATION] on Monday for talks with [Mohammed bin Salman|PERSON].",
			want: []string{"visited Antony Blinken -> Riyadh", "met Antony Blinken -> Mohammed bin Salman"}},
		{name: "company possessive title", lang: "en", text: "[Tesla|ORGANIZATION]'s chief executive [Elon Musk|PERSON] said nothing.",
			want: []string{"title Elon Musk -> Tesla: chief executive", "member_of Elon Musk -> Tesla"}},
		{name: "apposition with determiner and of", lang: "en", text: "[Kristalina Georgieva|PERSON], the head of the [International Monetary Fund|ORGANIZATION], warned on Tuesday.",
			want: []string{"title Kristalina Georgieva -> International Monetary Fund: head", "member_of Kristalina Georgieva -> International Monetary Fund"}},
		{name: "blame is an accusation", lang: "en", text: "[Ukraine|LOCATION] blamed [Russia|LOCATION] for the attack on the dam.",
			want: []string{"opposes Ukraine -> Russia"}, cameo: map[string]string{"opposes Ukraine -> Russia": "112"}},
		{name: "an organisation after of is the person's employer or party", lang: "en", text: "[Tim Cook|PERSON] of [Apple|ORGANIZATION] met [Kristalina Georgieva|PERSON] of the [IMF|ORGANIZATION].",
			want: []string{"member_of Tim Cook -> Apple", "member_of Kristalina Georgieva -> IMF"}},
		{name: "a seat after de is a place one leaves", lang: "fr", text: "Il veut déloger [Barack Obama|PERSON] de la [Maison Blanche|ORGANIZATION]. [Frans Timmermans|PERSON] de [GroenLinks|ORGANIZATION] a parlé.",
			want: []string{"member_of Frans Timmermans -> GroenLinks"}, not: []string{"member_of Barack Obama -> Maison Blanche"}},
		{name: "stacked titles after a possessor, which is not the subject", lang: "en", text: "[Iran|LOCATION]'s Supreme Leader Ayatollah [Ali Khamenei|PERSON] met President [Ebrahim Raisi|PERSON].",
			want: []string{"met Ali Khamenei -> Ebrahim Raisi", "title Ali Khamenei -> Iran: Supreme Leader", "title Ali Khamenei -> : Ayatollah"},
			not:  []string{"met Ebrahim Raisi -> Iran", "met Iran -> Ebrahim Raisi"}},
		{name: "phone calls", lang: "en", text: "[Joe Biden|PERSON] phoned [Benjamin Netanyahu|PERSON] on Sunday. [Joe Biden|PERSON] held a phone call with [Xi Jinping|PERSON] on Tuesday.",
			want: []string{"met Benjamin Netanyahu -> Joe Biden", "met Joe Biden -> Xi Jinping"}},
		{name: "a phone call in French", lang: "fr", text: "[Emmanuel Macron|PERSON] a eu un entretien téléphonique avec [Vladimir Poutine|PERSON].",
			want: []string{"met Emmanuel Macron -> Vladimir Poutine"}},
		{name: "a party acronym right after the role", lang: "fr", text: "Le député [LFI|ORGANIZATION] [Hadrien Clouet|PERSON] a annoncé un recours. [Bruno Retailleau|PERSON], sénateur [LR|ORGANIZATION], a voté contre.",
			want: []string{"title Hadrien Clouet -> LFI: député", "member_of Hadrien Clouet -> LFI", "title Bruno Retailleau -> LR: sénateur", "member_of Bruno Retailleau -> LR"}},
		{name: "titles with a portfolio", lang: "fr", text: "Le ministre délégué aux Transports, [Patrice Vergriete|PERSON], et la ministre de la Transition écologique [Agnès Pannier-Runacher|PERSON] ont parlé. Le secrétaire d'État de [Joe Biden|PERSON], [Antony Blinken|PERSON], aussi.",
			want: []string{"title Patrice Vergriete -> : ministre délégué aux Transports", "title Agnès Pannier-Runacher -> : ministre de la Transition écologique", "title Antony Blinken -> : secrétaire d'État"}},
		{name: "a portfolio in Spanish", lang: "es", text: "La ministra de Vivienda, [Isabel Rodríguez|PERSON], se reunirá con los consejeros.",
			want: []string{"title Isabel Rodríguez -> : ministra de Vivienda"}},
		{name: "title with an organisation complement, before and after the name", lang: "fr", text: "Le secrétaire général de l'[ONU|ORGANIZATION], [Antonio Guterres|PERSON], a condamné l'attaque. [Guterres|PERSON|=Antonio Guterres], secrétaire général de l'[ONU|ORGANIZATION], l'a redit.",
			want: []string{"title Antonio Guterres -> ONU: secrétaire général", "member_of Antonio Guterres -> ONU"}},
		{name: "premodifier demonym without comma", lang: "fr", text: "Le président français [Emmanuel Macron|PERSON] a reçu le chancelier allemand [Olaf Scholz|PERSON]. La [France|LOCATION] et l'[Allemagne|LOCATION] sont alliées.",
			want: []string{"title Emmanuel Macron -> France: président", "nationality Olaf Scholz -> Allemagne", "met Emmanuel Macron -> Olaf Scholz"}},
		{name: "support to", lang: "fr", text: "Le [Japon|LOCATION] a apporté son soutien à l'[Ukraine|LOCATION] lundi.",
			want: []string{"supports Japon -> Ukraine"}},
		{name: "reciprocal talks", lang: "fr", text: "[Emmanuel Macron|PERSON] et [Xi Jinping|PERSON] se sont entretenus lundi à [Pékin|LOCATION].",
			want: []string{"met Emmanuel Macron -> Xi Jinping"}},
		{name: "route is no containment", lang: "fr", text: "Il a été agressé dans un train ralliant [Toulouse|LOCATION] à [Lyon|LOCATION] hier.",
			not: []string{"located_in Toulouse -> Lyon"}},
		{name: "list is no containment", lang: "fr", text: "Avec le partenariat de [Télérama|LOCATION], du [Journal des Arts|LOCATION], de la [Gazette|LOCATION] et de France 5.",
			not: []string{"located_in Télérama -> Journal des Arts", "located_in Journal des Arts -> Gazette"}},
		{name: "unnamed visitors", lang: "fr", text: "[Navi Pillay|PERSON] a sollicité Pékin afin d'obtenir la visite d'observateurs indépendants au [Tibet|LOCATION].",
			not: []string{"visited Navi Pillay -> Tibet"}},
		{name: "addressee before speaker", lang: "fr", text: "« Les résultats sont alarmants pour tous », a expliqué à l'[AFP|ORGANIZATION] [Gilles-Éric Séralini|PERSON], professeur.",
			want: []string{"said Gilles-Éric Séralini -> : Les résultats sont alarmants pour tous"}, not: []string{"said AFP -> : Les résultats sont alarmants pour tous"}},
		{name: "figures are not statements", lang: "fr", text: "[Jochen Zaumseil|PERSON] évoque « 100 millions d'euros » de pertes, a-t-il déclaré.",
			not: []string{"said Jochen Zaumseil -> : 100 millions d'euros"}},
		{name: "relative pronoun speaker", lang: "fr", text: "Il eut un clash avec [Bernard Bonnet|PERSON], le successeur de [Claude Erignac|PERSON], qui lui avait rétorqué : « Je partirai quand vos amis cesseront le racket. »",
			want: []string{"said Bernard Bonnet -> : Je partirai quand vos amis cesseront le racket."}},
		{name: "repeated name the tagger missed", lang: "en", text: "Apple CEO [Tim Cook|PERSON] spoke. Shares of [Apple|ORGANIZATION] rose. Later, Cook said he met [Markus Soeder|PERSON].",
			want: []string{"title Tim Cook -> Apple: CEO", "member_of Tim Cook -> Apple", "met Markus Soeder -> Tim Cook"}},
		{name: "gazetteer pair in one sentence", lang: "en", text: "Protesters gathered in [Pyongyang|LOCATION], the capital, as [North Korea|LOCATION] marked the day.",
			want: []string{"located_in Pyongyang -> North Korea"}},
		{name: "title, demonym and receiving", lang: "pt", text: "O presidente [Luiz Inácio Lula da Silva|PERSON] recebeu o chanceler alemão [Olaf Scholz|PERSON] em [Brasília|LOCATION]. A [Alemanha|LOCATION] é parceira.",
			want:  []string{"title Luiz Inácio Lula da Silva -> : presidente", "title Olaf Scholz -> Alemanha: chanceler", "nationality Olaf Scholz -> Alemanha", "met Luiz Inácio Lula da Silva -> Olaf Scholz"},
			cameo: map[string]string{"met Luiz Inácio Lula da Silva -> Olaf Scholz": "043"}},
		{name: "a verb after a determined name is no noun", lang: "pt", text: "O [Brasil|LOCATION] apoia a [Argentina|LOCATION] na disputa.",
			want: []string{"supports Brasil -> Argentina"}},
		{name: "the article a is no preposition à", lang: "pt", text: "A [Rússia|LOCATION] condenou o ataque contra a [Ucrânia|LOCATION], disse à [Lusa|ORGANIZATION] o ministro.",
			want: []string{"opposes Rússia -> Ucrânia"}},
		{name: "proclitic meeting", lang: "pt", text: "[Lula|PERSON] se reuniu com [Emmanuel Macron|PERSON] em [Belém|LOCATION].",
			want: []string{"met Emmanuel Macron -> Lula"}},
		{name: "visit after an apposition", lang: "pt", text: "O Presidente da República, [Marcelo Rebelo de Sousa|PERSON], visitou [Angola|LOCATION] na semana passada.",
			want: []string{"visited Marcelo Rebelo de Sousa -> Angola"}, cameo: map[string]string{"visited Marcelo Rebelo de Sousa -> Angola": "042"}},
		{name: "visit noun with contraction", lang: "pt", text: "A visita de [Lula|PERSON] à [China|LOCATION] terminou ontem.",
			want: []string{"visited Lula -> China"}},
		{name: "signed agreement", lang: "pt", text: "[Portugal|LOCATION] e [Cabo Verde|LOCATION] assinaram um acordo de cooperação no domínio da defesa.",
			want: []string{"agreement Cabo Verde -> Portugal: acordo de cooperação"}},
		{name: "support noun", lang: "pt", text: "[Portugal|LOCATION] manifestou o seu apoio à [Ucrânia|LOCATION].",
			want: []string{"supports Portugal -> Ucrânia"}},
		{name: "quote, disse speaker", lang: "pt", text: `"Estamos prontos para trabalhar com todos os países", disse [Lula|PERSON] aos jornalistas.`,
			want: []string{"said Lula -> : Estamos prontos para trabalhar com todos os países"}},
		{name: "addressee is not the speaker", lang: "pt", text: `"Não há qualquer acordo com o Governo", disse à [Lusa|ORGANIZATION] o ministro das Finanças, [Joaquim Miranda Sarmento|PERSON].`,
			want: []string{"said Joaquim Miranda Sarmento -> : Não há qualquer acordo com o Governo", "title Joaquim Miranda Sarmento -> : ministro das Finanças"},
			not:  []string{"said Lusa -> : Não há qualquer acordo com o Governo"}},
		{name: "talking is no meeting", lang: "pt", text: "O presidente [Lula|PERSON] e o chanceler [Olaf Scholz|PERSON] falaram sobre a economia em [Brasília|LOCATION].",
			want: []string{"title Lula -> : presidente", "title Olaf Scholz -> : chanceler"},
			not:  []string{"met Lula -> Olaf Scholz", "visited Lula -> Brasília", "visited Olaf Scholz -> Brasília"}},
		{name: "title, demonym and receiving", lang: "nl", text: "Premier [Dick Schoof|PERSON] ontving maandag de Duitse bondskanselier [Olaf Scholz|PERSON] in [Den Haag|LOCATION]. [Duitsland|LOCATION] is een buurland.",
			want:  []string{"title Dick Schoof -> : premier", "title Olaf Scholz -> Duitsland: bondskanselier", "nationality Olaf Scholz -> Duitsland", "met Dick Schoof -> Olaf Scholz"},
			cameo: map[string]string{"met Dick Schoof -> Olaf Scholz": "043"}},
		{name: "meeting noun with met", lang: "nl", text: "[Mark Rutte|PERSON] had een ontmoeting met [Joe Biden|PERSON] in het [Witte Huis|LOCATION].",
			want: []string{"met Joe Biden -> Mark Rutte"}},
		{name: "visit verb and noun", lang: "nl", text: "Koning [Willem-Alexander|PERSON] bezocht dinsdag [Suriname|LOCATION]. Het bezoek van [Mark Rutte|PERSON] aan [China|LOCATION] duurde drie dagen.",
			want: []string{"title Willem-Alexander -> : koning", "visited Willem-Alexander -> Suriname", "visited Mark Rutte -> China"}},
		{name: "compound agreement noun", lang: "nl", text: "[Nederland|LOCATION] en [Oekraïne|LOCATION] ondertekenden een veiligheidsakkoord voor tien jaar.",
			want: []string{"agreement Nederland -> Oekraïne: veiligheidsakkoord"}},
		{name: "zei and aldus", lang: "nl", text: `"We blijven Oekraïne steunen zolang het nodig is", zei premier [Mark Rutte|PERSON]. "De situatie in Gaza is onhoudbaar", aldus minister [Caspar Veldkamp|PERSON].`,
			want: []string{"said Mark Rutte -> : We blijven Oekraïne steunen zolang het nodig is", "said Caspar Veldkamp -> : De situatie in Gaza is onhoudbaar"}},
		{name: "volgens", lang: "nl", text: `Volgens [Caspar Veldkamp|PERSON] is "de situatie in Gaza volkomen onhoudbaar".`,
			want: []string{"said Caspar Veldkamp -> : de situatie in Gaza volkomen onhoudbaar"}},
		{name: "sanctions and condemnation", lang: "nl", text: "De [Europese Unie|ORGANIZATION] kondigde nieuwe sancties tegen [Rusland|LOCATION] aan. De [Verenigde Staten|LOCATION] veroordeelden [Rusland|LOCATION].",
			want: []string{"opposes Europese Unie -> Rusland", "opposes Verenigde Staten -> Rusland"}},
		{name: "talking is no meeting", lang: "nl", text: "Premier [Mark Rutte|PERSON] en bondskanselier [Olaf Scholz|PERSON] spraken in [Berlijn|LOCATION] over de economie.",
			want: []string{"title Mark Rutte -> : premier", "title Olaf Scholz -> : bondskanselier"},
			not:  []string{"met Mark Rutte -> Olaf Scholz", "visited Mark Rutte -> Berlijn", "visited Olaf Scholz -> Berlijn"}},
		{name: "congressional titles and abbreviations", lang: "en", text: "House Speaker [Mike Johnson|PERSON] met Sen. [Elizabeth Warren|PERSON] and Rep. [Nancy Pelosi|PERSON]. Gov. [Gavin Newsom|PERSON] and Lt. Gen. [John Smith|PERSON] were there.",
			want: []string{"title Mike Johnson -> : House Speaker", "title Elizabeth Warren -> : Sen.", "title Nancy Pelosi -> : Rep.", "title Gavin Newsom -> : Gov.", "title John Smith -> : Lt. Gen."}},
		{name: "organisation before a leader's title", lang: "en", text: "[Senate|ORGANIZATION] Majority Leader [Chuck Schumer|PERSON] spoke to Defense Secretary [Lloyd Austin|PERSON].",
			want: []string{"title Chuck Schumer -> Senate: Majority Leader", "member_of Chuck Schumer -> Senate", "title Lloyd Austin -> : Defense Secretary"}},
		{name: "employer after at", lang: "en", text: "[Sarah Smith|PERSON], chief economist at [Capital Economics|ORGANIZATION], said prices would fall in [London|LOCATION].",
			want: []string{"title Sarah Smith -> Capital Economics: chief economist", "member_of Sarah Smith -> Capital Economics"}},
		{name: "at a place is no employer", lang: "en", text: "[John Smith|PERSON], a professor at [Oxford|LOCATION], said so.",
			want: []string{"title John Smith -> : professor"}, not: []string{"title John Smith -> Oxford: professor"}},
		{name: "employer after chez", lang: "fr", text: "[Pierre Dupont|PERSON], économiste chez [BNP Paribas|ORGANIZATION], estime que la croissance ralentira.",
			want: []string{"title Pierre Dupont -> BNP Paribas: économiste", "member_of Pierre Dupont -> BNP Paribas"}},
		{name: "markets copy: a role with a modifier, and its employer", lang: "en", text: "[Peter Cardillo|PERSON], chief market economist at [Spartan Capital Securities|ORGANIZATION] in [New York|LOCATION], said stocks rose.",
			want: []string{"title Peter Cardillo -> Spartan Capital Securities: chief market economist", "member_of Peter Cardillo -> Spartan Capital Securities"}},
		{name: "markets copy: chef économiste chez", lang: "fr", text: "[Carsten Brzeski|PERSON], chef économiste chez [ING|ORGANIZATION], a jugé la décision prudente.",
			want: []string{"title Carsten Brzeski -> ING: chef économiste", "member_of Carsten Brzeski -> ING"}},
		{name: "markets copy: a closed compound role", lang: "de", text: "[Jörg Krämer|PERSON], Chefvolkswirt der [Commerzbank|ORGANIZATION], sagte, die Zinsen würden sinken.",
			want: []string{"title Jörg Krämer -> Commerzbank: Chefvolkswirt", "member_of Jörg Krämer -> Commerzbank"}},
		{name: "party compounds and closed compounds", lang: "de", text: "Die [CDU|ORGANIZATION] und die [SPD|ORGANIZATION] streiten. CDU-Chef [Friedrich Merz|PERSON] traf SPD-Vorsitzende [Saskia Esken|PERSON]. Bundesfinanzminister [Christian Lindner|PERSON] und Wirtschaftsminister [Robert Habeck|PERSON] schwiegen.",
			want: []string{"title Friedrich Merz -> CDU: Chef", "member_of Friedrich Merz -> CDU", "title Saskia Esken -> SPD: Vorsitzende", "member_of Saskia Esken -> SPD",
				"title Christian Lindner -> : Bundesfinanzminister", "title Robert Habeck -> : Wirtschaftsminister"}},
		{name: "party in brackets after the name", lang: "de", text: "Bundeskanzler [Olaf Scholz|PERSON] ([SPD|ORGANIZATION]) traf [Markus Söder|PERSON] ([CSU|ORGANIZATION], Bayern) in [Berlin|LOCATION] ([Deutschland|LOCATION]).",
			want: []string{"title Olaf Scholz -> : Bundeskanzler", "member_of Olaf Scholz -> SPD"}, not: []string{"member_of Markus Söder -> CSU"}},
		{name: "party compound of an unnamed party", lang: "de", text: "Grünen-Chefin [Ricarda Lang|PERSON] äußerte sich am Montag.",
			want: []string{"title Ricarda Lang -> : Grünen-Chefin"}},
		{name: "inflected party name in a compound", lang: "de", text: "Die [Grünen|ORGANIZATION|=Die Grünen] verlieren. Grünen-Chefin [Ricarda Lang|PERSON] schweigt.",
			want: []string{"title Ricarda Lang -> Die Grünen: Chefin", "member_of Ricarda Lang -> Die Grünen"}},
		{name: "government, justice and business titles", lang: "es", text: "La vicepresidenta [Yolanda Díaz|PERSON] habló con la ministra de Defensa, [Margarita Robles|PERSON], y el fiscal general [Álvaro García Ortiz|PERSON]. El consejero delegado de [Telefónica|ORGANIZATION], [José María Álvarez-Pallete|PERSON], y el comisario europeo [Josep Borrell|PERSON] callaron.",
			want: []string{"title Yolanda Díaz -> : vicepresidenta", "title Margarita Robles -> : ministra de Defensa", "title Álvaro García Ortiz -> : fiscal general",
				"title José María Álvarez-Pallete -> Telefónica: consejero delegado", "member_of José María Álvarez-Pallete -> Telefónica", "title Josep Borrell -> : comisario europeo"}},
		{name: "a portfolio the tagger took for a place", lang: "es", text: "El ministro del [Interior|LOCATION], [Fernando Grande-Marlaska|PERSON], habló. El presidente de [España|LOCATION], [Pedro Sánchez|PERSON], calló.",
			want: []string{"title Fernando Grande-Marlaska -> : ministro del Interior", "title Pedro Sánchez -> España: presidente"}},
		{name: "government, local and business titles", lang: "it", text: "Il vicepremier [Matteo Salvini|PERSON] ha incontrato il ministro dell'Interno [Matteo Piantedosi|PERSON] e la sindaca [Virginia Raggi|PERSON]. L'amministratore delegato di [Eni|ORGANIZATION], [Claudio Descalzi|PERSON], e il papa [Francesco|PERSON] no.",
			want: []string{"title Matteo Salvini -> : vicepremier", "title Matteo Piantedosi -> : ministro dell'Interno", "title Virginia Raggi -> : sindaca",
				"title Claudio Descalzi -> Eni: amministratore delegato", "member_of Claudio Descalzi -> Eni", "title Francesco -> : papa"}},
		{name: "elided of before the organisation", lang: "it", text: "L'allenatore dell'[Inter|ORGANIZATION] [Simone Inzaghi|PERSON] ha parlato. Il presidente degli [Stati Uniti|LOCATION] [Joe Biden|PERSON] no.",
			want: []string{"title Simone Inzaghi -> Inter: allenatore", "member_of Simone Inzaghi -> Inter", "title Joe Biden -> Stati Uniti: presidente"}},
		{name: "a portfolio inside the object's title is no object", lang: "pt", text: "O presidente [Lula|PERSON] recebeu o ministro da [Justiça|LOCATION], [Flávio Dino|PERSON], em [Brasília|LOCATION].",
			want: []string{"met Flávio Dino -> Lula", "title Flávio Dino -> : ministro da Justiça"}},
		{name: "a portfolio inside the object's title is no object", lang: "fr", text: "[Gérald Darmanin|PERSON] a rencontré le garde des [Sceaux|LOCATION] [Éric Dupond-Moretti|PERSON] à [Paris|LOCATION].",
			want: []string{"met Gérald Darmanin -> Éric Dupond-Moretti", "title Éric Dupond-Moretti -> : garde des Sceaux"}},
		{name: "portfolio, justice and sport titles", lang: "pt", text: "O ministro da [Justiça|LOCATION], [Flávio Dino|PERSON], reuniu-se com o procurador-geral [Paulo Gonet|PERSON]. O treinador [Abel Ferreira|PERSON] falou.",
			want: []string{"title Flávio Dino -> : ministro da Justiça", "title Paulo Gonet -> : procurador-geral", "title Abel Ferreira -> : treinador"}},
		{name: "party compounds and closed compounds", lang: "nl", text: "De [VVD|ORGANIZATION] doet niet mee. VVD-leider [Dilan Yeşilgöz|PERSON] sprak met defensieminister [Kajsa Ollongren|PERSON] en bondscoach [Ronald Koeman|PERSON].",
			want: []string{"title Dilan Yeşilgöz -> VVD: leider", "member_of Dilan Yeşilgöz -> VVD", "title Kajsa Ollongren -> : defensieminister", "title Ronald Koeman -> : bondscoach"}},
		{name: "a title between the preposition and the person", lang: "en", text: "[Antony Blinken|PERSON] met with Chinese President [Xi Jinping|PERSON] in [Beijing|LOCATION]. [Olaf Scholz|PERSON] was received by President [Emmanuel Macron|PERSON].",
			want: []string{"met Antony Blinken -> Xi Jinping", "title Xi Jinping -> : President", "met Emmanuel Macron -> Olaf Scholz"}},
		{name: "a title between the preposition and the person", lang: "es", text: "La vicepresidenta [Yolanda Díaz|PERSON] se reunió con el papa [Francisco|PERSON] en el [Vaticano|LOCATION].",
			want: []string{"met Francisco -> Yolanda Díaz", "title Francisco -> : papa", "title Yolanda Díaz -> : vicepresidenta"}},
		// German word order: dates and places before the object, the subject
		// after the verb, the verb last (perfect, subordinate and reported
		// clauses in Konjunktiv).
		{name: "a date and a title phrase before the object", lang: "de", text: "Bundeskanzler [Olaf Scholz|PERSON] traf am [Montag|DATE] den französischen Präsidenten [Emmanuel Macron|PERSON] in [Berlin|LOCATION].",
			want: []string{"met Emmanuel Macron -> Olaf Scholz"}, not: []string{"visited Olaf Scholz -> Berlin"}},
		{name: "a place before the object", lang: "de", text: "Bundeskanzler [Olaf Scholz|PERSON] traf in [Paris|LOCATION] [Emmanuel Macron|PERSON].",
			want: []string{"met Emmanuel Macron -> Olaf Scholz"}, not: []string{"met Olaf Scholz -> Paris"}},
		{name: "subject after the verb", lang: "de", text: "Am [Montag|DATE] traf Bundeskanzler [Olaf Scholz|PERSON] in [Berlin|LOCATION] den französischen Präsidenten [Emmanuel Macron|PERSON].",
			want: []string{"met Emmanuel Macron -> Olaf Scholz"}},
		{name: "subject after the verb, title before the object", lang: "de", text: "In [Kiew|LOCATION] empfing Präsident [Wolodymyr Selenskyj|PERSON] am [Dienstag|DATE] Außenministerin [Annalena Baerbock|PERSON].",
			want: []string{"met Annalena Baerbock -> Wolodymyr Selenskyj"}, not: []string{"met Kiew -> Wolodymyr Selenskyj"}},
		{name: "coordinated names after the verb are objects, not a subject", lang: "de", text: "Am [Montag|DATE] traf er [Emmanuel Macron|PERSON] und [Giorgia Meloni|PERSON].",
			not: []string{"met Emmanuel Macron -> Giorgia Meloni"}},
		{name: "genitive author of condemned sanctions", lang: "de", text: "[Russland|LOCATION] verurteilte die Sanktionen der [Europäischen Union|ORGANIZATION] scharf.",
			want: []string{"opposes Russland -> Europäischen Union"}},
		{name: "reported clause in Konjunktiv, verb last", lang: "de", text: "[Scholz|PERSON] sagte, [Deutschland|LOCATION] werde die [Ukraine|LOCATION] weiter unterstützen.",
			want: []string{"supports Deutschland -> Ukraine"}, not: []string{"supports Scholz -> Ukraine", "supports Scholz -> Deutschland"}},
		{name: "dass clause, verb last", lang: "de", text: "[Baerbock|PERSON] betonte, dass [Deutschland|LOCATION] die [Ukraine|LOCATION] unterstütze.",
			want: []string{"supports Deutschland -> Ukraine"}, not: []string{"supports Baerbock -> Ukraine"}},
		{name: "perfect: object and place before the participle", lang: "de", text: "[Olaf Scholz|PERSON] hat am [Montag|DATE] in [Berlin|LOCATION] [Emmanuel Macron|PERSON] getroffen. [Annalena Baerbock|PERSON] ist nach [Kiew|LOCATION] gereist.",
			want: []string{"met Emmanuel Macron -> Olaf Scholz", "visited Annalena Baerbock -> Kiew"}, not: []string{"met Berlin -> Olaf Scholz"}},
		{name: "perfect with a meeting partner", lang: "de", text: "[Scholz|PERSON] hat sich mit [Macron|PERSON] und [Meloni|PERSON] getroffen.",
			want: []string{"met Macron -> Scholz", "met Meloni -> Scholz"}},
		{name: "a genitive before the participle is no object", lang: "de", text: "[Scholz|PERSON] hat den Präsidenten der [USA|LOCATION] getroffen.",
			not: []string{"met Scholz -> USA"}},
		{name: "a relative clause before a final verb", lang: "de", text: "[Scholz|PERSON] lobte den Plan, den [Macron|PERSON] kritisiert hatte.",
			not: []string{"opposes Scholz -> Macron"}},
		{name: "inflected forms", lang: "de", text: "[Frankreich|LOCATION] und [Deutschland|LOCATION] unterstützten die [Ukraine|LOCATION]. [Israel|LOCATION] bombardierte den [Gazastreifen|LOCATION]. [Russland|LOCATION] drohte dem [Westen|LOCATION] mit Konsequenzen.",
			want:  []string{"supports Frankreich -> Ukraine", "supports Deutschland -> Ukraine", "opposes Israel -> Gazastreifen", "opposes Russland -> Westen"},
			cameo: map[string]string{"opposes Israel -> Gazastreifen": "195", "opposes Russland -> Westen": "130"}},
		// Spanish and Italian wire copy: inflected forms, the personal "a",
		// dates and places before the object.
		{name: "future reflexive meeting with a title", lang: "es", text: "El presidente [Pedro Sánchez|PERSON] se reunirá el [martes|DATE] con el canciller alemán [Olaf Scholz|PERSON] en [Berlín|LOCATION].",
			want: []string{"met Olaf Scholz -> Pedro Sánchez"}, not: []string{"met Berlín -> Pedro Sánchez"}},
		{name: "personal a after a date and a place", lang: "es", text: "El presidente del Gobierno, [Pedro Sánchez|PERSON], recibió [este lunes|DATE] en [Madrid|LOCATION] al presidente francés, [Emmanuel Macron|PERSON].",
			want: []string{"met Emmanuel Macron -> Pedro Sánchez"}},
		{name: "plural and preterite forms", lang: "es", text: "[Rusia|LOCATION] y [China|LOCATION] condenaron los ataques de [Israel|LOCATION]. [Estados Unidos|LOCATION] sancionó a [Irán|LOCATION]. [Francia|LOCATION] y [Alemania|LOCATION] apoyaron a [Ucrania|LOCATION]. [Rusia|LOCATION] bombardeó [Járkov|LOCATION].",
			want:  []string{"opposes Rusia -> Israel", "opposes China -> Israel", "opposes Estados Unidos -> Irán", "supports Francia -> Ucrania", "supports Alemania -> Ucrania", "opposes Rusia -> Járkov"},
			cameo: map[string]string{"opposes Estados Unidos -> Irán": "163", "opposes Rusia -> Járkov": "195"}},
		{name: "visit verbs", lang: "es", text: "El rey [Felipe VI|PERSON] viajará a [Kiev|LOCATION]. La ministra [Margarita Robles|PERSON] llegó a [Bruselas|LOCATION].",
			want: []string{"visited Felipe VI -> Kiev", "visited Margarita Robles -> Bruselas"}},
		{name: "a quote is no object", lang: "es", text: "[Sánchez|PERSON] criticó «la actitud de [Israel|LOCATION]».",
			not: []string{"opposes Sánchez -> Israel"}},
		{name: "perfect with a date and a place before the object", lang: "it", text: "La presidente del Consiglio [Giorgia Meloni|PERSON] ha incontrato [ieri|DATE] a [Roma|LOCATION] il presidente ucraino [Volodymyr Zelensky|PERSON].",
			want: []string{"met Giorgia Meloni -> Volodymyr Zelensky"}, not: []string{"met Giorgia Meloni -> Roma"}},
		{name: "reflexive and agreeing participles", lang: "it", text: "Il ministro degli Esteri [Antonio Tajani|PERSON] si è recato a [Kiev|LOCATION]. [Giorgia Meloni|PERSON] è arrivata a [Washington|LOCATION], dove incontrerà [Joe Biden|PERSON].",
			want: []string{"visited Antonio Tajani -> Kiev", "visited Giorgia Meloni -> Washington", "met Giorgia Meloni -> Joe Biden"}},
		{name: "present plural and participles", lang: "it", text: "[Italia|LOCATION] e [Francia|LOCATION] sostengono l'[Ucraina|LOCATION]. La [Russia|LOCATION] ha bombardato [Kharkiv|LOCATION]. [Israele|LOCATION] accusa l'[Iran|LOCATION].",
			want:  []string{"supports Italia -> Ucraina", "supports Francia -> Ucraina", "opposes Russia -> Kharkiv", "opposes Israele -> Iran"},
			cameo: map[string]string{"opposes Israele -> Iran": "112"}},
		{name: "signing in the plural", lang: "it", text: "[Roma|LOCATION] e [Tirana|LOCATION] hanno firmato un accordo sui migranti.",
			want: []string{"agreement Roma -> Tirana: accordo"}},
		{name: "coordinated objects after a verb without a subject", lang: "it", text: "Ieri ha incontrato [Macron|PERSON] e [Scholz|PERSON].",
			not: []string{"met Macron -> Scholz"}},
		// Portuguese: enclitic forms are one token.
		{name: "enclitic meeting after a date and a place", lang: "pt", text: "O primeiro-ministro [Luís Montenegro|PERSON] reuniu-se [hoje|DATE] em [Lisboa|LOCATION] com o Presidente francês, [Emmanuel Macron|PERSON].",
			want: []string{"met Emmanuel Macron -> Luís Montenegro"}, not: []string{"met Lisboa -> Luís Montenegro"}},
		{name: "enclitic trip", lang: "pt", text: "O ministro dos Negócios Estrangeiros, [Paulo Rangel|PERSON], deslocou-se a [Kiev|LOCATION].",
			want: []string{"visited Paulo Rangel -> Kiev"}},
		{name: "a place is not met", lang: "pt", text: "O Presidente [Lula|PERSON] encontra-se em [Pequim|LOCATION].",
			not: []string{"met Lula -> Pequim"}},
		{name: "a passive participle last is not the subject's act", lang: "de", text: "Am [Montag|DATE] wurde [Nawalny|PERSON] von einem Gericht in [Moskau|LOCATION] verurteilt.",
			not: []string{"opposes Nawalny -> Moskau"}},
		{name: "a relative clause about an unnamed noun", lang: "it", text: "In questa opera [Dàoxuān|PERSON] parla di un brahmano originario dell'[India|LOCATION] meridionale che arrivò in [Cina|LOCATION].",
			not: []string{"visited Dàoxuān -> Cina"}},
		{name: "a relative clause about a named subject", lang: "es", text: "La ministra [Margarita Robles|PERSON], que visitó [Kiev|LOCATION], habló con la prensa.",
			want: []string{"visited Margarita Robles -> Kiev"}},
		{name: "a seat tagged as an organisation is a place, not the one received", lang: "it", text: "Il presidente della Repubblica [Sergio Mattarella|PERSON] ha ricevuto al [Quirinale|ORGANIZATION] il presidente tedesco [Frank-Walter Steinmeier|PERSON].",
			want: []string{"met Frank-Walter Steinmeier -> Sergio Mattarella"}, not: []string{"met Quirinale -> Sergio Mattarella"}},
		{name: "a subordinate clause has its own subject", lang: "de", text: "Die [CDU|ORGANIZATION] hat Bundeskanzler [Olaf Scholz|PERSON] scharf kritisiert, weil er die [Ukraine|LOCATION] nicht ausreichend unterstütze.",
			want: []string{"opposes CDU -> Olaf Scholz"}, not: []string{"opposes CDU -> Ukraine"}},
		{name: "a participle after a prepositional phrase is a verb", lang: "de", text: "[Russland|LOCATION] hat in der Nacht die ukrainische Hauptstadt [Kiew|LOCATION] mit Drohnen angegriffen.",
			want: []string{"opposes Russland -> Kiew"}},
		{name: "negated verbs state no event", lang: "it", text: "Secondo fonti di [Palazzo Chigi|ORGANIZATION], [Meloni|PERSON] non incontrerà [Orban|PERSON].",
			not: []string{"met Meloni -> Orban"}},
		{name: "negated verbs state no event", lang: "de", text: "[Scholz|PERSON] traf [Macron|PERSON] am [Montag|DATE] nicht. [Deutschland|LOCATION] werde die [Ukraine|LOCATION] nicht angreifen.",
			not: []string{"met Macron -> Scholz"}},
		{name: "negated verbs state no event", lang: "es", text: "Según el [Kremlin|ORGANIZATION], [Putin|PERSON] no se reunirá con [Zelenski|PERSON].",
			not: []string{"met Putin -> Zelenski"}},
		{name: "negated verbs state no event", lang: "pt", text: "O [Brasil|LOCATION] não apoia a [Rússia|LOCATION].",
			not: []string{"supports Brasil -> Rússia"}},
		{name: "reflexive meeting with coordinated subjects after the verb", lang: "de", text: "Am [Dienstag|DATE] trafen sich [Scholz|PERSON] und [Macron|PERSON] in [Paris|LOCATION].",
			want: []string{"met Macron -> Scholz"}, not: []string{"met Paris -> Scholz"}},
		{name: "reflexive meeting with coordinated subjects after the verb", lang: "es", text: "Ayer se reunieron [Sánchez|PERSON] y [Macron|PERSON] en [París|LOCATION].",
			want: []string{"met Macron -> Sánchez"}},
		{name: "visit with the subject after the verb", lang: "de", text: "Im [Juni|DATE] besuchte [Scholz|PERSON] [Japan|LOCATION] und [Südkorea|LOCATION].",
			want: []string{"visited Scholz -> Japan", "visited Scholz -> Südkorea"}},
		{name: "a list of names after the verb is no subject", lang: "de", text: "An dem Treffen in [Berlin|LOCATION] nahmen [Olaf Scholz|PERSON], [Emmanuel Macron|PERSON] und [Giorgia Meloni|PERSON] teil.",
			not: []string{"met Emmanuel Macron -> Olaf Scholz", "visited Olaf Scholz -> Berlin"}},
		{name: "coordinated subjects of a final participle", lang: "de", text: "[Macron|PERSON] und [Scholz|PERSON] haben sich am [Montag|DATE] in [Paris|LOCATION] getroffen.",
			want: []string{"met Macron -> Scholz"}, not: []string{"met Macron -> Paris", "met Paris -> Scholz"}},
		{name: "VS order after a date, title before the object", lang: "it", text: "[Ieri|DATE] ha ricevuto [Mattarella|PERSON] il presidente francese [Emmanuel Macron|PERSON].",
			want: []string{"met Emmanuel Macron -> Mattarella"}},
		{name: "reported clause with an article before its subject", lang: "de", text: "[Baerbock|PERSON] sagte, die [Europäische Union|ORGANIZATION] werde die [Ukraine|LOCATION] weiter unterstützen.",
			want: []string{"supports Europäische Union -> Ukraine"}, not: []string{"supports Baerbock -> Ukraine"}},
		{name: "separable verbs: the particle closes the clause", lang: "de", text: "[Russland|LOCATION] griff in der Nacht erneut die [Ukraine|LOCATION] an. [Baerbock|PERSON] traf am [Montag|DATE] in [Kiew|LOCATION] ein. [Scholz|PERSON] kam in [Paris|LOCATION] mit [Macron|PERSON] zusammen. [Merz|PERSON] warf [Scholz|PERSON] vor, die [Ukraine|LOCATION] im Stich zu lassen.",
			want:  []string{"opposes Russland -> Ukraine", "visited Baerbock -> Kiew", "met Macron -> Scholz", "opposes Merz -> Scholz"},
			not:   []string{"met Baerbock -> Kiew", "opposes Merz -> Ukraine"},
			cameo: map[string]string{"opposes Merz -> Scholz": "112", "visited Baerbock -> Kiew": "042"}},
		{name: "an article is no particle", lang: "de", text: "[Scholz|PERSON] traf ein Abkommen mit [Macron|PERSON], das [Paris|LOCATION] betrifft.",
			not: []string{"visited Scholz -> Paris"}},
		{name: "an organisation's seat after based in", lang: "en", text: "[Boeing|ORGANIZATION], based in [Arlington|LOCATION], [Virginia|LOCATION], has struggled. [Microsoft|ORGANIZATION], which is headquartered in [Redmond|LOCATION], gained.",
			want: []string{"located_in Boeing -> Arlington", "located_in Microsoft -> Redmond"}, not: []string{"located_in Boeing -> Virginia"}},
		{name: "an organisation's seat after basé à, an acronym, a clause subject", lang: "fr", text: "[CATL|ORGANIZATION], basé à [Ningde|LOCATION], fournit des batteries. L'[Agence française de développement|ORGANIZATION] ([AFD|ORGANIZATION|=Agence française de développement]), dont le siège est à [Paris|LOCATION], financera des projets. [Stellantis|ORGANIZATION], né de la fusion de [PSA|ORGANIZATION] et de [Fiat Chrysler|ORGANIZATION] en 2021, est basé à [Amsterdam|LOCATION].",
			want: []string{"located_in CATL -> Ningde", "located_in Agence française de développement -> Paris", "located_in Stellantis -> Amsterdam"}, not: []string{"located_in PSA -> Amsterdam", "located_in Fiat Chrysler -> Amsterdam"}},
		{name: "who is thanked for support gives it", lang: "en", text: "[Putin|PERSON] thanked [Kim|PERSON] for his support.",
			want: []string{"supports Kim -> Putin"}, not: []string{"supports Putin -> Kim"}},
		{name: "who is thanked for support gives it", lang: "fr", text: "[William Ruto|PERSON], élu en 2022, a remercié la [France|LOCATION] pour son appui.",
			want: []string{"supports France -> William Ruto"}, not: []string{"supports William Ruto -> France"}},
		{name: "a possessive opening a sentence refers to the subject of the one before", lang: "en", text: "[Boeing|ORGANIZATION], based in [Arlington|LOCATION], [Virginia|LOCATION], has been struggling. Its chief executive [Dave Calhoun|PERSON] will step down. [Apple|ORGANIZATION] was sued. His lawyer, [John Doe|PERSON], spoke.",
			want: []string{"member_of Dave Calhoun -> Boeing", "title Dave Calhoun -> Boeing: chief executive"}, not: []string{"member_of John Doe -> Apple"}},
		{name: "a possessive between the subject and another organisation reads neither", lang: "en", text: "The case was brought by the [European Public Prosecutor's Office|ORGANIZATION], the body that investigates fraud involving [EU|ORGANIZATION] funds. Its head, [Laura Kovesi|PERSON], spoke.",
			want: []string{"title Laura Kovesi -> : head"}, not: []string{"member_of Laura Kovesi -> EU"}},
		{name: "a possessive after a place refers to the clause subject", lang: "fr", text: "L'[AFD|ORGANIZATION] financera des projets au [Kenya|LOCATION], selon son directeur général, [Rémy Rioux|PERSON].",
			want: []string{"member_of Rémy Rioux -> AFD"}},
		{name: "who heads, a member of, led by", lang: "en", text: "[Stefanos Kasselakis|PERSON], who heads the left-wing [Syriza|ORGANIZATION] party, spoke. [Andreas Lykourentzos|PERSON], a member of the conservative [New Democracy|ORGANIZATION] party, was jailed.",
			want: []string{"member_of Stefanos Kasselakis -> Syriza", "member_of Andreas Lykourentzos -> New Democracy"}},
		{name: "présidée par, dirigé par", lang: "fr", text: "La [Cour des comptes|ORGANIZATION], présidée par [Pierre Moscovici|PERSON], a critiqué le coût. Le [Comité d'organisation|ORGANIZATION] ([Cojo|ORGANIZATION|=Comité d'organisation]), dirigé par [Tony Estanguet|PERSON], attend du monde.",
			want: []string{"member_of Pierre Moscovici -> Cour des comptes", "member_of Tony Estanguet -> Comité d'organisation"}},
		{name: "an organisation after a common noun in a title", lang: "fr", text: "L'opposant [Raila Odinga|PERSON], chef de la coalition [Azimio|ORGANIZATION], a critiqué cette visite.",
			want: []string{"member_of Raila Odinga -> Azimio", "title Raila Odinga -> Azimio: chef"}},
		{name: "the role of an unnamed body in apposition", lang: "fr", text: "Le président de la cour, [Laurent Raviot|PERSON], a rappelé les règles. La gauche était face aux députés de l'opposition, [François Brottes|PERSON], hier.",
			want: []string{"title Laurent Raviot -> : président"}, not: []string{"title François Brottes -> : député"}},
		{name: "a portfolio after the demonym", lang: "fr", text: "L'accord a été paraphé par la ministre marocaine de la Transition énergétique, [Leila Benali|PERSON], à Rabat. Le [Maroc|LOCATION] se félicite.",
			want: []string{"nationality Leila Benali -> Maroc", "title Leila Benali -> Maroc: ministre de la Transition énergétique"}},
		{name: "a portfolio the tagger took for an organisation", lang: "fr", text: "Le ministre des [Affaires étrangères|ORGANIZATION], [Stéphane Séjourné|PERSON], a parlé.",
			want: []string{"title Stéphane Séjourné -> : ministre des Affaires étrangères"}},
		{name: "a country's possessive, portfolio words and a title", lang: "en", text: "[China|LOCATION]'s foreign ministry spokesman [Lin Jian|PERSON] spoke on Tuesday.",
			want: []string{"nationality Lin Jian -> China", "title Lin Jian -> China: foreign ministry spokesman"}},
		{name: "where adjectives follow the noun, a demonym before a verb qualifies no organisation", lang: "fr", text: "Le groupe chinois fournit déjà [Tesla|ORGANIZATION]. La [Chine|LOCATION] exporte.",
			not: []string{"located_in Tesla -> Chine"}},
		{name: "an agreement ends before a clause of its own", lang: "en", text: "[Japan|LOCATION] and [Philippines|LOCATION] sign defence pact as tensions with [China|LOCATION] rise",
			want: []string{"agreement Japan -> Philippines: defence pact"}, not: []string{"agreement China -> Japan: defence pact", "agreement China -> Philippines: defence pact"}},
		{name: "an agreement of compound nouns", lang: "en", text: "[Putin|PERSON] signs partnership pact with [Kim|PERSON] in [Pyongyang|LOCATION]",
			want: []string{"agreement Kim -> Putin: partnership pact"}},
		{name: "an agreement noun between two parties", lang: "en", text: "The [European Commission|ORGANIZATION] said it welcomed the agreement between [Kyiv|LOCATION] and [Warsaw|LOCATION]. [Ukraine|LOCATION] and [Poland|LOCATION] agreed on Tuesday to settle a dispute.",
			want: []string{"agreement Kyiv -> Warsaw: agreement", "agreement Poland -> Ukraine: agreed on"}, not: []string{"met Kyiv -> Warsaw", "agreement European Commission -> Kyiv: agreement"}},
		{name: "an agreement noun with one party is no agreement", lang: "en", text: "[Germany|LOCATION] welcomed the deal with [Poland|LOCATION].",
			not: []string{"agreement Germany -> Poland: deal"}},
		{name: "a description by title and demonym refers to the one person of that nationality", lang: "en", text: "Russian President [Vladimir Putin|PERSON] arrived. [Russia|LOCATION] is big. \"We highly appreciate your consistent support,\" the Russian leader said. The Russian leader flew on to Hanoi, where he met President [To Lam|PERSON].",
			want: []string{"said Vladimir Putin -> : We highly appreciate your consistent support", "met To Lam -> Vladimir Putin"}},
		{name: "a description that fits several people takes the pronoun after it", lang: "fr", text: "Le président kényan [William Ruto|PERSON] et l'opposant kényan [Raila Odinga|PERSON] sont au [Kenya|LOCATION]. Le chef de l'Etat kényan se rendra à [Berlin|LOCATION], où il doit rencontrer le chancelier [Olaf Scholz|PERSON].",
			not: []string{"met Olaf Scholz -> Raila Odinga", "met Olaf Scholz -> William Ruto"}},
		{name: "an organisation's description before a coordination", lang: "fr", text: "L'ONG [Human Rights Watch|ORGANIZATION] publie un rapport. [Nadim Houry|PERSON], responsable de l'organisation et spécialiste de la [Syrie|LOCATION], précise les faits.",
			want: []string{"member_of Nadim Houry -> Human Rights Watch"}},
		{name: "the country's", lang: "en", text: "A quake struck [Elazig|LOCATION] in eastern [Turkey|LOCATION], the country's disaster agency [AFAD|ORGANIZATION] said.",
			want: []string{"located_in AFAD -> Turkey"}},
		{name: "avocat général is one title", lang: "fr", text: "L'avocat général [Jean-François Ricard|PERSON] a estimé que l'accusé savait.",
			want: []string{"title Jean-François Ricard -> : avocat général"}, not: []string{"title Jean-François Ricard -> : général"}},
		{name: "aid as the verb's object", lang: "en", text: "The [United States|LOCATION] sent military aid to [Ukraine|LOCATION]. [Emmanuel Macron|PERSON] hosted [Olaf Scholz|PERSON] for talks, as both sought to ease tensions over military aid to [Kyiv|LOCATION].",
			want: []string{"supports United States -> Ukraine"}, not: []string{"supports Emmanuel Macron -> Kyiv"}},
		{name: "more signing verbs", lang: "en", text: "[Eni|ORGANIZATION] struck a deal with [ADNOC|ORGANIZATION] on Monday.",
			want: []string{"agreement ADNOC -> Eni: deal"}},
		{name: "more signing verbs", lang: "fr", text: "[Israël|LOCATION] et le [Hamas|ORGANIZATION] sont parvenus à un accord de cessez-le-feu.",
			want: []string{"agreement Hamas -> Israël: accord de cessez-le-feu"}},
		{name: "a shorter title before an organisation the longer one would cut", lang: "fr", text: "Le président du [Conseil européen|ORGANIZATION], [Charles Michel|PERSON], est venu.",
			want: []string{"member_of Charles Michel -> Conseil européen", "title Charles Michel -> Conseil européen: président"}},
		{name: "a participle in apposition with its agent", lang: "fr", text: "L'[Azerbaïdjan|LOCATION], accusé par [Paris|LOCATION] d'ingérence, a démenti.",
			want: []string{"opposes Paris -> Azerbaïdjan"}, not: []string{"opposes Azerbaïdjan -> Paris"}},
		{name: "a participle in apposition with its agent", lang: "en", text: "[Hamas|ORGANIZATION], backed by [Iran|LOCATION], rejected the plan.",
			want: []string{"supports Iran -> Hamas"}},
		{name: "present plurals of headlines", lang: "en", text: "[Washington|LOCATION] and [Seoul|LOCATION] accuse [Pyongyang|LOCATION] of sending shells.",
			want: []string{"opposes Washington -> Pyongyang", "opposes Seoul -> Pyongyang"}},
		{name: "an organisation's description before a possessive and a title", lang: "en", text: "[Boeing|ORGANIZATION] reported a loss on Wednesday. The company's chief executive, [Kelly Ortberg|PERSON], said demand was strong.",
			want: []string{"member_of Kelly Ortberg -> Boeing", "title Kelly Ortberg -> Boeing: chief executive"}},
		{name: "a place noun with a demonym before a place", lang: "en", text: "Troops entered the eastern Ukrainian town of [Pokrovsk|LOCATION]. [Ukraine|LOCATION] denied it.",
			want: []string{"located_in Pokrovsk -> Ukraine"}},
		{name: "a place noun with a demonym before a place", lang: "fr", text: "Les troupes sont entrées dans la ville ukrainienne de [Pokrovsk|LOCATION]. L'[Ukraine|LOCATION] dément.",
			want: []string{"located_in Pokrovsk -> Ukraine"}},
		{name: "a role posted to a place or a body", lang: "en", text: "[Britain|LOCATION]'s ambassador to the [United Nations|ORGANIZATION], [Barbara Woodward|PERSON], spoke.",
			want: []string{"nationality Barbara Woodward -> Britain", "title Barbara Woodward -> Britain: ambassador"}},
		{name: "a role posted to a place or a body", lang: "fr", text: "L'ambassadeur de [France|LOCATION] en [Israël|LOCATION], [Frédéric Journès|PERSON], a été convoqué.",
			want: []string{"title Frédéric Journès -> France: ambassadeur"}},
		{name: "coordinated objects with a repeated preposition", lang: "es", text: "En [París|LOCATION], [Macron|PERSON] recibió a [Sánchez|PERSON] y a [Scholz|PERSON].",
			want: []string{"met Macron -> Sánchez", "met Macron -> Scholz"}, not: []string{"met Macron -> París"}},
		{name: "a title between the coordination and the second party", lang: "en", text: "Japanese Prime Minister [Fumio Kishida|PERSON] and Australian Prime Minister [Anthony Albanese|PERSON] signed the accord in [Tokyo|LOCATION].",
			want: []string{"agreement Anthony Albanese -> Fumio Kishida: accord"}},
		{name: "a title between the coordination and the second party", lang: "fr", text: "[Pedro Sanchez|PERSON] et son homologue marocain [Aziz Akhannouch|PERSON] ont signé un mémorandum d'entente.",
			want: []string{"agreement Aziz Akhannouch -> Pedro Sanchez: mémorandum d'entente"}},
		{name: "a title between the coordination and the second party", lang: "de", text: "Der polnische Ministerpräsident [Donald Tusk|PERSON] und der ukrainische Regierungschef [Denys Schmyhal|PERSON] unterzeichneten das Abkommen in [Warschau|LOCATION].",
			want: []string{"agreement Denys Schmyhal -> Donald Tusk: Abkommen"}},
		{name: "a title between the coordination and the second party", lang: "es", text: "El ministro del Interior, [Fernando Grande-Marlaska|PERSON], y su homólogo marroquí, [Abdelouafi Laftit|PERSON], suscribieron además un memorando de entendimiento.",
			want: []string{"agreement Abdelouafi Laftit -> Fernando Grande-Marlaska: memorando de entendimiento"}},
		{name: "a place after the agreement is no party", lang: "es", text: "[España|LOCATION] y [Marruecos|LOCATION] firmaron este martes un acuerdo de cooperación migratoria durante la visita a [Madrid|LOCATION] del jefe del Gobierno.",
			want: []string{"agreement España -> Marruecos: acuerdo de cooperación migratoria"}, not: []string{"agreement España -> Madrid: acuerdo de cooperación migratoria durante la visita", "agreement Madrid -> Marruecos: acuerdo de cooperación migratoria durante la visita"}},
		{name: "the other party before the agreement", lang: "fr", text: "La [Russie|LOCATION] a signé avec la [Chine|LOCATION] un accord gazier.",
			want: []string{"agreement Chine -> Russie: accord gazier"}},
		{name: "an agreement signed by two parties", lang: "fr", text: "Aux termes de l'accord signé par [Renault|ORGANIZATION] et [Nissan|ORGANIZATION], le groupe réduira sa part.",
			want: []string{"agreement Nissan -> Renault: accord"}},
		{name: "an agreement signed by two parties", lang: "es", text: "El acuerdo fue firmado por el jefe negociador del Gobierno, [Otty Patiño|PERSON], y el comandante del [ELN|MISC], [Pablo Beltrán|PERSON], en presencia de representantes de [Cuba|LOCATION] y [Noruega|LOCATION].",
			want: []string{"agreement Otty Patiño -> Pablo Beltrán: acuerdo"}},
		{name: "three parties listed", lang: "fr", text: "La [France|LOCATION], l'[Allemagne|LOCATION] et l'[Italie|LOCATION] ont signé un accord sur les vaccins.",
			want: []string{"agreement Allemagne -> France: accord", "agreement France -> Italie: accord", "agreement Allemagne -> Italie: accord"}},
		{name: "an agreement reached with a party", lang: "en", text: "[Boeing|ORGANIZATION] reached a tentative agreement with the [International Association of Machinists|ORGANIZATION] on Tuesday.",
			want: []string{"agreement Boeing -> International Association of Machinists: tentative agreement"}},
		{name: "agreeing, idioms", lang: "fr", text: "[Paris|LOCATION] et [Berlin|LOCATION] se sont mis d'accord sur le budget.",
			want: []string{"agreement Berlin -> Paris: mis d'accord"}},
		{name: "a list only after its clause opens; parties chained after the agent", lang: "en", text: "The deal was concluded by the [EU|ORGANIZATION] and the South American bloc, whose members are [Brazil|LOCATION], [Argentina|LOCATION], [Uruguay|LOCATION] and [Paraguay|LOCATION], at a summit in [Montevideo|LOCATION].",
			not: []string{"agreement EU -> Paraguay: deal", "met Argentina -> Brazil"}},
		{name: "the party after a description of it", lang: "fr", text: "[EDF|ORGANIZATION] a conclu un accord avec le groupe indien [Tata|ORGANIZATION] pour la formation d'ingénieurs.",
			want: []string{"agreement EDF -> Tata: accord"}},
		{name: "truces are agreements", lang: "fr", text: "Le [Soudan|LOCATION] et le [Soudan du Sud|LOCATION] ont conclu un cessez-le-feu. Le cessez-le-feu entre [Israël|LOCATION] et le [Hamas|ORGANIZATION] tient.",
			want: []string{"agreement Soudan -> Soudan du Sud: cessez-le-feu", "agreement Hamas -> Israël: cessez-le-feu"}},
		{name: "truces are agreements", lang: "en", text: "[Israel|LOCATION] and [Hamas|ORGANIZATION] agreed a truce on Friday.",
			want: []string{"agreement Hamas -> Israel: truce"}},
		{name: "agreeing, reflexive", lang: "fr", text: "[Paris|LOCATION] et [Berlin|LOCATION] se sont entendus sur un plan. [Macron|PERSON] a entendu [Scholz|PERSON].",
			want: []string{"agreement Berlin -> Paris: entendus"}, not: []string{"agreement Macron -> Scholz: entendu"}},
		{name: "an agreement announced with a party", lang: "en", text: "[Apple|ORGANIZATION] announced a partnership with [OpenAI|ORGANIZATION] on Monday. [Google|ORGANIZATION] announced new phones in [Paris|LOCATION].",
			want: []string{"agreement Apple -> OpenAI: partnership"}},
		{name: "an agreement announced with a party", lang: "fr", text: "[EDF|ORGANIZATION] a passé un accord avec [Engie|ORGANIZATION]. [Orange|ORGANIZATION] a annoncé un accord avec [Free|ORGANIZATION].",
			want: []string{"agreement EDF -> Engie: accord", "agreement Free -> Orange: accord"}},
		{name: "parties named by the people who represent them", lang: "fr", text: "Les ministres des Affaires étrangères de la [Serbie|LOCATION] et du [Kosovo|LOCATION] ont signé un accord à [Bruxelles|LOCATION].",
			want: []string{"agreement Kosovo -> Serbie: accord"}},
		{name: "parties named by the people who represent them", lang: "en", text: "The leaders of [Armenia|LOCATION] and [Azerbaijan|LOCATION] signed a peace treaty. The wife of [Macron|PERSON] met [Scholz|PERSON] in [Paris|LOCATION].",
			want: []string{"agreement Armenia -> Azerbaijan: peace treaty"}, not: []string{"met Macron -> Scholz"}},
		{name: "the two countries, the two sides: the two named", lang: "en", text: "[Armenia|LOCATION] held talks with [Azerbaijan|LOCATION] in [Almaty|LOCATION]. The two sides signed a peace treaty on Tuesday.",
			want: []string{"agreement Armenia -> Azerbaijan: peace treaty"}, not: []string{"agreement Almaty -> Armenia: peace treaty"}},
		{name: "the two countries, the two sides: the two named", lang: "fr", text: "[Renault|ORGANIZATION] a longtemps dominé [Nissan|ORGANIZATION]. Les deux constructeurs ont signé un nouvel accord. La [Chine|LOCATION], le [Japon|LOCATION] et l'[Inde|LOCATION] discutent. Les deux pays ont signé un traité.",
			want: []string{"agreement Nissan -> Renault: nouvel accord"}, not: []string{"agreement Inde -> Japon: traité", "agreement Chine -> Japon: traité"}},
		{name: "a place before the agreement", lang: "fr", text: "Le [Soudan|LOCATION] et le [Soudan du Sud|LOCATION] ont signé jeudi à [Addis-Abeba|LOCATION] un accord sur le pétrole.",
			want: []string{"agreement Soudan -> Soudan du Sud: accord"}, not: []string{"agreement Addis-Abeba -> Soudan: accord"}},
		{name: "an act of opposition by its demonym", lang: "en", text: "[Ukraine|LOCATION] condemned the Russian invasion. [Russia|LOCATION] denied it. [Poland|LOCATION] condemned the Russian journalist.",
			want: []string{"opposes Ukraine -> Russia"}, not: []string{"opposes Poland -> Russia"}},
		{name: "an act of opposition by its demonym", lang: "fr", text: "Le [Front Polisario|ORGANIZATION] a dénoncé l'offensive marocaine au [Maroc|LOCATION].",
			want: []string{"opposes Front Polisario -> Maroc"}},
		{name: "any plural description of two", lang: "en", text: "[Toyota|ORGANIZATION] has long courted [Suzuki|ORGANIZATION]. The two carmakers signed a capital alliance agreement on Monday.",
			want: []string{"agreement Suzuki -> Toyota: capital alliance agreement"}},
		{name: "a passive auxiliary after the participle", lang: "de", text: "Moderation übernehmen [Heidi Klum|PERSON] (die dafür stark kritisiert worden ist), [Bill Kaulitz|PERSON] und [Conchita Wurst|PERSON]. Die Stadt, die von [Russland|LOCATION] angegriffen wurde, liegt im Osten.",
			not: []string{"opposes Heidi Klum -> Bill Kaulitz", "opposes Heidi Klum -> Conchita Wurst"}},
		{name: "reaching an agreement before arriving", lang: "es", text: "[Colombia|LOCATION] y el [ELN|ORGANIZATION] llegaron a un acuerdo de alto el fuego. [Petro|PERSON] llegó a [Madrid|LOCATION] el lunes.",
			want: []string{"agreement Colombia -> ELN: acuerdo de alto el fuego", "visited Petro -> Madrid"}},
		{name: "agreeing on an agreement", lang: "de", text: "[Polen|LOCATION] und die [Ukraine|LOCATION] einigten sich auf ein Abkommen über Getreide.",
			want: []string{"agreement Polen -> Ukraine: Abkommen"}},
		{name: "a counterpart between the coordination and the second party", lang: "de", text: "Verteidigungsminister [Boris Pistorius|PERSON] und sein französischer Amtskollege [Sébastien Lecornu|PERSON] unterzeichneten die Vereinbarung in [Berlin|LOCATION].",
			want: []string{"agreement Boris Pistorius -> Sébastien Lecornu: Vereinbarung"}, not: []string{"title Sébastien Lecornu -> : Amtskollege"}},
		{name: "quote: a German quote closed by a straight mark", lang: "de", text: "„Das ist ein Meilenstein für die europäische Verteidigung\", sagte [Pistorius|PERSON] nach der Zeremonie. [Lecornu|PERSON] sprach von einem Tag.",
			want: []string{"said Pistorius -> : Das ist ein Meilenstein für die europäische Verteidigung"}},
		{name: "quote: a pronoun before the verb speaks, the name after it is addressed", lang: "en", text: "[Marc Fesneau|PERSON] said Paris would not accept it. \"We will fight this text in the Council,\" he told the newspaper [Le Figaro|ORGANIZATION].",
			want: []string{"said Marc Fesneau -> : We will fight this text in the Council"}, not: []string{"said Le Figaro -> : We will fight this text in the Council"}},
		{name: "quote: a quote that goes on in the next sentence", lang: "en", text: "\"Today we have a truly historic agreement,\" [Zelenskiy|PERSON] said. \"Britain has been with us from the first day.\" [Sunak|PERSON] said London would help.",
			want: []string{"said Zelenskiy -> : Britain has been with us from the first day."}},
		{name: "quote: a quote attributed in the next sentence goes on with no one", lang: "en", text: "\"They can write anything,\" he added. \"Though we do not deny that fact, why should the Palestinians pay for it?\"\n\n[Shojai|PERSON] told the opening ceremony of the fair. The prophet [Mohammed|PERSON] is revered.",
			not: []string{"said Mohammed -> : Though we do not deny that fact, why should the Palestinians pay for it?"}},
		{name: "quote: a straight mark with a space before it opens a quote", lang: "de", text: "[Rihanna|PERSON] sagte selber : „ Es ist ein Bildband mit Bildern , die die Menschen nie gesehen haben . Man entschied sich aber für nur \" Rihanna \" .",
			not: []string{"said Rihanna -> : Es ist ein Bildband mit Bildern , die die Menschen nie gesehen haben . Man entschied sich aber für nur"}},
		{name: "quote: a definite title with its own portfolio is no other holder's", lang: "it", text: "Lo ha reso noto il presidente della Regione [Stefano Bonaccini|PERSON]. «Il governo farà tutto il necessario», ha detto la presidente del Consiglio, che domenica sorvolerà le zone.",
			not: []string{"said Stefano Bonaccini -> : Il governo farà tutto il necessario"}},
		{name: "quote: a definite title before the verb for the one person who holds it", lang: "en", text: "Agriculture Minister [Marc Fesneau|PERSON] spoke in [Paris|LOCATION]. \"We will fight this text in the Council,\" the minister said.",
			want: []string{"said Marc Fesneau -> : We will fight this text in the Council"}},
		{name: "quote: portfolio words between an organisation and a title before the speaker", lang: "en", text: "[EU|ORGANIZATION] foreign policy chief [Josep Borrell|PERSON] wrote on X that the agreement was \"a good news for the whole region\".",
			want: []string{"said Josep Borrell -> : a good news for the whole region"}, not: []string{"said EU -> : a good news for the whole region"}},
		{name: "quote: a quote over two paragraphs, straight marks", lang: "en", text: "\"We need greater confidence that inflation is moving toward 2 percent. We are not there yet.\n\n\"The labor market remains strong, and the economy is growing,\" [Powell|PERSON] told the committee.\n\n\"You are risking a recession that will put people out of work,\" [Warren|PERSON] said. The meeting is scheduled for July.",
			want: []string{"said Powell -> : We need greater confidence that inflation is moving toward 2 percent. We are not there yet.", "said Powell -> : The labor market remains strong, and the economy is growing", "said Warren -> : You are risking a recession that will put people out of work"}},
		{name: "quote: a quote over lines closed by a glued mark", lang: "fr", text: "[Julien Georges|PERSON] souligne : \"Le théâtre doit être léger, populaire.\nJ'espère qu'un jour, le théâtre remplacera la télévision.\"\nEnvoyez le mot \"DARGAUD\" au 6 20 30.",
			want: []string{"said Julien Georges -> : Le théâtre doit être léger, populaire. J'espère qu'un jour, le théâtre remplacera la télévision."}},
		{name: "quote: a source phrase is the next quote's only", lang: "fr", text: "D'après le ministre du budget, [Jérôme Cahuzac|PERSON], « il y a bien une ardoise cachée que nous devons honorer » ; le ministre des finances, [Pierre Moscovici|PERSON], a pour sa part ajouté : « C'est d'une France affaiblie dont nous héritons ».",
			want: []string{"said Jérôme Cahuzac -> : il y a bien une ardoise cachée que nous devons honorer", "said Pierre Moscovici -> : C'est d'une France affaiblie dont nous héritons"},
			not:  []string{"said Jérôme Cahuzac -> : C'est d'une France affaiblie dont nous héritons"}},
		{name: "quote: a title of a work is no statement", lang: "en", text: "While working on the film \"The Thing Called Love\" in 1993, [Phoenix|PERSON] wrote the song \"Lone Star State of Mine\", which he performs.",
			not: []string{"said Phoenix -> : The Thing Called Love", "said Phoenix -> : Lone Star State of Mine"}},
		{name: "quote: a source phrase with a title before the name", lang: "en", text: "According to Treasury Secretary [Janet Yellen|PERSON], \"the economy is in a good place\".",
			want: []string{"said Janet Yellen -> : the economy is in a good place"}},
		{name: "quote: a source phrase with a title before the name", lang: "fr", text: "Selon la secrétaire générale de la [CGT|ORGANIZATION], [Sophie Binet|PERSON], « ce budget est un budget d'austérité ».",
			want: []string{"said Sophie Binet -> : ce budget est un budget d'austérité"}, not: []string{"said CGT -> : ce budget est un budget d'austérité"}},
		{name: "quote: the name in apposition to a title after the verb, not its group", lang: "fr", text: "« Le gouvernement fait fausse route », a estimé le président du groupe [LR|ORGANIZATION], [Olivier Marleix|PERSON], dans un entretien.",
			want: []string{"said Olivier Marleix -> : Le gouvernement fait fausse route"}, not: []string{"said LR -> : Le gouvernement fait fausse route"}},
		{name: "quote: an adverbial between the verb and the speaker's title", lang: "fr", text: "« Il n'y aura pas de hausse d'impôts », a assuré de son côté le ministre de l'Economie, [Bruno Le Maire|PERSON], sur LCI.",
			want: []string{"said Bruno Le Maire -> : Il n'y aura pas de hausse d'impôts"}},
		{name: "quote: a definite title as the subject of a verb before the quote", lang: "fr", text: "Le ministre de l'Economie, [Bruno Le Maire|PERSON], était sur LCI. Le ministre a ajouté : « Nous tiendrons nos engagements européens. »",
			want: []string{"said Bruno Le Maire -> : Nous tiendrons nos engagements européens."}},
		{name: "quote: a long title in apposition after the verb", lang: "fr", text: "« Cet accord menace l'équilibre stratégique de la région », a estimé le porte-parole du ministère pakistanais des Affaires étrangères, [Mumtaz Zahra Baloch|PERSON].",
			want: []string{"said Mumtaz Zahra Baloch -> : Cet accord menace l'équilibre stratégique de la région"}},
		{name: "quote: a definite title for the one person who holds it", lang: "fr", text: "Un accord a été trouvé, a annoncé le ministre des Transports, [Patrice Vergriete|PERSON]. « Cet accord garantit que les trains circuleront », a déclaré le ministre sur BFMTV.",
			want: []string{"said Patrice Vergriete -> : Cet accord garantit que les trains circuleront"}},
		{name: "a count of meetings in sports copy is of matches", lang: "fr", text: "Face aux anciens internationaux [Tomasz Radzinski|PERSON] et [Jürgen Cavens|PERSON], il est utilisé comme joker lors de 18 rencontres.",
			not: []string{"met Tomasz Radzinski -> Jürgen Cavens", "met Jürgen Cavens -> Tomasz Radzinski"}},
		{name: "a visit noun in a relative clause about an unnamed man", lang: "fr", text: "En 1990, [Elie Wiesel|PERSON] inaugure le monument. Filmé à [Disneyland|LOCATION], il raconte l'histoire d'un homme qui, de visite à [Disneyland|LOCATION], a une crise de nerfs.",
			not: []string{"visited Elie Wiesel -> Disneyland"}},
		{name: "convenir que is to admit, not to agree", lang: "fr", text: "[Emmanuel Macron|PERSON] et [Olaf Scholz|PERSON] conviennent que la situation est grave. [Mark Rutte|PERSON] et [Olaf Scholz|PERSON] conviennent de se revoir.",
			want: []string{"agreement Mark Rutte -> Olaf Scholz: conviennent"}, not: []string{"agreement Emmanuel Macron -> Olaf Scholz: conviennent"}},
		{name: "a plural pronoun names no parties to an agreement", lang: "fr", text: "L’ empirisme continue avec [John Stuart Mill|PERSON] et [Bertrand Russell|PERSON] , tandis que [Bernard Williams|PERSON] s’ implique dans la philosophie morale .\nIls conviennent de déployer le [BEF|ORGANIZATION] à [Maubeuge|LOCATION] .",
			not: []string{"agreement Bernard Williams -> Bertrand Russell: conviennent"}},
		{name: "names on a line of their own address a letter", lang: "en", text: "I can.\n[Steve|PERSON], [Rod|PERSON] and [Elyse -|PERSON]\nJust wanted to confirm our meeting on Tuesday to discuss the proposal.",
			not: []string{"met Rod -> Steve: meeting", "met Elyse - -> Steve: meeting", "met Elyse - -> Rod: meeting"}},
	}
	r := testRelater(t)
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.name, func(t *testing.T) {
			a := build(t, tt.lang, tt.text, kp)
			r.Relate(a)
			got := map[string]analysis.Relation{}
			var list []string
			for _, rel := range a.Relations {
				d := describe(a, rel)
				got[strings.ToLower(d)] = rel
				list = append(list, d)
				// Evidence is a real span of the field.
				require.Less(t, rel.Start, rel.End, d)
				require.LessOrEqual(t, rel.End, utf8.RuneCountInString(a.Fields[1].Doc.Text), d)
				require.Greater(t, rel.Confidence, 0.0, d)
			}
			for _, w := range tt.want {
				_, ok := got[strings.ToLower(w)]
				require.True(t, ok, "want %q in %q", w, list)
			}
			for _, n := range tt.not {
				_, ok := got[strings.ToLower(n)]
				require.False(t, ok, "unwanted %q in %q", n, list)
			}
			for d, code := range tt.cameo {
				require.Equal(t, code, got[strings.ToLower(d)].Cameo, d)
			}
		})
	}
}

func TestPronounGender(t *testing.T) {
	g, err := resolve.ParseGenders(strings.NewReader("alain\tm\nchantal\tf\nmarie\tf\njean\tm\n"))
	require.NoError(t, err)
	r := testRelater(t).WithGenders(g)
	tests := []struct {
		name, lang, text string
		want, not        []string
	}{
		{name: "elle refers to no man", lang: "fr", text: "[Chantal Jouanno|PERSON] a alerté le gouvernement et [Alain Juppé|PERSON] en juillet. « La bataille est très dure », reconnaît-elle.",
			want: []string{"said Chantal Jouanno -> : La bataille est très dure"}, not: []string{"said Alain Juppé -> : La bataille est très dure"}},
		{name: "she refers to no man", lang: "en", text: "[Marie Curie|PERSON] met [Alain Prost|PERSON] on Monday. \"We will win this fight together,\" she said.",
			want: []string{"said Marie Curie -> : We will win this fight together"}},
		{name: "a compound first name has the gender of its first part", lang: "fr", text: "[Chantal Jouanno|PERSON] a rencontré [Jean-Pierre Raffarin|PERSON] hier. « Nous avons beaucoup parlé ensemble », dit-elle.",
			want: []string{"said Chantal Jouanno -> : Nous avons beaucoup parlé ensemble"}},
		{name: "an unknown first name fits any pronoun", lang: "fr", text: "[Dominique Durand|PERSON] est venu. « Nous avons beaucoup de travail ici », a-t-il dit.",
			want: []string{"said Dominique Durand -> : Nous avons beaucoup de travail ici"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.name, func(t *testing.T) {
			a := build(t, tt.lang, tt.text, nil)
			r.Relate(a)
			got := map[string]bool{}
			var list []string
			for _, rel := range a.Relations {
				d := describe(a, rel)
				got[strings.ToLower(d)] = true
				list = append(list, d)
			}
			for _, w := range tt.want {
				require.True(t, got[strings.ToLower(w)], "want %q in %q", w, list)
			}
			for _, n := range tt.not {
				require.False(t, got[strings.ToLower(n)], "unwanted %q in %q", n, list)
			}
		})
	}
}

func TestRelateRobust(t *testing.T) {
	r := testRelater(t)
	require.Subset(t, r.Languages(), []string{"de", "en", "es", "fr", "it", "nl", "pt"})
	// Nil, empty, unknown language, and mentions with broken offsets.
	r.Relate(nil)
	a := &analysis.Analysis{Lang: "fr"}
	r.Relate(a)
	require.Empty(t, a.Relations)
	b := build(t, "fr", "[Emmanuel Macron|PERSON] a rencontré [Olaf Scholz|PERSON].", nil)
	b.Lang = "xx"
	r.Relate(b)
	require.Empty(t, b.Relations)
	c := build(t, "fr", "[Emmanuel Macron|PERSON] a rencontré [Olaf Scholz|PERSON].", nil)
	c.Mentions = append(c.Mentions,
		analysis.Mention{Field: 1, Start: 500, End: 510, TokStart: 90, TokEnd: 95, Type: "PERSON", Entity: 0},
		analysis.Mention{Field: 7, Start: 0, End: 3, Type: "PERSON", Entity: 1},
		analysis.Mention{Field: 1, Start: 3, End: 1, Type: "PERSON", Entity: 99})
	r.Relate(c)
	require.Len(t, c.Relations, 1)
	require.Equal(t, relate.Met, c.Relations[0].Type)
}

func ExampleRelater_Relate() {
	r, err := relate.Load()
	if err != nil {
		panic(err)
	}
	body := "Vladimir Poutine a rencontré Kim Jong-un à Pyongyang."
	doc := text.Tokenize(body, "fr")
	a := &analysis.Analysis{Lang: "fr", Fields: []analysis.Field{{Name: "headline"}, {Name: "body", Doc: doc}},
		Entities: []analysis.Entity{{Type: "PERSON", Name: "Vladimir Poutine", Mentions: []int{0}}, {Type: "PERSON", Name: "Kim Jong-un", Mentions: []int{1}}},
		Mentions: []analysis.Mention{
			{Field: 1, Start: 0, End: 16, TokStart: -1, Text: "Vladimir Poutine", Type: "PERSON", Entity: 0},
			{Field: 1, Start: 29, End: 40, TokStart: -1, Text: "Kim Jong-un", Type: "PERSON", Entity: 1},
		}}
	r.Relate(a)
	for _, rel := range a.Relations {
		fmt.Println(rel.Type, a.Entities[rel.Subject].Name, a.Entities[rel.Object].Name, rel.Cameo)
	}
	// Output: met Vladimir Poutine Kim Jong-un 040
}

// TestOneMembershipPerOrganisation checks that a person's membership of an
// organisation is told once, however many roles tell it, while each role
// stays a title.
func TestOneMembershipPerOrganisation(t *testing.T) {
	r := testRelater(t)
	a := build(t, "en", "[Boeing|ORGANIZATION] CEO [Dave Calhoun|PERSON] will step down. [Boeing|ORGANIZATION] Chief Executive [Dave Calhoun|PERSON] wrote to employees.", nil)
	r.Relate(a)
	count := map[string]int{}
	for _, rel := range a.Relations {
		count[describe(a, rel)]++
	}
	require.Equal(t, 1, count["member_of Dave Calhoun -> Boeing"], "%v", count)
	require.Equal(t, 1, count["title Dave Calhoun -> Boeing: CEO"], "%v", count)
	require.Equal(t, 1, count["title Dave Calhoun -> Boeing: Chief Executive"], "%v", count)
}
