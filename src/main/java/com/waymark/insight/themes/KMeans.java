package com.waymark.insight.themes;

import java.util.Arrays;
import java.util.Random;

/**
 * Lloyd's k-means with k-means++ seeding and restarts, on {@link Features}. Deterministic for a seed.
 * Sparse lexical rows make centroids dense over the vocabulary, which stays cheap for the few
 * thousand terms of one period's reflections.
 *
 * <p>Why not Commons Math's {@code KMeansPlusPlusClusterer} (tried for issue 15): it takes each item as a
 * dense {@code double[]}, so StackOverflow's 20,000 titles over 384 + 9,979 dimensions would need 1.7 GB
 * before it starts; it cannot start from given centroids (as {@link ThemeClusterer} does over more than
 * 20,000 items); and on CounselChat's questions (themes-eval, themes-speed) it took 2.7 to 4.9 times as
 * long, for an NMI within 0.02 of this one's (one seed).
 */
public final class KMeans {

    /** A partition: cluster of each item, the centroids, and the within-cluster sum of squares. */
    public record Result(int[] assignment, float[][] centroids, double inertia) {

        public int k() {
            return centroids.length;
        }
    }

    private final int restarts;
    private final int maxIterations;

    public KMeans(int restarts, int maxIterations) {
        this.restarts = restarts;
        this.maxIterations = maxIterations;
    }

    public Result cluster(Features x, int k, long seed) {
        Random random = new Random(seed);
        Result best = null;
        for (int r = 0; r < restarts; r++) {
            Result result = lloyd(x, seedPlusPlus(x, k, random), maxIterations);
            if (best == null || result.inertia() < best.inertia()) {
                best = result;
            }
        }
        return best;
    }

    /** Runs from given starting centroids (for example, taxonomy themes). */
    public Result refine(Features x, float[][] start) {
        float[][] copy = new float[start.length][];
        for (int c = 0; c < start.length; c++) {
            copy[c] = start[c].clone();
        }
        return lloyd(x, copy, maxIterations);
    }

    static Result lloyd(Features x, float[][] centroids, int maxIterations) {
        int n = x.size();
        int k = centroids.length;
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        double inertia = Double.MAX_VALUE;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double[] centroidNorms = squaredNorms(centroids);
            boolean changed = false;
            inertia = 0;
            for (int i = 0; i < n; i++) {
                int bestC = 0;
                double bestD = Double.MAX_VALUE;
                for (int c = 0; c < k; c++) {
                    double d = centroidNorms[c] - 2 * x.dot(i, centroids[c]);
                    if (d < bestD) {
                        bestD = d;
                        bestC = c;
                    }
                }
                inertia += Math.max(0, bestD + x.squaredNorm(i));
                if (assignment[i] != bestC) {
                    assignment[i] = bestC;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            centroids = means(x, assignment, k, centroids);
        }
        return new Result(assignment, centroids, inertia);
    }

    /** Cluster means; an emptied cluster keeps its previous centroid. */
    static float[][] means(Features x, int[] assignment, int k, float[][] previous) {
        float[][] sums = new float[k][x.dimension()];
        int[] counts = new int[k];
        for (int i = 0; i < x.size(); i++) {
            x.addTo(i, sums[assignment[i]], 1);
            counts[assignment[i]]++;
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                sums[c] = previous[c].clone();
            } else {
                for (int d = 0; d < sums[c].length; d++) {
                    sums[c][d] /= counts[c];
                }
            }
        }
        return sums;
    }

    static float[][] seedPlusPlus(Features x, int k, Random random) {
        int n = x.size();
        float[][] centroids = new float[k][];
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.MAX_VALUE);
        int first = random.nextInt(n);
        centroids[0] = new float[x.dimension()];
        x.addTo(first, centroids[0], 1);
        int last = first;
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], x.squaredDistance(i, last));
                total += nearest[i];
            }
            double target = random.nextDouble() * total;
            int chosen = n - 1;
            for (int i = 0; i < n; i++) {
                target -= nearest[i];
                if (target <= 0) {
                    chosen = i;
                    break;
                }
            }
            centroids[c] = new float[x.dimension()];
            x.addTo(chosen, centroids[c], 1);
            last = chosen;
        }
        return centroids;
    }

    static double[] squaredNorms(float[][] vectors) {
        double[] norms = new double[vectors.length];
        for (int c = 0; c < vectors.length; c++) {
            double s = 0;
            for (float v : vectors[c]) {
                s += v * v;
            }
            norms[c] = s;
        }
        return norms;
    }
}
