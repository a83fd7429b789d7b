package com.waymark.insight.themes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Labels each theme with its most distinctive terms by class-based TF-IDF (as in BERTopic): a term's
 * frequency within the theme, normalised by the theme's length, times {@code log(1 + A / f)} where
 * {@code A} is the mean number of terms per theme and {@code f} the term's frequency everywhere.
 * Terms are Lucene stems and two-word phrases; each is shown in its commonest written form.
 */
public final class ThemeLabeller {

    private final int topTerms;

    public ThemeLabeller(int topTerms) {
        this.topTerms = topTerms;
    }

    /** The top terms of each theme {@code 0..k-1}, most distinctive first. */
    public List<List<String>> label(Lexicon lexicon, int[] assignment, int k) {
        int v = lexicon.size();
        double[][] tf = new double[k][v];
        int[][] docs = new int[k][v];
        int[] sizes = new int[k];
        double[] total = new double[v];
        double[] classLength = new double[k];
        for (int i = 0; i < assignment.length; i++) {
            int c = assignment[i];
            sizes[c]++;
            int[] ids = lexicon.termIds(i);
            float[] counts = lexicon.termCounts(i);
            for (int p = 0; p < ids.length; p++) {
                tf[c][ids[p]] += counts[p];
                docs[c][ids[p]]++;
                total[ids[p]] += counts[p];
                classLength[c] += counts[p];
            }
        }
        double average = 0;
        for (double length : classLength) {
            average += length / k;
        }
        List<List<String>> labels = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            final int cluster = c;
            // A term used in a single reflection of a larger theme describes that reflection, not the theme.
            int minDocs = sizes[c] >= 4 ? 2 : 1;
            double[] weight = new double[v];
            List<Integer> candidates = new ArrayList<>();
            for (int t = 0; t < v; t++) {
                if (docs[c][t] >= minDocs && classLength[c] > 0) {
                    weight[t] = tf[c][t] / classLength[c] * Math.log(1 + average / total[t]);
                    candidates.add(t);
                }
            }
            candidates.sort(Comparator.comparingDouble((Integer t) -> -weight[t])
                    .thenComparing(t -> lexicon.stem(t)));
            labels.add(pick(lexicon, candidates));
        }
        return labels;
    }

    /** Skips a term whose words the terms already chosen cover ("board" after "board meeting"). */
    private List<String> pick(Lexicon lexicon, List<Integer> ranked) {
        List<String> chosen = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (int t : ranked) {
            if (chosen.size() == topTerms) {
                break;
            }
            String[] words = lexicon.stem(t).split(" ");
            boolean redundant = true;
            for (String w : words) {
                redundant &= covered.contains(w);
            }
            if (redundant) {
                continue;
            }
            covered.addAll(List.of(words));
            chosen.add(lexicon.surface(t));
        }
        return chosen;
    }
}
