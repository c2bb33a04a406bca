package article_test

import (
	"errors"
	"fmt"

	"github.com/wirenrich/wirenrich/internal/article"
)

func ExampleDecode() {
	payload := []byte(`{"uri": "urn:newsml:example.fr:1", "version": "2",
		"headlines": [{"role": "main", "value": "Sommet à Pyongyang"}],
		"bodies": [{"role": "main", "contentType": "text/html",
		            "value": "<p>Vladimir Poutine est arrivé mercredi.</p><p>Kim Jong-un l’a accueilli.</p>"}]}`)
	a, err := article.Decode(payload, article.DecodeOptions{ContentType: "application/json"})
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Format, a.MsgID())
	fmt.Println(a.Headline)
	fmt.Printf("%q\n", a.Body)

	_, err = article.Decode([]byte(`{"body": 42}`), article.DecodeOptions{})
	fmt.Println(errors.Is(err, article.ErrMalformed), err)
	// Output:
	// ninjs urn:newsml:example.fr:1#2
	// Sommet à Pyongyang
	// "Vladimir Poutine est arrivé mercredi.\n\nKim Jong-un l’a accueilli."
	// true json: field "body": not a string (a number): malformed payload
}
