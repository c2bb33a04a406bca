package lang

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"html"
	"io"
	"os"
	"strings"
)

// Readers of the corpora in ../shared/data used to train and evaluate the
// model. A Document is the sentences of one text, in order.

// Document is one text split into sentences.
type Document []string

// Text joins the sentences with spaces.
func (d Document) Text() string { return strings.Join(d, " ") }

func openMaybeGzip(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open corpus: %w", err)
	}
	if !strings.HasSuffix(path, ".gz") {
		return f, nil
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{zr, f}, nil
}

func scanLines(path string, fn func(line string)) error {
	rc, err := openMaybeGzip(path)
	if err != nil {
		return err
	}
	defer rc.Close()
	sc := bufio.NewScanner(rc)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fn(sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// ReadColumnSentences reads a CoNLL-style file (token in the second column
// of tab-separated lines, blank line between sentences, as WikiNEuRal) and
// returns its sentences, tokens joined by spaces.
func ReadColumnSentences(path string) ([]string, error) {
	var out []string
	var cur []string
	err := scanLines(path, func(line string) {
		if line == "" || strings.HasPrefix(line, "#") {
			if len(cur) > 0 {
				out = append(out, strings.Join(cur, " "))
				cur = cur[:0]
			}
			return
		}
		if f := strings.Split(line, "\t"); len(f) >= 2 {
			cur = append(cur, f[1])
		}
	})
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, " "))
	}
	return out, err
}

// ReadHIPE reads a HIPE-2022 TSV file into documents, rebuilding the raw
// text from NoSpaceAfter and splitting sentences at EndOfSentence.
func ReadHIPE(path string) ([]Document, error) {
	var docs []Document
	var doc Document
	var b strings.Builder
	endSent := func() {
		if s := strings.TrimSpace(b.String()); s != "" {
			doc = append(doc, s)
		}
		b.Reset()
	}
	endDoc := func() {
		endSent()
		if len(doc) > 0 {
			docs = append(docs, doc)
		}
		doc = nil
	}
	err := scanLines(path, func(line string) {
		switch {
		case strings.HasPrefix(line, "# hipe2022:document_id"):
			endDoc()
		case line == "" || line[0] == '#' || strings.HasPrefix(line, "TOKEN\t"):
		default:
			f := strings.Split(line, "\t")
			b.WriteString(f[0])
			misc := f[len(f)-1]
			if !strings.Contains(misc, "NoSpaceAfter") {
				b.WriteByte(' ')
			}
			if strings.Contains(misc, "EndOfSentence") {
				endSent()
			}
		}
	})
	endDoc()
	return docs, err
}

// ReadUD reads a Universal Dependencies CoNLL-U file into documents of its
// "# text =" sentences; files without "# newdoc" give one document per 10
// sentences.
func ReadUD(path string) ([]Document, error) {
	var docs []Document
	var doc Document
	hasDocs := false
	err := scanLines(path, func(line string) {
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			hasDocs = true
			if len(doc) > 0 {
				docs = append(docs, doc)
			}
			doc = nil
		case strings.HasPrefix(line, "# text = "):
			doc = append(doc, strings.TrimPrefix(line, "# text = "))
			if !hasDocs && len(doc) == 10 {
				docs = append(docs, doc)
				doc = nil
			}
		}
	})
	if len(doc) > 0 {
		docs = append(docs, doc)
	}
	return docs, err
}

// StripHTML crudely turns an HTML page into text: scripts, styles and tags
// removed, entities decoded, block ends as line breaks.
func StripHTML(s string) string {
	var b strings.Builder
	low := strings.ToLower(s)
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			b.WriteString(s[i : i+j])
			i += j
			continue
		}
		for _, skip := range []string{"script", "style"} {
			if strings.HasPrefix(low[i+1:], skip) {
				if k := strings.Index(low[i:], "</"+skip); k >= 0 {
					i += k
				}
			}
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			break
		}
		name, _, _ := strings.Cut(strings.TrimRight(low[i+1:i+j], "/"), " ")
		switch name {
		case "/p", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "br", "/div", "/li", "/title", "/tr":
			b.WriteString("\n")
		}
		i += j + 1
	}
	return html.UnescapeString(b.String())
}
