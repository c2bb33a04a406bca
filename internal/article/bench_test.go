package article

import "testing"

// BenchmarkDecode decodes one testdata article per format:
//
//	go test -run='^$' -bench=BenchmarkDecode -benchmem ./internal/article/
func BenchmarkDecode(b *testing.B) {
	for _, bc := range []struct{ name, file string }{
		{"ninjs1", "ninjs1.json"},
		{"ninjs2", "ninjs2.json"},
		{"ninjs3", "ninjs3.json"},
		{"simple", "simple.json"},
		{"text", "article.txt"},
		{"newsml", "newsml.xml"},
		{"html", "article.html"},
	} {
		payload := readTestdata(b, bc.file)
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(payload)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(payload, DecodeOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEncodeNinjs(b *testing.B) {
	a, err := Decode(readTestdata(b, "ninjs3.json"), DecodeOptions{})
	if err != nil {
		b.Fatal(err)
	}
	tags := []NinjsTag{{Kind: "person", Name: "Kim Jong-un", Confidence: 95}, {Kind: "subject", Name: "diplomatie", Confidence: 80, Creator: "wirenrich"}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := EncodeNinjs(a, tags); err != nil {
			b.Fatal(err)
		}
	}
}
