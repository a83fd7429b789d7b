package com.waymark.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.waymark.insight.themes.Embedder;

/**
 * An embedder that remembers every vector it has computed in a file, as the product stores a
 * reflection's vector when the reflection is stored: {@code themes-eval --cache DIR} reruns on the same
 * texts (and the taxonomy's) without encoding them again. Vectors are keyed by the exact text.
 */
final class CachingEmbedder implements Embedder {

    private final Embedder delegate;
    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();
    private boolean dirty;

    CachingEmbedder(Embedder delegate, Path directory) throws IOException {
        this.delegate = delegate;
        Files.createDirectories(directory);
        this.file = directory.resolve(delegate.name().replaceAll("[^A-Za-z0-9.+-]", "_") + ".vectors");
        if (Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
                int count = in.readInt();
                int dimension = in.readInt();
                for (int i = 0; i < count; i++) {
                    String text = in.readUTF();
                    float[] v = new float[dimension];
                    for (int d = 0; d < dimension; d++) {
                        v[d] = in.readFloat();
                    }
                    vectors.put(text, v);
                }
            }
        }
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public int clusteringWidth() {
        return delegate.clusteringWidth();
    }

    @Override
    public synchronized List<float[]> embed(List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !vectors.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> computed = delegate.embed(missing);
            for (int i = 0; i < missing.size(); i++) {
                vectors.put(missing.get(i), computed.get(i));
            }
            dirty = true;
        }
        List<float[]> out = new ArrayList<>(texts.size());
        texts.forEach(t -> out.add(vectors.get(t).clone()));
        return out;
    }

    /** Writes new vectors to the file (texts longer than a UTF string can hold are not kept). */
    synchronized void save() {
        if (!dirty) {
            return;
        }
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            List<Map.Entry<String, float[]>> kept = vectors.entrySet().stream()
                    .filter(e -> e.getKey().length() < 20_000).toList();
            out.writeInt(kept.size());
            out.writeInt(dimension());
            for (Map.Entry<String, float[]> e : kept) {
                out.writeUTF(e.getKey());
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dirty = false;
    }
}
