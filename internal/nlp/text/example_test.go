package text_test

import (
	"fmt"
	"strings"

	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

func ExampleTokenizer_Segment() {
	tk := text.NewTokenizer("fr") // load once, reuse; safe for concurrent use
	doc := tk.Segment("M. Kim Jong-un l’a dit. « Bien ! »")
	for _, s := range doc.Sentences {
		var parts []string
		for _, t := range doc.Tokens[s.First:s.Last] {
			parts = append(parts, fmt.Sprintf("%s[%d:%d]=%s", t.Text, t.Start, t.End, t.Norm))
		}
		fmt.Println(strings.Join(parts, " "))
	}
	// Output:
	// M.[0:2]=M. Kim[3:6]=Kim Jong-un[7:14]=Jong-un l’[15:17]=l' a[17:18]=a dit[19:22]=dit .[22:23]=.
	// «[24:25]=" Bien[26:30]=Bien ![31:32]=! »[33:34]="
}
