package com.waymark.insight.themes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Agreement between a clustering and reference labels: NMI (arithmetic-mean normalisation, the
 * scikit-learn default), adjusted Rand index, and clustering accuracy under the best one-to-one
 * mapping of clusters to labels (Hungarian algorithm). Labels and clusters may be any values.
 */
public final class ClusteringMetrics {

    /** The three figures together. */
    public record Scores(double nmi, double ari, double accuracy) {
    }

    private ClusteringMetrics() {
    }

    public static <L, C> Scores score(List<L> labels, List<C> clusters) {
        long[][] table = contingency(labels, clusters);
        return new Scores(nmi(table), ari(table), accuracy(table));
    }

    public static <L, C> double nmi(List<L> labels, List<C> clusters) {
        return nmi(contingency(labels, clusters));
    }

    public static <L, C> double ari(List<L> labels, List<C> clusters) {
        return ari(contingency(labels, clusters));
    }

    public static <L, C> double accuracy(List<L> labels, List<C> clusters) {
        return accuracy(contingency(labels, clusters));
    }

    /** Rows are labels, columns clusters, both in order of first appearance. */
    static <L, C> long[][] contingency(List<L> labels, List<C> clusters) {
        if (labels.size() != clusters.size()) {
            throw new IllegalArgumentException("labels and clusters differ in length");
        }
        Map<L, Integer> rows = new HashMap<>();
        Map<C, Integer> cols = new HashMap<>();
        int[] r = new int[labels.size()];
        int[] c = new int[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            r[i] = rows.computeIfAbsent(labels.get(i), x -> rows.size());
            c[i] = cols.computeIfAbsent(clusters.get(i), x -> cols.size());
        }
        long[][] table = new long[rows.size()][cols.size()];
        for (int i = 0; i < r.length; i++) {
            table[r[i]][c[i]]++;
        }
        return table;
    }

    static double nmi(long[][] table) {
        long n = total(table);
        if (n == 0) {
            return 0;
        }
        long[] a = rowSums(table);
        long[] b = colSums(table);
        double hy = entropy(a, n);
        double hc = entropy(b, n);
        if (hy == 0 && hc == 0) {
            return 1; // both trivial partitions: identical
        }
        double mi = 0;
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < table[i].length; j++) {
                long nij = table[i][j];
                if (nij > 0) {
                    mi += (double) nij / n * Math.log((double) nij * n / ((double) a[i] * b[j]));
                }
            }
        }
        return Math.max(0, mi / ((hy + hc) / 2));
    }

    static double ari(long[][] table) {
        long n = total(table);
        double sumCells = 0;
        for (long[] row : table) {
            for (long nij : row) {
                sumCells += pairs(nij);
            }
        }
        double sumA = 0;
        for (long ai : rowSums(table)) {
            sumA += pairs(ai);
        }
        double sumB = 0;
        for (long bj : colSums(table)) {
            sumB += pairs(bj);
        }
        double expected = sumA * sumB / pairs(n);
        double max = (sumA + sumB) / 2;
        if (max == expected) {
            return 1; // both partitions trivial in the same way
        }
        return (sumCells - expected) / (max - expected);
    }

    static double accuracy(long[][] table) {
        long n = total(table);
        if (n == 0) {
            return 0;
        }
        int size = Math.max(table.length, table.length == 0 ? 0 : table[0].length);
        double[][] cost = new double[size][size];
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < table[i].length; j++) {
                cost[i][j] = -table[i][j];
            }
        }
        int[] match = Hungarian.minimumCostAssignment(cost);
        long matched = 0;
        for (int i = 0; i < table.length; i++) {
            if (match[i] < table[i].length) {
                matched += table[i][match[i]];
            }
        }
        return (double) matched / n;
    }

    private static double entropy(long[] counts, long n) {
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    private static double pairs(long x) {
        return x * (x - 1) / 2.0;
    }

    private static long total(long[][] table) {
        long n = 0;
        for (long[] row : table) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    private static long[] rowSums(long[][] table) {
        long[] sums = new long[table.length];
        for (int i = 0; i < table.length; i++) {
            for (long v : table[i]) {
                sums[i] += v;
            }
        }
        return sums;
    }

    private static long[] colSums(long[][] table) {
        long[] sums = new long[table.length == 0 ? 0 : table[0].length];
        for (long[] row : table) {
            for (int j = 0; j < row.length; j++) {
                sums[j] += row[j];
            }
        }
        return sums;
    }
}
