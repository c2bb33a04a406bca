// Package article turns raw news-wire payloads (IPTC ninjs 1.x-3.x, simple
// JSON, NewsML-G2, HTML and plain UTF-8 text) into an Article, the unit of
// work of the worker, and writes an Article back as ninjs 3.2.
//
// # Choosing the format
//
// DecodeOptions.Format, when set, forces a decoder. Otherwise the
// Content-Type is honoured: application/json, text/json and */*+json are a
// JSON object (ninjs or simple JSON by its fields); any type naming ninjs
// (application/ninjs+json, application/vnd.iptc.ninjs+json) is ninjs;
// application/xml, text/xml and */*+xml (application/vnd.iptc.g2.newsitem+xml)
// are NewsML-G2; text/html and application/xhtml+xml are HTML; text/plain is
// text. A charset other than UTF-8/US-ASCII, and image/audio/video/font/PDF/
// archive types are ErrUnsupported; other types are sniffed like a payload
// without a Content-Type:
//
//   - '{' opens a JSON object. It is ninjs when it has a field only ninjs has
//     (uri, headlines, bodies, body_text, body_html, body_xhtml,
//     versioncreated/versionCreated, firstcreated/firstCreated,
//     representationtype, pubstatus), or has no "body" but a field ninjs
//     shares with other JSON (type, byline, by, located, subject(s), people,
//     copyrightholder, renditions, …); else it is simple JSON.
//   - '[' followed by '{', '"', '[' or ']' is a JSON array: ErrMalformed.
//   - '<' is markup: a root element newsItem or newsMessage is NewsML-G2; an
//     HTML doctype or an HTML root element (html, body, p, div, h1, …) is
//     HTML; another root element in a document with an XML declaration or a
//     namespace is ErrUnsupported (NITF, RSS…); anything else that parses as
//     markup is HTML, and what does not is text.
//   - anything else is plain text.
//
// # Formats
//
// ninjs: field names of all generations are read, even mixed. The headline
// is headlines[] (2.x/3.x) else headline (1.x); the body is bodies[] else
// body_text, body_html, body_xhtml, else a "body" string (objects that mix
// ninjs and simple JSON fields). In headlines[] and bodies[] the main
// part is chosen by role (main, then default, then none, then any other; a
// vocabulary prefix "x:main" counts as main), then by content type
// (text/plain, then unspecified, then HTML/XML, then anything else), then by
// order; HTML parts are reduced to text, and so are parts of unspecified
// type that carry HTML markup. Published is versionCreated, else
// firstCreated, else contentCreated. Source is copyrightHolder, else the
// first named infoSources/infosources/infosource, else provider/service. URL
// is uri when it is an http(s) URL, else a url, link, webUrl or canonicalUrl
// field. Every field not read into the Article (all but uri, version,
// language, headline(s), body_*/bodies, versioncreated/versionCreated) is
// kept in Extra as it was. A field of the wrong JSON type among those read is
// ErrMalformed naming it (`ninjs: field "bodies[0].value": not a string
// (a number): malformed payload`).
//
// Simple JSON: {"id", "headline", "body", "language", "published", "source",
// "url"} and an optional "version"; id and version may be numbers, source a
// string or {"name"}; a body or headline carrying HTML markup is reduced.
// Other fields are kept in Extra. No "body" is ErrEmpty.
//
// Dates (ninjs and simple JSON "published", NewsML-G2 versionCreated) accept
// RFC 3339 (with or without seconds, fraction, zone; no zone means UTC), a
// space instead of 'T', date only (2024-06-19), the compact IPTC form
// (20240619T075800+0200, 20240619), RFC 1123/822/850 (RSS), ANSIC, AP style
// ("June 19, 2024"), day-first dd/mm/yyyy, and JSON numbers as Unix seconds
// (milliseconds above 1e11). A date in none of these forms is not an error:
// Published stays zero and the field is passed through in Extra.
//
// Plain text: the whole payload is the body, never split into headline and
// body, so offsets count into the text as it was sent (after the
// normalisation below).
//
// NewsML-G2: a newsItem, or a newsMessage of which the first newsItem of its
// itemSet is read (the others are ignored; one message per article is the
// rule on the bus). ID is @guid, Version @version, Language
// contentMeta/language/@tag else @xml:lang; the headline is
// contentMeta/headline (by role like ninjs); the body is the first
// contentSet/inlineXML (XHTML reduced to text), else inlineData (text; HTML
// when its contenttype says so); remoteContent is not fetched (ErrEmpty).
// Published is itemMeta/versionCreated, else firstCreated, else
// contentMeta/contentCreated; Source itemMeta/provider (name, literal, or
// qcode without its scheme: "nprov:AFP" is "AFP"), else
// rightsInfo/copyrightHolder; URL the guid if http(s), else the first http(s)
// itemMeta/link. Element names match in any namespace. HTML entities
// (&nbsp;) are accepted; a declared encoding other than UTF-8 is
// ErrUnsupported.
//
// HTML: reduced with the streaming tokenizer of golang.org/x/net/html:
// script, style, noscript, template, nav, aside, footer, form, iframe,
// object, svg, math, canvas, button, select, textarea, video, audio, map and
// figcaption are dropped with their content; block elements (p, div, li,
// headings, blockquote, table rows, section, article, …) are paragraphs
// separated by a blank line ("\n\n"); <br> is a line break; white space is
// collapsed within a paragraph (no-break spaces are kept); entities are
// decoded. For a whole HTML document the first <h1> (else <title>) is the
// headline and is left out of the body, and <html lang> is the language.
//
// # Normalisation and validation
//
// In this order: a payload over MaxSize is ErrTooLarge; a payload that is not
// valid UTF-8 anywhere is ErrInvalidUTF8, naming the byte offset; a leading
// byte order mark is dropped; broken JSON or XML is ErrMalformed with the
// position, and so is nesting deeper than MaxDepth (64) levels. Then the
// text of headline and body is normalised: CRLF and CR become LF (U+2028
// LF, U+2029 a blank line); control characters other than TAB and LF (NUL,
// the rest of C0, DEL, C1) are stripped rather than rejected, as they carry
// no text and wires do leak them; U+00AD SOFT HYPHEN and U+FEFF are stripped
// as they would cut words in two; surrounding white space is trimmed; the
// headline is made one line. A body that is empty after all this is
// ErrEmpty, even when there is a headline.
//
// # Identity
//
// ID is DecodeOptions.MsgID (the Nats-Msg-Id header) when set, else the
// article's own id (ninjs uri, simple JSON id, NewsML-G2 guid), else
// "sha256:" + the hex SHA-256 of the normalised body. Version is the input's
// version (ninjs version, simple JSON version, NewsML-G2 @version), else the
// first 16 hex digits of the SHA-256 of headline, NUL, body: the same text
// always gets the same version, a corrected text a new one. Both are made
// header-safe (control characters stripped, white space collapsed to one
// line). Article.MsgID, ID + "#" + Version, is the Nats-Msg-Id of the
// output.
//
// Every error Decode returns wraps one of ErrEmpty, ErrInvalidUTF8,
// ErrTooLarge, ErrMalformed or ErrUnsupported; decoders never panic and run
// in time linear in the payload.
package article
