package com.waymark.insight.themes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * A small quantised sentence-embedding model run in-process by ONNX Runtime. The weights ship inside
 * the langchain4j model jars, so nothing is downloaded at run time. Vectors come back L2-normalised.
 */
public final class OnnxEmbedder implements Embedder, AutoCloseable {

    /** The models on the classpath. */
    public enum Model {
        /** BAAI bge-small-en-v1.5 (MIT), 384 dimensions, CLS pooling. */
        BGE_SMALL("bge-small-en-v1.5-q", PoolingMode.CLS),
        /** sentence-transformers all-MiniLM-L6-v2 (Apache-2.0), 384 dimensions, mean pooling; faster. */
        MINILM("all-minilm-l6-v2-q", PoolingMode.MEAN);

        private final String id;
        private final PoolingMode pooling;

        Model(String id, PoolingMode pooling) {
            this.id = id;
            this.pooling = pooling;
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

    /**
     * One loaded model per JVM, never closed, as langchain4j's own model classes keep theirs: a session closed while
     * another thread (a digest, the background embedding finishing a reflection at shutdown) still runs it crashes
     * the JVM in native code, and loading a second copy would only cost seconds and memory.
     */
    private static final Map<Model, OnnxBertBiEncoder> LOADED = new ConcurrentHashMap<>();

    private final Model model;
    private final ExecutorService workers;
    private final EmbeddingModel delegate;
    private final boolean idle;

    public OnnxEmbedder(Model model) {
        this(model, Runtime.getRuntime().availableProcessors());
    }

    /**
     * {@code threads} sentences are encoded at once, each single-threaded: ONNX Runtime's own default is a thread
     * per core for every run, which, with several runs at once or turns being answered beside them, only makes
     * threads fight over the same cores. A caller that embeds one text at a time therefore takes one core, never
     * more (the background embedding relies on that).
     */
    public OnnxEmbedder(Model model, int threads) {
        this(model, threads, false);
    }

    /**
     * With {@code idle}, every text is encoded on this embedder's own threads, which run only when the CPU is
     * otherwise idle ({@link IdlePriority}): a single text too, which langchain4j would encode on the caller's thread.
     * For background work that people's turns must never wait behind.
     */
    public OnnxEmbedder(Model model, int threads, boolean idle) {
        this.model = model;
        this.idle = idle;
        OnnxBertBiEncoder encoder = NativeWork.run(() -> LOADED.computeIfAbsent(model, OnnxEmbedder::load));
        AtomicInteger ids = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, threads), idle ? IdlePriority.threads("embedder")
                : r -> {
                    Thread t = new Thread(r, "embedder-" + ids.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.delegate = new InProcessModel(encoder, workers);
    }

    private static OnnxBertBiEncoder load(Model model) {
        try (InputStream onnx = resource(model.id + ".onnx"); InputStream tokenizer = resource(model.id + "-tokenizer.json");
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            return new OnnxBertBiEncoder(environment, environment.createSession(onnx.readAllBytes(), options), tokenizer,
                    model.pooling);
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("could not load the embedding model " + model.id, e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("not on the classpath: " + name);
        }
        return in;
    }

    /** langchain4j's in-process model (tokenising, pooling, splitting long texts, batching over the workers). */
    private static final class InProcessModel extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        InProcessModel(OnnxBertBiEncoder encoder, ExecutorService workers) {
            super(workers);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
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
            var embedded = NativeWork.run(() -> encode(segments));
            for (int i = 0; i < positions.size(); i++) {
                vectors.set(positions.get(i), embedded.get(i).vector());
            }
        }
        return vectors;
    }

    private List<Embedding> encode(List<TextSegment> segments) {
        if (idle && IdlePriority.callerRuns()) {
            List<Embedding> each = new ArrayList<>(segments.size()); // one by one: langchain4j keeps one on this thread
            for (TextSegment segment : segments) {
                each.add(delegate.embedAll(List.of(segment)).content().get(0));
            }
            return each;
        }
        if (!idle || segments.size() > 1) {
            return delegate.embedAll(segments).content(); // several texts: langchain4j spreads them over the workers
        }
        try {
            return workers.submit(() -> delegate.embedAll(segments).content()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a text was encoded", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Stops this embedder's workers; the model itself stays loaded for the JVM (see {@link #LOADED}). */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}
