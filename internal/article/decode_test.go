package article

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

func TestDecodeTestdata(t *testing.T) {
	tests := []struct {
		file      string
		format    string
		id        string
		version   string // "" = content hash expected
		language  string
		headline  string
		bodyStart string
		bodyHas   []string
		bodyNot   []string
		published string
		source    string
		url       string
		extra     []string
		noExtra   []string
	}{
		{
			file: "ninjs1.json", format: "ninjs",
			id: "urn:newsml:example.fr:20240619:ukraine-sommet-suisse", version: "2", language: "fr",
			headline:  "Sommet pour la paix en Ukraine : quatre-vingts pays signent la déclaration finale",
			bodyStart: "Quatre-vingts pays ont signé dimanche",
			bodyHas: []string{
				"s’y associer.\n\nLe texte appelle",             // <p> -> blank line
				"salué «\u00a0un premier pas",                   // &nbsp; decoded, kept
				"«\u00a0le chemin sera long\u00a0».\nLa Russie", // <br> -> newline
			},
			bodyNot:   []string{"<p>", "&nbsp;"},
			published: "2024-06-16T18:42:00Z", source: "Agence Exemple",
			extra:   []string{"type", "byline", "located", "subject", "renditions", "firstcreated", "copyrightholder", "urgency", "pubstatus"},
			noExtra: []string{"uri", "headline", "body_html", "version", "language", "versioncreated"},
		},
		{
			file: "ninjs2.json", format: "ninjs",
			id: "https://wire.example.com/items/2024/05/08/eurovision-malmo", version: "1", language: "en",
			headline:  "Protesters march in Malmo as Eurovision semi-final goes ahead",
			bodyStart: "MALMO, Sweden — Thousands of people marched",
			bodyHas:   []string{"in decades.\n\nPolice estimated", "\"It has been calm,\""}, // the text/plain body
			published: "2024-05-08T21:10:00Z", source: "Example Wire Service",
			url:     "https://wire.example.com/items/2024/05/08/eurovision-malmo",
			extra:   []string{"people", "places", "subjects", "altids", "x-example-desk", "by"},
			noExtra: []string{"headlines", "bodies"},
		},
		{
			file: "ninjs3.json", format: "ninjs",
			id: "urn:newsml:example.fr:20240619:poutine-pyongyang", version: "3", language: "fr",
			headline:  "Vladimir Poutine et Kim Jong-un signent un accord de « partenariat stratégique global »",
			bodyStart: "Le président russe Vladimir Poutine et le dirigeant nord-coréen Kim Jong-un",
			bodyHas:   []string{"plusieurs heures.\n\nSelon l’agence", "notamment en Ukraine.\n\nWashington"},
			published: "2024-06-19T09:47:00Z", source: "Agence Exemple",
			extra:   []string{"people", "places", "subjects", "genres", "priorityDesk", "firstCreated", "located"},
			noExtra: []string{"versionCreated", "headlines", "bodies"},
		},
		{
			file: "simple.json", format: "json",
			id: "urn:example:wire:2024-06-20:floods-bavaria", language: "en",
			headline:  "Floods force thousands from their homes in southern Germany",
			bodyStart: "Thousands of people were evacuated",
			bodyHas:   []string{"(DWD) said.\n\nChancellor Olaf Scholz"},
			published: "2024-06-02T12:35:00Z", source: "Example Wire",
			url:     "https://news.example.com/world/2024/06/02/germany-floods",
			extra:   []string{"priority", "keywords"},
			noExtra: []string{"id", "headline", "body", "language", "published", "source", "url"},
		},
		{
			file: "article.txt", format: "text",
			bodyStart: "La Commission européenne a infligé mardi une amende",
			bodyHas:   []string{"Margrethe Vestager.\n\nSelon l’exécutif européen"},
		},
		{
			file: "newsml.xml", format: "newsml",
			id: "urn:newsml:example.fr:20240710:canicule-sud", version: "4", language: "fr",
			headline:  "Canicule : Météo-France place treize départements en vigilance rouge",
			bodyStart: "Météo-France a placé mercredi treize départements",
			bodyHas:   []string{"l’été\u00a02019", "44\u00a0°C", "piscines municipales.\n\nLes autorités", "chaudes & de prendre"},
			bodyNot:   []string{"Canicule\n", "<p>"}, // <head><title> is not body text
			published: "2024-07-10T13:20:00Z", source: "Agence Exemple",
			url: "https://www.example.fr/meteo/canicule-sud",
		},
		{
			file: "newsmessage.xml", format: "newsml",
			id: "urn:newsml:wire.example.com:20240314:ecb-rates", version: "1", language: "en",
			headline:  "ECB holds rates steady, signals June cut",
			bodyStart: "FRANKFURT — The European Central Bank kept its deposit rate",
			bodyHas:   []string{"start cutting.\n\nEconomists polled"},
			bodyNot:   []string{"Second item"},
			published: "2024-03-14T10:00:00Z", source: "Example Wire",
		},
		{
			file: "article.html", format: "html", language: "en",
			headline:  "Iceland volcano erupts again near Grindavík",
			bodyStart: "Lava fountains up to 50 metres high",
			bodyHas: []string{
				"peninsula.\n\nA volcano",
				"sending lava towards the evacuated fishing town", // white space collapsed
				"“The eruption began at 21:45 local time,” the IMO said in a statement.\nCivil protection",
				"Grindavík & the Svartsengi",
				"in November.\n\nFlights at Keflavík",
			},
			bodyNot: []string{"Home", "dataLayer", "pageview", "font-family", "Read more", "©", "Photo: Example", "Iceland volcano erupts"},
		},
		{
			file: "wikinews-fr-43971-excerpt.html", format: "html",
			headline:  "États-Unis : Lancement réussi pour Space X Dragon",
			bodyStart: "La fusée Falcon 9, développée par une société privée : SpaceX, a décollé sans problème ce matin à 7h44 UTC.\n\n22 mai 2012. - Prévu",
			bodyHas:   []string{"du premier étage du lanceur."}, // soft hyphens stripped
			bodyNot:   []string{"\u00ad"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			payload := readTestdata(t, tt.file)
			a, err := Decode(payload, DecodeOptions{})
			require.NoError(t, err)
			require.Equal(t, tt.format, a.Format)
			if tt.id == "" {
				require.True(t, strings.HasPrefix(a.ID, "sha256:"), a.ID)
				require.Len(t, a.ID, len("sha256:")+64)
			} else {
				require.Equal(t, tt.id, a.ID)
			}
			if tt.version == "" {
				require.Equal(t, contentVersion(a.Headline, a.Body), a.Version)
				require.Len(t, a.Version, 16)
			} else {
				require.Equal(t, tt.version, a.Version)
			}
			require.Equal(t, tt.language, a.Language)
			require.Equal(t, tt.headline, a.Headline)
			require.True(t, strings.HasPrefix(a.Body, tt.bodyStart), "body starts %q", a.Body[:min(len(a.Body), 120)])
			for _, s := range tt.bodyHas {
				require.Contains(t, a.Body, s)
			}
			for _, s := range tt.bodyNot {
				require.NotContains(t, a.Body, s)
			}
			if tt.published == "" {
				require.True(t, a.Published.IsZero())
			} else {
				require.Equal(t, tt.published, a.Published.Format(time.RFC3339))
			}
			require.Equal(t, tt.source, a.Source)
			require.Equal(t, tt.url, a.URL)
			for _, k := range tt.extra {
				require.Contains(t, a.Extra, k)
			}
			for _, k := range tt.noExtra {
				require.NotContains(t, a.Extra, k)
			}
			require.Equal(t, payload, a.Raw)
			require.True(t, utf8.ValidString(a.Body))
			require.NotContains(t, a.Body, "\r")
		})
	}
}

