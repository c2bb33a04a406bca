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

func TestTrainNERSpanTypesFrom(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "s.conllu")
	var body strings.Builder
	for _, s := range []string{"Emmanuel\tB-PER\nMacron\tI-PER\nest\tO\nà\tO\nMarseille\tB-LOC\n.\tO\n", "Anne\tB-PER\nHidalgo\tI-PER\nvisite\tO\nLyon\tB-LOC\n.\tO\n"} {
		for i, l := range strings.Split(strings.TrimSpace(s), "\n") {
			body.WriteString(string(rune('0'+i)) + "\t" + l + "\n")
		}
		body.WriteString("\n")
	}
	require.NoError(t, os.WriteFile(data, []byte(body.String()), 0o644))
	model := filepath.Join("..", "..", "internal", "models", "ner-fr.gz")
	out := filepath.Join(dir, "fr-span.gz")
	cases := []struct {
		name   string
		args   []string
		errMsg string
	}{
		{"adds a typer", []string{"--lang", "fr", "--span-types", "--span-lambda", "0.5", "--from", model}, ""},
		{"needs --span-types", []string{"--lang", "fr", "--from", model}, "--from needs --span-types"},
		{"language of the model", []string{"--lang", "de", "--span-types", "--from", model}, "is a fr model"},
		{"not a feature group", []string{"--lang", "fr", "--features", "spantypes"}, "set by --span-types"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"train-ner", "--data", data, "--dev", data, "--out", out, "--date", "2026-11-29"}, c.args...)
			var so, se bytes.Buffer
			err := dispatch(context.Background(), args, stdio{out: &so, err: &se})
			if c.errMsg != "" {
				require.ErrorContains(t, err, c.errMsg)
				return
			}
			require.NoError(t, err, se.String())
			require.Contains(t, se.String(), "span types lambda 0.5")
			m, err := readModelFile(out, "")
			require.NoError(t, err)
			require.NotNil(t, m.Header.SpanTypes)
			require.Contains(t, m.Header.Features, "spantypes")
			require.Contains(t, m.Header.Command, "--span-types")
			so.Reset()
			require.NoError(t, dispatch(context.Background(), []string{"eval-ner", "--model", out, "--data", data}, stdio{out: &so, err: &se}))
			require.Contains(t, so.String(), "overall precision=")
		})
	}
}
