package com.waymark.insight.themes;

/** A sparse vector: ascending indexes and their values. */
public record SparseVector(int[] indexes, float[] values) {

    public static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    public double dot(float[] dense, int offset) {
        double sum = 0;
        for (int k = 0; k < indexes.length; k++) {
            sum += values[k] * dense[offset + indexes[k]];
        }
        return sum;
    }

    public void addTo(float[] dense, int offset, double scale) {
        for (int k = 0; k < indexes.length; k++) {
            dense[offset + indexes[k]] += (float) (values[k] * scale);
        }
    }

    public double squaredNorm() {
        double sum = 0;
        for (float v : values) {
            sum += v * v;
        }
        return sum;
    }
}
