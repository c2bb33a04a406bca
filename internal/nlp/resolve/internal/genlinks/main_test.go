package main

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/geo"
)

func TestReject(t *testing.T) {
	gaz := geo.Build([]geo.Place{{ID: 1, Kind: geo.City, Country: "GB", Names: []string{"London"}}})
	c := &checker{
		lower:  map[string]int{"chambre": 9, "conseil": 4},
		upper:  map[string]int{"chambre": 3, "europe": 9},
		names:  map[string]bool{"victor hugo": true},
		first:  map[string]bool{"victor": true, "jacques": true, "de": true},
		titled: func(w string) bool { return w == "president" },
		stop:   func(w string) bool { return w == "de" || w == "des" },
		gaz:    gaz,
	}
	for _, tc := range []struct {
		class, name string
		kept        bool
	}{
		{"PERSON", "victor hugo", true},
		{"PERSON", "hugo", false},                     // a surname alone
		{"PERSON", "de gaulle", false},                // a particle, not a first name
		{"PERSON", "president jacques chirac", false}, // a title left in
		{"PERSON", "frederic iii", false},             // which Frederick III?
		{"PERSON", "jacques c", false},                // an initial
		{"ORGANIZATION", "conseil des etats", true},
		{"ORGANIZATION", "chambre", false},          // one word
		{"ORGANIZATION", "front po", false},         // cut short
		{"ORGANIZATION", "conseil national", false}, // excluded: several bodies
		{"LOCATION", "europe", true},
		{"LOCATION", "london", false},  // the gazetteer links it
		{"LOCATION", "lon don", false}, // OCR split
		{"LOCATION", "chambre", false}, // a common noun
		{"LOCATION", "gran", false},    // short
	} {
		t.Run(tc.class+" "+tc.name, func(t *testing.T) {
			why := c.reject(tc.class, tc.name)
			if excluded[tc.name] {
				why = "excluded"
			}
			require.Equal(t, tc.kept, why == "", why)
		})
	}
}
