package ner

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
)

const magic = "WIRENRICH-NER/1\n"

// Score is precision, recall and F1 (with counts) of one entity type.
type Score struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`
	Pred      int     `json:"pred"`
	Correct   int     `json:"correct"`
}

// Header is a model's provenance and configuration, stored as JSON at the
// head of the model file.
type Header struct {
	ID       string `json:"id"`
	Lang     string `json:"lang"`
	Created  string `json:"created"`
	Command  string `json:"command"`
	Seed     uint64 `json:"seed"`
	Epochs   int    `json:"epochs"`
	Baseline bool   `json:"baseline"`
	// NoAffix5 drops the 5-rune prefix and suffix features.
	NoAffix5 bool `json:"no_affix5,omitempty"`
	Bits     int  `json:"bits"`
	// Scale converts stored int16 weights back to perceptron units.
	Scale float64 `json:"scale"`
	// ConfScale turns score differences (int units) into log-odds for
	// confidences.
	ConfScale float64           `json:"conf_scale"`
	Train     []string          `json:"train"`
	Dev       string            `json:"dev"`
	DevScores map[string]Score  `json:"dev_scores,omitempty"`
	Extra     map[string]Score  `json:"extra_scores,omitempty"`
	Lexicon   map[string]string `json:"lexicon,omitempty"`
	Licences  []string          `json:"licences"`
	Notes     []string          `json:"notes,omitempty"`
}

// Model is a trained tagger's parameters.
type Model struct {
	Header Header
	feat   featurizer
	// w holds (1<<bits) rows of wStride weights, for labels 1..numLabels-1:
	// the O label's weight is folded into the others (its score is 0),
	// which keeps a row in half a cache line.
	w     []int16
	trans []int32 // transLen
}

// write serialises m.
func (m *Model) write(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	hdr, err := json.MarshalIndent(m.Header, "", " ")
	if err != nil {
		return fmt.Errorf("model header: %w", err)
	}
	le := binary.LittleEndian
	put := func(v any) {
		if err == nil {
			err = binary.Write(bw, le, v)
		}
	}
	_, err = bw.WriteString(magic)
	put(uint32(len(hdr)))
	if err == nil {
		_, err = bw.Write(hdr)
	}
	// lexicon and gazetteer tables
	for _, t := range []*table{&m.feat.lex, &m.feat.gaz} {
		ks, vs := t.entries()
		put(uint32(len(ks)))
		put(ks)
		put(vs)
	}
	put(uint32(m.feat.gazMax))
	put(m.trans)
	// weights: nonzero rows as a delta-coded index list plus the rows.
	rows := len(m.w) / wStride
	var idx []uint32
	for r := 0; r < rows; r++ {
		row := m.w[r*wStride : (r+1)*wStride]
		for _, v := range row {
			if v != 0 {
				idx = append(idx, uint32(r))
				break
			}
		}
	}
	put(uint32(len(idx)))
	prev := uint32(0)
	deltas := make([]uint32, len(idx))
	for i, r := range idx {
		deltas[i] = r - prev
		prev = r
	}
	put(deltas)
	// rows column-major by label for better compression
	col := make([]int16, len(idx))
	for y := 0; y < numLabels; y++ {
		for i, r := range idx {
			col[i] = 0
			if y > 0 {
				col[i] = m.w[int(r)*wStride+y-1]
			}
		}
		put(col)
	}
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}

// ReadModel reads a decompressed model file.
func ReadModel(r io.Reader) (*Model, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	mg := make([]byte, len(magic))
	if _, err := io.ReadFull(br, mg); err != nil || string(mg) != magic {
		return nil, errors.New("ner: not a model file")
	}
	le := binary.LittleEndian
	var err error
	get := func(v any) {
		if err == nil {
			err = binary.Read(br, le, v)
		}
	}
	var n uint32
	get(&n)
	if err != nil || n > 1<<24 {
		return nil, fmt.Errorf("ner: model header: %w", errors.Join(err, errors.New("bad size")))
	}
	hb := make([]byte, n)
	if _, err := io.ReadFull(br, hb); err != nil {
		return nil, fmt.Errorf("ner: model header: %w", err)
	}
	m := &Model{}
	if err := json.Unmarshal(hb, &m.Header); err != nil {
		return nil, fmt.Errorf("ner: model header: %w", err)
	}
	if m.Header.Bits < 8 || m.Header.Bits > 26 {
		return nil, fmt.Errorf("ner: model header: bad bits %d", m.Header.Bits)
	}
	for _, t := range []*table{&m.feat.lex, &m.feat.gaz} {
		get(&n)
		if err != nil || n > 1<<26 {
			return nil, fmt.Errorf("ner: model tables: %w", errors.Join(err, errors.New("bad size")))
		}
		ks := make([]uint64, n)
		vs := make([]uint32, n)
		get(ks)
		get(vs)
		*t = newTableFrom(ks, vs)
	}
	var gm uint32
	get(&gm)
	m.feat.gazMax = int(gm)
	m.feat.bits = uint(m.Header.Bits)
	m.feat.baseline = m.Header.Baseline
	m.feat.noAffix5 = m.Header.NoAffix5
	m.trans = make([]int32, transLen)
	get(m.trans)
	get(&n)
	rows := 1 << m.Header.Bits
	if err != nil || int(n) > rows {
		return nil, fmt.Errorf("ner: model weights: %w", errors.Join(err, errors.New("bad size")))
	}
	idx := make([]uint32, n)
	get(idx)
	prev := uint32(0)
	for i := range idx {
		idx[i] += prev
		prev = idx[i]
		if int(idx[i]) >= rows {
			return nil, errors.New("ner: model weights: bad row")
		}
	}
	m.w = make([]int16, rows*wStride)
	col := make([]int16, n)
	col0 := make([]int16, n)
	get(col0)
	for y := 1; y < numLabels; y++ {
		get(col)
		for i, r := range idx {
			v := int32(col[i]) - int32(col0[i])
			m.w[int(r)*wStride+y-1] = int16(max(min(v, math.MaxInt16), math.MinInt16))
		}
	}
	if err != nil {
		return nil, fmt.Errorf("ner: model weights: %w", err)
	}
	return m, nil
}

// wStride is the number of stored weights per feature row.
const wStride = numLabels - 1

// quantise converts float weights (rows of numLabels) to int16 rows of
// wStride, relative to the O label, and int32 transitions with a common
// scale; it returns the scale (float units per int unit).
func quantise(w, trans []float32) ([]int16, []int32, float64) {
	rel := make([]float32, len(w)/numLabels*wStride)
	for r := 0; r < len(w)/numLabels; r++ {
		o := w[r*numLabels]
		for y := 1; y < numLabels; y++ {
			rel[r*wStride+y-1] = w[r*numLabels+y] - o
		}
	}
	w = rel
	maxAbs := 0.0
	for _, v := range w {
		maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32000
	qw := make([]int16, len(w))
	for i, v := range w {
		qw[i] = int16(math.Round(float64(v) / scale))
	}
	qt := make([]int32, len(trans))
	for i, v := range trans {
		qt[i] = int32(math.Round(float64(v) / scale))
	}
	return qw, qt, scale
}
