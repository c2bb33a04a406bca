package article

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// ninjsStrongKeys are fields only ninjs has: one of them makes a JSON
// object ninjs.
var ninjsStrongKeys = [...]string{
	"uri", "headlines", "bodies", "body_text", "body_html", "body_xhtml",
	"versioncreated", "versionCreated", "firstcreated", "firstCreated",
	"representationtype", "representationType", "pubstatus", "pubStatus",
}

// ninjsWeakKeys are ninjs fields that a simple JSON object might carry too:
// they make an object ninjs only when it has no "body".
var ninjsWeakKeys = [...]string{
	"type", "byline", "by", "located", "subject", "subjects", "people",
	"organisations", "places", "copyrightholder", "copyrightHolder",
	"renditions", "associations", "standard", "slugline", "urgency",
}

// isNinjs tells ninjs from simple JSON by the object's fields.
func isNinjs(o jsonObject) bool {
	for _, k := range ninjsStrongKeys {
		if _, ok := o[k]; ok {
			return true
		}
	}
	if _, ok := o["body"]; ok {
		return false
	}
	for _, k := range ninjsWeakKeys {
		if _, ok := o[k]; ok {
			return true
		}
	}
	return false
}

// ninjsConsumed are the fields the decoder turns into Article fields; all
// others are kept in Article.Extra.
var ninjsConsumed = map[string]struct{}{
	"uri": {}, "version": {}, "language": {},
	"headline": {}, "headlines": {},
	"body_text": {}, "body_html": {}, "body_xhtml": {}, "bodies": {},
	"versioncreated": {}, "versionCreated": {},
}

// textPart is one headline or body of a ninjs headlines[]/bodies[] array.
type textPart struct {
	role, contentType, value string
	index                    int
}

// decodeNinjs reads ninjs 1.x, 2.x and 3.x (field names of all
// generations are accepted, even mixed).
func decodeNinjs(o jsonObject) (*Article, error) {
	const f = FormatNinjs
	a := &Article{Format: FormatNinjs}
	var err error
	if _, v, ok := o.field("uri"); ok {
		if a.ID, err = str(f, "uri", v); err != nil {
			return nil, err
		}
		if isHTTPURL(strings.TrimSpace(a.ID)) {
			a.URL = strings.TrimSpace(a.ID)
		}
	}
	if _, v, ok := o.field("version"); ok {
		if a.Version, err = strOrNumber(f, "version", v); err != nil {
			return nil, err
		}
	}
	if _, v, ok := o.field("language"); ok {
		if a.Language, err = str(f, "language", v); err != nil {
			return nil, err
		}
	}
	if a.Headline, err = ninjsHeadline(o); err != nil {
		return nil, err
	}
	body, bodyKey, err := ninjsBody(o)
	if err != nil {
		return nil, err
	}
	a.Body = body
	keepDate := ""
	if k, v, ok := o.field("versionCreated", "versioncreated", "firstCreated", "firstcreated", "contentCreated", "contentcreated"); ok {
		tv, err := timeField(f, k, v)
		if err != nil {
			return nil, err
		}
		if tv.ok {
			a.Published = tv.t
		} else {
			keepDate = k // unreadable: pass it through untouched
		}
	}
	if a.Source, err = ninjsSource(o); err != nil {
		return nil, err
	}
	if a.URL == "" {
		for _, k := range [...]string{"url", "link", "webUrl", "weburl", "canonicalUrl"} {
			if v, ok := o[k]; ok {
				if s, err := str(f, k, v); err == nil && isHTTPURL(strings.TrimSpace(s)) {
					a.URL = strings.TrimSpace(s)
					break
				}
			}
		}
	}
	for k, v := range o {
		if _, consumed := ninjsConsumed[k]; (consumed && k != keepDate) || (k == "body" && bodyKey == "body") {
			continue
		}
		if a.Extra == nil {
			a.Extra = make(map[string]json.RawMessage)
		}
		a.Extra[k] = v
	}
	return a, nil
}

// ninjsHeadline picks the headline: headlines[] (2.x, 3.x) by role and
// content type, else the 1.x headline string.
func ninjsHeadline(o jsonObject) (string, error) {
	if _, v, ok := o.field("headlines"); ok {
		parts, err := ninjsParts("headlines", v)
		if err != nil {
			return "", err
		}
		if p, ok := pickPart(parts); ok {
			return partText(p, false), nil
		}
	}
	if _, v, ok := o.field("headline"); ok {
		return str(FormatNinjs, "headline", v)
	}
	return "", nil
}

