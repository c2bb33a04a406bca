package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/rs/zerolog"

	"github.com/wirenrich/wirenrich/config"
	"github.com/wirenrich/wirenrich/internal/enrich"
	"github.com/wirenrich/wirenrich/internal/pipeline"
	"github.com/wirenrich/wirenrich/internal/service"
)

// cmdRun runs the streaming worker configured by the environment.
func cmdRun(ctx context.Context, args []string, sio stdio) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(sio.out)
	fs.Usage = func() {
		usage(sio.out, commands())
		fmt.Fprintln(sio.out)
		if err := config.Usage(sio.out); err != nil {
			fmt.Fprintln(sio.err, err)
		}
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("run takes no arguments, got %q (configuration is read from WIRENRICH_* variables; see worker --help)", strings.Join(fs.Args(), " "))
	}
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	log := newLogger(sio.err, cfg.LogLevel, cfg.LogFormat)
	var enr pipeline.Enricher = pipeline.Passthrough{}
	if cfg.Enricher != config.EnricherPassthrough {
		full, err := enrich.New(enrich.Options{})
		if err != nil {
			return fmt.Errorf("enricher: %w", err)
		}
		enr = full
	}
	svc, err := service.New(cfg, enr, log)
	if err != nil {
		return err
	}
	log.Info().Str("version", enrich.Version).Bool("embedded_nats", cfg.Embedded()).Str("enricher", cfg.Enricher).Msg("wirenrich worker starting")
	if err := svc.Run(ctx); err != nil {
		log.Error().Err(err).Msg("worker stopped")
		return err
	}
	log.Info().Msg("worker stopped")
	return nil
}

// newLogger builds the process logger: JSON lines, or a console format
// for humans.
func newLogger(w io.Writer, level, format string) zerolog.Logger {
	if format == "console" {
		w = zerolog.ConsoleWriter{Out: w}
	}
	lvl, err := zerolog.ParseLevel(level)
	if err != nil {
		lvl = zerolog.InfoLevel
	}
	return zerolog.New(w).Level(lvl).With().Timestamp().Logger()
}
