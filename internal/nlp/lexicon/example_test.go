package lexicon_test

import (
	"fmt"

	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
)

func Example() {
	fr, err := lexicon.Load("fr")
	if err != nil {
		panic(err)
	}
	country, iso2, _ := fr.Demonym("nord-coréennes")
	fmt.Println(country, iso2)
	fmt.Println(fr.TitleAt([]string{"ministre", "des", "Affaires", "étrangères", ",", "Sergueï", "Lavrov"}))
	iso2, _ = fr.Country("Etats-Unis")
	fmt.Println(iso2, fr.Has("determiners", "L’"))
	// Output:
	// Corée du Nord KP
	// 4
	// US true
}