// ninjsBody picks the body: bodies[] (2.x, 3.x) by role and content type,
// else body_text, body_html, body_xhtml (1.x), else a plain "body" string
// (objects mixing ninjs and simple JSON fields). key names the field used.
func ninjsBody(o jsonObject) (body, key string, err error) {
	if _, v, ok := o.field("bodies"); ok {
		parts, err := ninjsParts("bodies", v)
		if err != nil {
			return "", "", err
		}
		if p, ok := pickPart(parts); ok {
			return partText(p, true), "bodies", nil
		}
	}
	for _, k := range [...]string{"body_text", "body_html", "body_xhtml", "body"} {
		v, ok := o[k]
		if !ok || isNull(v) {
			continue
		}
		s, err := str(FormatNinjs, k, v)
		if err != nil {
			if k == "body" {
				continue // not ninjs: left in Extra
			}
			return "", "", err
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		if (k == "body_text" || k == "body") && !looksLikeHTML(s) {
			return s, k, nil
		}
		return htmlToText(s, false).Body, k, nil
	}
	return "", "", nil
}

// ninjsParts reads a headlines[] or bodies[] array of {role, contentType
// (3.x) or contenttype (2.x), value}.
func ninjsParts(name string, raw json.RawMessage) ([]textPart, error) {
	const f = FormatNinjs
	items, err := array(f, name, raw)
	if err != nil {
		return nil, err
	}
	parts := make([]textPart, 0, len(items))
	for i, item := range items {
		path := fmt.Sprintf("%s[%d]", name, i)
		io, err := object(f, path, item)
		if err != nil {
			return nil, err
		}
		p := textPart{index: i}
		if p.value, err = str(f, path+".value", io["value"]); err != nil {
			return nil, err
		}
		if p.role, err = str(f, path+".role", io["role"]); err != nil {
			return nil, err
		}
		if k, v, ok := io.field("contentType", "contenttype"); ok {
			if p.contentType, err = str(f, path+"."+k, v); err != nil {
				return nil, err
			}
		}
		if strings.TrimSpace(p.value) != "" {
			parts = append(parts, p)
		}
	}
	return parts, nil
}

// pickPart chooses the main part: by role (main, then default, then none,
// then any other; a "prefix:" of a controlled vocabulary is ignored), then
// by content type (plain text, then unspecified, then HTML/XML, then
// anything else), then by order.
func pickPart(parts []textPart) (textPart, bool) {
	if len(parts) == 0 {
		return textPart{}, false
	}
	sorted := append([]textPart(nil), parts...)
	sort.SliceStable(sorted, func(i, j int) bool {
		ri, rj := roleRank(sorted[i].role), roleRank(sorted[j].role)
		if ri != rj {
			return ri < rj
		}
		return typeRank(sorted[i].contentType) < typeRank(sorted[j].contentType)
	})
	return sorted[0], true
}

func roleRank(role string) int {
	role = strings.ToLower(strings.TrimSpace(role))
	if i := strings.LastIndexAny(role, ":/#"); i >= 0 {
		role = role[i+1:]
	}
	switch role {
	case "main":
		return 0
	case "default":
		return 1
	case "":
		return 2
	}
	return 3
}

func typeRank(ct string) int {
	ct = strings.ToLower(strings.TrimSpace(ct))
	switch {
	case strings.HasPrefix(ct, "text/plain"):
		return 0
	case ct == "":
		return 1
	case strings.Contains(ct, "html") || strings.Contains(ct, "xml"):
		return 2
	}
	return 3
}

// partText is the text of a part, HTML reduced: parts declared HTML/XML,
// and undeclared parts that carry markup.
func partText(p textPart, body bool) string {
	ct := strings.ToLower(p.contentType)
	isMarkup := strings.Contains(ct, "html") || strings.Contains(ct, "xml") || (ct == "" && looksLikeHTML(p.value))
	if !isMarkup {
		return p.value
	}
	t := htmlToText(p.value, false).Body
	if !body {
		return oneLine(t)
	}
	return t
}

// ninjsSource names the provider: copyrightHolder, else the first
// infoSource (3.x infoSources, 2.x infosources, 1.x infosource) with a
// name, else a "provider" (string or {name}).
func ninjsSource(o jsonObject) (string, error) {
	const f = FormatNinjs
	if k, v, ok := o.field("copyrightHolder", "copyrightholder"); ok {
		s, err := nameOf(f, k, v)
		if err != nil || strings.TrimSpace(s) != "" {
			return s, err
		}
	}
	if k, v, ok := o.field("infoSources", "infosources", "infosource"); ok {
		items, err := array(f, k, v)
		if err != nil {
			return "", err
		}
		for i, item := range items {
			s, err := nameOf(f, fmt.Sprintf("%s[%d]", k, i), item)
			if err != nil {
				return "", err
			}
			if strings.TrimSpace(s) != "" {
				return s, nil
			}
		}
	}
	if k, v, ok := o.field("provider", "service"); ok {
		s, err := nameOf(f, k, v)
		if err == nil {
			return s, nil
		}
		// A provider of another shape (an array of services…) is not
		// an error: it stays in Extra.
	}
	return "", nil
}