func TestDecodeExtraKeptAsIs(t *testing.T) {
	a, err := Decode(readTestdata(t, "ninjs3.json"), DecodeOptions{})
	require.NoError(t, err)
	require.JSONEq(t, `{"name": "international", "level": 2}`, string(a.Extra["priorityDesk"]))
	require.JSONEq(t, `[{"name": "Vladimir Poutine", "rel": "about", "uri": "http://www.wikidata.org/entity/Q7747"}]`, string(a.Extra["people"]))
}

func TestDecodeNinjsSelection(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		headline string
		body     string
		version  string
	}{
		{
			name:     "1.x body_text wins over body_html",
			in:       `{"uri": "u:1", "headline": "H", "body_text": "Texte brut.", "body_html": "<p>HTML</p>"}`,
			headline: "H", body: "Texte brut.",
		},
		{
			name: "1.x body_xhtml reduced",
			in:   `{"uri": "u:1", "body_xhtml": "<div><p>Un.</p><p>Deux.</p></div>"}`,
			body: "Un.\n\nDeux.",
		},
		{
			name:     "3.x role main beats earlier role-less and later default",
			in:       `{"uri": "u:1", "headlines": [{"value": "None"}, {"role": "main", "value": "Main"}, {"role": "default", "value": "Default"}], "bodies": [{"role": "summary", "value": "Summary"}, {"role": "default", "value": "Default body"}]}`,
			headline: "Main", body: "Default body",
		},
		{
			name: "role-less beats other roles",
			in:   `{"uri": "u:1", "bodies": [{"role": "abstract", "value": "Abstract"}, {"value": "Plain"}]}`,
			body: "Plain",
		},
		{
			name: "vocabulary role prefix",
			in:   `{"uri": "u:1", "bodies": [{"role": "x:teaser", "value": "Teaser"}, {"role": "irel:main", "value": "Main"}]}`,
			body: "Main",
		},
		{
			name: "same role: text/plain beats text/html",
			in:   `{"uri": "u:1", "bodies": [{"role": "main", "contentType": "text/html", "value": "<p>HTML</p>"}, {"role": "main", "contentType": "text/plain", "value": "Plain"}]}`,
			body: "Plain",
		},
		{
			name: "2.x lower-case contenttype",
			in:   `{"uri": "u:1", "bodies": [{"contenttype": "text/html", "value": "<p>Un &amp; deux</p>"}]}`,
			body: "Un & deux",
		},
		{
			name: "undeclared type with markup is reduced",
			in:   `{"uri": "u:1", "bodies": [{"value": "<p>Un.</p><p>Deux.</p>"}]}`,
			body: "Un.\n\nDeux.",
		},
		{
			name: "undeclared type without markup is kept",
			in:   `{"uri": "u:1", "bodies": [{"value": "a < b et c > d"}]}`,
			body: "a < b et c > d",
		},
		{
			name: "blank parts are skipped",
			in:   `{"uri": "u:1", "bodies": [{"role": "main", "value": "  "}, {"value": "Real"}]}`,
			body: "Real",
		},
		{
			name:     "mixed generations: headlines[] beats headline",
			in:       `{"uri": "u:1", "headline": "Old", "headlines": [{"value": "New"}], "body_text": "B"}`,
			headline: "New", body: "B",
		},
		{
			name: "numeric version",
			in:   `{"uri": "u:1", "version": 7, "body_text": "B"}`,
			body: "B", version: "7",
		},
		{
			name:     "HTML headline reduced and made one line",
			in:       `{"uri": "u:1", "headlines": [{"contentType": "text/html", "value": "<b>Un</b>\n titre"}], "body_text": "B"}`,
			headline: "Un titre", body: "B",
		},
		{
			name:     "uri with a simple JSON body",
			in:       `{"uri": "u:1", "headline": "H", "body": "<p>Un.</p><p>Deux.</p>"}`,
			headline: "H", body: "Un.\n\nDeux.",
		},
		{
			name: "ninjs without uri sniffed by versionCreated",
			in:   `{"versionCreated": "2024-06-19T08:00:00Z", "bodies": [{"value": "B"}]}`,
			body: "B",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Decode([]byte(tt.in), DecodeOptions{})
			require.NoError(t, err)
			require.Equal(t, FormatNinjs, a.Format)
			require.Equal(t, tt.headline, a.Headline)
			require.Equal(t, tt.body, a.Body)
			if tt.version != "" {
				require.Equal(t, tt.version, a.Version)
			}
		})
	}
}

