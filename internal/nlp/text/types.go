// Package text segments text into tokens and sentences, keeping exact
// Unicode code-point offsets into the original string.
//
// Use NewTokenizer(lang) once per language and Segment(s) for every text (a
// Tokenizer is safe for concurrent use and reuses its buffers); Tokenize(s,
// lang) is the one-shot form. The engine is language-neutral; what is
// specific to a language (abbreviations, titles, elisions, clitics,
// exceptions, hyphenated pronoun suffixes, sentence starters) lives in
// plain files under data/<lang>/ (see data/README.md), embedded in the
// binary.
//
// Tokens follow the WikiNEuRal conventions that the NER models are trained
// on: French and Italian elisions split after the apostrophe ("l'" "avion",
// either apostrophe), English clitics split before it ("do" "n't",
// "John" "'s"), hyphenated words kept whole ("Jong-un", "Etats-Unis") except
// French inverted pronouns and particles ("donne" "-t" "-il", "celui"
// "-ci"), punctuation and quotes as tokens of their own, abbreviations and
// initials keeping their period ("M.", "etc.", "U.S.", "J."), numbers whole
// ("3,5", "1,000.5", "1 000"; "12" "%"), URLs and e-mail addresses whole.
// Token.Norm (see Normalize) is the form models should read.
//
// Sentences end at terminal punctuation (with the closing quotes or
// brackets after it) before a token that can start a sentence, after
// "etc."-like abbreviations before a capital, after name endings ("Inc.")
// and initials before a listed sentence starter, at blank lines, and at line
// breaks unless the line visibly goes on — so headlines and stray heading
// lines without a final stop are sentences of their own.
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
