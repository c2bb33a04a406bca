// Package lang identifies the language of a text with a compact character
// n-gram naive Bayes model trained by the project (worker train-lang) and
// embedded in the binary as models/lang-ngrams.gz.
package lang

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/models"
)

// ModelName is the name of the embedded model (internal/models/<name>.gz).
const ModelName = "lang-ngrams"

// Undetermined is the code returned when a text has too few letters, or
// letters of no known language, to be identified.
const Undetermined = "und"

// minFeatures is the number of known n-grams below which a text is
// undetermined (about two letters' worth).
const minFeatures = 5

// maxLangs bounds the languages of a model (scores live on the stack).
const maxLangs = 32

// Identifier identifies languages. It is immutable and safe for concurrent
// use; load it once with Load.
type Identifier struct {
	langs []string
	// scale converts the per-feature log-probability differences into
	// softmax logits: logit = scale * score / sqrt(features).
	scale float64
	// header is the provenance block of the model file (without "# ").
	header []string
	tab    table
	// grams lists the n-grams by row; kept only for a model trained in
	// this process, to write it.
	grams []string
}

// Load reads the embedded model.
func Load() (*Identifier, error) {
	id, err := models.Read(ModelName, Read)
	if err != nil {
		return nil, fmt.Errorf("language model: %w", err)
	}
	return id, nil
}

// Languages lists the ISO 639-1 codes the model can return (besides
// "und").
func (id *Identifier) Languages() []string {
	return append([]string(nil), id.langs...)
}

// Provenance returns the model file's header lines (data, command, date,
// scores, licences).
func (id *Identifier) Provenance() []string {
	return append([]string(nil), id.header...)
}

// Detect returns the language of text and a confidence in [0, 1] (the
// softmax probability of the best language). Only the first MaxScanBytes
// bytes are read. Text with too few letters of a known script returns
// "und" and confidence 0.
func (id *Identifier) Detect(text string) (code string, confidence float64) {
	var acc [maxLangs]int32
	p := id.score(text, acc[:0])
	if p.features < minFeatures {
		return Undetermined, 0
	}
	best := 0
	for l := range p.scores {
		if p.scores[l] > p.scores[best] {
			best = l
		}
	}
	// softmax over logits relative to the best (numerically safe)
	k := id.scale / float64(quant) / math.Sqrt(float64(p.features))
	sum := 0.0
	for l := range p.scores {
		sum += math.Exp(k * float64(p.scores[l]-p.scores[best]))
	}
	return id.langs[best], 1 / sum
}

// profile is the raw outcome of scoring a text: quantised log-probability
// sums per language (in the order of Languages) and the number of model
// n-grams found.
type profile struct {
	scores   []int32
	features int
}

// score scores text into buf (reused when large enough). It reads at
// most MaxScanBytes bytes and stops early once one language leads the
// others by stopMargin.
func (id *Identifier) score(text string, buf []int32) profile {
	L := len(id.langs)
	if cap(buf) < L {
		buf = make([]int32, L)
	}
	sc := buf[:L]
	clear(sc)
	if len(text) > MaxScanBytes {
		text = text[:MaxScanBytes] // a cut rune decodes as RuneError: a boundary
	}
	t := &id.tab
	nf := 0
	var word [maxWord + 2]rune
	n := 1
	word[0] = ' '
	for pos, r := range text {
		if r == '\u00ad' {
			continue
		}
		letter := isLetter(r)
		if letter && n < maxWord+1 {
			word[n] = toLower(r)
			n++
		}
		if letter && pos+utf8.RuneLen(r) < len(text) || n == 1 {
			continue
		}
		// end of a word (or of the text): score its n-grams
		word[n] = ' '
		w := word[:n+1]
		for i := range w {
			h := uint64(fnvOffset)
			for k := 0; k < maxOrder && i+k < len(w); k++ {
				h = hashRune(h, w[i+k])
				if k == 0 && w[i] == ' ' {
					continue
				}
				row := t.find(h)
				if row < 0 {
					continue
				}
				nf++
				for l, v := range t.vals[row*L : row*L+L] {
					sc[l] -= int32(v)
				}
			}
		}
		n = 1
		if nf >= stopFeatures && lead(sc) >= stopMargin {
			break
		}
	}
	return profile{scores: sc, features: nf}
}