func TestDecodeNewsMLSelection(t *testing.T) {
	tests := []struct {
		name, in, headline, body string
	}{
		{
			name:     "headline by role, markup reduced",
			in:       `<newsItem><contentMeta><headline role="hld:sub">Sous-titre</headline><headline role="hld:main">Le <span>vrai</span> titre</headline></contentMeta><contentSet><inlineData contenttype="text/plain">Texte.</inlineData></contentSet></newsItem>`,
			headline: "Le vrai titre", body: "Texte.",
		},
		{
			name:     "headline entities",
			in:       `<newsItem><contentMeta><headline>AT&amp;T rach&#232;te</headline></contentMeta><contentSet><inlineData>Texte.</inlineData></contentSet></newsItem>`,
			headline: "AT&T rachète", body: "Texte.",
		},
		{
			name: "inlineXML preferred over inlineData",
			in:   `<newsItem><contentSet><inlineData contenttype="text/plain">Données.</inlineData><inlineXML contenttype="application/xhtml+xml"><p>XHTML.</p></inlineXML></contentSet></newsItem>`,
			body: "XHTML.",
		},
		{
			name: "escaped HTML in inlineData",
			in:   `<newsItem><contentSet><inlineData contenttype="text/html">&lt;p&gt;Un.&lt;/p&gt;&lt;p&gt;Deux.&lt;/p&gt;</inlineData></contentSet></newsItem>`,
			body: "Un.\n\nDeux.",
		},
		{
			name: "plain text inlineData chosen over HTML one",
			in:   `<newsItem><contentSet><inlineData contenttype="text/html">&lt;p&gt;HTML&lt;/p&gt;</inlineData><inlineData contenttype="text/plain">Plain.</inlineData></contentSet></newsItem>`,
			body: "Plain.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Decode([]byte(tt.in), DecodeOptions{})
			require.NoError(t, err)
			require.Equal(t, FormatNewsML, a.Format)
			require.Equal(t, tt.headline, a.Headline)
			require.Equal(t, tt.body, a.Body)
		})
	}
}

