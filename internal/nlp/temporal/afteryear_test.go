package temporal

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
)

// TestUnitAfterYear checks the afteryear flag of units.txt: a unit that is
// also the noun of a year ("2014 года", of 2014) leaves a four-digit number
// before it a year, while a small number before it stays a measure ("2
// года", two years). Without the flag, the unit keeps the year reading
// off, as "2000 euros" does.
func TestUnitAfterYear(t *testing.T) {
	build := func(flag string) *Extractor {
		x, err := NewFromFS(fstest.MapFS{
			"xx/units.txt":    {Data: []byte("года = year duration" + flag + "\nлет = year duration\n")},
			"xx/patterns.txt": {Data: []byte("<year> года = date\n<amount> <unit> = quantity\n")},
		})
		require.NoError(t, err)
		return x
	}
	keys := func(x *Extractor, s string) []string {
		var out []string
		for _, e := range x.Extract(s, "xx", refDefault) {
			out = append(out, exprKey(e))
		}
		return out
	}
	x := build(" afteryear")
	require.Equal(t, []string{"DATE|2014 года|2014"}, keys(x, "с 2014 года"))
	require.Equal(t, []string{"QUANTITY|2 года|2 year"}, keys(x, "через 2 года"))
	require.Equal(t, []string{"QUANTITY|2000 лет|2000 year"}, keys(x, "2000 лет"))

	x = build("")
	require.Equal(t, []string{"QUANTITY|2014 года|2014 year"}, keys(x, "с 2014 года"))
}
