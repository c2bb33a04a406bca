package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/wirenrich/wirenrich/internal/nlp/ner"
	"github.com/wirenrich/wirenrich/internal/nlp/ner/corpus"
	"github.com/wirenrich/wirenrich/internal/nlp/ner/lexicon"
)

// nerLicences lists the licences of the data a model is distilled from.
var nerLicences = []string{
	"WikiNEuRal (Babelscape): CC BY-NC-SA 4.0 - models trained on it inherit the non-commercial, share-alike terms",
	"GATE gazetteers (ANNIE, Lang_French, Lang_German): LGPL-3.0",
	"GeoNames (cities15000, regions, countries, translations): CC BY 4.0, geonames.org",
	"mledoze/countries: ODbL 1.0",
	"first names: Moby (CC0/PDDL), INSEE-derived prenoms (Licence Ouverte 2.0)",
	"PETRARCH2 / Phoenix actor dictionaries: MIT",
	"Universal Dependencies treebanks (unlabelled text for clusters): CC BY-SA 4.0 / LGPL-LR",
}

// udFiles are the unlabelled treebank texts used for word clusters (never
// the English EWT dev/test, whose text is the UNER gold evaluation set).
var udFiles = map[string][]string{
	"en": {"ud-english-ewt/en_ewt-ud-train.conllu.gz"},
	"fr": {"ud-french-gsd/fr_gsd-ud-dev.conllu.gz", "ud-french-gsd/fr_gsd-ud-test.conllu.gz",
		"ud-french-sequoia/*.conllu.gz", "ud-french-other/*.conllu.gz"},
}

