package com.waymark.insight.themes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest's scale: 10,000 stored reflections with precomputed vectors, through the bundled taxonomy.
 * Checks that it finishes and that every row lands in exactly one theme; wall time is measured by
 * {@code themes-speed}, not asserted here.
 */
class ThemePipelineScaleTest {

    @Test
    void tenThousandStoredReflectionsAreAllAssigned() throws IOException {
        List<String> rows = evalTexts();
        ThemePipeline pipeline = new ThemePipeline(new ThemePipelineTest.BagOfWords(), ThemeTaxonomy.bundled());
        Random random = new Random(11);
        int n = 10_000;
        List<String> texts = new ArrayList<>(n);
        List<float[]> vectors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            texts.add(rows.get(random.nextInt(rows.size())));
            float[] v = new float[pipeline.embedder().dimension()];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
            }
            vectors.add(Vectors.normalized(v));
        }
        for (OptionalInt k : List.of(OptionalInt.empty(), OptionalInt.of(12))) {
            List<Theme> themes = pipeline.run(texts, vectors, k);
            int[] seen = new int[n];
            themes.forEach(t -> t.members().forEach(i -> seen[i]++));
            assertThat(Arrays.stream(seen).allMatch(c -> c == 1)).as("each row in exactly one theme").isTrue();
            assertThat(themes).isNotEmpty().allSatisfy(t -> assertThat(t.topTerms()).isNotEmpty());
            k.ifPresent(want -> assertThat(themes).hasSize(want));
        }
    }

    private static List<String> evalTexts() throws IOException {
        try (InputStream in = ThemePipelineScaleTest.class.getResourceAsStream("/eval/coaching-reflections.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.substring(line.indexOf('\t') + 1)).toList();
        }
    }
}
