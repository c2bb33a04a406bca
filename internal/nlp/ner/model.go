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

// Model file magics: version 2 files carry their whole gazetteer table,
// version 3 files reference the shared gazetteer (Header.Gazetteer) and
// store only the slots where their table differs from it.
const (
	magic       = "WIRENRICH-NER/2\n"
	magicShared = "WIRENRICH-NER/3\n"
)

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
	// Features lists optional feature groups (FeatureNames) the model was
	// trained with; empty for models predating them.
	Features []string `json:"features,omitempty"`
	// Runs is the number of perceptron runs (differently shuffled) whose
	// averaged weights were averaged; 0 or 1 for a single run.
	Runs int `json:"runs,omitempty"`
	// PA is the aggressiveness of passive-aggressive updates (0:
	// perceptron steps).
	PA float64 `json:"pa,omitempty"`
	// Margin is the loss-augmented training margin (0: none): while
	// training, every wrong label of a token scored this much more.
	Margin float64 `json:"margin,omitempty"`
	Bits   int     `json:"bits"`
	// SpanTypes describes the model's span typer (nil: none); its weights
	// follow the tagger's in the file.
	SpanTypes *SpanTypes `json:"span_types,omitempty"`
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
	// Gazetteer is the hash (Gazetteer.Hash) of the shared gazetteer the
	// model's gazetteer table is stored against (set by ShareGazetteer or
	// when reading); empty when the model file carries its whole table.
	Gazetteer string   `json:"gazetteer,omitempty"`
	Licences  []string `json:"licences"`
	Notes     []string `json:"notes,omitempty"`
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
	// gazSlots lists the gazetteer table slots that differ from the
	// shared gazetteer (Header.Gazetteer): only they are written. The
	// model keeps no reference to the shared gazetteer.
	gazSlots []uint32
	// typer re-types the tagger's spans (nil: none; Header.SpanTypes).
	typer *spanTyper
}

// ShareGazetteer makes m store its gazetteer table as differences from
// g (and record g's hash) when saved. Tables of different sizes cannot be
// shared.
func (m *Model) ShareGazetteer(g *Gazetteer) error {
	if len(g.tab.fps) != len(m.feat.gaz.fps) {
		return fmt.Errorf("ner: share gazetteer: table sizes differ (%d, shared %d)", len(m.feat.gaz.fps), len(g.tab.fps))
	}
	var idx []uint32
	t, b := &m.feat.gaz, &g.tab
	for i := range t.fps {
		if t.fps[i] != b.fps[i] || t.vals[i] != b.vals[i] {
			idx = append(idx, uint32(i))
		}
	}
	m.gazSlots = idx
	m.Header.Gazetteer = g.Hash
	return nil
}

// GazetteerPatch returns the number of gazetteer slots stored in the
// model file (all of them without a shared gazetteer).
func (m *Model) GazetteerPatch() int {
	if m.Header.Gazetteer == "" {
		return len(m.feat.gaz.fps)
	}
	return len(m.gazSlots)
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
	shared := m.Header.Gazetteer != ""
	mg := magic
	if shared {
		mg = magicShared
	}
	_, err = bw.WriteString(mg)
	put(uint32(len(hdr)))
	if err == nil {
		_, err = bw.Write(hdr)
	}
	// lexicon and gazetteer tables
	tables := []*table{&m.feat.lex, &m.feat.gaz}
	if shared {
		tables = tables[:1]
	}
	for _, t := range tables {
		put(uint32(len(t.fps)))
		put(t.fps)
		put(t.vals)
	}
	if shared {
		// the gazetteer as differing slots: size, count, delta-coded
		// slot indices, fingerprints, values
		idx := m.gazSlots
		put(uint32(len(m.feat.gaz.fps)))
		put(uint32(len(idx)))
		fps := make([]uint32, len(idx))
		vals := make([]uint32, len(idx))
		deltas := make([]uint32, len(idx))
		prev := uint32(0)
		for i, r := range idx {
			deltas[i], prev = r-prev, r
			fps[i], vals[i] = m.feat.gaz.fps[r], m.feat.gaz.vals[r]
		}
		put(deltas)
		put(fps)
		put(vals)
	}
	put(uint32(m.feat.gazMax))
	put(m.trans)
	// weights: nonzero rows as a delta-coded index list plus the rows.
	idx := nonzeroRows(m.w, wStride)
	put(uint32(len(idx)))
	put(deltaCode(idx))
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
	if m.typer != nil {
		put(m.typer.rowsData())
	}
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}

