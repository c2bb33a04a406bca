package benchdata_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/benchdata"
)

func TestTexts(t *testing.T) {
	texts, err := benchdata.Texts()
	require.NoError(t, err)
	seen := map[string]int{}
	for _, x := range texts {
		require.NotEmpty(t, x.Headline, x.Name)
		require.GreaterOrEqual(t, len(x.Paragraphs), 3, x.Name)
		seen[x.Lang]++
	}
	for _, l := range benchdata.Languages() {
		require.GreaterOrEqual(t, seen[l], 2, l)
	}
}

func TestBuildSizes(t *testing.T) {
	c, err := benchdata.New()
	require.NoError(t, err)
	for _, tc := range []struct {
		lang  string
		words int
	}{
		{"fr", benchdata.Short}, {"en", benchdata.Short},
		{"fr", benchdata.Typical}, {"en", benchdata.Typical}, {"de", benchdata.Typical},
		{"fr", benchdata.Long}, {"en", benchdata.Long},
	} {
		t.Run(tc.lang+"-"+benchdata.SizeName(tc.words), func(t *testing.T) {
			a, err := c.Build(tc.lang, tc.words, 0)
			require.NoError(t, err)
			n := a.Words()
			require.GreaterOrEqual(t, n, tc.words)
			require.Less(t, n, tc.words+tc.words/2+150, "close to the requested size")
			b, err := c.Build(tc.lang, tc.words, 1)
			require.NoError(t, err)
			require.NotEqual(t, a.Body, b.Body, "variants differ")
		})
	}
	_, err = c.Build("xx", 100, 0)
	require.Error(t, err)
}

// TestPayloadsDecode checks that every format decodes back to the article.
func TestPayloadsDecode(t *testing.T) {
	c, err := benchdata.New()
	require.NoError(t, err)
	a, err := c.Build("fr", benchdata.Typical, 2)
	require.NoError(t, err)
	for _, f := range benchdata.Formats() {
		t.Run(f, func(t *testing.T) {
			p, err := benchdata.Payload(a, f)
			require.NoError(t, err)
			opts := article.DecodeOptions{}
			if f == "text" {
				opts.MsgID = a.ID
			}
			got, err := article.Decode(p, opts)
			require.NoError(t, err)
			require.Equal(t, a.ID, got.ID)
			if f == "text" { // the whole payload is the body
				require.Equal(t, strings.Fields(a.Headline+" "+a.Body), strings.Fields(got.Body))
				return
			}
			require.Equal(t, a.Headline, got.Headline)
			require.Equal(t, strings.Fields(a.Body), strings.Fields(got.Body))
			{
				require.Equal(t, a.Lang, got.Language)
				require.True(t, a.Published.Equal(got.Published), "%s vs %s", a.Published, got.Published)
			}
		})
	}
	_, err = benchdata.Payload(a, "pdf")
	require.Error(t, err)
}

func TestMixed(t *testing.T) {
	c, err := benchdata.New()
	require.NoError(t, err)
	items, err := c.Mixed(28, benchdata.Typical)
	require.NoError(t, err)
	require.Len(t, items, 28)
	ids, langs, formats := map[string]bool{}, map[string]int{}, map[string]int{}
	for _, it := range items {
		require.False(t, ids[it.Article.ID], "duplicate id %s", it.Article.ID)
		ids[it.Article.ID] = true
		langs[it.Article.Lang]++
		formats[it.Format]++
		require.GreaterOrEqual(t, it.Words, benchdata.Typical)
	}
	require.Len(t, langs, 5, fmt.Sprint(langs))
	require.Len(t, formats, 4, fmt.Sprint(formats))
}
