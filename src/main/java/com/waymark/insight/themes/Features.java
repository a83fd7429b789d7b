package com.waymark.insight.themes;

/**
 * The vectors the clusterer works on: per item a dense block (sentence embedding, taxonomy profile;
 * already weighted) followed by a sparse block (lexical TF-IDF, already weighted). Centroids are
 * dense over both blocks: {@code dimension() = denseWidth + sparseWidth}.
 */
public final class Features {

    private final float[][] dense;
    private final SparseVector[] sparse;
    private final int denseWidth;
    private final int sparseWidth;
    private final double[] squaredNorms;

    public Features(float[][] dense, SparseVector[] sparse, int sparseWidth) {
        if (sparse != null && sparse.length != dense.length) {
            throw new IllegalArgumentException("dense and sparse blocks differ in length");
        }
        this.dense = dense;
        this.sparse = sparse;
        this.denseWidth = dense.length == 0 ? 0 : dense[0].length;
        this.sparseWidth = sparse == null ? 0 : sparseWidth;
        this.squaredNorms = new double[dense.length];
        for (int i = 0; i < dense.length; i++) {
            double s = 0;
            for (float v : dense[i]) {
                s += v * v;
            }
            squaredNorms[i] = s + (sparse == null ? 0 : sparse[i].squaredNorm());
        }
    }

    public static Features dense(float[][] vectors) {
        return new Features(vectors, null, 0);
    }

    public int size() {
        return dense.length;
    }

    public int dimension() {
        return denseWidth + sparseWidth;
    }

    public int denseWidth() {
        return denseWidth;
    }

    public float[] denseRow(int i) {
        return dense[i];
    }

    public SparseVector sparseRow(int i) {
        return sparse == null ? SparseVector.EMPTY : sparse[i];
    }

    public double squaredNorm(int i) {
        return squaredNorms[i];
    }

    public double dot(int i, float[] centroid) {
        float[] row = dense[i];
        double sum = 0;
        for (int d = 0; d < denseWidth; d++) {
            sum += row[d] * centroid[d];
        }
        return sparse == null ? sum : sum + sparse[i].dot(centroid, denseWidth);
    }

    public double dot(int i, int j) {
        double sum = 0;
        float[] a = dense[i];
        float[] b = dense[j];
        for (int d = 0; d < denseWidth; d++) {
            sum += a[d] * b[d];
        }
        if (sparse != null) {
            SparseVector x = sparse[i];
            SparseVector y = sparse[j];
            int p = 0;
            int q = 0;
            while (p < x.indexes().length && q < y.indexes().length) {
                int c = Integer.compare(x.indexes()[p], y.indexes()[q]);
                if (c == 0) {
                    sum += x.values()[p++] * y.values()[q++];
                } else if (c < 0) {
                    p++;
                } else {
                    q++;
                }
            }
        }
        return sum;
    }

    public double squaredDistance(int i, int j) {
        return Math.max(0, squaredNorms[i] + squaredNorms[j] - 2 * dot(i, j));
    }

    /** Adds {@code scale} times item {@code i} to a dense vector of length {@link #dimension()}. */
    public void addTo(int i, float[] target, double scale) {
        float[] row = dense[i];
        for (int d = 0; d < denseWidth; d++) {
            target[d] += (float) (row[d] * scale);
        }
        if (sparse != null) {
            sparse[i].addTo(target, denseWidth, scale);
        }
    }
}
