package ner

// Entity types in model order; the contract names are in ContractTypes.
var types = [numTypes]string{"PER", "ORG", "LOC", "MISC"}

// contractTypes are the type names of the output contract, by type index.
var contractTypes = [numTypes]string{"PERSON", "ORGANIZATION", "LOCATION", "MISC"}

const (
	numTypes = 4
	// numLabels is O plus B, I, L, U for every type.
	numLabels = 1 + 4*numTypes
)

// BILOU positions.
const (
	posB = iota
	posI
	posL
	posU
)

func label(typ, pos int) uint8 { return uint8(1 + 4*typ + pos) }

func labelType(l uint8) int { return (int(l) - 1) / 4 }

func labelPos(l uint8) int { return (int(l) - 1) % 4 }

// TypeIndex returns the index of a corpus type (PER ORG LOC MISC) or of a
// contract type name, or -1.
func TypeIndex(t string) int {
	for i := range types {
		if types[i] == t || contractTypes[i] == t {
			return i
		}
	}
	return -1
}

// LabelName returns the BILOU label name, e.g. "B-PER" or "O".
func LabelName(l uint8) string {
	if l == 0 || int(l) >= numLabels {
		return "O"
	}
	return string("BILU"[labelPos(l)]) + "-" + types[labelType(l)]
}

// allowed reports whether label b may follow label a under BILOU; a ==
// numLabels stands for the sentence start.
func allowed(a, b uint8) bool {
	open := a != 0 && int(a) < numLabels && (labelPos(a) == posB || labelPos(a) == posI)
	if open {
		return b != 0 && (labelPos(b) == posI || labelPos(b) == posL) && labelType(b) == labelType(a)
	}
	return b == 0 || labelPos(b) == posB || labelPos(b) == posU
}

// allowedEnd reports whether a sentence may end on label a.
func allowedEnd(a uint8) bool { return a == 0 || labelPos(a) == posL || labelPos(a) == posU }

// Encode returns the BILOU labels of n tokens with the given spans (spans
// of unknown type or out of range are ignored; overlaps keep the first).
func Encode(n int, spans []Span) []uint8 {
	out := make([]uint8, n)
	for _, s := range spans {
		t := TypeIndex(s.Type)
		if t < 0 || s.Start < 0 || s.End > n || s.Start >= s.End {
			continue
		}
		free := true
		for i := s.Start; i < s.End; i++ {
			if out[i] != 0 {
				free = false
			}
		}
		if !free {
			continue
		}
		if s.End-s.Start == 1 {
			out[s.Start] = label(t, posU)
			continue
		}
		out[s.Start] = label(t, posB)
		for i := s.Start + 1; i < s.End-1; i++ {
			out[i] = label(t, posI)
		}
		out[s.End-1] = label(t, posL)
	}
	return out
}

// Decode turns BILOU labels into spans, leniently: an I or L that does not
// continue an open span of its type opens one.
func Decode(labels []uint8) []Span { return appendSpans(nil, labels) }

func appendSpans(dst []Span, labels []uint8) []Span {
	open := -1 // index in dst of the open span
	for i, l := range labels {
		if l == 0 || int(l) >= numLabels {
			open = -1
			continue
		}
		t, p := labelType(l), labelPos(l)
		cont := open >= 0 && (p == posI || p == posL) && dst[open].Type == contractTypes[t]
		if cont {
			dst[open].End = i + 1
		} else {
			dst = append(dst, Span{Start: i, End: i + 1, Type: contractTypes[t]})
			open = len(dst) - 1
		}
		if p == posL || p == posU {
			open = -1
		}
	}
	return dst
}
