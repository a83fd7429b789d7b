package com.waymark.insight;

import java.util.List;

import com.waymark.insight.themes.CombinedEmbedder;
import com.waymark.insight.themes.Embedder;
import com.waymark.insight.themes.OnnxEmbedder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LazyEmbedderTest {

    @Test
    void namesItselfLikeTheCombinedModelsWithoutLoadingThemAndLoadsOnFirstUse() {
        try (LazyEmbedder lazy = new LazyEmbedder(List.of(OnnxEmbedder.Model.BGE_SMALL, OnnxEmbedder.Model.MINILM), 2)) {
            CombinedEmbedder same = new CombinedEmbedder(List.of(named(OnnxEmbedder.Model.BGE_SMALL),
                    named(OnnxEmbedder.Model.MINILM)));
            assertThat(lazy.name()).isEqualTo(same.name());
            assertThat(lazy.dimension()).isEqualTo(same.dimension()).isEqualTo(768);
            assertThat(lazy.clusteringWidth()).isEqualTo(same.clusteringWidth());
            assertThat(lazy.isLoaded()).isFalse();

            List<float[]> vectors = lazy.embed(List.of("Held the line on the budget", " "));
            assertThat(lazy.isLoaded()).isTrue();
            assertThat(vectors.get(0)).hasSize(768);
            lazy.close();
            assertThatThrownBy(() -> lazy.embed("again")).isInstanceOf(IllegalStateException.class);
        }
    }

    /** Stands in for a loaded model: only its name and size matter here. */
    private static Embedder named(OnnxEmbedder.Model model) {
        return new Embedder() {
            @Override
            public String name() {
                return model.id();
            }

            @Override
            public int dimension() {
                return LazyEmbedder.MODEL_DIMENSION;
            }

            @Override
            public List<float[]> embed(List<String> texts) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
