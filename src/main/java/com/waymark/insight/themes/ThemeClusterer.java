package com.waymark.insight.themes;

import java.util.Arrays;
import java.util.Random;

/**
 * Groups items into themes with k-means, choosing the number of themes when it is not given: k-means
 * for each candidate k on a fixed sample, and the k with the best mean silhouette wins. When even the
 * best silhouette shows only weak structure (under {@link #STRUCTURE}), the search starts at a floor of
 * the cube root of the sample size (9 for 800 texts, 13 for 2,000), because a flat silhouette falls
 * with k and would otherwise always pick two groups. The same seed gives the same themes.
 */
public final class ThemeClusterer {

    /** The chosen partition and the silhouette that chose it (NaN when k was given). */
    public record Clustering(int[] assignment, int k, double silhouette) {
    }

    /**
     * The mean silhouette from which a partition counts as real structure (Kaufman and Rousseeuw call
     * anything under 0.25 weak or none). Sentence embeddings of short texts rarely reach it.
     */
    static final double STRUCTURE = 0.25;

    /** The most items the final k-means runs on with restarts; the rest join by {@link #REFINE_PASSES} Lloyd passes. */
    static final int FINAL_SAMPLE = 20_000;
    static final int REFINE_PASSES = 10;

    private final long seed;
    private final int minK;
    private final int maxK;
    private final int sampleSize;
    private final KMeans kMeans;
    private final KMeans quickKMeans;

    public ThemeClusterer(long seed) {
        this(seed, 2, 40, 2000);
    }

    public ThemeClusterer(long seed, int minK, int maxK, int sampleSize) {
        this.seed = seed;
        this.minK = minK;
        this.maxK = maxK;
        this.sampleSize = sampleSize;
        this.kMeans = new KMeans(5, 100);
        this.quickKMeans = new KMeans(3, 50);
    }

    /**
     * k-means with restarts on at most {@link #FINAL_SAMPLE} items; over more, the centroids found on a
     * sample are refined by a few Lloyd passes over all items, which keeps the cost linear.
     */
    public Clustering cluster(Features x, int k) {
        if (k <= 1 || x.size() <= 1) {
            return new Clustering(new int[x.size()], Math.min(1, x.size()), Double.NaN);
        }
        k = Math.min(k, x.size());
        if (x.size() <= FINAL_SAMPLE) {
            return new Clustering(kMeans.cluster(x, k, seed).assignment(), k, Double.NaN);
        }
        KMeans.Result onSample = kMeans.cluster(subset(x, sample(x.size(), FINAL_SAMPLE)), k, seed);
        return new Clustering(KMeans.lloyd(x, onSample.centroids(), REFINE_PASSES).assignment(), k, Double.NaN);
    }

    public Clustering clusterAuto(Features x) {
        int n = x.size();
        int upper = Math.min(maxK, n / 3);
        if (upper < minK) {
            return cluster(x, 1);
        }
        int[] sample = sample(n, sampleSize);
        Features s = subset(x, sample);
        double[][] distance = distances(s);
        double[] scores = new double[upper + 1];
        // Each candidate has its own seed, so running them side by side gives the same answer.
        java.util.stream.IntStream.rangeClosed(minK, upper).parallel().forEach(k ->
                scores[k] = silhouette(distance, quickKMeans.cluster(s, k, seed + k).assignment(), k));
        int bestK = bestBetween(scores, minK, upper);
        // Weak structure: the silhouette of overlapping topics falls steadily with k and so favours two
        // large groups, which tell a coach nothing. Then look only from a floor that grows with the data.
        if (scores[bestK] < STRUCTURE) {
            int floor = Math.max(minK, Math.min(upper, (int) Math.round(Math.cbrt(sample.length))));
            bestK = bestBetween(scores, floor, upper);
        }
        double best = scores[bestK];
        Clustering chosen = cluster(x, bestK);
        return new Clustering(chosen.assignment(), bestK, best);
    }

    private static int bestBetween(double[] scores, int from, int to) {
        int best = from;
        for (int k = from + 1; k <= to; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Mean silhouette (Rousseeuw) over all items; singletons count 0. */
    static double silhouette(double[][] distance, int[] assignment, int k) {
        int n = assignment.length;
        int[] sizes = new int[k];
        for (int c : assignment) {
            sizes[c]++;
        }
        double total = 0;
        double[] sums = new double[k];
        for (int i = 0; i < n; i++) {
            Arrays.fill(sums, 0);
            for (int j = 0; j < n; j++) {
                sums[assignment[j]] += distance[i][j];
            }
            int own = assignment[i];
            if (sizes[own] <= 1) {
                continue;
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            if (b == Double.MAX_VALUE) {
                continue;
            }
            total += (b - a) / Math.max(a, b);
        }
        return total / n;
    }

    private int[] sample(int n, int sampleSize) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (n <= sampleSize) {
            return all;
        }
        Random random = new Random(seed);
        for (int i = 0; i < sampleSize; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, sampleSize);
        Arrays.sort(chosen);
        return chosen;
    }

    static Features subset(Features x, int[] rows) {
        float[][] dense = new float[rows.length][];
        SparseVector[] sparse = new SparseVector[rows.length];
        for (int i = 0; i < rows.length; i++) {
            dense[i] = x.denseRow(rows[i]);
            sparse[i] = x.sparseRow(rows[i]);
        }
        return new Features(dense, sparse, x.dimension() - x.denseWidth());
    }

    private static double[][] distances(Features s) {
        int n = s.size();
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[i][j] = Math.sqrt(s.squaredDistance(i, j));
                d[j][i] = d[i][j];
            }
        }
        return d;
    }
}
