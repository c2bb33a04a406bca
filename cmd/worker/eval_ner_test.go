package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestEvalNEROutput(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, file, body string
	}{
		{"wikineural", "s.conllu", "0\tEmmanuel\tB-PER\n1\tMacron\tI-PER\n2\test\tO\n3\tà\tO\n4\tMarseille\tB-LOC\n5\t.\tO\n"},
		{"uner", "s.iob2", "# text = Emmanuel Macron est à Marseille.\n1\tEmmanuel\tB-PER\t-\t-\n2\tMacron\tI-PER\t-\t-\n3\test\tO\t-\t-\n4\tà\tO\t-\t-\n5\tMarseille\tB-LOC\t-\t-\n6\t.\tO\t-\t-\n"},
		{"europeana", "s.bio", "Emmanuel I-PER\nMacron I-PER\nest O\nà O\nMarseille I-LOC\n. O\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, c.file)
			require.NoError(t, os.WriteFile(p, []byte(c.body), 0o644))
			var out, errb bytes.Buffer
			err := dispatch(context.Background(), []string{"eval-ner", "--lang", "fr", "--data", p}, stdio{out: &out, err: &errb})
			require.NoError(t, err, errb.String())
			lines := strings.Split(strings.TrimSpace(out.String()), "\n")
			require.Regexp(t, regexp.MustCompile(`^overall precision=[01]\.\d{4} recall=[01]\.\d{4} f1=[01]\.\d{4}$`), lines[len(lines)-1])
			require.Equal(t, "overall precision=1.0000 recall=1.0000 f1=1.0000", lines[len(lines)-1])
		})
	}
}

func TestTrainNERRecipeArgs(t *testing.T) {
	require.Equal(t, []string{"--lang", "fr", "--seed", "2"}, recipeArgs([]string{"--lang", "fr", "--out", "x.gz", "--seed", "2", "--out=y"}))
}