func TestDecodeSniffAndContentType(t *testing.T) {
	text := []byte("Le Conseil constitutionnel a validé jeudi l’essentiel de la loi.")
	tests := []struct {
		name    string
		payload []byte
		opts    DecodeOptions
		format  string
	}{
		{"sniff simple JSON", []byte(`{"id": "1", "body": "Texte."}`), DecodeOptions{}, FormatJSON},
		{"sniff simple JSON with type field", []byte(`{"id": "1", "type": "article", "body": "Texte."}`), DecodeOptions{}, FormatJSON},
		{"sniff ninjs by weak field without body", []byte(`{"type": "text", "body_text": "Texte."}`), DecodeOptions{}, FormatNinjs},
		{"sniff text", text, DecodeOptions{}, FormatText},
		{"sniff text starting with a bracket", []byte("[EMBARGO 12h] La Banque centrale européenne a baissé ses taux."), DecodeOptions{}, FormatText},
		{"sniff text starting with angle brackets", []byte("<<< ALERTE >>> Séisme au Japon."), DecodeOptions{}, FormatText},
		{"sniff HTML fragment", []byte("<p>Un.</p><p>Deux.</p>"), DecodeOptions{}, FormatHTML},
		{"sniff newsItem", readTestdata(t, "newsml.xml"), DecodeOptions{}, FormatNewsML},
		{"content-type text/plain keeps JSON-looking text", []byte(`{"id": 1} est un objet JSON.`), DecodeOptions{ContentType: "text/plain; charset=utf-8"}, FormatText},
		{"content-type text/plain keeps markup", []byte("<p>Texte</p>"), DecodeOptions{ContentType: "text/plain"}, FormatText},
		{"content-type ninjs", []byte(`{"id": "1", "body": "x", "body_text": "Texte."}`), DecodeOptions{ContentType: "application/ninjs+json"}, FormatNinjs},
		{"content-type vnd.iptc.ninjs", []byte(`{"body_text": "Texte."}`), DecodeOptions{ContentType: "application/vnd.iptc.ninjs+json; version=3.2"}, FormatNinjs},
		{"content-type json sniffs fields", []byte(`{"uri": "u:1", "body_text": "Texte."}`), DecodeOptions{ContentType: "application/json"}, FormatNinjs},
		{"content-type g2 newsitem", readTestdata(t, "newsml.xml"), DecodeOptions{ContentType: "application/vnd.iptc.g2.newsitem+xml"}, FormatNewsML},
		{"content-type text/xml", readTestdata(t, "newsmessage.xml"), DecodeOptions{ContentType: "text/xml"}, FormatNewsML},
		{"content-type text/html", []byte("Un <b>texte</b>."), DecodeOptions{ContentType: "text/html"}, FormatHTML},
		{"content-type octet-stream sniffs", []byte(`{"body": "Texte."}`), DecodeOptions{ContentType: "application/octet-stream"}, FormatJSON},
		{"sloppy content-type", []byte(`{"body": "Texte."}`), DecodeOptions{ContentType: "application/json;;"}, FormatJSON},
		{"format wins over content-type", text, DecodeOptions{ContentType: "application/json", Format: "text"}, FormatText},
		{"format auto", text, DecodeOptions{Format: "auto"}, FormatText},
		{"format json", []byte(`{"uri": "u:1", "body": "Texte."}`), DecodeOptions{Format: "json"}, FormatJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Decode(tt.payload, tt.opts)
			require.NoError(t, err)
			require.Equal(t, tt.format, a.Format)
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name    string
		payload []byte
		opts    DecodeOptions
		want    error
		reason  string
	}{
		{"too large", []byte("0123456789"), DecodeOptions{MaxSize: 9}, ErrTooLarge, "payload of 10 bytes is over the limit of 9 bytes"},
		{"invalid UTF-8", readTestdata(t, "bad-latin1.txt"), DecodeOptions{}, ErrInvalidUTF8, "byte 0xe9 at offset 22 is not valid UTF-8"},
		{"invalid UTF-8 inside a JSON string", []byte("{\"body\": \"caf\xc3\"}"), DecodeOptions{}, ErrInvalidUTF8, "offset 13"},
		{"blank", []byte(" \n\t "), DecodeOptions{}, ErrEmpty, "payload is blank"},
		{"nothing", nil, DecodeOptions{}, ErrEmpty, "payload is blank"},
		{"headline only", readTestdata(t, "bad-empty.json"), DecodeOptions{}, ErrEmpty, "ninjs: article has a headline but no body text"},
		{"simple JSON without body", []byte(`{"id": "1", "headline": "Titre"}`), DecodeOptions{}, ErrEmpty, `json: no "body" field`},
		{"only control characters", []byte("\x00\x01\x02"), DecodeOptions{}, ErrEmpty, "text: no body text"},
		{"HTML without text", []byte("<html><body><script>x()</script></body></html>"), DecodeOptions{}, ErrEmpty, "html: no body text"},
		{"JSON array", readTestdata(t, "bad-array.json"), DecodeOptions{}, ErrMalformed, "json: top-level value is an array, want an object"},
		{"JSON string with content-type", []byte(`"Texte"`), DecodeOptions{ContentType: "application/json"}, ErrMalformed, "json: top-level value is a string, want an object"},
		{"truncated JSON", readTestdata(t, "bad-truncated.json"), DecodeOptions{}, ErrMalformed, "json: syntax error at byte offset 85 (line 1, column 86): unexpected end of JSON input"},
		{"JSON syntax error position", []byte("{\n  \"body\": \"x\",\n  oops\n}"), DecodeOptions{}, ErrMalformed, "(line 3, column 3): invalid character 'o'"},
		{"trailing garbage", []byte(`{"body": "x"} {}`), DecodeOptions{}, ErrMalformed, "after top-level value"},
		{"JSON too deep", readTestdata(t, "bad-deep.json"), DecodeOptions{}, ErrMalformed, "json: nesting deeper than 64 levels at byte offset 320"},
		{"ninjs body value not a string", []byte(`{"uri": "u:1", "bodies": [{"value": 42}]}`), DecodeOptions{}, ErrMalformed, `ninjs: field "bodies[0].value": not a string (a number)`},
		{"ninjs bodies not an array", []byte(`{"uri": "u:1", "bodies": {"value": "x"}}`), DecodeOptions{}, ErrMalformed, `ninjs: field "bodies": not an array (an object)`},
		{"ninjs headline item not an object", []byte(`{"uri": "u:1", "headlines": ["x"], "body_text": "b"}`), DecodeOptions{}, ErrMalformed, `ninjs: field "headlines[0]": not an object (a string)`},
		{"ninjs uri not a string", []byte(`{"uri": 12, "body_text": "b"}`), DecodeOptions{}, ErrMalformed, `ninjs: field "uri": not a string (a number)`},
		{"ninjs date not a string", []byte(`{"uri": "u", "versionCreated": true, "body_text": "b"}`), DecodeOptions{}, ErrMalformed, `ninjs: field "versionCreated": not a string (a boolean)`},
		{"simple body not a string", []byte(`{"body": ["x"]}`), DecodeOptions{}, ErrMalformed, `json: field "body": not a string (an array)`},
		{"simple version not a string", []byte(`{"body": "x", "version": {}}`), DecodeOptions{}, ErrMalformed, `json: field "version": not a string or number (an object)`},
		{"broken XML", readTestdata(t, "bad-newsml.xml"), DecodeOptions{}, ErrMalformed, "newsml: XML syntax error on line 5: element <contentMeta> closed by </newsItem>"},
		{"truncated XML", []byte(`<newsItem guid="g"><contentSet><inlineXML><p>x</p>`), DecodeOptions{}, ErrMalformed, "newsml: XML syntax error on line 1: unexpected EOF"},
		{"XML too deep", []byte("<newsItem>" + strings.Repeat("<a>", 100) + strings.Repeat("</a>", 100) + "</newsItem>"), DecodeOptions{}, ErrMalformed, "newsml: elements nested deeper than 64 levels"},
		{"XML not NewsML-G2", readTestdata(t, "bad-unsupported.xml"), DecodeOptions{}, ErrUnsupported, "xml: root element <nitf> is not a NewsML-G2 newsItem or newsMessage"},
		{"namespaced XML without declaration", []byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry/></feed>`), DecodeOptions{}, ErrUnsupported, "xml: root element <feed> is not a NewsML-G2"},
		{"XML content-type, not NewsML-G2", []byte("<rss><channel/></rss>"), DecodeOptions{ContentType: "application/xml"}, ErrUnsupported, "newsml: root element <rss> is not a NewsML-G2 newsItem or newsMessage"},
		{"XML declared Latin-1", []byte(`<?xml version="1.0" encoding="ISO-8859-1"?><newsItem guid="g"/>`), DecodeOptions{}, ErrUnsupported, `declared encoding "ISO-8859-1" is not supported`},
		{"newsItem without content", []byte(`<newsItem guid="g"><contentMeta><headline>Titre</headline></contentMeta></newsItem>`), DecodeOptions{}, ErrEmpty, "newsml: contentSet has no inlineXML or inlineData"},
		{"newsMessage without item", []byte(`<newsMessage><itemSet/></newsMessage>`), DecodeOptions{}, ErrEmpty, "newsml: newsMessage has no newsItem"},
		{"inlineData base64", []byte(`<newsItem><contentSet><inlineData encoding="base64">SGVsbG8=</inlineData></contentSet></newsItem>`), DecodeOptions{}, ErrUnsupported, `newsml: inlineData encoding "base64" is not supported`},
		{"unknown format option", []byte("x"), DecodeOptions{Format: "nitf"}, ErrUnsupported, `decode option format "nitf"`},
		{"charset not UTF-8", []byte("x"), DecodeOptions{ContentType: "text/plain; charset=ISO-8859-1"}, ErrUnsupported, `charset "ISO-8859-1" is not supported`},
		{"image content-type", []byte("x"), DecodeOptions{ContentType: "image/jpeg"}, ErrUnsupported, `content-type "image/jpeg" is not a text article`},
	}
	sentinels := []error{ErrEmpty, ErrInvalidUTF8, ErrTooLarge, ErrMalformed, ErrUnsupported}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Decode(tt.payload, tt.opts)
			require.Nil(t, a)
			require.ErrorIs(t, err, tt.want)
			require.Contains(t, err.Error(), tt.reason)
			for _, s := range sentinels {
				if s != tt.want {
					require.False(t, errors.Is(err, s), "also wraps %v", s)
				}
			}
		})
	}
}

func TestDecodeNormalisation(t *testing.T) {
	tests := []struct {
		name     string
		payload  string
		headline string
		body     string
	}{
		{"CRLF and CR", "Un.\r\n\r\nDeux.\rTrois.", "", "Un.\n\nDeux.\nTrois."},
		{"NUL and controls stripped", "Un\x00 texte\x07 \x1b[0m propre\x7f.", "", "Un texte [0m propre."},
		{"C1 controls stripped", "Un\u0085 texte\u009f.", "", "Un texte."},
		{"soft hyphen and BOM", "\ufeffpre\u00admier lan\u00adceur\ufeff", "", "premier lanceur"},
		{"separators", "Un\u2028deux\u2029trois", "", "Un\ndeux\n\ntrois"},
		{"tabs and no-break spaces kept", "  Col1\tCol2 :\u00a0oui  \n", "", "Col1\tCol2 :\u00a0oui"},
		{"plain text keeps its first line", "Titre court\n\nLe corps de l’article.", "", "Titre court\n\nLe corps de l’article."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Decode([]byte(tt.payload), DecodeOptions{Format: "text"})
			require.NoError(t, err)
			require.Equal(t, tt.headline, a.Headline)
			require.Equal(t, tt.body, a.Body)
		})
	}
	t.Run("headline made one line", func(t *testing.T) {
		a, err := Decode([]byte(`{"headline": "  Un\r\n  titre\tsur\u00a0deux lignes ", "body": "B"}`), DecodeOptions{})
		require.NoError(t, err)
		require.Equal(t, "Un titre sur\u00a0deux lignes", a.Headline)
	})
	t.Run("JSON escapes normalised", func(t *testing.T) {
		a, err := Decode([]byte(`{"body": "Un\u0000\r\ndeux"}`), DecodeOptions{})
		require.NoError(t, err)
		require.Equal(t, "Un\ndeux", a.Body)
	})
	t.Run("language tags", func(t *testing.T) {
		for in, want := range map[string]string{"fr-FR": "fr", "EN_gb": "en", "de": "de", "und": "", "x": "", "fr1": "", "": ""} {
			require.Equal(t, want, normLanguage(in), in)
		}
	})
}

func TestDecodeIDAndVersion(t *testing.T) {
	body := "Le gouvernement a présenté mercredi son projet de budget."
	decode := func(payload string, opts DecodeOptions) *Article {
		t.Helper()
		a, err := Decode([]byte(payload), opts)
		require.NoError(t, err)
		return a
	}

	t.Run("same bytes, same MsgID", func(t *testing.T) {
		for _, f := range []string{"ninjs1.json", "ninjs2.json", "ninjs3.json", "simple.json", "article.txt", "newsml.xml", "article.html"} {
			p := readTestdata(t, f)
			a1, err := Decode(p, DecodeOptions{})
			require.NoError(t, err)
			a2, err := Decode(bytes.Clone(p), DecodeOptions{})
			require.NoError(t, err)
			require.Equal(t, a1.MsgID(), a2.MsgID(), f)
			require.Equal(t, a1.ID+"#"+a1.Version, a1.MsgID())
		}
	})
	t.Run("text: id is the sha256 of the normalised body", func(t *testing.T) {
		a := decode(body, DecodeOptions{})
		sum := sha256.Sum256([]byte(body))
		require.Equal(t, "sha256:"+hex.EncodeToString(sum[:]), a.ID)
		require.Equal(t, a.ID, decode("\r\n"+body+"\r\n\r\n", DecodeOptions{}).ID) // same text once normalised
		require.Equal(t, a.MsgID(), decode(body+"\n", DecodeOptions{}).MsgID())
	})
	t.Run("changed body, new version", func(t *testing.T) {
		v1 := decode(`{"uri": "urn:x:1", "body_text": "`+body+`"}`, DecodeOptions{})
		v2 := decode(`{"uri": "urn:x:1", "body_text": "`+body+` Corrigé."}`, DecodeOptions{})
		require.Equal(t, v1.ID, v2.ID)
		require.NotEqual(t, v1.Version, v2.Version)
		require.NotEqual(t, v1.MsgID(), v2.MsgID())
	})
	t.Run("changed headline, new version", func(t *testing.T) {
		v1 := decode(`{"id": "a", "headline": "Budget", "body": "`+body+`"}`, DecodeOptions{})
		v2 := decode(`{"id": "a", "headline": "Budget 2025", "body": "`+body+`"}`, DecodeOptions{})
		require.NotEqual(t, v1.MsgID(), v2.MsgID())
	})
	t.Run("explicit version respected", func(t *testing.T) {
		v1 := decode(`{"uri": "urn:x:1", "version": "5", "body_text": "`+body+`"}`, DecodeOptions{})
		v2 := decode(`{"uri": "urn:x:1", "version": "5", "body_text": "`+body+` Corrigé."}`, DecodeOptions{})
		require.Equal(t, "urn:x:1#5", v1.MsgID())
		require.Equal(t, v1.MsgID(), v2.MsgID())
		g2 := decode(`<newsItem guid="urn:g:1" version="9"><contentSet><inlineData>`+body+`</inlineData></contentSet></newsItem>`, DecodeOptions{})
		require.Equal(t, "urn:g:1#9", g2.MsgID())
		simple := decode(`{"id": 42, "version": 3, "body": "`+body+`"}`, DecodeOptions{})
		require.Equal(t, "42#3", simple.MsgID())
	})
	t.Run("ids and versions made header-safe", func(t *testing.T) {
		a := decode(`{"uri": "urn:x:\u0000a\r\nb", "version": "\t2\n", "body_text": "B"}`, DecodeOptions{})
		require.Equal(t, "urn:x:a b#2", a.MsgID())
	})
	t.Run("Nats-Msg-Id header wins", func(t *testing.T) {
		a := decode(`{"uri": "urn:x:1", "version": "2", "body_text": "`+body+`"}`, DecodeOptions{MsgID: " afp-123 "})
		require.Equal(t, "afp-123", a.ID)
		require.Equal(t, "afp-123#2", a.MsgID())
	})
}

func TestDecodeDates(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339 in UTC; "" = unreadable
	}{
		{`"2024-06-19T07:58:00Z"`, "2024-06-19T07:58:00Z"},
		{`"2024-06-19T09:58:00+02:00"`, "2024-06-19T07:58:00Z"},
		{`"2024-06-19T09:58:00.250+02:00"`, "2024-06-19T07:58:00.25Z"},
		{`"2024-06-19T09:58:00+0200"`, "2024-06-19T07:58:00Z"},
		{`"2024-06-19T07:58Z"`, "2024-06-19T07:58:00Z"},
		{`"2024-06-19T07:58:00"`, "2024-06-19T07:58:00Z"},
		{`"2024-06-19 07:58:00"`, "2024-06-19T07:58:00Z"},
		{`"2024-06-19"`, "2024-06-19T00:00:00Z"},
		{`"20240619T095800+0200"`, "2024-06-19T07:58:00Z"},
		{`"20240619"`, "2024-06-19T00:00:00Z"},
		{`"Wed, 19 Jun 2024 09:58:00 +0200"`, "2024-06-19T07:58:00Z"},
		{`"Wed, 19 Jun 2024 07:58:00 GMT"`, "2024-06-19T07:58:00Z"},
		{`"June 19, 2024"`, "2024-06-19T00:00:00Z"},
		{`"19/06/2024"`, "2024-06-19T00:00:00Z"},
		{`1718783880`, "2024-06-19T07:58:00Z"},
		{`1718783880000`, "2024-06-19T07:58:00Z"},
		{`"mercredi dernier"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			a, err := Decode([]byte(`{"body": "B", "published": `+tt.in+`}`), DecodeOptions{})
			require.NoError(t, err)
			if tt.want == "" {
				require.True(t, a.Published.IsZero())
				require.JSONEq(t, tt.in, string(a.Extra["published"]), "an unreadable date is passed through")
				return
			}
			require.Equal(t, tt.want, a.Published.Format(time.RFC3339Nano))
			require.NotContains(t, a.Extra, "published")
		})
	}
}

