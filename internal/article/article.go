package article

import (
	"encoding/json"
	"time"
)

// Article is a decoded news article, independent of its wire format.
type Article struct {
	// ID is the article's identity: the Nats-Msg-Id header if present, else
	// the article's own id/uri, else "sha256:" + hex of the normalised body.
	ID string
	// Version is the input's version (ninjs version, NewsML-G2 @version), or
	// a hash of its content when it has none. ID + Version identify one
	// revision of a story.
	Version string
	// Headline and Body are plain text (HTML already reduced, paragraphs
	// separated by a blank line). Offsets in the output count code points
	// into these exact strings.
	Headline string
	Body     string
	// Language is the declared language (BCP 47 primary subtag, lower case),
	// empty when the input does not say.
	Language string
	// Published is the publication (or version-created) time, zero if unknown.
	Published time.Time
	// Received is when the bus stored the input (its JetStream timestamp),
	// zero outside a stream: for an article without a publication date,
	// the reference of its relative dates and of a dateline without a year.
	// It is not output as the article's date.
	Received time.Time
	Source   string
	URL      string
	// Format names the decoder that read the payload: "ninjs", "json"
	// (simple JSON), "text", "newsml" or "html".
	Format string
	// Extra holds the input's fields that the worker does not interpret,
	// passed through as they were (ninjs and simple JSON only; nil when
	// there are none).
	Extra map[string]json.RawMessage
	// Raw is the original payload (kept for the ninjs output shape).
	Raw []byte
}

// MsgID is the Nats-Msg-Id of the article's enriched output: its ID and
// version, so a redelivery is deduplicated while a new version is not.
func (a *Article) MsgID() string {
	return a.ID + "#" + a.Version
}
