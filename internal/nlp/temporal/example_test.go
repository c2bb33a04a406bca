package temporal_test

import (
	"fmt"
	"time"

	"github.com/wirenrich/wirenrich/internal/nlp/temporal"
)

func Example() {
	x, err := temporal.New()
	if err != nil {
		panic(err)
	}
	published := time.Date(2024, 6, 19, 7, 58, 0, 0, time.UTC)
	s := "Vladimir Poutine et Kim Jong-un ont signé, mercredi 18 juin, un accord de 3,5 milliards d’euros, " +
		"après deux heures de pourparlers. En septembre dernier, Kim s’était rendu en Russie."
	for _, e := range x.Extract(s, "fr", published) {
		fmt.Printf("%s %q [%d,%d) %s\n", e.Type, e.Text, e.Start, e.End, e.Value)
	}
	// Output:
	// DATE "mercredi 18 juin" [43,59) 2024-06-18
	// MONEY "3,5 milliards d’euros" [74,95) 3500000000 EUR
	// QUANTITY "deux heures" [103,114) 2 hour
	// DATE "septembre dernier" [134,151) 2023-09
}