func TestHTMLToText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", "<p>Un.</p><p>Deux.</p>", "Un.\n\nDeux."},
		{"br", "<p>Ligne 1<br>Ligne 2<br/>Ligne 3</p>", "Ligne 1\nLigne 2\nLigne 3"},
		{"white space collapsed", "<p>  Un \n\t texte   sur\n plusieurs   lignes </p>", "Un texte sur plusieurs lignes"},
		{"inline elements join", "<p>Le <b>Kremlin</b>, l’<i>Élysée</i>.</p>", "Le Kremlin, l’Élysée."},
		{"entities", "<p>AT&amp;T &lt;3 &eacute;t&eacute; &#8364; &#x20AC; &nbsp;x</p>", "AT&T <3 été € € \u00a0x"},
		{"dropped elements", "<nav>Menu</nav><script>var x = '<p>';</script><style>p{}</style><p>Texte</p><aside>Pub</aside><form><input>Champ</form>", "Texte"},
		{"nested dropped elements", "<nav><nav>A</nav>B</nav><p>C</p>", "C"},
		{"unclosed nav stops at body end", "<body><nav>Menu<p>perdu</p></body>", ""},
		{"headings and lists", "<h2>Intertitre</h2><ul><li>Un</li><li>Deux</li></ul>", "Intertitre\n\nUn\n\nDeux"},
		{"table cells", "<table><tr><td>A</td><td>B</td></tr><tr><td>C</td></tr></table>", "A B\n\nC"},
		{"comments and CDATA-like", "<p>Un<!-- caché --> texte</p>", "Un texte"},
		{"text without tags", "Juste du texte &amp; rien d’autre", "Juste du texte & rien d’autre"},
		{"namespaced XHTML", "<h:p>Un</h:p><h:p>Deux</h:p>", "Un\n\nDeux"},
		{"broken markup", "<p>Un <b>gras</p><p>Deux</i>", "Un gras\n\nDeux"},
		{"div soup", "<div><div><div>Un</div></div>Deux</div>", "Un\n\nDeux"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, htmlToText(tt.in, false).Body)
		})
	}
	t.Run("headline from h1 else title", func(t *testing.T) {
		got := htmlToText("<title>Titre | Site</title><h1>Le titre</h1><p>Corps</p><h1>Autre</h1>", true)
		require.Equal(t, "Le titre", got.Headline)
		require.Equal(t, "Corps\n\nAutre", got.Body)
		got = htmlToText("<title>Titre | Site</title><p>Corps</p>", true)
		require.Equal(t, "Titre | Site", got.Headline)
		require.Equal(t, "Corps", got.Body)
	})
	t.Run("deep nesting is linear", func(t *testing.T) {
		in := strings.Repeat("<div><span>", 100000) + "x" + strings.Repeat("</span></div>", 100000)
		start := time.Now()
		require.Equal(t, "x", htmlToText(in, false).Body)
		require.Less(t, time.Since(start), 5*time.Second)
	})
}

