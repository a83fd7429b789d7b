package com.waymark.insight.themes;

/** Small dense-vector helpers. */
final class Vectors {

    private Vectors() {
    }

    /** Four running sums, so the CPU can overlap the additions (several times faster than one sum). */
    static double dot(float[] a, float[] b) {
        int n = a.length;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (double) s0 + s1 + s2 + s3;
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

    /** Rows as columns: {@code out[d][r] = rows[r][d]}, for {@link #dotAll}. */
    static float[][] transpose(float[][] rows, int dimension) {
        float[][] out = new float[dimension][rows.length];
        for (int r = 0; r < rows.length; r++) {
            for (int d = 0; d < dimension; d++) {
                out[d][r] = rows[r][d];
            }
        }
        return out;
    }

    /**
     * The dot product of {@code u} with every row of a matrix given transposed. Written as a sum of scaled
     * columns, so the inner loop has no running total and the JIT compiles it to SIMD instructions: several
     * times faster than one {@link #dot} per row.
     */
    static float[] dotAll(float[] u, float[][] transposed) {
        int rows = transposed.length == 0 ? 0 : transposed[0].length;
        float[] out = new float[rows];
        for (int d = 0; d < transposed.length; d++) {
            float c = u[d];
            if (c == 0) {
                continue;
            }
            float[] column = transposed[d];
            for (int r = 0; r < rows; r++) {
                out[r] += c * column[r];
            }
        }
        return out;
    }
}