// ReadModel reads a decompressed model file; a model stored against the
// shared gazetteer gets the embedded one (LoadGazetteer).
func ReadModel(r io.Reader) (*Model, error) {
	return ReadModelWith(r, LoadGazetteer)
}

// ReadModelWith reads a decompressed model file, calling gazetteer for
// the shared gazetteer if the model references one: its hash must be the
// one recorded in the model header (else ErrGazetteerMismatch).
func ReadModelWith(r io.Reader, gazetteer func() (*Gazetteer, error)) (*Model, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	mg := make([]byte, len(magic))
	if _, err := io.ReadFull(br, mg); err != nil || (string(mg) != magic && string(mg) != magicShared) {
		return nil, errors.New("ner: not a model file")
	}
	shared := string(mg) == magicShared
	le := binary.LittleEndian
	var err error
	get := func(v any) {
		if err == nil {
			err = binary.Read(br, le, v)
		}
	}
	var n uint32
	m := &Model{}
	if err := readHeader(br, &m.Header); err != nil {
		return nil, fmt.Errorf("ner: model header: %w", err)
	}
	if m.Header.Bits < 8 || m.Header.Bits > 24 {
		return nil, fmt.Errorf("ner: model header: bad bits %d", m.Header.Bits)
	}
	ext, ferr := ParseFeatures(m.Header.Features)
	if ferr != nil {
		return nil, fmt.Errorf("ner: model header: %w", ferr)
	}
	m.feat.ext = ext
	if shared != (m.Header.Gazetteer != "") {
		return nil, errors.New("ner: model header: gazetteer reference does not match the format")
	}
	tables := []*table{&m.feat.lex, &m.feat.gaz}
	if shared {
		tables = tables[:1]
	}
	for _, t := range tables {
		get(&n)
		if err != nil || n > 1<<26 || n&(n-1) != 0 {
			return nil, fmt.Errorf("ner: model tables: %w", errors.Join(err, errors.New("bad size")))
		}
		t.fps = make([]uint32, n)
		t.vals = make([]uint32, n)
		get(t.fps)
		get(t.vals)
		if n > 0 {
			t.mask = uint64(n - 1)
		}
	}
	if shared {
		if err != nil {
			return nil, fmt.Errorf("ner: model tables: %w", err)
		}
		p, perr := readGazPatch(get)
		if perr == nil && err != nil {
			perr = fmt.Errorf("ner: model gazetteer: %w", err)
		}
		if perr != nil {
			return nil, perr
		}
		if gazetteer == nil {
			return nil, fmt.Errorf("ner: model %s is stored against a shared gazetteer: %w", m.Header.ID, ErrGazetteerMismatch)
		}
		g, gerr := gazetteer()
		if gerr != nil {
			return nil, fmt.Errorf("ner: model %s: %w", m.Header.ID, gerr)
		}
		if err := m.applyGazPatch(g, p); err != nil {
			return nil, err
		}
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
	if !undeltaRows(idx, rows) {
		return nil, errors.New("ner: model weights: bad row")
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
	if h := m.Header.SpanTypes; h != nil {
		if m.feat.ext&ExtSpanTypes == 0 {
			return nil, errors.New("ner: model header: span types without the spantypes feature group")
		}
		if m.typer, err = readSpanTyper(br, h); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// nonzeroRows returns the indices of the rows of w (stride values each)
// with a nonzero value: the rows a model file stores.
func nonzeroRows(w []int16, stride int) []uint32 {
	var idx []uint32
	for r := 0; r < len(w)/stride; r++ {
		for _, v := range w[r*stride : (r+1)*stride] {
			if v != 0 {
				idx = append(idx, uint32(r))
				break
			}
		}
	}
	return idx
}

// deltaCode returns the differences of increasing row indices (the first
// from 0), as a model file stores them.
func deltaCode(idx []uint32) []uint32 {
	deltas := make([]uint32, len(idx))
	prev := uint32(0)
	for i, r := range idx {
		deltas[i], prev = r-prev, r
	}
	return deltas
}

// undeltaRows turns delta-coded row indices (deltaCode) back into
// indices, in place; it reports whether they are all below rows.
func undeltaRows(idx []uint32, rows int) bool {
	prev := uint32(0)
	for i := range idx {
		idx[i] += prev
		prev = idx[i]
		if int(idx[i]) >= rows {
			return false
		}
	}
	return true
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
	qw, scale := quantiseInt16(rel)
	qt := make([]int32, len(trans))
	for i, v := range trans {
		qt[i] = int32(math.Round(float64(v) / scale))
	}
	return qw, qt, scale
}

// quantiseInt16 converts weights to int16 with the scale (perceptron
// units per int16 unit) that maps the largest magnitude to 32000.
func quantiseInt16(w []float32) ([]int16, float64) {
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
	return qw, scale
}

// gazPatch is the differing gazetteer slots of a model stored against the
// shared gazetteer.
type gazPatch struct {
	size           int
	idx, fps, vals []uint32
}

// readGazPatch reads a model's gazetteer patch.
func readGazPatch(get func(any)) (*gazPatch, error) {
	var size, n uint32
	get(&size)
	get(&n)
	if size > 1<<26 || size&(size-1) != 0 || n > size {
		return nil, errors.New("ner: model gazetteer: bad size")
	}
	idx := make([]uint32, n)
	fps := make([]uint32, n)
	vals := make([]uint32, n)
	get(idx)
	get(fps)
	get(vals)
	prev := uint32(0)
	for i := range idx {
		idx[i] += prev
		prev = idx[i]
		if idx[i] >= size {
			return nil, errors.New("ner: model gazetteer: bad slot")
		}
	}
	return &gazPatch{size: int(size), idx: idx, fps: fps, vals: vals}, nil
}

// applyGazPatch rebuilds the model's gazetteer table: a copy of the shared
// one with the model's slots written over.
func (m *Model) applyGazPatch(g *Gazetteer, p *gazPatch) error {
	if g.Hash != m.Header.Gazetteer {
		return fmt.Errorf("%w: model %s needs gazetteer %s, got %s", ErrGazetteerMismatch, m.Header.ID, short(m.Header.Gazetteer), short(g.Hash))
	}
	size := p.size
	if len(g.tab.fps) != size {
		return fmt.Errorf("%w: model %s: table size %d, shared %d", ErrGazetteerMismatch, m.Header.ID, size, len(g.tab.fps))
	}
	t := table{fps: make([]uint32, size), vals: make([]uint32, size)}
	copy(t.fps, g.tab.fps)
	copy(t.vals, g.tab.vals)
	for i, r := range p.idx {
		t.fps[r], t.vals[r] = p.fps[i], p.vals[i]
	}
	if size > 0 {
		t.mask = uint64(size - 1)
	}
	m.feat.gaz, m.gazSlots = t, p.idx
	return nil
}

func short(h string) string {
	if len(h) > 16 {
		return h[:16]
	}
	return h
}

// readHeader reads the JSON header of a model or gazetteer file: its
// little-endian uint32 length, then the JSON text, into v.
func readHeader(r io.Reader, v any) error {
	var n uint32
	if err := binary.Read(r, binary.LittleEndian, &n); err != nil {
		return err
	}
	if n > 1<<24 {
		return fmt.Errorf("bad size %d", n)
	}
	hb := make([]byte, n)
	if _, err := io.ReadFull(r, hb); err != nil {
		return err
	}
	return json.Unmarshal(hb, v)
}
