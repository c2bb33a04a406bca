package probe

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/enrich"
)

func TestScale(t *testing.T) {
	e, _ := enrich.New(enrich.Options{})
	for _, k := range []int{1000, 2000, 4000, 8000} {
		body := strings.Repeat("Emmanuel Macron a rencontré Olaf Scholz à Berlin le 3 juin. ", k)
		a, _ := article.Decode([]byte(body), article.DecodeOptions{MaxSize: 1 << 20})
		st := time.Now()
		doc, _ := e.Enrich(context.Background(), a)
		t.Logf("k=%d bytes=%d took=%v entities=%d relations=%d", k, len(body), time.Since(st), len(doc.Entities), len(doc.Relations))
	}
}
