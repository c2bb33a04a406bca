// Package eval scores enriched documents against gold annotations
// (entities and relations a careful human reads in an article), with the
// rules of ../shared/fixtures/README.md: names compared after folding,
// optional gold items counting neither way, symmetric relation types
// matched in either order, and values compared by head or content words.
package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Gold is the annotation of one article (NAME.expected.json).
type Gold struct {
	ID        string         `json:"id"`
	Language  string         `json:"language"`
	Published string         `json:"published"`
	Note      string         `json:"note,omitempty"`
	Entities  []GoldEntity   `json:"entities"`
	Relations []GoldRelation `json:"relations"`
}

// GoldEntity is one entity a careful human reads in the article.
type GoldEntity struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases,omitempty"`
	Optional bool     `json:"optional,omitempty"`
}

// GoldRelation is one relation the article states.
type GoldRelation struct {
	Type           string   `json:"type"`
	Subject        string   `json:"subject"`
	Object         string   `json:"object,omitempty"`
	Value          string   `json:"value,omitempty"`
	SubjectAliases []string `json:"subject_aliases,omitempty"`
	ObjectAliases  []string `json:"object_aliases,omitempty"`
	Optional       bool     `json:"optional,omitempty"`
}

// PublishedTime parses Published (YYYY-MM-DD or RFC 3339); zero when empty.
func (g *Gold) PublishedTime() (time.Time, error) {
	if g.Published == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, g.Published); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, g.Published)
	if err != nil {
		return time.Time{}, fmt.Errorf("published %q: %w", g.Published, err)
	}
	return t, nil
}

// ReadGold reads one NAME.expected.json file.
func ReadGold(path string) (*Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	var g Gold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	return &g, nil
}

// Case is one gold article: its text and annotation.
type Case struct {
	Name string // file name without .expected.json
	Lang string // from the text file name NAME.<lang>.txt
	Text string
	Gold *Gold
}

// ErrNoCases is returned by LoadDir for a directory without gold files.
var ErrNoCases = errors.New("eval: no gold files")

// LoadDir reads every NAME.expected.json of dir with its NAME.<lang>.txt.
func LoadDir(dir string) ([]Case, error) {
	golds, err := filepath.Glob(filepath.Join(dir, "*.expected.json"))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	sort.Strings(golds)
	var out []Case
	for _, gp := range golds {
		name := strings.TrimSuffix(filepath.Base(gp), ".expected.json")
		texts, err := filepath.Glob(filepath.Join(dir, globEscape(name)+".*.txt"))
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		var tp string
		for _, t := range texts {
			lang := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(t), name+"."), ".txt")
			if lang != "" && !strings.Contains(lang, ".") {
				tp = t
				break
			}
		}
		if tp == "" {
			return nil, fmt.Errorf("eval: %s: no %s.<lang>.txt beside it", gp, name)
		}
		g, err := ReadGold(gp)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		b, err := os.ReadFile(tp)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		lang := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(tp), name+"."), ".txt")
		out = append(out, Case{Name: name, Lang: lang, Text: string(b), Gold: g})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w in %s", ErrNoCases, dir)
	}
	return out, nil
}

func globEscape(s string) string {
	r := strings.NewReplacer("*", `\*`, "?", `\?`, "[", `\[`, `\`, `\\`)
	return r.Replace(s)
}
