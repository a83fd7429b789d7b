package com.waymark.insight.themes;

import java.util.ArrayList;
import java.util.List;

/**
 * The words side of taxonomy matching: cosine between a text's TF-IDF vector and the TF-IDF of all a
 * theme's descriptions together, over a vocabulary of this run's texts plus the descriptions. It adds
 * little on its own but corrects the embedding where a theme's telling words (rota, deficit, thank)
 * are present.
 */
final class LexicalThemeScorer {

    private final Lexicon lexicon;
    private final float[][] themes;
    private final int texts;

    LexicalThemeScorer(TermAnalyzer analyzer, ThemeTaxonomy taxonomy, List<String> texts) {
        List<String> all = new ArrayList<>(texts);
        taxonomy.themes().forEach(t -> all.addAll(t.descriptions()));
        this.lexicon = new Lexicon(analyzer, all, 2);
        this.texts = texts.size();
        this.themes = new float[taxonomy.size()][];
        for (int t = 0; t < taxonomy.size(); t++) {
            float[] bag = new float[lexicon.size()];
            for (String description : taxonomy.themes().get(t).descriptions()) {
                lexicon.tfidf(description).addTo(bag, 0, 1);
            }
            themes[t] = Vectors.normalized(bag);
        }
    }

    /** Row {@code i}: text {@code i}'s cosine with each theme. */
    double[][] scores() {
        double[][] scores = new double[texts][themes.length];
        for (int i = 0; i < texts; i++) {
            SparseVector v = lexicon.tfidf(i);
            for (int t = 0; t < themes.length; t++) {
                scores[i][t] = v.dot(themes[t], 0);
            }
        }
        return scores;
    }
}
