package com.waymark.insight.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How close a reflection is to each taxonomy theme, from the theme's definition and exemplars.
 * <p>
 * A theme's score is the mean cosine to its three nearest descriptions (nearest neighbours beat a
 * single averaged prototype: a theme covers several situations), measured after subtracting the mean
 * of all descriptions. That subtraction removes what every reflection shares (first person, NHS
 * setting) and leaves what tells themes apart; it depends only on the taxonomy, so a period of five
 * reflections is scored the same way as a period of five hundred.
 */
public final class TaxonomyMatcher {

    private static final int NEAREST = 3;

    private final ThemeTaxonomy taxonomy;
    private final float[] centre;
    private final List<float[][]> raw = new ArrayList<>();
    private final List<float[][]> centred = new ArrayList<>();

    public TaxonomyMatcher(ThemeTaxonomy taxonomy, Embedder embedder) {
        this.taxonomy = taxonomy;
        List<float[]> all = new ArrayList<>();
        for (ThemeTaxonomy.Entry theme : taxonomy.themes()) {
            float[][] vectors = embedder.embed(theme.descriptions()).stream().map(Vectors::normalized)
                    .toArray(float[][]::new);
            raw.add(vectors);
            all.addAll(Arrays.asList(vectors));
        }
        this.centre = Vectors.mean(all, embedder.dimension());
        for (float[][] vectors : raw) {
            centred.add(Arrays.stream(vectors).map(v -> Vectors.normalized(Vectors.minus(v, centre)))
                    .toArray(float[][]::new));
        }
    }

    public ThemeTaxonomy taxonomy() {
        return taxonomy;
    }

    public int size() {
        return taxonomy.size();
    }

    /** One score per theme, in taxonomy order: the contrast that decides between themes. */
    public double[] scores(float[] vector) {
        float[] x = Vectors.normalized(Vectors.minus(Vectors.normalized(vector), centre));
        double[] scores = new double[centred.size()];
        for (int t = 0; t < scores.length; t++) {
            scores[t] = nearestMean(x, centred.get(t));
        }
        return scores;
    }

    /** Plain cosine closeness to the nearest theme: does this text talk about coaching themes at all? */
    public double affinity(float[] vector) {
        float[] x = Vectors.normalized(vector);
        double best = Double.NEGATIVE_INFINITY;
        for (float[][] theme : raw) {
            best = Math.max(best, nearestMean(x, theme));
        }
        return best;
    }

    /** A text's vector as the matcher compares it: unit length, taxonomy mean removed, unit length again. */
    float[] centred(float[] vector) {
        return Vectors.normalized(Vectors.minus(Vectors.normalized(vector), centre));
    }

    static double nearestMean(float[] x, float[][] descriptions) {
        double[] top = new double[NEAREST];
        Arrays.fill(top, Double.NEGATIVE_INFINITY);
        for (float[] d : descriptions) {
            double s = Vectors.dot(x, d);
            for (int k = 0; k < NEAREST; k++) {
                if (s > top[k]) {
                    System.arraycopy(top, k, top, k + 1, NEAREST - k - 1);
                    top[k] = s;
                    break;
                }
            }
        }
        double sum = 0;
        int count = 0;
        for (double v : top) {
            if (v > Double.NEGATIVE_INFINITY) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
