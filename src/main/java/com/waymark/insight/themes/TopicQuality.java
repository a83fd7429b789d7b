package com.waymark.insight.themes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Label quality without labels: topic diversity (the share of distinct terms among the top terms of
 * all themes; 1 when no two themes share a label term) and NPMI coherence (how often a theme's top
 * terms occur in the same texts of the corpus, normalised pointwise mutual information averaged over
 * the term pairs of each theme and then over themes; from -1 to 1, higher is more coherent).
 */
public final class TopicQuality {

    /** Diversity and coherence of a set of theme labels. */
    public record Scores(double diversity, double npmi) {
    }

    private TopicQuality() {
    }

    /**
     * @param labels the top terms of each theme as displayed (words or two-word phrases), at most
     *               {@code top} of each are used
     * @param corpus the texts the themes came from: co-occurrence is counted per text
     */
    public static Scores score(List<List<String>> labels, List<String> corpus, int top) {
        TermAnalyzer analyzer = new TermAnalyzer();
        List<List<String>> stems = new ArrayList<>();
        for (List<String> label : labels) {
            List<String> s = new ArrayList<>();
            for (String term : label.subList(0, Math.min(top, label.size()))) {
                String stem = stem(analyzer, term);
                if (stem != null && !s.contains(stem)) {
                    s.add(stem);
                }
            }
            stems.add(s);
        }
        Set<String> wanted = new HashSet<>();
        stems.forEach(wanted::addAll);
        // Which texts contain each wanted term.
        Map<String, java.util.BitSet> occurs = new HashMap<>();
        for (int d = 0; d < corpus.size(); d++) {
            for (TermAnalyzer.Term t : analyzer.terms(corpus.get(d))) {
                if (wanted.contains(t.stem())) {
                    occurs.computeIfAbsent(t.stem(), k -> new java.util.BitSet()).set(d);
                }
            }
        }
        int total = 0;
        Set<String> distinct = new HashSet<>();
        double coherence = 0;
        int scored = 0;
        double n = corpus.size();
        for (List<String> s : stems) {
            total += s.size();
            distinct.addAll(s);
            double sum = 0;
            int pairs = 0;
            for (int i = 0; i < s.size(); i++) {
                for (int j = i + 1; j < s.size(); j++) {
                    sum += npmi(occurs.get(s.get(i)), occurs.get(s.get(j)), n);
                    pairs++;
                }
            }
            if (pairs > 0) {
                coherence += sum / pairs;
                scored++;
            }
        }
        return new Scores(total == 0 ? Double.NaN : (double) distinct.size() / total,
                scored == 0 ? Double.NaN : coherence / scored);
    }

    private static double npmi(java.util.BitSet a, java.util.BitSet b, double n) {
        if (a == null || b == null || n == 0) {
            return -1;
        }
        java.util.BitSet both = (java.util.BitSet) a.clone();
        both.and(b);
        double pab = both.cardinality() / n;
        if (pab == 0) {
            return -1;
        }
        double pa = a.cardinality() / n;
        double pb = b.cardinality() / n;
        if (pab >= 1) {
            return 1;
        }
        return Math.log(pab / (pa * pb)) / -Math.log(pab);
    }

    /** The stem of a displayed term: the analyzer's term covering the whole of it (the phrase for two words). */
    private static String stem(TermAnalyzer analyzer, String term) {
        List<TermAnalyzer.Term> terms = analyzer.terms(term);
        String best = null;
        for (TermAnalyzer.Term t : terms) {
            if (best == null || t.stem().split(" ").length > best.split(" ").length) {
                best = t.stem();
            }
        }
        return best;
    }
}
