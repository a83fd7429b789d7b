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

    /**
     * @param texts        the run's texts, split into terms
     * @param descriptions each theme's descriptions, split into terms (in taxonomy order)
     */
    LexicalThemeScorer(TermAnalyzer analyzer, List<List<TermAnalyzer.Term>> texts,
                       List<List<List<TermAnalyzer.Term>>> descriptions) {
        List<List<TermAnalyzer.Term>> all = new ArrayList<>(texts);
        descriptions.forEach(all::addAll);
        this.lexicon = Lexicon.ofParsed(analyzer, all, 2);
        this.texts = texts.size();
        this.themes = new float[descriptions.size()][];
        int row = texts.size();
        for (int t = 0; t < descriptions.size(); t++) {
            float[] bag = new float[lexicon.size()];
            for (int d = 0; d < descriptions.get(t).size(); d++) {
                lexicon.tfidf(row++).addTo(bag, 0, 1);
            }
            themes[t] = Vectors.normalized(bag);
        }
    }

    /** Row {@code i}: text {@code i}'s cosine with each theme. */
    double[][] scores() {
        double[][] scores = new double[texts][themes.length];
        java.util.stream.IntStream.range(0, texts).parallel().forEach(i -> {
            SparseVector v = lexicon.tfidf(i);
            for (int t = 0; t < themes.length; t++) {
                scores[i][t] = v.dot(themes[t], 0);
            }
        });
        return scores;
    }
}