func TestDecodeRobustness(t *testing.T) {
	tests := []struct {
		name    string
		payload []byte
	}{
		{"deep JSON", []byte(strings.Repeat("[", 1_000_000))},
		{"deep JSON object", []byte(`{"a":` + strings.Repeat(`{"a":`, 200_000))},
		{"deep XML", []byte("<newsItem>" + strings.Repeat("<a>", 200_000))},
		{"deep HTML", []byte("<html>" + strings.Repeat("<div>", 200_000) + "x")},
		{"huge JSON string", []byte(`{"body": "` + strings.Repeat("é", 2_000_000) + `"}`)},
		{"huge XML text", []byte(`<newsItem><contentSet><inlineData>` + strings.Repeat("a ", 1_000_000) + `</inlineData></contentSet></newsItem>`)},
		{"brackets inside JSON strings", []byte(`{"body": "` + strings.Repeat("[{", 10_000) + `"}`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			a, err := Decode(tt.payload, DecodeOptions{})
			require.Less(t, time.Since(start), 10*time.Second)
			if err != nil {
				require.True(t, isSentinel(err), err.Error())
				return
			}
			require.NotEmpty(t, a.Body)
		})
	}
	t.Run("brackets inside strings do not count as depth", func(t *testing.T) {
		a, err := Decode([]byte(`{"body": "`+strings.Repeat("[{", 10_000)+`"}`), DecodeOptions{})
		require.NoError(t, err)
		require.Len(t, a.Body, 20_000)
	})
}

func isSentinel(err error) bool {
	for _, s := range []error{ErrEmpty, ErrInvalidUTF8, ErrTooLarge, ErrMalformed, ErrUnsupported} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}
