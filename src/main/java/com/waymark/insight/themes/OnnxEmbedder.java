package com.waymark.insight.themes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * A small quantised sentence-embedding model run in-process by ONNX Runtime. The weights ship inside
 * the langchain4j model jars, so nothing is downloaded at run time. Vectors come back L2-normalised.
 */
public final class OnnxEmbedder implements Embedder, AutoCloseable {

    /** The models on the classpath. */
    public enum Model {
        /** BAAI bge-small-en-v1.5 (MIT), 384 dimensions, CLS pooling. */
        BGE_SMALL("bge-small-en-v1.5-q", BgeSmallEnV15QuantizedEmbeddingModel::new),
        /** sentence-transformers all-MiniLM-L6-v2 (Apache-2.0), 384 dimensions, mean pooling; faster. */
        MINILM("all-minilm-l6-v2-q", AllMiniLmL6V2QuantizedEmbeddingModel::new);

        private final String id;
        private final Function<ExecutorService, EmbeddingModel> factory;

        Model(String id, Function<ExecutorService, EmbeddingModel> factory) {
            this.id = id;
            this.factory = factory;
        }

        public String id() {
            return id;
        }

        /** Accepts the id or a short form: {@code bge}, {@code minilm}. */
        public static Model parse(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            for (Model m : values()) {
                if (m.id.equals(n) || m.name().toLowerCase(Locale.ROOT).startsWith(n) || m.id.startsWith(n)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown embedding model " + name + " (bge or minilm)");
        }
    }

    private final Model model;
    private final ExecutorService workers;
    private final EmbeddingModel delegate;

    public OnnxEmbedder(Model model) {
        this(model, Runtime.getRuntime().availableProcessors());
    }

    /** {@code threads} sentences are encoded at once; each ONNX run is single-sentence (no padding waste). */
    public OnnxEmbedder(Model model, int threads) {
        this.model = model;
        AtomicInteger ids = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "embedder-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.delegate = model.factory.apply(workers);
    }

    @Override
    public String name() {
        return model.id();
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text != null && !text.isBlank()) {
                segments.add(TextSegment.from(text));
                positions.add(i);
            }
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            vectors.add(new float[dimension()]);
        }
        if (!segments.isEmpty()) {
            var embedded = delegate.embedAll(segments).content();
            for (int i = 0; i < positions.size(); i++) {
                vectors.set(positions.get(i), embedded.get(i).vector());
            }
        }
        return vectors;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
