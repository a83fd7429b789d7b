package com.waymark.insight.themes;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClusteringMetricsTest {

    private static final List<String> LABELS = List.of("a", "a", "a", "b", "b", "b");

    @Test
    void identicalPartitionsUnderRenamingScoreOne() {
        var s = ClusteringMetrics.score(LABELS, List.of(7, 7, 7, 3, 3, 3));
        assertThat(s.nmi()).isCloseTo(1.0, within(1e-12));
        assertThat(s.ari()).isCloseTo(1.0, within(1e-12));
        assertThat(s.accuracy()).isEqualTo(1.0);
    }

    @Test
    void knownValuesMatchScikitLearn() {
        // sklearn: normalized_mutual_info_score / adjusted_rand_score([0,0,0,1,1,1], [0,0,1,1,2,2])
        List<Integer> clusters = List.of(0, 0, 1, 1, 2, 2);
        assertThat(ClusteringMetrics.nmi(LABELS, clusters)).isCloseTo(0.5158037429793889, within(1e-9));
        assertThat(ClusteringMetrics.ari(LABELS, clusters)).isCloseTo(0.24242424242424243, within(1e-9));
        // Best one-to-one map: 0->a (2 right), 2->b (2 right); cluster 1 stays unmatched.
        assertThat(ClusteringMetrics.accuracy(LABELS, clusters)).isCloseTo(4.0 / 6, within(1e-12));
    }

    @Test
    void oneBigClusterCarriesNoInformation() {
        List<Integer> clusters = List.of(0, 0, 0, 0, 0, 0);
        assertThat(ClusteringMetrics.nmi(LABELS, clusters)).isEqualTo(0.0);
        assertThat(ClusteringMetrics.ari(LABELS, clusters)).isEqualTo(0.0);
        assertThat(ClusteringMetrics.accuracy(LABELS, clusters)).isEqualTo(0.5);
    }

    @Test
    void accuracyUsesTheBestMappingNotTheGreedyOne() {
        // x->a (3) and y->b (1) or z->b (1): 4 of 8; mapping x to b instead would give only 3.
        List<String> labels = List.of("a", "a", "a", "a", "b", "b", "b", "b");
        List<String> clusters = List.of("x", "x", "x", "y", "x", "x", "y", "z");
        assertThat(ClusteringMetrics.accuracy(labels, clusters)).isCloseTo(4.0 / 8, within(1e-12));
        assertThat(Hungarian.minimumCostAssignment(new double[][] {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}}))
                .containsExactly(1, 0, 2);
    }

    @Test
    void moreClustersThanLabelsIsAllowed() {
        assertThat(ClusteringMetrics.accuracy(List.of("a", "b"), List.of(1, 2))).isEqualTo(1.0);
        assertThat(ClusteringMetrics.accuracy(List.of("a", "a", "b"), List.of(1, 2, 3))).isCloseTo(2.0 / 3, within(1e-12));
    }
}
