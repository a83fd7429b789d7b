package com.waymark.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

import com.waymark.insight.themes.ClusteringMetrics;
import com.waymark.insight.themes.CombinedEmbedder;
import com.waymark.insight.themes.Embedder;
import com.waymark.insight.themes.OnnxEmbedder;
import com.waymark.insight.themes.Theme;
import com.waymark.insight.themes.ThemePipeline;
import com.waymark.insight.themes.ThemeTaxonomy;
import com.waymark.insight.themes.TopicQuality;
import org.slf4j.LoggerFactory;

/**
 * {@code themes-eval FILE [--k N] [--model both|bge|minilm] [--taxonomy FILE|none] [--seed S] [--cache DIR]}: runs the
 * whole theme pipeline on {@code label<TAB>text} rows and scores the themes against the labels.
 * The labels are used for scoring only; the pipeline never sees them.
 */
public final class ThemesEval implements Subcommand {

    /** One labelled row. */
    record Row(String label, String text) {
    }

    @Override
    public String name() {
        return "themes-eval";
    }

    @Override
    public String description() {
        return "FILE [--k N] [--model both|bge|minilm] [--taxonomy FILE|none] [--cache DIR]: theme pipeline on label<TAB>text rows; NMI/ARI/ACC";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        long start = System.nanoTime();
        quietNativeLoaders();
        Path file = null;
        OptionalInt k = OptionalInt.empty();
        String model = "both";
        String taxonomyArg = null;
        long seed = ThemePipeline.Options.defaults().seed();
        Path cache = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--k" -> k = OptionalInt.of(positive(value(args, ++i, a), a));
                case "--model" -> model = value(args, ++i, a);
                case "--taxonomy" -> taxonomyArg = value(args, ++i, a);
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--cache" -> cache = Path.of(value(args, ++i, a));
                default -> {
                    if (a.startsWith("--") || file != null) {
                        throw new IllegalArgumentException("unexpected argument " + a);
                    }
                    file = Path.of(a);
                }
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("usage: themes-eval FILE [--k N] [--model both|bge|minilm] [--taxonomy FILE|none]");
        }
        List<Row> rows = read(file);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " has no rows");
        }
        ThemeTaxonomy taxonomy = taxonomyArg == null ? ThemeTaxonomy.bundled()
                : taxonomyArg.equals("none") ? ThemeTaxonomy.empty() : ThemeTaxonomy.load(Path.of(taxonomyArg));
        List<String> texts = rows.stream().map(Row::text).toList();
        List<String> labels = rows.stream().map(Row::label).toList();
        out.printf("themes-eval: %s, %d rows, %d labels%n", file, rows.size(), labels.stream().distinct().count());

        List<OnnxEmbedder> models = models(model);
        try {
            Embedder model0 = models.size() == 1 ? models.get(0) : new CombinedEmbedder(models);
            model0.embed("warm up the model before timing it");
            // Throughput of the models themselves, on up to 256 of the texts (all of them without a cache).
            List<String> timed = cache == null ? texts : texts.subList(0, Math.min(256, texts.size()));
            long t0 = System.nanoTime();
            List<float[]> vectors = model0.embed(timed);
            double embedSeconds = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "embedding: %s, %d texts in %.1f s = %.1f sentences/s (%d cores)%n", model0.name(),
                    timed.size(), embedSeconds, timed.size() / embedSeconds, Runtime.getRuntime().availableProcessors());
            CachingEmbedder caching = cache == null ? null : new CachingEmbedder(model0, cache);
            Embedder embedder = caching == null ? model0 : caching;
            if (caching != null) {
                vectors = caching.embed(texts);
            }

            ThemePipeline pipeline = new ThemePipeline(embedder, taxonomy, ThemePipeline.Options.defaults().withSeed(seed).withTopTerms(10));
            long t1 = System.nanoTime();
            List<Theme> themes = pipeline.run(texts, vectors, k);
            out.printf(Locale.ROOT, "themes: %d found (%s) in %.1f s%n", themes.size(), k.isPresent() ? "k given" : "k chosen",
                    (System.nanoTime() - t1) / 1e9);
            if (caching != null) {
                caching.save();
            }

            List<Integer> clusters = new ArrayList<>(java.util.Collections.nCopies(texts.size(), -1));
            for (Theme theme : themes) {
                theme.members().forEach(i -> clusters.set(i, theme.id()));
                out.println(describe(theme, labels));
            }
            ClusteringMetrics.Scores s = ClusteringMetrics.score(labels, clusters);
            out.printf("metrics: NMI=%.3f ARI=%.3f ACC=%.3f (NMI arithmetic-mean normalised; ACC by Hungarian matching)%n",
                    s.nmi(), s.ari(), s.accuracy());
            TopicQuality.Scores quality = TopicQuality.score(themes.stream().map(Theme::topTerms).toList(), texts, 10);
            out.printf(Locale.ROOT, "labels: topic diversity=%.3f (distinct share of the top-10 terms), NPMI coherence=%.3f%n",
                    quality.diversity(), quality.npmi());
            out.printf(Locale.ROOT, "themes-eval: n=%d k=%d NMI=%.3f ARI=%.3f ACC=%.3f seconds=%.1f%n", texts.size(),
                    themes.size(), s.nmi(), s.ari(), s.accuracy(), (System.nanoTime() - start) / 1e9);
            return 0;
        } finally {
            models.forEach(OnnxEmbedder::close);
        }
    }

    private static String describe(Theme theme, List<String> labels) {
        Map<String, Integer> counts = new HashMap<>();
        theme.members().forEach(i -> counts.merge(labels.get(i), 1, Integer::sum));
        Map.Entry<String, Integer> top = counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow();
        String name = theme.name() == null ? "(unnamed)"
                : String.format(Locale.ROOT, "%s (%.2f)", theme.name(), theme.taxonomyMatch());
        return String.format(Locale.ROOT, "  theme %2d n=%-4d %-45s terms: %s | most common label: %s %d%%",
                theme.id(), theme.size(), name, String.join(", ", theme.topTerms()), top.getKey(),
                Math.round(100.0 * top.getValue() / theme.size()));
    }

    /** {@code label<TAB>text} rows; a header whose first field is label, theme or topic is skipped. */
    static List<Row> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected label<TAB>text");
            }
            String label = line.substring(0, tab).trim();
            if (i == 0 && List.of("label", "theme", "topic").contains(label.toLowerCase(Locale.ROOT))) {
                continue;
            }
            rows.add(new Row(label, line.substring(tab + 1)));
        }
        return rows;
    }

    private static List<OnnxEmbedder> models(String model) {
        if (model.equals("both")) {
            return List.of(new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL), new OnnxEmbedder(OnnxEmbedder.Model.MINILM));
        }
        return List.of(new OnnxEmbedder(OnnxEmbedder.Model.parse(model)));
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int positive(String value, String option) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return n;
    }

    /** Without Spring, logback logs everything; the native-library loaders are chatty. */
    static void quietNativeLoaders() {
        for (String name : List.of("ai.djl", "ai.onnxruntime", "dev.langchain4j")) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.ERROR);
            }
        }
    }
}
