package resolve

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/wirenrich/wirenrich/internal/models"
)

// LinksModel is the name of the embedded table of Wikidata QIDs of
// person, organisation and place names (internal/models/entity-links).
const LinksModel = "entity-links"

// Links maps folded names to Wikidata QIDs, by entity type. It is
// immutable and safe for concurrent use.
type Links struct {
	byType map[string]map[string]string // type -> folded name -> QID
	n      int
	// names is a Bloom filter of the names of every type: most names of
	// an article are not in the table, and are told so without reading
	// its maps (cache misses after the tagger's work).
	names *wordSet
}

// LoadLinks reads the embedded link table.
func LoadLinks() (*Links, error) {
	l, err := models.Read(LinksModel, ParseLinks)
	if err != nil {
		return nil, fmt.Errorf("resolve: %w", err)
	}
	return l, nil
}

// ParseLinks reads a link table: TAB-separated entity type (PERSON,
// ORGANIZATION, LOCATION), folded name (lexicon.Fold, without honorifics
// for people), QID, and the number of links it was read from; # comments.
func ParseLinks(r io.Reader) (*Links, error) {
	l := &Links{byType: map[string]map[string]string{}}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("line %d: want type, name and QID", line)
		}
		typ, name, qid := f[0], f[1], f[2]
		if !named(typ) || typ == Misc {
			return nil, fmt.Errorf("line %d: type %q", line, typ)
		}
		if n, err := strconv.ParseUint(strings.TrimPrefix(qid, "Q"), 10, 64); err != nil || n == 0 || !strings.HasPrefix(qid, "Q") {
			return nil, fmt.Errorf("line %d: QID %q", line, qid)
		}
		if name == "" {
			return nil, fmt.Errorf("line %d: empty name", line)
		}
		if l.byType[typ] == nil {
			l.byType[typ] = map[string]string{}
		}
		if _, dup := l.byType[typ][name]; !dup {
			l.n++
		}
		l.byType[typ][name] = qid
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	l.names = newWordSetBits(nil, bloomBits)
	for _, names := range l.byType {
		for name := range names {
			l.names.addBloom(name)
		}
	}
	return l, nil
}

// Len is the number of names in the table.
func (l *Links) Len() int {
	if l == nil {
		return 0
	}
	return l.n
}

// Lookup returns the QID of a folded name for an entity type.
func (l *Links) Lookup(typ, folded string) (string, bool) {
	if l == nil || l.names != nil && !l.names.bloomHas(fnv1a(folded)) {
		return "", false
	}
	q, ok := l.byType[typ][folded]
	return q, ok
}

// WithLinks returns a copy of the resolver that gives entities the
// Wikidata QIDs of the table (nil: none) when their name is in it for
// their type.
func (r *Resolver) WithLinks(l *Links) *Resolver {
	c := *r
	c.links = l
	return &c
}
