package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"
)

// NinjsVersion is the ninjs version EncodeNinjs writes.
const NinjsVersion = "3.2"

// NinjsTag is one extracted entity or subject to write into a ninjs
// document.
type NinjsTag struct {
	// Kind is "person", "organisation", "place" or "subject"; it chooses
	// the array: people[], organisations[], places[], subjects[].
	Kind string
	// Name is the entity's name; URI its identifier as a complete URI
	// (e.g. "http://www.wikidata.org/entity/Q7747"), optional.
	Name, URI string
	// Confidence is 0-100 (clamped); Creator names the system that
	// assigned the tag (e.g. "wirenrich/1.0.0"). ninjs 3.2 defines both
	// for subjects only: see EncodeNinjs.
	Confidence int
	Creator    string
	// Rel is the relationship of the content to the entity, optional
	// (e.g. "mentioned").
	Rel string
}

// tagArrays maps NinjsTag.Kind to its ninjs 3.x array.
var tagArrays = map[string]string{
	"person":       "people",
	"organisation": "organisations",
	"organization": "organisations",
	"place":        "places",
	"subject":      "subjects",
}

// EncodeNinjs writes the article as a ninjs 3.2 document with the tags
// appended to its people[], organisations[], places[] and subjects[].
//
// A ninjs input keeps all its fields (unknown ones too) with 1.x and 2.x
// names converted to 3.x: headline -> headlines[], body_text/body_html/
// body_xhtml -> bodies[] (role "main" and the content type),
// description_text/html -> descriptions[], byline -> by, person/
// organisation/place/subject/event/object -> plural arrays, lower-case
// compound names -> camelCase (versioncreated -> versionCreated,
// contenttype -> contentType, …), embargoed -> embargoedUntil, and the
// 1.x/2.x maps renditions, associations and altids -> arrays of objects
// (the map key as "name", or "role" for altIds). Other inputs are written
// from the Article: uri (the ID; an ID that is not a URI becomes
// "urn:wirenrich:" + the escaped ID), version, versionCreated, language,
// headlines, bodies (text/plain), infoSources (the source), altIds (the
// URL, role "url", when it is not the uri) and the input's Extra fields.
// "standard" always declares ninjs 3.2.
//
// Every tag is written with name, uri, rel, confidence (0-100) and
// creator, as the enrichment contract asks. The ninjs 3.2 schema lists
// confidence and creator for subjects items only; on people, organisations
// and places they are an extension that consumers ignoring unknown fields
// read as usual. A tag whose name (or uri) is already in its array is not
// added twice.
func EncodeNinjs(a *Article, tags []NinjsTag) ([]byte, error) {
	if a == nil {
		return nil, errors.New("ninjs: nil article")
	}
	var doc map[string]any
	if a.Format == FormatNinjs && len(a.Raw) > 0 {
		in, err := decodeAny(trimBOM(a.Raw))
		if err != nil {
			return nil, err
		}
		doc = upgradeNinjs(in)
		if s, _ := doc["uri"].(string); strings.TrimSpace(s) == "" {
			doc["uri"] = ninjsURI(a.ID)
		}
	} else {
		doc = ninjsFromArticle(a)
	}
	doc["standard"] = map[string]any{
		"name":    "ninjs",
		"version": NinjsVersion,
		"schema":  "http://www.iptc.org/std/ninjs/ninjs-schema_" + NinjsVersion + ".json#",
	}
	for i, t := range tags {
		key, ok := tagArrays[strings.ToLower(strings.TrimSpace(t.Kind))]
		if !ok {
			return nil, fmt.Errorf("ninjs: tag %d (%q): kind %q is not person, organisation, place or subject: %w", i, t.Name, t.Kind, ErrUnsupported)
		}
		if strings.TrimSpace(t.Name) == "" && strings.TrimSpace(t.URI) == "" {
			continue
		}
		items, isArray := doc[key].([]any)
		if v, present := doc[key]; present && v != nil && !isArray {
			items = []any{v} // a lone item where an array belongs: keep it
		}
		if hasTag(items, t) {
			continue
		}
		doc[key] = append(items, tagObject(key, t))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("ninjs: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte{'\n'}), nil
}

// tagObject is a tag as a ninjs 3.2 array item.
func tagObject(key string, t NinjsTag) map[string]any {
	o := map[string]any{}
	if n := strings.TrimSpace(t.Name); n != "" {
		o["name"] = n
	}
	if u := strings.TrimSpace(t.URI); u != "" {
		o["uri"] = u
	}
	if r := strings.TrimSpace(t.Rel); r != "" {
		o["rel"] = r
	}
	o["confidence"] = min(max(t.Confidence, 0), 100)
	if c := strings.TrimSpace(t.Creator); c != "" {
		o["creator"] = c
	}
	return o
}

// hasTag reports whether items already hold the tag's uri or name.
func hasTag(items []any, t NinjsTag) bool {
	name, uri := strings.TrimSpace(t.Name), strings.TrimSpace(t.URI)
	for _, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		if u, _ := m["uri"].(string); uri != "" && u == uri {
			return true
		}
		if n, _ := m["name"].(string); uri == "" && name != "" && n == name {
			return true
		}
	}
	return false
}

// decodeAny decodes JSON keeping numbers as written.
func decodeAny(data []byte) (map[string]any, error) {
	if err := checkJSONDepth(data, MaxDepth); err != nil {
		return nil, err
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return nil, jsonSyntaxError(data, err)
	}
	if m == nil {
		return nil, fmt.Errorf("ninjs: top-level value is null, want an object: %w", ErrMalformed)
	}
	return m, nil
}

// ninjsURI makes an ID a URI.
func ninjsURI(id string) string {
	if u, err := url.Parse(id); err == nil && u.Scheme != "" && !strings.ContainsAny(id, " \t\n") {
		return id
	}
	return "urn:wirenrich:" + url.PathEscape(id)
}

// ninjsFromArticle writes a non-ninjs article as ninjs 3.2.
func ninjsFromArticle(a *Article) map[string]any {
	doc := map[string]any{}
	for k, v := range a.Extra {
		doc[k] = v
		d := json.NewDecoder(bytes.NewReader(v))
		d.UseNumber()
		var x any
		if err := d.Decode(&x); err == nil {
			doc[k] = x
		}
	}
	uri := ninjsURI(a.ID)
	doc["uri"] = uri
	doc["type"] = "text"
	if a.Version != "" {
		doc["version"] = a.Version
	}
	if !a.Published.IsZero() {
		doc["versionCreated"] = a.Published.UTC().Format(time.RFC3339)
	}
	if a.Language != "" {
		doc["language"] = a.Language
	}
	if a.Headline != "" {
		doc["headlines"] = []any{map[string]any{"role": "main", "contentType": "text/plain", "value": a.Headline}}
	}
	doc["bodies"] = []any{map[string]any{"role": "main", "contentType": "text/plain", "value": a.Body}}
	if a.Source != "" {
		doc["infoSources"] = []any{map[string]any{"name": a.Source}}
	}
	if a.URL != "" && a.URL != uri {
		doc["altIds"] = []any{map[string]any{"role": "url", "value": a.URL}}
	}
	return doc
}

// ninjsRenames maps 1.x/2.x field names to 3.x, at any depth.
var ninjsRenames = map[string]string{
	"versioncreated":     "versionCreated",
	"firstcreated":       "firstCreated",
	"contentcreated":     "contentCreated",
	"embargoed":          "embargoedUntil",
	"pubstatus":          "pubStatus",
	"copyrightholder":    "copyrightHolder",
	"copyrightnotice":    "copyrightNotice",
	"usageterms":         "usageTerms",
	"ednote":             "edNote",
	"representationtype": "representationType",
	"rightsinfo":         "rightsInfo",
	"contenttype":        "contentType",
	"charcount":          "charCount",
	"wordcount":          "wordCount",
	"sizeinbytes":        "sizeInBytes",
	"videocodec":         "videoCodec",
	"framerate":          "frameRate",
	"aspectratio":        "aspectRatio",
	"contactinfo":        "contactInfo",
	"geojson":            "geoJSON",
	"symboltype":         "symbolType",
	"linkedrights":       "linkedRights",
	"encodedrights":      "encodedRights",
	"langid":             "langId",
	"postalcode":         "postalCode",
	"transportprotocol":  "transportProtocol",
	"scantype":           "scanType",
	"infosources":        "infoSources",
	"infosource":         "infoSources",
	"trustindicators":    "trustIndicators",
	"trustindicator":     "trustIndicators",
	"plannedcoverage":    "plannedCoverage",
	"eventdetails":       "eventDetails",
	"digitalsourcetype":  "digitalSourceType",
}

// ninjsTopRenames are the 1.x singular arrays and other renamed top-level
// fields.
var ninjsTopRenames = map[string]string{
	"byline":       "by",
	"person":       "people",
	"organisation": "organisations",
	"place":        "places",
	"subject":      "subjects",
	"event":        "events",
	"object":       "objects",
	"genre":        "genres",
}

// upgradeNinjs converts a ninjs 1.x/2.x document (or a 3.x one, which it
// leaves as it is) to 3.x field names and shapes.
func upgradeNinjs(in map[string]any) map[string]any {
	out := make(map[string]any, len(in))
	// Sorted keys: when two old names map to one new name, the result
	// does not depend on map order.
	keys := make([]string, 0, len(in))
	for k := range in {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var bodies, descriptions []any
	for _, k := range keys {
		v := in[k]
		switch k {
		case "headline":
			if _, has := in["headlines"]; !has {
				if s, ok := v.(string); ok {
					out["headlines"] = []any{map[string]any{"role": "main", "value": s}}
					continue
				}
			}
		case "body_text", "body_html", "body_xhtml":
			if s, ok := v.(string); ok {
				bodies = append(bodies, map[string]any{"role": "main", "contentType": bodyTypes[k], "value": s})
				continue
			}
		case "description_text", "description_html":
			if s, ok := v.(string); ok {
				descriptions = append(descriptions, map[string]any{"contentType": bodyTypes[k], "value": s})
				continue
			}
		case "renditions", "associations":
			if m, ok := v.(map[string]any); ok {
				out[k] = namedArray(m, "name", k == "associations")
				continue
			}
		case "altids":
			if m, ok := v.(map[string]any); ok {
				out["altIds"] = namedArray(m, "role", false)
				continue
			}
		}
		nk := k
		if r, ok := ninjsTopRenames[k]; ok {
			if _, taken := in[r]; !taken {
				nk = r
			}
		}
		if r, ok := ninjsRenames[k]; ok {
			if _, taken := in[r]; !taken {
				nk = r
			}
		}
		out[nk] = renameDeep(v, 0)
	}
	if _, has := in["bodies"]; !has && len(bodies) > 0 {
		out["bodies"] = bodies
	}
	if _, has := in["descriptions"]; !has && len(descriptions) > 0 {
		out["descriptions"] = descriptions
	}
	return out
}

var bodyTypes = map[string]string{
	"body_text": "text/plain", "body_html": "text/html", "body_xhtml": "application/xhtml+xml",
	"description_text": "text/plain", "description_html": "text/html",
}

// namedArray turns a 1.x/2.x map {"key": {…}} into [{"<keyField>": "key",
// …}] (altids {"role": "value"} into [{"role", "value"}]); associations
// are upgraded themselves.
func namedArray(m map[string]any, keyField string, upgrade bool) []any {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]any, 0, len(m))
	for _, k := range keys {
		switch v := m[k].(type) {
		case map[string]any:
			var item map[string]any
			if upgrade {
				item = upgradeNinjs(v)
			} else {
				item, _ = renameDeep(v, 0).(map[string]any)
			}
			if _, has := item[keyField]; !has {
				item[keyField] = k
			}
			out = append(out, item)
		default:
			out = append(out, map[string]any{keyField: k, "value": v})
		}
	}
	return out
}

// renameDeep applies ninjsRenames to the keys of nested objects. depth is
// bounded by the decoder's MaxDepth check.
func renameDeep(v any, depth int) any {
	if depth > MaxDepth {
		return v
	}
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			nk := k
			if r, ok := ninjsRenames[k]; ok {
				if _, taken := t[r]; !taken {
					nk = r
				}
			}
			out[nk] = renameDeep(x, depth+1)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = renameDeep(x, depth+1)
		}
		return out
	}
	return v
}