// Early stop: after stopFeatures n-grams, a lead of stopMargin (100 nats)
// settles the answer.
const (
	stopFeatures = 150
	stopMargin   = 100 * quant
)

// lead returns the margin of the best score over the second.
func lead(sc []int32) int32 {
	b1, b2 := int32(math.MinInt32), int32(math.MinInt32)
	for _, v := range sc {
		if v > b1 {
			b1, b2 = v, b1
		} else if v > b2 {
			b2 = v
		}
	}
	if len(sc) < 2 {
		return math.MaxInt32
	}
	return b1 - b2
}

// quant is the scale of the stored costs: cost = round(-log p * quant).
const quant = 16

// table is an open-addressing hash table from n-gram hash to a row of
// per-language costs.
type table struct {
	keys []uint64 // 0 = empty
	rows []int32
	mask uint64
	vals []uint8 // row-major, len(langs) per row
}

func (t *table) find(h uint64) int {
	if h == 0 {
		h = 1
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		k := t.keys[i]
		if k == h {
			return int(t.rows[i])
		}
		if k == 0 {
			return -1
		}
	}
}

func (t *table) init(n int) {
	size := 1
	for size < 2*n+2 {
		size <<= 1
	}
	t.keys = make([]uint64, size)
	t.rows = make([]int32, size)
	t.mask = uint64(size - 1)
}

// insert adds hash h for row; a duplicate hash keeps the first row.
func (t *table) insert(h uint64, row int) {
	if h == 0 {
		h = 1
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case h:
			return
		case 0:
			t.keys[i] = h
			t.rows[i] = int32(row)
			return
		}
	}
}

// Model file format (UTF-8 text, gzip-compressed when embedded):
//
//	# provenance lines ...
//	langs de en ...
//	scale 1.234
//	ngrams N
//	<n-gram, spaces as _>\t<cost per language, space separated>
//	...
//
// Costs are round(-ln p(n-gram | language) * 16), capped at 255.

// Read parses a model file.
func Read(r io.Reader) (*Identifier, error) {
	id := &Identifier{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	n := -1
	row := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		switch {
		case strings.HasPrefix(s, "#"):
			id.header = append(id.header, strings.TrimSpace(strings.TrimPrefix(s, "#")))
		case strings.HasPrefix(s, "langs "):
			id.langs = strings.Fields(s)[1:]
			if len(id.langs) == 0 || len(id.langs) > maxLangs {
				return nil, fmt.Errorf("line %d: %d languages", line, len(id.langs))
			}
		case strings.HasPrefix(s, "scale "):
			v, err := strconv.ParseFloat(strings.TrimSpace(s[6:]), 64)
			if err != nil {
				return nil, fmt.Errorf("line %d: scale: %w", line, err)
			}
			id.scale = v
		case strings.HasPrefix(s, "ngrams "):
			v, err := strconv.Atoi(strings.TrimSpace(s[7:]))
			if err != nil || v < 0 || v > 1<<22 {
				return nil, fmt.Errorf("line %d: bad n-gram count", line)
			}
			if id.langs == nil {
				return nil, fmt.Errorf("line %d: n-grams before langs", line)
			}
			n = v
			id.tab.init(n)
			id.tab.vals = make([]uint8, 0, n*len(id.langs))
		case s == "":
		default:
			if n < 0 {
				return nil, fmt.Errorf("line %d: n-gram before header", line)
			}
			if row >= n {
				return nil, fmt.Errorf("line %d: more than %d n-grams", line, n)
			}
			g, rest, ok := strings.Cut(s, "\t")
			f := strings.Fields(rest)
			if !ok || g == "" || len(f) != len(id.langs) {
				return nil, fmt.Errorf("line %d: malformed n-gram row", line)
			}
			for _, x := range f {
				v, err := strconv.ParseUint(x, 10, 8)
				if err != nil {
					return nil, fmt.Errorf("line %d: %w", line, err)
				}
				id.tab.vals = append(id.tab.vals, uint8(v))
			}
			id.tab.insert(hashNgram(strings.ReplaceAll(g, "_", " ")), row)
			row++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if n < 0 || row != n {
		return nil, errors.New("truncated model")
	}
	if id.scale <= 0 {
		id.scale = 1
	}
	return id, nil
}

func hashNgram(g string) uint64 {
	h := uint64(fnvOffset)
	for _, r := range g {
		h = hashRune(h, r)
	}
	return h
}
