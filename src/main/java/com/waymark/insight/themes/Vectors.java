package com.waymark.insight.themes;

/** Small dense-vector helpers. */
final class Vectors {

    private Vectors() {
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** A unit-length copy; the zero vector stays zero. */
    static float[] normalized(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] out = new float[v.length];
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                out[i] = (float) (v[i] / norm);
            }
        }
        return out;
    }

    static float[] minus(float[] v, float[] m) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - m[i];
        }
        return out;
    }

    static float[] mean(Iterable<float[]> vectors, int dimension) {
        float[] sum = new float[dimension];
        int count = 0;
        for (float[] v : vectors) {
            for (int i = 0; i < dimension; i++) {
                sum[i] += v[i];
            }
            count++;
        }
        for (int i = 0; i < dimension && count > 0; i++) {
            sum[i] /= count;
        }
        return sum;
    }
}
