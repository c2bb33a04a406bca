package geo

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
)

var (
	loadOnce sync.Once
	loaded   *Gazetteer
	loadErr  error
)

func gazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = Load() })
	require.NoError(t, loadErr)
	return loaded
}

func TestLoad(t *testing.T) {
	g := gazetteer(t)
	require.Greater(t, g.Len(), 30000)
}

func TestBest(t *testing.T) {
	g := gazetteer(t)
	for _, tc := range []struct {
		name    string
		ctx     Context
		id      int
		country string
		kind    Kind
		qid     string
	}{
		{"Paris", Context{}, 2988507, "FR", Capital, "Q90"},
		{"paris", Context{Countries: map[string]bool{"FR": true}}, 2988507, "FR", Capital, "Q90"},
		// A Texas story: the Paris of Lamar County, Texas.
		{"Paris", Context{Countries: map[string]bool{"US": true}, Regions: map[string]bool{"US.TX": true}}, 4717560, "US", City, ""},
		{"Moscou", Context{}, 524901, "RU", Capital, "Q649"},
		{"Pyongyang", Context{}, 1871859, "KP", Capital, ""},
		{"Russie", Context{}, 2017370, "RU", Country, "Q159"},
		{"Corée du Nord", Context{}, 1873107, "KP", Country, ""},
		{"Etats-Unis", Context{}, 6252001, "US", Country, ""},
		{"États-Unis", Context{}, 6252001, "US", Country, ""},
		{"Texas", Context{}, 4736286, "US", Region, ""},
		{"Valais", Context{}, 2658205, "CH", Region, "Q834"},
		{"Londres", Context{}, 2643743, "GB", Capital, "Q84"},
	} {
		p, ok := g.Best(tc.name, tc.ctx)
		require.True(t, ok, tc.name)
		require.Equal(t, tc.id, p.ID, "%s: got %s %s", tc.name, p.Name(), p.Country)
		require.Equal(t, tc.country, p.Country, tc.name)
		require.Equal(t, tc.kind, p.Kind, tc.name)
		if tc.qid != "" {
			require.Equal(t, tc.qid, p.Wikidata, tc.name)
		}
	}
	_, ok := g.Best("Xyzzyville-sur-Rien", Context{})
	require.False(t, ok)
	_, ok = g.Best("", Context{})
	require.False(t, ok)
}

func TestLinks(t *testing.T) {
	g := gazetteer(t)
	p, ok := g.Best("Paris", Context{})
	require.True(t, ok)
	l := p.Links()
	require.Equal(t, "2988507", l["geonames"])
	require.Equal(t, "FR", l["country"])
	require.Equal(t, "Q90", l["wikidata"])
	require.True(t, strings.HasPrefix(l["lat"], "48.8"), l["lat"])
	require.True(t, strings.HasPrefix(l["lon"], "2.3"), l["lon"])
	tx, ok := g.Best("Texas", Context{})
	require.True(t, ok)
	require.NotContains(t, tx.Links(), "lat", "regions carry no coordinates")
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{
		"1\tP\tFR\n",
		"x\tP\tFR\t11\t1\t2\t3\t\tA\n",
		"1\tP\tFR\t11\tlat\t2\t3\t\tA\n",
		"1\tP\tFR\t11\t1\t2\tmany\t\tA\n",
	} {
		_, err := Parse(strings.NewReader(in))
		require.Error(t, err, in)
	}
	g, err := Parse(strings.NewReader("# comment\n\n7\tP\tFR\t11\t1.5\t2.5\t100\tQ1\tAix|Aquae Sextiae\n"))
	require.NoError(t, err)
	require.Len(t, g.Lookup("aquae  sextiae"), 1)
	require.Equal(t, "Aix", g.Lookup("AIX")[0].Name())
}

func TestNilGazetteer(t *testing.T) {
	var g *Gazetteer
	require.Nil(t, g.Lookup("Paris"))
	_, ok := g.Best("Paris", Context{})
	require.False(t, ok)
}

