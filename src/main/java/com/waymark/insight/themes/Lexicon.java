package com.waymark.insight.themes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms of one collection of texts: a vocabulary of stems and two-word phrases seen in at least
 * {@code minDocs} texts, each text's term counts, and the readable form of each term.
 */
public final class Lexicon {

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<String> stems = new ArrayList<>();
    private final List<String> surfaces = new ArrayList<>();
    private final int[] documentFrequency;
    private final int[][] termIds;
    private final float[][] termCounts;
    private final TermAnalyzer analyzer;

    public Lexicon(TermAnalyzer analyzer, List<String> texts, int minDocs) {
        this(analyzer, parse(analyzer, texts), minDocs, true);
    }

    /** Each text's terms, analysed on all cores (the costliest step over many thousands of texts). */
    static List<List<TermAnalyzer.Term>> parse(TermAnalyzer analyzer, List<String> texts) {
        return texts.parallelStream().map(analyzer::terms).toList();
    }

    /** From texts already split into terms by {@link #parse}. */
    static Lexicon ofParsed(TermAnalyzer analyzer, List<List<TermAnalyzer.Term>> parsed, int minDocs) {
        return new Lexicon(analyzer, parsed, minDocs, true);
    }

    private Lexicon(TermAnalyzer analyzer, List<List<TermAnalyzer.Term>> parsed, int minDocs, boolean isParsed) {
        this.analyzer = analyzer;
        Map<String, Integer> df = new HashMap<>();
        Map<String, Map<String, Integer>> surfaceCounts = new HashMap<>();
        for (List<TermAnalyzer.Term> terms : parsed) {
            terms.stream().map(TermAnalyzer.Term::stem).distinct().forEach(s -> df.merge(s, 1, Integer::sum));
            for (TermAnalyzer.Term t : terms) {
                surfaceCounts.computeIfAbsent(t.stem(), s -> new HashMap<>()).merge(t.surface(), 1, Integer::sum);
            }
        }
        // Sorted so the vocabulary, and everything built on it, is the same on every run.
        df.entrySet().stream().filter(e -> e.getValue() >= minDocs).map(Map.Entry::getKey).sorted()
                .forEach(stem -> {
                    index.put(stem, stems.size());
                    stems.add(stem);
                    surfaces.add(surfaceCounts.get(stem).entrySet().stream()
                            .max(Map.Entry.<String, Integer>comparingByValue()
                                    .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                            .orElseThrow().getKey());
                });
        documentFrequency = new int[stems.size()];
        stems.forEach(s -> documentFrequency[index.get(s)] = df.get(s));
        termIds = new int[parsed.size()][];
        termCounts = new float[parsed.size()][];
        for (int i = 0; i < parsed.size(); i++) {
            int[][] counted = count(parsed.get(i));
            termIds[i] = counted[0];
            termCounts[i] = toFloat(counted[1]);
        }
    }

    public int size() {
        return stems.size();
    }

    public int documents() {
        return termIds.length;
    }

    public String surface(int term) {
        return surfaces.get(term);
    }

    public String stem(int term) {
        return stems.get(term);
    }

    public int documentFrequency(int term) {
        return documentFrequency[term];
    }

    /** Term ids of text {@code doc}, ascending. */
    public int[] termIds(int doc) {
        return termIds[doc];
    }

    public float[] termCounts(int doc) {
        return termCounts[doc];
    }

    /** Smoothed inverse document frequency, as in scikit-learn's TfidfVectorizer. */
    public double idf(int term) {
        return Math.log((1.0 + documents()) / (1.0 + documentFrequency[term])) + 1;
    }

    /** Sublinear TF-IDF of text {@code doc}, L2-normalised (empty if it has no known terms). */
    public SparseVector tfidf(int doc) {
        return tfidf(termIds[doc], termCounts[doc]);
    }

    /** The same weighting for a text outside the collection; unknown terms are ignored. */
    public SparseVector tfidf(String text) {
        int[][] counted = count(analyzer.terms(text));
        return tfidf(counted[0], toFloat(counted[1]));
    }

    private SparseVector tfidf(int[] ids, float[] counts) {
        float[] values = new float[ids.length];
        double norm = 0;
        for (int k = 0; k < ids.length; k++) {
            values[k] = (float) ((1 + Math.log(counts[k])) * idf(ids[k]));
            norm += values[k] * values[k];
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < values.length && norm > 0; k++) {
            values[k] /= (float) norm;
        }
        return new SparseVector(ids, values);
    }

    private int[][] count(List<TermAnalyzer.Term> terms) {
        java.util.TreeMap<Integer, Integer> counts = new java.util.TreeMap<>();
        for (TermAnalyzer.Term t : terms) {
            Integer id = index.get(t.stem());
            if (id != null) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        int[] ids = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
        int[] values = counts.values().stream().mapToInt(Integer::intValue).toArray();
        return new int[][] {ids, values};
    }

    private static float[] toFloat(int[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = values[i];
        }
        return f;
    }
}
