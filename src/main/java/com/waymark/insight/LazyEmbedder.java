package com.waymark.insight;

import java.util.ArrayList;
import java.util.List;

import com.waymark.insight.themes.CombinedEmbedder;
import com.waymark.insight.themes.Embedder;
import com.waymark.insight.themes.OnnxEmbedder;

/**
 * Both ONNX models side by side ({@link CombinedEmbedder}), loaded on the first text to embed: loading them takes
 * seconds and a few hundred MB, which neither start-up nor a test that never embeds should pay. Name and dimension
 * are known without loading, so stored vectors can be checked against them for free (EmbeddingConfigurationTest
 * checks they equal the loaded model's). The models run on threads of their own that take only idle CPU
 * ({@link com.waymark.insight.themes.IdlePriority}): whoever embeds, people's turns come first.
 */
final class LazyEmbedder implements Embedder, AutoCloseable {

    /** The dimension of each of the shipped models. */
    static final int MODEL_DIMENSION = 384;

    private final List<OnnxEmbedder.Model> models;
    private final int threads;
    private volatile CombinedEmbedder loaded;
    private final List<OnnxEmbedder> parts = new ArrayList<>();
    private boolean closed;

    LazyEmbedder(List<OnnxEmbedder.Model> models, int threads) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no models");
        }
        this.models = List.copyOf(models);
        this.threads = threads;
    }

    @Override
    public String name() {
        return String.join("+", models.stream().map(OnnxEmbedder.Model::id).toList());
    }

    @Override
    public int dimension() {
        return MODEL_DIMENSION * models.size();
    }

    @Override
    public int clusteringWidth() {
        return MODEL_DIMENSION;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        return model().embed(texts);
    }

    boolean isLoaded() {
        return loaded != null;
    }

    private CombinedEmbedder model() {
        CombinedEmbedder model = loaded;
        if (model == null) {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("the embedding models were closed");
                }
                if (loaded == null) {
                    for (OnnxEmbedder.Model m : models) {
                        parts.add(new OnnxEmbedder(m, threads, true));
                    }
                    loaded = new CombinedEmbedder(parts);
                }
                model = loaded;
            }
        }
        return model;
    }

    @Override
    public synchronized void close() {
        closed = true;
        loaded = null;
        parts.forEach(OnnxEmbedder::close);
        parts.clear();
    }
}
