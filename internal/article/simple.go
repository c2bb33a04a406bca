package article

import (
	"encoding/json"
	"fmt"
	"strings"
)

// simpleConsumed are the simple JSON fields read into Article fields; all
// others are kept in Article.Extra.
var simpleConsumed = map[string]struct{}{
	"id": {}, "headline": {}, "body": {}, "language": {}, "published": {},
	"source": {}, "url": {}, "version": {},
}

// decodeSimpleJSON reads {"id", "headline", "body", "language",
// "published", "source", "url"} and an optional "version".
func decodeSimpleJSON(o jsonObject) (*Article, error) {
	const f = FormatJSON
	a := &Article{Format: FormatJSON}
	var err error
	if a.ID, err = strOrNumber(f, "id", o["id"]); err != nil {
		return nil, err
	}
	if a.Version, err = strOrNumber(f, "version", o["version"]); err != nil {
		return nil, err
	}
	if a.Headline, err = str(f, "headline", o["headline"]); err != nil {
		return nil, err
	}
	if looksLikeHTML(a.Headline) {
		a.Headline = htmlToText(a.Headline, false).Body
	}
	if isNull(o["body"]) {
		return nil, fmt.Errorf(`json: no "body" field: %w`, ErrEmpty)
	}
	if a.Body, err = str(f, "body", o["body"]); err != nil {
		return nil, err
	}
	if looksLikeHTML(a.Body) {
		a.Body = htmlToText(a.Body, false).Body
	}
	if a.Language, err = str(f, "language", o["language"]); err != nil {
		return nil, err
	}
	if a.Source, err = nameOf(f, "source", o["source"]); err != nil {
		return nil, err
	}
	if a.URL, err = str(f, "url", o["url"]); err != nil {
		return nil, err
	}
	if !isHTTPURL(strings.TrimSpace(a.URL)) {
		a.URL = ""
	}
	keepDate := false
	if v, ok := o["published"]; ok && !isNull(v) {
		tv, err := timeField(f, "published", v)
		if err != nil {
			return nil, err
		}
		a.Published, keepDate = tv.t, !tv.ok
	}
	for k, v := range o {
		if _, consumed := simpleConsumed[k]; consumed && !(k == "published" && keepDate) && !(k == "url" && a.URL == "" && !isNull(v)) {
			continue
		}
		if a.Extra == nil {
			a.Extra = make(map[string]json.RawMessage)
		}
		a.Extra[k] = v
	}
	return a, nil
}