func BenchmarkBest(b *testing.B) {
	g := gazetteer(b)
	ctx := Context{Countries: map[string]bool{"US": true}}
	b.ReportAllocs()
	for b.Loop() {
		g.Best("Paris", ctx)
	}
}

// TestBestOf checks that a name looked up once (Candidates) picks, in any
// context, the place Best picks, and that CountryNamed finds countries
// only.
func TestBestOf(t *testing.T) {
	g := gazetteer(t)
	texas := Context{Countries: map[string]bool{"US": true}, Regions: map[string]bool{"US.TX": true}}
	for _, tc := range []struct {
		name    string
		places  int // candidates, at least
		country string
	}{
		{"Paris", 2, ""},
		{"Nord", 2, ""},
		{"Russie", 1, "RU"},
		{"Corée du Nord", 1, "KP"},
		{"Moscou", 1, ""},
		{"Atlantis of the North", 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := g.Candidates(tc.name)
			require.GreaterOrEqual(t, c.Len(), tc.places)
			if tc.places == 0 {
				require.Zero(t, c.Len())
			}
			for _, ctx := range []Context{{}, texas} {
				want, wantOK := g.Best(tc.name, ctx)
				got, ok := g.BestOf(c, ctx)
				require.Equal(t, wantOK, ok)
				require.Equal(t, want, got)
			}
			iso, ok := g.CountryNamed(tc.name)
			require.Equal(t, tc.country != "", ok)
			require.Equal(t, tc.country, iso)
		})
	}
	var none *Gazetteer
	_, ok := none.BestOf(none.Candidates("Paris"), Context{})
	require.False(t, ok)
	_, ok = none.CountryNamed("Russie")
	require.False(t, ok)
}

// TestEntryDisplay checks the display bit of every index entry, of the
// embedded table and of a built one, against the fold of the place's
// display name, which best compared before the bit was kept.
func TestEntryDisplay(t *testing.T) {
	built := Build([]Place{
		{ID: 1, Kind: City, Country: "FR", Names: []string{"Saint-Étienne", "Saint Etienne", "St-Étienne"}},
		{ID: 2, Kind: Region, Country: "US", Admin1: "GA", Names: []string{"Georgia"}},
		{ID: 3, Kind: Country, Country: "GE", Names: []string{"Sakartvelo", "Georgia", "GEORGIA"}},
		{ID: 4, Kind: City, Country: "XX", Names: []string{"", "Nowhere"}},
	})
	for _, tc := range []struct {
		name string
		g    *Gazetteer
	}{{"embedded", gazetteer(t)}, {"built", built}} {
		t.Run(tc.name, func(t *testing.T) {
			n := 0
			for k, ix := range tc.g.index {
				for _, e := range ix {
					p := &tc.g.places[e.place()]
					require.Equal(t, lexicon.Fold(p.Name()) == k, e.display(), "%q: %q", k, p.Name())
					require.Equal(t, p.Kind == Country, e.country(), "%q: %q", k, p.Name())
					n++
				}
			}
			require.Positive(t, n)
		})
	}
}

// TestInRegions checks inRegions against a lookup of RegionKey.
func TestInRegions(t *testing.T) {
	regions := map[string]bool{"US.TX": true, "FR.11": true}
	for _, p := range []Place{
		{Country: "US", Admin1: "TX"}, {Country: "US", Admin1: "CA"}, {Country: "FR", Admin1: "11"},
		{Country: "", Admin1: "TX"}, {Country: "US"}, {Country: "US.TX"}, {Country: "US", Admin1: "TX" + strings.Repeat("X", 40)},
	} {
		for _, r := range []map[string]bool{regions, nil, {}} {
			rk := p.RegionKey()
			require.Equal(t, rk != "" && r[rk], inRegions(&p, r), "%+v", p)
		}
	}
}
