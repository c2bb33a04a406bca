package lang_test

import (
	"fmt"

	"github.com/wirenrich/wirenrich/internal/nlp/lang"
)

func ExampleIdentifier_Detect() {
	id, err := lang.Load() // once, at start-up
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range []string{
		"Le président a reçu mardi le ministre chinois des Affaires étrangères.",
		"Die Regierung hat neue Maßnahmen beschlossen.",
		"1 000 000 !",
	} {
		code, conf := id.Detect(s)
		fmt.Println(code, conf > 0.9)
	}
	// Output:
	// fr true
	// de true
	// und false
}
