package com.waymark.insight.themes;

import java.util.List;

/** Turns texts into unit-length sentence vectors. Implementations are thread-safe. */
public interface Embedder {

    /** A short stable name, recorded next to stored vectors so a model change is noticed. */
    String name();

    int dimension();

    /** One vector per text, in order; a blank text gets the zero vector. */
    List<float[]> embed(List<String> texts);

    /**
     * How many leading dimensions of each vector the topic clustering uses: all of them, except for a
     * {@link CombinedEmbedder}, whose first model alone clusters topical text best.
     */
    default int clusteringWidth() {
        return dimension();
    }

    default float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }
}
