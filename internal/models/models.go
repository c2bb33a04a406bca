// Package models embeds the project's trained model files and gives read
// access to them by name. Each model file is gzip-compressed and carries its
// own provenance (data, command, date, scores, licences); see README.md in
// this folder.
package models

import (
	"compress/gzip"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
)

//go:embed *.gz
var files embed.FS

// ErrNotFound is returned for a model that is not embedded.
var ErrNotFound = errors.New("model not embedded")

// Open returns a reader of the decompressed model file name (without the
// .gz suffix). The caller closes it.
func Open(name string) (io.ReadCloser, error) {
	f, err := files.Open(name + ".gz")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", name, ErrNotFound)
		}
		return nil, fmt.Errorf("open model %s: %w", name, err)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("model %s: %w", name, err)
	}
	return &readCloser{Reader: zr, closers: []io.Closer{zr, f}}, nil
}

// Read opens the embedded model file name, hands its decompressed bytes to
// parse and closes it: the shape of every loader of an embedded table.
// A parse error is prefixed with the model's name.
func Read[T any](name string, parse func(io.Reader) (T, error)) (T, error) {
	var zero T
	r, err := Open(name)
	if err != nil {
		return zero, err
	}
	defer r.Close()
	v, err := parse(r)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", name, err)
	}
	return v, nil
}

// Names lists the embedded model names (without the .gz suffix).
func Names() []string {
	ents, _ := fs.ReadDir(files, ".")
	out := make([]string, 0, len(ents))
	for _, e := range ents {
		if n := e.Name(); len(n) > 3 && n[len(n)-3:] == ".gz" {
			out = append(out, n[:len(n)-3])
		}
	}
	return out
}

type readCloser struct {
	io.Reader
	closers []io.Closer
}

func (r *readCloser) Close() error {
	var errs []error
	for _, c := range r.closers {
		errs = append(errs, c.Close())
	}
	return errors.Join(errs...)
}
