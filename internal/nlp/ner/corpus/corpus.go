// Package corpus reads the named-entity corpora used to train and evaluate
// the NER tagger: WikiNEuRal 3-column CoNLL, UNER .iob2 (with `#` comment
// lines), HIPE TSV (coarse literal column) and Europeana BIO, gzip-compressed
// or plain, in IOB1 or IOB2. Every reader yields sentences of tokens with
// entity spans typed PER, ORG, LOC or MISC.
//
// Label mapping: PER/pers → PER; ORG/org → ORG; LOC/loc and the HIPE
// topres19th BUILDING/STREET → LOC; MISC, prod, HumanProd, OTH → MISC;
// HIPE `time` (dates) and any unknown or malformed tag → O (dropped).
package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Span is an entity over tokens [Start, End) of a sentence.
type Span struct {
	Start, End int
	Type       string // PER, ORG, LOC, MISC
}

// Sentence is one tokenised sentence with its gold spans.
type Sentence struct {
	Tokens []string
	Spans  []Span
	// Doc is the index of the document the sentence belongs to (0 when the
	// format has no documents).
	Doc int
}

// Format is a corpus file format.
type Format int

// Formats understood by Read.
const (
	FormatAuto      Format = iota
	FormatCoNLL            // WikiNEuRal "idx tok tag" or UNER "idx tok tag - -"
	FormatHIPE             // HIPE TSV with header and # comment lines
	FormatEuropeana        // "token tag", no sentence breaks
)

// MaxChunk is the longest sentence produced when a format has no sentence
// breaks (Europeana, old HIPE files): longer runs are cut.
const MaxChunk = 80

// MapType maps a corpus entity label (without its B-/I- prefix) to one of
// PER, ORG, LOC, MISC, or "" when it is dropped.
func MapType(label string) string {
	switch strings.ToLower(label) {
	case "per", "pers", "person":
		return "PER"
	case "org", "organization", "organisation":
		return "ORG"
	case "loc", "location", "building", "street", "gpe":
		return "LOC"
	case "misc", "prod", "humanprod", "oth":
		return "MISC"
	}
	return ""
}

// ReadFile reads a corpus file, gzip or plain, guessing its format.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	defer f.Close()
	s, err := Read(f, FormatAuto)
	if err != nil {
		return nil, fmt.Errorf("corpus %s: %w", path, err)
	}
	return s, nil
}

