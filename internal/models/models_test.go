package models

import (
	"errors"
	"io"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRead(t *testing.T) {
	errBad := errors.New("bad table")
	head8 := func(r io.Reader) (string, error) {
		b := make([]byte, 8)
		n, err := io.ReadFull(r, b)
		return string(b[:n]), err
	}
	tests := []struct {
		name    string
		model   string
		parse   func(io.Reader) (string, error)
		want    string
		wantErr error
		prefix  string
	}{
		{name: "embedded model is decompressed", model: "lang-ngrams", parse: head8, want: "# wiren"},
		{name: "missing model", model: "no-such-model", parse: head8, wantErr: ErrNotFound},
		{name: "parse error names the model", model: "geo-places", parse: func(io.Reader) (string, error) { return "", errBad }, wantErr: errBad, prefix: "geo-places: "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(tc.model, tc.parse)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				require.Contains(t, err.Error(), tc.prefix)
				require.Empty(t, got)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got[:len(tc.want)])
		})
	}
}
