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
    /** Per theme and description: the length of description − centre, and the centre's dot with its centred unit vector. */
    private final List<double[]> offsetLength = new ArrayList<>();
    private final List<double[]> centreDot = new ArrayList<>();
    private final double centreNorm2;

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
        this.centreNorm2 = Vectors.dot(centre, centre);
        for (float[][] vectors : raw) {
            float[][] c = Arrays.stream(vectors).map(v -> Vectors.normalized(Vectors.minus(v, centre)))
                    .toArray(float[][]::new);
            centred.add(c);
            double[] lengths = new double[c.length];
            double[] dots = new double[c.length];
            for (int d = 0; d < c.length; d++) {
                float[] offset = Vectors.minus(vectors[d], centre);
                lengths[d] = Math.sqrt(Vectors.dot(offset, offset));
                dots[d] = Vectors.dot(centre, c[d]);
            }
            offsetLength.add(lengths);
            centreDot.add(dots);
        }
    }

    /** A text's theme scores ({@link #scores}) and its {@link #affinity}, together. */
    public record Match(double[] scores, double affinity) {
    }

    /**
     * {@link #scores} and {@link #affinity} from one pass over the descriptions: with {@code u} the unit
     * text vector, {@code c} the centre and {@code e} a description's centred unit vector, the plain
     * cosine is {@code |d − c| u·e + u·c} and the centred one {@code (u·e − c·e) / |u − c|}.
     */
    public Match match(float[] vector) {
        float[] u = Vectors.normalized(vector);
        double uc = Vectors.dot(u, centre);
        double length = Math.sqrt(Math.max(1e-12, 1 - 2 * uc + centreNorm2));
        double[] scores = new double[centred.size()];
        double affinity = Double.NEGATIVE_INFINITY;
        double[] plain = new double[0];
        double[] contrast = new double[0];
        for (int t = 0; t < scores.length; t++) {
            float[][] e = centred.get(t);
            double[] lengths = offsetLength.get(t);
            double[] dots = centreDot.get(t);
            if (plain.length < e.length) {
                plain = new double[e.length];
                contrast = new double[e.length];
            }
            for (int d = 0; d < e.length; d++) {
                double ue = Vectors.dot(u, e[d]);
                plain[d] = lengths[d] * ue + uc;
                contrast[d] = (ue - dots[d]) / length;
            }
            scores[t] = nearestMean(contrast, e.length);
            affinity = Math.max(affinity, nearestMean(plain, e.length));
        }
        return new Match(scores, affinity);
    }

    private static double nearestMean(double[] values, int count) {
        double[] top = new double[NEAREST];
        Arrays.fill(top, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < count; i++) {
            double s = values[i];
            for (int k = 0; k < NEAREST; k++) {
                if (s > top[k]) {
                    System.arraycopy(top, k, top, k + 1, NEAREST - k - 1);
                    top[k] = s;
                    break;
                }
            }
        }
        double sum = 0;
        int n = 0;
        for (double v : top) {
            if (v > Double.NEGATIVE_INFINITY) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
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
