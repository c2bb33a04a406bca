package service

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/require"
)

func TestUnanswered(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{fmt.Errorf("create stream X: %w", context.DeadlineExceeded), true},
		{fmt.Errorf("stream X: %w", nats.ErrNoResponders), true},
		{nats.ErrTimeout, true},
		{jetstream.ErrNoStreamResponse, true},
		{fmt.Errorf("stream X does not exist (WIRENRICH_CREATE_STREAMS=false): %w", jetstream.ErrStreamNotFound), false},
		{context.Canceled, false},
		{errors.New("insufficient resources"), false},
	}
	for _, tt := range tests {
		t.Run(tt.err.Error(), func(t *testing.T) {
			require.Equal(t, tt.want, unanswered(tt.err))
		})
	}
}
