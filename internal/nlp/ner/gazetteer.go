package ner

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/wirenrich/wirenrich/internal/models"
)

// SharedGazetteerName is the embedded file (package models) holding the
// gazetteer shared by all models.
const SharedGazetteerName = "ner-gazetteer"

const gazMagic = "WIRENRICH-NER-GAZETTEER/1\n"

// ErrGazetteerMismatch is returned when a model references a shared
// gazetteer other than the one supplied (hashes differ).
var ErrGazetteerMismatch = errors.New("ner: shared gazetteer hash mismatch")

// GazetteerHeader is the provenance of a shared gazetteer, stored as JSON
// at the head of its file.
type GazetteerHeader struct {
	Phrases  int            `json:"phrases"`
	Counts   map[string]int `json:"counts"`
	GazMax   int            `json:"max_words"`
	Sources  []string       `json:"sources"`
	Command  string         `json:"command"`
	Licences []string       `json:"licences"`
	Notes    []string       `json:"notes,omitempty"`
}

// Gazetteer is the language-independent distilled gazetteer (phrase-hash
// table) that models store their own gazetteer against: a model keeps
// only the slots where its (language-filtered) table differs. It is
// immutable once built or read, and safe for concurrent use.
type Gazetteer struct {
	Header GazetteerHeader
	// Hash is the hex SHA-256 of the decompressed gazetteer file; models
	// record it and refuse any other gazetteer.
	Hash string
	tab  table
}

// NewGazetteer builds a shared gazetteer from a PhraseKey → category bits
// map (as lexicon.Gazetteer.Table returns).
func NewGazetteer(h GazetteerHeader, phrases map[uint64]uint32) (*Gazetteer, error) {
	g := &Gazetteer{Header: h, tab: newTable(phrases)}
	var b bytes.Buffer
	if err := g.Write(&b); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b.Bytes())
	g.Hash = hex.EncodeToString(sum[:])
	return g, nil
}

// Write serialises the gazetteer (decompressed form).
func (g *Gazetteer) Write(w io.Writer) error {
	hdr, err := json.MarshalIndent(g.Header, "", " ")
	if err != nil {
		return fmt.Errorf("gazetteer header: %w", err)
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	le := binary.LittleEndian
	put := func(v any) {
		if err == nil {
			err = binary.Write(bw, le, v)
		}
	}
	_, err = bw.WriteString(gazMagic)
	put(uint32(len(hdr)))
	if err == nil {
		_, err = bw.Write(hdr)
	}
	put(uint32(len(g.tab.fps)))
	put(g.tab.fps)
	put(g.tab.vals)
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return fmt.Errorf("write gazetteer: %w", err)
	}
	return nil
}

// ReadGazetteer reads a decompressed shared gazetteer file.
func ReadGazetteer(r io.Reader) (*Gazetteer, error) {
	h := sha256.New()
	br := bufio.NewReaderSize(io.TeeReader(r, h), 1<<20)
	mg := make([]byte, len(gazMagic))
	if _, err := io.ReadFull(br, mg); err != nil || string(mg) != gazMagic {
		return nil, errors.New("ner: not a gazetteer file")
	}
	g := &Gazetteer{}
	le := binary.LittleEndian
	var err error
	get := func(v any) {
		if err == nil {
			err = binary.Read(br, le, v)
		}
	}
	var n uint32
	if err := readHeader(br, &g.Header); err != nil {
		return nil, fmt.Errorf("ner: gazetteer header: %w", err)
	}
	get(&n)
	if err != nil || n > 1<<26 || n&(n-1) != 0 {
		return nil, fmt.Errorf("ner: gazetteer table: %w", errors.Join(err, errors.New("bad size")))
	}
	g.tab.fps = make([]uint32, n)
	g.tab.vals = make([]uint32, n)
	get(g.tab.fps)
	get(g.tab.vals)
	if err != nil {
		return nil, fmt.Errorf("ner: gazetteer table: %w", err)
	}
	if n > 0 {
		g.tab.mask = uint64(n - 1)
	}
	// the rest goes through the hash too: it must be empty
	if k, err := io.Copy(io.Discard, br); err != nil || k != 0 {
		return nil, fmt.Errorf("ner: gazetteer table: %w", errors.Join(err, errors.New("trailing data")))
	}
	g.Hash = hex.EncodeToString(h.Sum(nil))
	return g, nil
}

// LoadGazetteer reads the embedded shared gazetteer. Cache loads it once
// for all its models.
func LoadGazetteer() (*Gazetteer, error) {
	g, err := models.Read(SharedGazetteerName, ReadGazetteer)
	if err != nil {
		return nil, fmt.Errorf("ner: load shared gazetteer: %w", err)
	}
	return g, nil
}

// gazetteerOnce loads the embedded shared gazetteer on first use and
// keeps it (read-only) for the models loaded after.
type gazetteerOnce struct {
	once sync.Once
	g    *Gazetteer
	err  error
}

func (o *gazetteerOnce) get() (*Gazetteer, error) {
	o.once.Do(func() { o.g, o.err = LoadGazetteer() })
	return o.g, o.err
}