func defaultDataDir() string {
	for _, d := range []string{"../shared/data", "/work/shared/data"} {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	return "../shared/data"
}

func toExamples(ss []corpus.Sentence) []ner.Example {
	out := make([]ner.Example, 0, len(ss))
	for _, s := range ss {
		ex := ner.Example{Words: s.Tokens}
		for _, sp := range s.Spans {
			ex.Spans = append(ex.Spans, ner.Span{Start: sp.Start, End: sp.End, Type: sp.Type})
		}
		out = append(out, ex)
	}
	return out
}

// dataPath resolves a corpus path: as given when it exists, else relative
// to the shared data folder.
func dataPath(p string) string {
	if _, err := os.Stat(p); err == nil || filepath.IsAbs(p) {
		return p
	}
	if q := filepath.Join(defaultDataDir(), p); fileExists(q) {
		return q
	}
	return p
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func readExamples(paths []string) ([]ner.Example, error) {
	var out []ner.Example
	for _, p := range paths {
		ss, err := corpus.ReadFile(dataPath(p))
		if err != nil {
			return nil, err
		}
		out = append(out, toExamples(ss)...)
	}
	return out, nil
}

func cmdTrainNER(ctx context.Context, args []string, sio stdio) error {
	fs := flag.NewFlagSet("train-ner", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	lang := fs.String("lang", "", "language (fr, en, de, es, it, nl, pt, pl, ru)")
	dataDir := fs.String("datadir", defaultDataDir(), "shared data folder")
	data := fs.String("data", "", "comma-separated training files (default: wikineural val + test-a of --lang)")
	dev := fs.String("dev", "", "dev file (default: the last 10% of sentences of the test-a file, carved out of training)")
	epochs := fs.Int("epochs", 20, "training epochs (the best on dev is kept)")
	seed := fs.Uint64("seed", 1, "random seed")
	bits := fs.Int("bits", 18, "log2 of the hashed weight table rows")
	augment := fs.Float64("augment", 0.03, "fraction of sentences added in title case (and a fifth as many in upper case)")
	augLower := fs.Float64("augment-lower", 0, "fraction of sentences added in lower case")
	noAffix5 := fs.Bool("no-affix5", false, "leave out the 5-rune prefix/suffix features")
	features := fs.String("features", "", "comma-separated optional feature groups recorded in the model: affix6 (6-rune prefix), stems (the word without its last 1 and 2 runes)")
	pa := fs.Float64("pa", 0, "passive-aggressive (PA-I) updates with this aggressiveness instead of perceptron steps (0: perceptron)")
	margin := fs.Float64("margin", 0, "loss-augmented training: add this to the score of every wrong label of a token when decoding training sentences (0: none)")
	runs := fs.Int("runs", 1, "perceptron runs over differently shuffled data whose averaged weights are averaged")
	baseline := fs.Bool("baseline", false, "greedy averaged perceptron with word/affix/shape/neighbour features only (the floor)")
	out := fs.String("out", "", "output model path (default internal/models/ner-LANG.gz)")
	evals := fs.String("eval", "", "comma-separated extra evaluation files whose scores are recorded in the header")
	date := fs.String("date", "", "creation date recorded (default today, UTC; set it to reproduce a file byte for byte)")
	gazPath := fs.String("gazetteer", filepath.Join("internal", "models", ner.SharedGazetteerName+".gz"), "shared gazetteer file the model's gazetteer is stored against (written when missing; \"\" for a self-contained model)")
	updateGaz := fs.Bool("update-gazetteer", false, "overwrite the shared gazetteer file when the distilled one differs (every model must then be retrained)")
	spanTypes := fs.Bool("span-types", false, "train a span typer (re-types the tagger's spans from whole-span features; its weight against the tagger's margins chosen on dev) and record it in the model")
	spanFolds := fs.Int("span-folds", 0, "with --span-types: train the typer on spans seen by taggers trained on the other of this many folds of the training sentences, with their type scores as features (0: gold spans, no tagger features)")
	spanDrop := fs.Bool("span-drop", false, "with --span-folds: the typer may also drop a span (class none, learnt from the fold taggers' spans that are not gold spans)")
	spanBits := fs.Int("span-bits", 18, "with --span-types: log2 of the typer's hashed weight rows")
	spanEpochs := fs.Int("span-epochs", 10, "with --span-types: perceptron passes of the typer")
	spanLambda := fs.Float64("span-lambda", 0, "with --span-types: this weight of the tagger's margins instead of the best of the dev grid")
	from := fs.String("from", "", "with --span-types: add the span typer to this trained model file instead of training a tagger (same --lang and data split)")
	convert := fs.String("convert", "", "convert a self-contained model file to one stored against the shared gazetteer (no training)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *convert != "" {
		return convertNER(*convert, *out, *dataDir, *gazPath, *updateGaz, sio)
	}
	if *lang == "" {
		return errors.New("train-ner: --lang is required")
	}
	if *out == "" {
		*out = filepath.Join("internal", "models", "ner-"+*lang+".gz")
	}
	if *date == "" {
		*date = time.Now().UTC().Format("2006-01-02")
	}
	start := time.Now()
	logf := func(format string, a ...any) { fmt.Fprintf(sio.err, format+"\n", a...) }

	var shared *ner.Gazetteer
	var files []string
	if *data != "" {
		files = strings.Split(*data, ",")
	} else {
		files = []string{
			filepath.Join(*dataDir, "wikineural", "wikineural-"+*lang+"-val.conllu.gz"),
			filepath.Join(*dataDir, "wikineural", "wikineural-"+*lang+"-test-a.conllu.gz"),
		}
	}
	var train, devEx []ner.Example
	devDesc := *dev
	for _, f := range files {
		ex, err := readExamples([]string{f})
		if err != nil {
			return fmt.Errorf("train-ner: %w", err)
		}
		if *dev == "" && strings.Contains(filepath.Base(f), "test-a") {
			cut := len(ex) - len(ex)/10
			train = append(train, ex[:cut]...)
			devEx = append(devEx, ex[cut:]...)
			devDesc = fmt.Sprintf("%s sentences %d-%d (last 10%%)", rel(*dataDir, f), cut, len(ex))
			continue
		}
		train = append(train, ex...)
	}
	if *dev != "" {
		ex, err := readExamples([]string{*dev})
		if err != nil {
			return fmt.Errorf("train-ner: %w", err)
		}
		devEx = ex
		devDesc = rel(*dataDir, *dev)
	}
	logf("train-ner %s: %d training sentences, %d dev sentences", *lang, len(train), len(devEx))

	hdr := ner.Header{
		Lang:     *lang,
		Created:  *date,
		Command:  "worker train-ner " + strings.Join(recipeArgs(args), " "),
		Dev:      devDesc,
		Licences: nerLicences,
		Lexicon:  map[string]string{},
	}
	for _, f := range files {
		hdr.Train = append(hdr.Train, rel(*dataDir, f))
	}
	var span *ner.SpanTypeConfig
	if *spanTypes {
		span = &ner.SpanTypeConfig{Seed: *seed, Lambda: *spanLambda, Folds: *spanFolds, Epochs: *spanEpochs, Bits: *spanBits, Drop: *spanDrop, Log: sio.err}
	}
	if *from != "" {
		if span == nil {
			return errors.New("train-ner: --from needs --span-types")
		}
		m, err := readModelFile(*from, "")
		if err != nil {
			return fmt.Errorf("train-ner: %w", err)
		}
		if m.Header.Lang != *lang {
			return fmt.Errorf("train-ner: %s is a %s model", *from, m.Header.Lang)
		}
		m.Header.Command += "; worker train-ner " + strings.Join(recipeArgs(args), " ")
		m.Header.Created = *date
		return finishNER(m, *lang, *date, *out, *dataDir, *evals, nil, span, train, devEx, start, sio)
	}
	cfg := ner.TrainConfig{Bits: *bits, Epochs: *epochs, Seed: *seed, Baseline: *baseline, NoAffix5: *noAffix5, Augment: *augment, AugmentLower: *augLower, Runs: *runs, PA: *pa, Margin: *margin, Log: sio.err}
	if *features != "" {
		ext, err := ner.ParseFeatures(strings.Split(*features, ","))
		if err != nil {
			return fmt.Errorf("train-ner: --features: %w", err)
		}
		if ext&ner.ExtSpanTypes != 0 {
			return errors.New("train-ner: --features: spantypes is set by --span-types")
		}
		cfg.Features = ext
	}
	if !*baseline {
		// unlabelled text: training sentences + UD treebanks
		var unl [][]string
		for _, ex := range train {
			unl = append(unl, ex.Words)
		}
		var udUsed []string
		for _, pat := range udFiles[*lang] {
			ms, _ := filepath.Glob(filepath.Join(*dataDir, pat))
			sort.Strings(ms)
			for _, m := range ms {
				ss, err := lexicon.ReadCoNLLU(m)
				if err != nil {
					return fmt.Errorf("train-ner: %w", err)
				}
				unl = append(unl, ss...)
				udUsed = append(udUsed, rel(*dataDir, m))
			}
		}
		lex := lexicon.Learn(unl, lexicon.ClusterConfig{Seed: *seed})
		logf("clusters: %d words clustered, %d in lexicon, from %d sentences (%.0fs)", lex.Clustered, len(lex.Words), len(unl), time.Since(start).Seconds())
		gz, err := lexicon.BuildGazetteer(*dataDir)
		if err != nil {
			return fmt.Errorf("train-ner: %w", err)
		}
		if *gazPath != "" {
			if shared, err = sharedGazetteer(gz, *gazPath, *updateGaz, logf); err != nil {
				return fmt.Errorf("train-ner: %w", err)
			}
		}
		nameCats := uint32(1<<ner.GazFirstName | 1<<ner.GazPerson | 1<<ner.GazCity | 1<<ner.GazCountry | 1<<ner.GazRegion | 1<<ner.GazOrg | 1<<ner.GazDemonym)
		dropped := gz.Filter(func(w string, cats uint32) bool { return cats&^nameCats == 0 && lex.MostlyLower(w, 20) })
		gt, gmax := gz.Table()
		logf("gazetteer: %d phrases (%d common lower-case words dropped) %v (%.0fs)", gz.Len(), dropped, gz.Counts(), time.Since(start).Seconds())
		cfg.Lexicon, cfg.Gazetteer, cfg.GazMax = lex.Table(), gt, gmax
		logf("checksums: lexicon %x gazetteer %x", checksum(cfg.Lexicon), checksum(gt))
		hdr.Lexicon["clusters"] = fmt.Sprintf("spherical k-means 16x16 over left/right neighbour counts, %d words, unlabelled text: training sentences + %s", lex.Clustered, strings.Join(udUsed, ", "))
		hdr.Lexicon["gazetteer"] = fmt.Sprintf("%d phrases %v from %s", gz.Len(), gz.Counts(), strings.Join(dedup(gz.Sources), ", "))
	}
	cfg.Header = hdr
	m, err := ner.Train(cfg, train, devEx)
	if err != nil {
		return fmt.Errorf("train-ner: %w", err)
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return finishNER(m, *lang, *date, *out, *dataDir, *evals, shared, span, train, devEx, start, sio)
}

// finishNER adds the span typer (span non-nil) to a trained model,
// evaluates it on the extra files, gives it its id and writes it to out,
// stored against the shared gazetteer when given one (a model read from
// a file keeps its storage).
func finishNER(m *ner.Model, lang, date, out, dataDir, evals string, shared *ner.Gazetteer, span *ner.SpanTypeConfig, train, devEx []ner.Example, start time.Time, sio stdio) error {
	logf := func(format string, a ...any) { fmt.Fprintf(sio.err, format+"\n", a...) }
	baseline := m.Header.Baseline
	if span != nil {
		before, after, err := ner.TrainSpanTypes(m, *span, train, devEx)
		if err != nil {
			return fmt.Errorf("train-ner: %w", err)
		}
		logf("span types: dev F1 %.4f without, %.4f with (attached: %v)", before, after, m.Header.SpanTypes != nil)
	}
	if evals != "" {
		m.Header.Extra = map[string]ner.Score{}
		t := ner.NewTagger(m)
		for _, f := range strings.Split(evals, ",") {
			ex, err := readExamples([]string{f})
			if err != nil {
				return fmt.Errorf("train-ner: %w", err)
			}
			rep := ner.Evaluate(t, ex)
			m.Header.Extra[rel(dataDir, f)] = rep.Overall()
		}
	}
	// id: lang-date-hash of the parameters
	var raw bytes.Buffer
	m.Header.ID = ""
	gaz := m.Header.Gazetteer
	m.Header.Gazetteer = "" // the self-contained serialisation
	err := m.Save(&raw)
	m.Header.Gazetteer = gaz
	if err != nil {
		return fmt.Errorf("train-ner: %w", err)
	}
	sum := sha256.Sum256(raw.Bytes())
	m.Header.ID = fmt.Sprintf("%s-%s-%s", lang, strings.ReplaceAll(date, "-", ""), hex.EncodeToString(sum[:4]))
	if baseline {
		m.Header.ID += "-baseline"
	}
	// the id hashes the self-contained serialisation; the file stores the
	// gazetteer as differences from the shared one
	if shared != nil {
		if err := m.ShareGazetteer(shared); err != nil {
			logf("%v: writing a self-contained model", err)
		} else {
			logf("gazetteer: %d slots differ from the shared gazetteer %.16s", m.GazetteerPatch(), shared.Hash)
		}
	}
	size, err := writeGzip(out, m.Save)
	if err != nil {
		return fmt.Errorf("train-ner: %w", err)
	}
	o := m.Header.DevScores["overall"]
	fmt.Fprintf(sio.out, "%s: wrote %s (%d bytes), epoch %d, dev precision=%.4f recall=%.4f f1=%.4f, %.0fs\n",
		m.Header.ID, out, size, m.Header.Epochs, o.Precision, o.Recall, o.F1, time.Since(start).Seconds())
	for _, k := range []string{"PER", "ORG", "LOC", "MISC"} {
		s := m.Header.DevScores[k]
		fmt.Fprintf(sio.out, "  dev %-4s precision=%.4f recall=%.4f f1=%.4f\n", k, s.Precision, s.Recall, s.F1)
	}
	for k, s := range m.Header.Extra {
		fmt.Fprintf(sio.out, "  %s: precision=%.4f recall=%.4f f1=%.4f\n", k, s.Precision, s.Recall, s.F1)
	}
	return nil
}

func rel(base, p string) string {
	if r, err := filepath.Rel(base, p); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return p
}

func dedup(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func checksum(m map[uint64]uint32) uint64 {
	var s uint64
	for k, v := range m {
		s += k*0x9E3779B97F4A7C15 ^ uint64(v)*0xBF58476D1CE4E5B9
	}
	return s
}

// recipeArgs drops the output paths (model, shared gazetteer) from the
// recorded command line: they are not part of the recipe.
func recipeArgs(args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case !strings.HasPrefix(a, "-"):
			out = append(out, a)
		case (name == "out" || name == "gazetteer") && !hasValue:
			i++
		case name == "out" || name == "gazetteer" || name == "update-gazetteer":
		default:
			out = append(out, a)
		}
	}
	return out
}

// writeGzip writes the gzip (best compression, no timestamp: the bytes
// are reproducible) of what write produces to path, returning its size.
func writeGzip(path string, write func(io.Writer) error) (int, error) {
	var raw bytes.Buffer
	if err := write(&raw); err != nil {
		return 0, err
	}
	var zb bytes.Buffer
	zw, err := gzip.NewWriterLevel(&zb, gzip.BestCompression)
	if err != nil {
		return 0, fmt.Errorf("gzip: %w", err)
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return 0, fmt.Errorf("gzip: %w", err)
	}
	if err := zw.Close(); err != nil {
		return 0, fmt.Errorf("gzip: %w", err)
	}
	if err := os.WriteFile(path, zb.Bytes(), 0o644); err != nil {
		return 0, fmt.Errorf("write %s: %w", path, err)
	}
	return zb.Len(), nil
}

// readGazetteerFile reads a (gzip) shared gazetteer file.
func readGazetteerFile(path string) (*ner.Gazetteer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("gazetteer %s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	g, err := ner.ReadGazetteer(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer %s: %w", path, err)
	}
	return g, nil
}

// sharedGazetteer distils the language-independent gazetteer (before any
// per-language filtering) and makes sure path holds it: written when
// missing, kept when identical, an error when different unless update.
func sharedGazetteer(gz *lexicon.Gazetteer, path string, update bool, logf func(string, ...any)) (*ner.Gazetteer, error) {
	t, gmax := gz.Table()
	g, err := ner.NewGazetteer(ner.GazetteerHeader{
		Phrases:  gz.Len(),
		Counts:   gz.Counts(),
		GazMax:   gmax,
		Sources:  dedup(gz.Sources),
		Command:  "worker train-ner (any language; every model of a release is stored against the same file)",
		Licences: nerLicences[1:6],
		Notes: []string{
			"language independent: a model's gazetteer is this one without the single words of name categories mostly written in lower case in that language's text; models store the table slots that differ and record this file's SHA-256",
		},
	}, t)
	if err != nil {
		return nil, err
	}
	old, err := readGazetteerFile(path)
	switch {
	case err == nil && old.Hash == g.Hash:
		return old, nil
	case err == nil && !update:
		return nil, fmt.Errorf("shared gazetteer %s (%.16s) differs from the distilled one (%.16s): rerun with --update-gazetteer and retrain every language", path, old.Hash, g.Hash)
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return nil, err
	}
	size, err := writeGzip(path, g.Write)
	if err != nil {
		return nil, err
	}
	logf("shared gazetteer: wrote %s (%d bytes, %d phrases, sha256 %s)", path, size, g.Header.Phrases, g.Hash)
	return g, nil
}

// convertNER rewrites a self-contained model file against the shared
// gazetteer (distilled from dataDir), keeping everything else, its id
// included.
func convertNER(in, out, dataDir, gazPath string, update bool, sio stdio) error {
	logf := func(format string, a ...any) { fmt.Fprintf(sio.err, format+"\n", a...) }
	m, err := readModelFile(in, "")
	if err != nil {
		return fmt.Errorf("train-ner: %w", err)
	}
	if m.Header.Gazetteer != "" {
		return fmt.Errorf("train-ner: %s is already stored against a shared gazetteer", in)
	}
	gz, err := lexicon.BuildGazetteer(dataDir)
	if err != nil {
		return fmt.Errorf("train-ner: %w", err)
	}
	g, err := sharedGazetteer(gz, gazPath, update, logf)
	if err != nil {
		return fmt.Errorf("train-ner: %w", err)
	}
	if err := m.ShareGazetteer(g); err != nil {
		return fmt.Errorf("train-ner: %w", err)
	}
	if out == "" {
		out = filepath.Join("internal", "models", "ner-"+m.Header.Lang+".gz")
	}
	size, err := writeGzip(out, m.Save)
	if err != nil {
		return fmt.Errorf("train-ner: %w", err)
	}
	fmt.Fprintf(sio.out, "%s: wrote %s (%d bytes), %d gazetteer slots differ from the shared one\n", m.Header.ID, out, size, m.GazetteerPatch())
	return nil
}
