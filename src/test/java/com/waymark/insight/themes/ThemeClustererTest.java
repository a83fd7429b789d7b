package com.waymark.insight.themes;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThemeClustererTest {

    /** {@code groups} well-separated Gaussian blobs of {@code each} points in 16 dimensions. */
    static float[][] blobs(int groups, int each, long seed) {
        Random random = new Random(seed);
        float[][] centres = new float[groups][16];
        for (float[] c : centres) {
            for (int d = 0; d < c.length; d++) {
                c[d] = (float) (random.nextGaussian() * 5);
            }
        }
        float[][] x = new float[groups * each][];
        for (int i = 0; i < x.length; i++) {
            float[] p = centres[i / each].clone();
            for (int d = 0; d < p.length; d++) {
                p[d] += (float) (random.nextGaussian() * 0.5);
            }
            x[i] = p;
        }
        return x;
    }

    static int[] truth(int groups, int each) {
        int[] t = new int[groups * each];
        for (int i = 0; i < t.length; i++) {
            t[i] = i / each;
        }
        return t;
    }

    @Test
    void choosesTheNumberOfSeparatedGroups() {
        for (int groups : new int[] {3, 5, 8}) {
            float[][] x = blobs(groups, 30, groups);
            ThemeClusterer.Clustering c = new ThemeClusterer(7).clusterAuto(Features.dense(x));
            assertThat(c.k()).as("groups=%d", groups).isEqualTo(groups);
            assertThat(ClusteringMetrics.nmi(boxed(truth(groups, 30)), boxed(c.assignment()))).isEqualTo(1.0);
        }
    }

    @Test
    void weakStructureIsNotCutIntoTwo() {
        // 512 points of noise in 16 dimensions with a mild split: the best silhouette is weak, so k starts at ∛512 = 8.
        float[][] x = blobs(2, 256, 5);
        Random random = new Random(1);
        for (float[] p : x) {
            for (int d = 0; d < p.length; d++) {
                p[d] = p[d] * 0.02f + (float) random.nextGaussian();
            }
        }
        ThemeClusterer.Clustering c = new ThemeClusterer(3).clusterAuto(Features.dense(x));
        assertThat(c.silhouette()).isLessThan(ThemeClusterer.STRUCTURE);
        assertThat(c.k()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void largeInputsAreFittedOnASampleAndEveryItemAssigned() {
        float[][] x = blobs(4, 5_500, 9);
        ThemeClusterer.Clustering c = new ThemeClusterer(2).cluster(Features.dense(x), 4);
        assertThat(ClusteringMetrics.nmi(boxed(truth(4, 5_500)), boxed(c.assignment()))).isEqualTo(1.0);
    }

    @Test
    void sameSeedSameThemes() {
        float[][] x = blobs(6, 40, 11);
        int[] a = new ThemeClusterer(3).clusterAuto(Features.dense(x)).assignment();
        int[] b = new ThemeClusterer(3).clusterAuto(Features.dense(x)).assignment();
        assertThat(a).containsExactly(b);
        assertThat(new ThemeClusterer(3).cluster(Features.dense(x), 4).assignment())
                .containsExactly(new ThemeClusterer(3).cluster(Features.dense(x), 4).assignment());
    }

    @Test
    void givenKIsRespectedAndTinyInputsAreOneTheme() {
        float[][] x = blobs(4, 10, 5);
        int[] a = new ThemeClusterer(1).cluster(Features.dense(x), 4).assignment();
        assertThat(Arrays.stream(a).distinct().count()).isEqualTo(4);
        assertThat(new ThemeClusterer(1).clusterAuto(Features.dense(Arrays.copyOf(x, 4))).k()).isEqualTo(1);
    }

    @Test
    void sparseLexicalBlockTakesPart() {
        // Identical dense parts; only the sparse block tells the two groups apart.
        float[][] dense = new float[20][2];
        SparseVector[] sparse = new SparseVector[20];
        for (int i = 0; i < 20; i++) {
            sparse[i] = new SparseVector(new int[] {i < 10 ? 0 : 1}, new float[] {1});
        }
        int[] a = new ThemeClusterer(1).clusterAuto(new Features(dense, sparse, 2)).assignment();
        assertThat(ClusteringMetrics.nmi(boxed(truth(2, 10)), boxed(a))).isEqualTo(1.0);
    }

    static java.util.List<Integer> boxed(int[] a) {
        return Arrays.stream(a).boxed().toList();
    }
}
