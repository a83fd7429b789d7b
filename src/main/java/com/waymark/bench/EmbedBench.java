package com.waymark.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.waymark.insight.VectorCipher;
import com.waymark.insight.themes.CombinedEmbedder;
import com.waymark.insight.themes.Embedder;
import com.waymark.insight.themes.OnnxEmbedder;
import com.waymark.privacy.FieldCipher;
import org.springframework.util.FileSystemUtils;

/**
 * {@code embed-bench [--n 256] [--vectors 100000] [--file TSV]}: what reflection embeddings cost. Embedding
 * throughput of the production model pair on one batch of our coaching reflections (warm-up excluded), then the
 * price of keeping vectors sealed: opening 10k and all {@code --vectors} of them in memory, and reading and opening
 * them from an H2 file database as a digest would.
 */
final class EmbedBench implements Subcommand {

    private static final String REFLECTIONS = "/eval/coaching-reflections.tsv";
    private static final int DIMENSIONS = 768;

    @Override
    public String name() {
        return "embed-bench";
    }

    @Override
    public String description() {
        return "[--n 256] [--vectors 100000] [--file TSV]: embedding sentences/s; cost of opening sealed vectors";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        BenchOptions options = BenchOptions.parse(args, List.of("n", "vectors", "file"));
        int n = options.integer("n", 256, 1, 100_000);
        int count = options.integer("vectors", 100_000, 1, 10_000_000);
        List<String> texts = texts(options.has("file") ? Path.of(options.text("file", null)) : null, n);
        ThemesEval.quietNativeLoaders();

        double perSecond;
        List<OnnxEmbedder> models = List.of(new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL),
                new OnnxEmbedder(OnnxEmbedder.Model.MINILM));
        try {
            Embedder embedder = new CombinedEmbedder(models);
            embedder.embed(texts.subList(0, Math.min(8, texts.size())));
            long t0 = System.nanoTime();
            embedder.embed(texts);
            double seconds = (System.nanoTime() - t0) / 1e9;
            perSecond = texts.size() / seconds;
            out.printf(Locale.ROOT, "embedding: %s, one batch of %d reflections in %.2f s = %.1f sentences/s (%d cores)%n",
                    embedder.name(), texts.size(), seconds, perSecond, Runtime.getRuntime().availableProcessors());
        } finally {
            models.forEach(OnnxEmbedder::close);
        }

        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        VectorCipher cipher = new VectorCipher(new FieldCipher("v1", Map.of("v1", key)));
        Random random = new Random(42);
        List<byte[]> sealed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sealed.add(cipher.seal(randomUnit(random)));
        }
        int small = Math.min(10_000, count);
        open(cipher, sealed, small); // warm-up
        double openSmall = open(cipher, sealed, small);
        double openAll = open(cipher, sealed, count);
        out.printf(Locale.ROOT, "open in memory: %d vectors in %.0f ms, %d in %.0f ms (%.1f us each; %d bytes sealed)%n",
                small, openSmall, count, openAll, 1000 * openAll / count, sealed.get(0).length);

        Path dir = Files.createTempDirectory("embed-bench-");
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("bench"), "sa", "")) {
            db.createStatement().execute("create table reflection_embedding (check_in_id bigint primary key, "
                    + "vector bytea not null)");
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("insert into reflection_embedding values (?, ?)")) {
                for (int i = 0; i < count; i++) {
                    insert.setLong(1, i);
                    insert.setBytes(2, sealed.get(i));
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            db.commit();
            read(db, null, small); // warm-up
            double plainSmall = read(db, null, small);
            double plainAll = read(db, null, count);
            double readSmall = read(db, cipher, small);
            double readAll = read(db, cipher, count);
            out.printf(Locale.ROOT, "read from H2 file: %d vectors in %.0f ms, %d in %.0f ms; read and open: %.0f ms, "
                    + "%.0f ms%n", small, plainSmall, count, plainAll, readSmall, readAll);
            out.printf(Locale.ROOT, "embed-bench: n=%d sentences/s=%.1f open-%d-ms=%.0f open-%d-ms=%.0f read-open-%d-ms=%.0f "
                    + "read-open-%d-ms=%.0f%n", texts.size(), perSecond, small, openSmall, count, openAll, small,
                    readSmall, count, readAll);
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
        return 0;
    }

    private static double open(VectorCipher cipher, List<byte[]> sealed, int count) {
        long t0 = System.nanoTime();
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += cipher.open(sealed.get(i))[0];
        }
        if (Double.isNaN(sum)) {
            throw new IllegalStateException("unexpected NaN");
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Reads the first {@code count} stored vectors, and opens them unless {@code cipher} is null. */
    private static double read(Connection db, VectorCipher cipher, int count) throws Exception {
        long t0 = System.nanoTime();
        int read = 0;
        try (PreparedStatement select = db.prepareStatement("select vector from reflection_embedding "
                + "where check_in_id < ?")) {
            select.setLong(1, count);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byte[] stored = rows.getBytes(1);
                    read += cipher == null ? (stored.length > 0 ? 1 : 0) : cipher.open(stored).length == DIMENSIONS ? 1 : 0;
                }
            }
        }
        if (read != count) {
            throw new IllegalStateException("read " + read + " of " + count);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static float[] randomUnit(Random random) {
        float[] v = new float[DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    /** The first {@code n} texts of {@code label<TAB>text} rows (our reflections by default), repeated if short. */
    private static List<String> texts(Path file, int n) throws IOException {
        List<String> rows;
        if (file != null) {
            rows = ThemesEval.read(file).stream().map(ThemesEval.Row::text).toList();
        } else {
            try (InputStream in = EmbedBench.class.getResourceAsStream(REFLECTIONS)) {
                if (in == null) {
                    throw new IllegalStateException(REFLECTIONS + " is missing from the classpath");
                }
                rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank())
                        .map(l -> l.substring(l.indexOf('\t') + 1)).toList();
            }
        }
        List<String> texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            texts.add(rows.get(i % rows.size()));
        }
        return texts;
    }
}
