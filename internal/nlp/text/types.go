// Package text segments text into tokens and sentences, keeping exact
// Unicode code-point offsets into the original string.
package text

// Token is one token of a text. Start and End are code-point offsets into
// the original string (End exclusive); Text is the token exactly as it
// stands in the original (Text == string([]rune(orig)[Start:End])).
type Token struct {
	Text  string
	Start int
	End   int
	// Norm is a normalised form used by models (NFC, typographic apostrophes
	// and quotes unified); equal to Text in most cases.
	Norm string
	// SpaceBefore reports whether white space precedes the token.
	SpaceBefore bool
}

// Sentence is a run of tokens [First, Last) of a Doc, spanning code points
// [Start, End) of the original text.
type Sentence struct {
	First, Last int
	Start, End  int
}

// Doc is a segmented text.
type Doc struct {
	Text      string
	Tokens    []Token
	Sentences []Sentence
}
