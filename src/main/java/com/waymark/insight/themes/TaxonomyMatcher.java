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
 * reflections is scored the same way as a period of five hundred. A theme's counter-examples (coach
 * feedback, {@link ThemeFeedback.NotAbout}) lower its score for texts closer to one of them than to the
 * theme's own nearest description, by the difference.
 */
public final class TaxonomyMatcher {

    private static final int NEAREST = 3;

    private final ThemeTaxonomy taxonomy;
    private final float[] centre;
    private final double centreNorm2;
    private final List<Block> positive = new ArrayList<>();
    private final List<Block> negative = new ArrayList<>();
    /** All positive descriptions' centred vectors, transposed, theme after theme (see {@link Vectors#dotAll}). */
    private final float[][] allPositive;

    /**
     * Descriptions in the matcher's form: centred unit vectors {@code e}, with {@code |d − c|} and
     * {@code c·e} so that plain and centred cosines both come from one dot product {@code u·e}.
     */
    private record Block(float[][] e, double[] length, double[] centreDot) {
    }

    public TaxonomyMatcher(ThemeTaxonomy taxonomy, Embedder embedder) {
        this.taxonomy = taxonomy;
        List<float[][]> raw = new ArrayList<>();
        List<float[]> all = new ArrayList<>();
        for (ThemeTaxonomy.Entry theme : taxonomy.themes()) {
            float[][] vectors = embed(embedder, theme.descriptions());
            raw.add(vectors);
            all.addAll(Arrays.asList(vectors));
        }
        this.centre = Vectors.mean(all, embedder.dimension());
        this.centreNorm2 = Vectors.dot(centre, centre);
        for (int t = 0; t < raw.size(); t++) {
            positive.add(block(raw.get(t)));
            negative.add(block(embed(embedder, taxonomy.themes().get(t).notAbout())));
        }
        this.allPositive = Vectors.transpose(positive.stream().flatMap(b -> Arrays.stream(b.e()))
                .toArray(float[][]::new), embedder.dimension());
    }

    private static float[][] embed(Embedder embedder, List<String> texts) {
        return texts.isEmpty() ? new float[0][]
                : embedder.embed(texts).stream().map(Vectors::normalized).toArray(float[][]::new);
    }

    private Block block(float[][] vectors) {
        float[][] e = new float[vectors.length][];
        double[] length = new double[vectors.length];
        double[] centreDot = new double[vectors.length];
        for (int d = 0; d < vectors.length; d++) {
            float[] offset = Vectors.minus(vectors[d], centre);
            e[d] = Vectors.normalized(offset);
            length[d] = Math.sqrt(Vectors.dot(offset, offset));
            centreDot[d] = Vectors.dot(centre, e[d]);
        }
        return new Block(e, length, centreDot);
    }

    public ThemeTaxonomy taxonomy() {
        return taxonomy;
    }

    public int size() {
        return taxonomy.size();
    }

    /** A text's theme scores ({@link #scores}) and its {@link #affinity}, together. */
    public record Match(double[] scores, double affinity) {
    }

    /** One score per theme, in taxonomy order: the contrast that decides between themes. */
    public double[] scores(float[] vector) {
        return match(vector).scores();
    }

    /** Plain cosine closeness to the nearest theme: does this text talk about coaching themes at all? */
    public double affinity(float[] vector) {
        return match(vector).affinity();
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
        double[] scores = new double[positive.size()];
        double affinity = Double.NEGATIVE_INFINITY;
        float[] dots = Vectors.dotAll(u, allPositive);
        int row = 0;
        for (int t = 0; t < scores.length; t++) {
            Block b = positive.get(t);
            double[] plain = new double[b.e().length];
            double[] contrast = new double[b.e().length];
            double nearest = Double.NEGATIVE_INFINITY;
            for (int d = 0; d < b.e().length; d++) {
                double ue = dots[row++];
                plain[d] = b.length()[d] * ue + uc;
                contrast[d] = (ue - b.centreDot()[d]) / length;
                nearest = Math.max(nearest, contrast[d]);
            }
            scores[t] = nearestMean(contrast);
            affinity = Math.max(affinity, nearestMean(plain));
            Block not = negative.get(t);
            for (int d = 0; d < not.e().length; d++) {
                double closeness = (Vectors.dot(u, not.e()[d]) - not.centreDot()[d]) / length;
                scores[t] -= Math.max(0, closeness - nearest);
                nearest = Math.max(nearest, closeness);
            }
        }
        return new Match(scores, affinity);
    }

    private static double nearestMean(double[] values) {
        double[] top = new double[NEAREST];
        Arrays.fill(top, Double.NEGATIVE_INFINITY);
        for (double s : values) {
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
}
