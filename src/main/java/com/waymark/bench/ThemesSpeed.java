package com.waymark.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Random;

import com.waymark.insight.themes.CombinedEmbedder;
import com.waymark.insight.themes.Embedder;
import com.waymark.insight.themes.OnnxEmbedder;
import com.waymark.insight.themes.Theme;
import com.waymark.insight.themes.ThemePipeline;
import com.waymark.insight.themes.ThemeTaxonomy;

/**
 * {@code themes-speed FILE [--sizes 1000,10000,100000] [--cache DIR]}: how long the theme pipeline
 * takes over many stored reflections whose vectors are precomputed, as in the pre-session digest.
 * The texts are drawn (with repetition) from FILE's rows; each copy's vector is the real vector of its
 * text plus a little noise (cosine about 0.9996 with it), so no two are identical and the pipeline treats
 * them as copies, as it would treat reflections pasted twice. Model loading and embedding the taxonomy happen
 * once, when the pipeline is built, and are timed apart.
 */
public final class ThemesSpeed implements Subcommand {

    @Override
    public String name() {
        return "themes-speed";
    }

    @Override
    public String description() {
        return "FILE [--sizes 1000,10000,100000] [--cache DIR]: theme pipeline time over stored vectors";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new IllegalArgumentException("usage: themes-speed FILE [--sizes 1000,10000,100000] [--cache DIR]");
        }
        Path file = Path.of(args.get(0));
        BenchOptions options = BenchOptions.parse(args.subList(1, args.size()), List.of("sizes", "cache"));
        int[] sizes = java.util.Arrays.stream(options.text("sizes", "1000,10000,100000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        List<String> rows = ThemesEval.read(file).stream().map(ThemesEval.Row::text).toList();
        List<OnnxEmbedder> models = List.of(new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL),
                new OnnxEmbedder(OnnxEmbedder.Model.MINILM));
        try {
            Embedder embedder = new CombinedEmbedder(models);
            CachingEmbedder caching = options.has("cache") ? new CachingEmbedder(embedder, Path.of(options.text("cache", ""))) : null;
            if (caching != null) {
                embedder = caching;
            }
            long t0 = System.nanoTime();
            ThemePipeline pipeline = new ThemePipeline(embedder, ThemeTaxonomy.bundled());
            out.printf(Locale.ROOT, "pipeline built (taxonomy embedded) in %.2f s%n", (System.nanoTime() - t0) / 1e9);
            List<float[]> base = embedder.embed(rows);
            if (caching != null) {
                caching.save();
            }
            Random random = new Random(7);
            for (int n : sizes) {
                List<String> texts = new ArrayList<>(n);
                List<float[]> vectors = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    int r = random.nextInt(rows.size());
                    texts.add(rows.get(r));
                    float[] v = base.get(r).clone();
                    for (int d = 0; d < v.length; d++) {
                        v[d] += (float) (random.nextGaussian() * 0.001);
                    }
                    vectors.add(v);
                }
                System.gc();
                long used0 = usedMemory();
                long start = System.nanoTime();
                List<Theme> themes = pipeline.run(texts, vectors, OptionalInt.empty());
                double seconds = (System.nanoTime() - start) / 1e9;
                int assigned = themes.stream().mapToInt(Theme::size).sum();
                out.printf(Locale.ROOT, "themes-speed: n=%d themes=%d assigned=%d seconds=%.2f heap=%d MB (vectors %d MB)%n",
                        n, themes.size(), assigned, seconds, Math.max(0, usedMemory() - used0) >> 20,
                        (long) n * base.get(0).length * 4 >> 20);
            }
            return 0;
        } finally {
            models.forEach(OnnxEmbedder::close);
        }
    }

    private static long usedMemory() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