// Read reads a corpus from r (gzip is detected). With FormatAuto the format
// is guessed from the first lines.
func Read(r io.Reader, format Format) ([]Sentence, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 1<<16)
	}
	if format == FormatAuto {
		head, _ := br.Peek(4096)
		format = detect(head)
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var (
		out []Sentence
		err error
	)
	switch format {
	case FormatHIPE:
		out, err = readHIPE(sc)
	case FormatEuropeana:
		out, err = readEuropeana(sc)
	default:
		out, err = readCoNLL(sc)
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

func detect(head []byte) Format {
	for _, line := range bytes.Split(head, []byte("\n")) {
		l := strings.TrimRight(string(line), "\r")
		if strings.HasPrefix(l, "TOKEN\t") {
			return FormatHIPE
		}
		if strings.HasPrefix(l, "# hipe2022:") || strings.HasPrefix(l, "# document_id") {
			return FormatHIPE
		}
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := fields(l)
		if len(f) >= 3 {
			if _, err := strconv.Atoi(f[0]); err == nil {
				return FormatCoNLL
			}
		}
		if len(f) == 2 {
			return FormatEuropeana
		}
		return FormatCoNLL
	}
	return FormatCoNLL
}

func fields(l string) []string {
	if strings.Contains(l, "\t") {
		return strings.Split(l, "\t")
	}
	return strings.Fields(l)
}

// tagger accumulates tokens and IOB tags into spans.
type builder struct {
	toks  []string
	tags  []string
	doc   int
	out   []Sentence
	chunk bool // cut at sentence-final punctuation / MaxChunk
}

func (b *builder) add(tok, tag string) {
	b.toks = append(b.toks, tok)
	b.tags = append(b.tags, tag)
	if b.chunk {
		n := len(b.toks)
		if n >= MaxChunk || (n >= 5 && (tok == "." || tok == "!" || tok == "?") && insideO(tag)) {
			b.flush()
		}
	}
}

func insideO(tag string) bool { return tag == "O" || tag == "" || tag == "_" }

func (b *builder) flush() {
	if len(b.toks) == 0 {
		return
	}
	s := Sentence{Tokens: b.toks, Spans: Spans(b.tags), Doc: b.doc}
	b.out = append(b.out, s)
	b.toks, b.tags = nil, nil
}

// Spans converts IOB1 or IOB2 tags (also BILOU/BIOES prefixes) into spans;
// unknown labels count as O.
func Spans(tags []string) []Span {
	var out []Span
	cur := -1 // index in out of the open span
	for i, t := range tags {
		prefix, typ := splitTag(t)
		if typ == "" {
			cur = -1
			continue
		}
		open := cur >= 0 && out[cur].Type == typ && out[cur].End == i
		switch prefix {
		case 'B', 'S', 'U':
			open = false
		}
		if open {
			out[cur].End = i + 1
		} else {
			out = append(out, Span{Start: i, End: i + 1, Type: typ})
			cur = len(out) - 1
		}
		if prefix == 'E' || prefix == 'L' || prefix == 'S' || prefix == 'U' {
			cur = -1
		}
	}
	return out
}

func splitTag(t string) (byte, string) {
	if len(t) < 3 || t[1] != '-' {
		return 0, ""
	}
	p := t[0]
	switch p {
	case 'B', 'I', 'E', 'S', 'L', 'U':
	default:
		return 0, ""
	}
	typ := MapType(t[2:])
	if typ == "" {
		return 0, ""
	}
	return p, typ
}

func readCoNLL(sc *bufio.Scanner) ([]Sentence, error) {
	b := &builder{}
	for sc.Scan() {
		l := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(l) == "" {
			b.flush()
			continue
		}
		if strings.HasPrefix(l, "# newdoc") {
			b.flush()
			b.doc++
			continue
		}
		if strings.HasPrefix(l, "#") && !strings.Contains(l, "\t") {
			continue // comment line (UNER "# sent_id", "# text")
		}
		f := fields(l)
		var tok, tag string
		switch {
		case len(f) >= 3 && isInt(f[0]):
			tok, tag = f[1], f[2]
		case len(f) >= 2:
			tok, tag = f[0], f[len(f)-1]
		default:
			continue
		}
		b.add(tok, tag)
	}
	b.flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	return b.out, nil
}

func isInt(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

func readEuropeana(sc *bufio.Scanner) ([]Sentence, error) {
	b := &builder{chunk: true}
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" {
			b.flush()
			continue
		}
		f := strings.Fields(l)
		if len(f) < 2 {
			continue
		}
		b.add(f[0], f[len(f)-1])
	}
	b.flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	return b.out, nil
}

// readHIPE reads the HIPE TSV: column NE-COARSE-LIT (located by the header,
// second column by default) holds the literal coarse IOB2 tag; the MISC
// column's EndOfSentence marks sentence ends; document comments
// ("# hipe2022:document_id", "# document_id") start a new document. Files
// without EndOfSentence marks are chunked at sentence-final punctuation.
func readHIPE(sc *bufio.Scanner) ([]Sentence, error) {
	b := &builder{}
	tokCol, tagCol, miscCol := 0, 1, -1
	sawEOS, pendingEOS := false, false
	var pending [][2]string // current document when no EOS marks were seen yet
	flushDoc := func() {
		if !sawEOS {
			b.chunk = true
			for _, p := range pending {
				b.add(p[0], p[1])
			}
			b.chunk = false
		}
		pending = pending[:0]
		b.flush()
	}
	for sc.Scan() {
		l := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		if strings.HasPrefix(l, "TOKEN\t") {
			for i, h := range strings.Split(l, "\t") {
				switch h {
				case "TOKEN":
					tokCol = i
				case "NE-COARSE-LIT":
					tagCol = i
				case "MISC":
					miscCol = i
				}
			}
			continue
		}
		if strings.HasPrefix(l, "#") {
			if strings.Contains(l, "document_id") {
				pendingEOS = false
				flushDoc()
				b.doc++
			}
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) <= tagCol || len(f) <= tokCol {
			continue
		}
		misc := ""
		if miscCol >= 0 && miscCol < len(f) {
			misc = f[miscCol]
		} else if len(f) > 0 {
			misc = f[len(f)-1]
		}
		if strings.Contains(misc, "EndOfSentence") {
			sawEOS = true
		}
		if !sawEOS {
			pending = append(pending, [2]string{f[tokCol], f[tagCol]})
			continue
		}
		if len(pending) > 0 { // EOS marks appeared mid-document
			for _, p := range pending {
				b.toks = append(b.toks, p[0])
				b.tags = append(b.tags, p[1])
			}
			pending = pending[:0]
		}
		if pendingEOS && !strings.HasPrefix(f[tagCol], "I-") {
			b.flush()
		}
		pendingEOS = false
		b.toks = append(b.toks, f[tokCol])
		b.tags = append(b.tags, f[tagCol])
		if strings.Contains(misc, "EndOfSentence") || len(b.toks) >= 4*MaxChunk {
			// an entity may run over a sentence mark: end the sentence
			// at the next token that does not continue it
			pendingEOS = true
		}
	}
	flushDoc()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	return b.out, nil
}
