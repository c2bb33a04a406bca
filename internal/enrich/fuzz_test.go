package enrich_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/enrich"
)

// FuzzEnrich runs decode, enrichment and JSON encoding over any payload:
// nothing panics, and every document keeps the contract's invariants
// (offsets inside their field and pointing at the mention text, unique
// entity ids, relations between existing entities, salience at most 1,
// valid JSON). The seed corpus is testdata/fuzz/FuzzEnrich plus the
// decoders' test articles; run it longer with
// go test -run '^$' -fuzz FuzzEnrich -fuzztime 5m ./internal/enrich/
func FuzzEnrich(f *testing.F) {
	files, _ := filepath.Glob("../article/testdata/*")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil && len(data) < 64<<10 {
			f.Add(data, "", "")
		}
	}
	f.Add([]byte("Emmanuel Macron a rencontré Olaf Scholz à Berlin le mercredi 18 juin."), "text/plain", "fr")
	f.Add([]byte("President Joe Biden met Chancellor Olaf Scholz in Washington on June 3, 2024."), "", "en")
	f.Add([]byte("« Nous apprécions », a déclaré M. Poutine. 3,5 milliards d’euros, 12 %."), "", "")
	f.Add([]byte("ANKARA, Feb 2 - Infineon, the German chipmaker, welcomed it. Turkey's disaster agency AFAD, the FBI and CIA said. Former Prime Ministers Matteo Renzi and Barack Obama, Michelle Obama, Obama !"), "", "en")
	f.Add([]byte("À Porto, la ministre, Mme Zorbanu, et le ministre, Karim Zorbal, parlent du XIXe siècle. La ministre a conclu (DCRI et DGSE) au Conseil de sécurité de l'ONU. Le Conseil de sécurité - Jean-Mimi ! Un des chercheurs de HRW, Ole Solvang, le Stop Online Piracy Act."), "", "fr")
	e, err := enrich.New(enrich.Options{Now: func() time.Time { return time.Date(2024, 6, 19, 8, 0, 0, 0, time.UTC) }})
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, payload []byte, contentType, lang string) {
		a, err := article.Decode(payload, article.DecodeOptions{ContentType: contentType, MaxSize: 64 << 10})
		if err != nil {
			return // the decoders' own fuzz target covers their errors
		}
		if lang != "" && len(lang) <= 8 {
			a.Language = lang
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		doc, err := e.Enrich(ctx, a)
		require.NoError(t, err)
		checkInvariants(t, a, doc)
		data, err := json.Marshal(doc)
		require.NoError(t, err)
		require.True(t, json.Valid(data))
	})
}
