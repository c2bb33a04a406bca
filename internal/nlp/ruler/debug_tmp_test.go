package ruler_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/ner"
	"github.com/wirenrich/wirenrich/internal/nlp/ruler"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

func TestDebugTmp(t *testing.T) {
	p := os.Getenv("RULER_DEBUG")
	if p == "" {
		t.Skip()
	}
	raw, _ := os.ReadFile(p)
	lang := "fr"
	if strings.Contains(p, ".en.") {
		lang = "en"
	}
	h, b, _ := strings.Cut(string(raw), "\n\n")
	tok := text.NewTokenizer(lang)
	an := &analysis.Analysis{Lang: lang, Fields: []analysis.Field{{Name: "headline", Doc: tok.Segment(h)}, {Name: "body", Doc: tok.Segment(b)}}}
	var c ner.Cache
	tg, err := c.Get(lang)
	if err != nil {
		t.Fatal(err)
	}
	tg.Annotate(an)
	for _, m := range an.Mentions {
		fmt.Printf("NER %d %d-%d %q %s %.2f\n", m.Field, m.Start, m.End, m.Text, m.Type, m.Confidence)
	}
	r, _ := ruler.Load()
	r.Apply(an)
	for _, m := range an.Mentions {
		fmt.Printf("OUT %d %d-%d %q %s %.2f\n", m.Field, m.Start, m.End, m.Text, m.Type, m.Confidence)
	}
}
