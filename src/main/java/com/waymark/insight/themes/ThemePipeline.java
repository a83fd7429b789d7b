package com.waymark.insight.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reflections in, themes out: embeds the texts (unless given vectors), groups them, labels each group
 * with its distinctive terms and names it from the coaching taxonomy where it matches.
 * <p>
 * Coaching themes are semantic and share their words, so unsupervised clusters of reflections follow
 * topics (the board, the ICB) rather than themes. When the texts are close to the taxonomy, each is
 * therefore assigned to its best-matching taxonomy theme, the taxonomy's exemplars acting as weak
 * supervision; themes too small to stand on their own are folded into their members' next best, and
 * a sizeable group of texts far from every theme is clustered on its own into new, unnamed themes. Texts
 * unrelated to coaching (or an empty taxonomy) are clustered without supervision: k-means over the
 * sentence embeddings plus lexical TF-IDF, with k chosen by silhouette. The number of themes is
 * chosen automatically in both cases unless given.
 */
public final class ThemePipeline {

    /**
     * Tuning, fixed on public data and a development third of the coaching set (see the eval README).
     *
     * @param seed           for k-means; the same seed gives the same themes
     * @param lexicalWeight  weight of the TF-IDF block against the embedding block (unsupervised path)
     * @param lexicalThemeWeight weight of word overlap with a theme's descriptions (taxonomy path)
     * @param gateMargin     a text is "about coaching" when its closeness to the taxonomy is at most this
     *                       much below its closeness to its nearest fellow texts
     * @param minThemeShare  the smallest share of the texts (at least two) that a theme may keep
     * @param newThemeShare  the share of texts far from the taxonomy above which they form new themes
     * @param topTerms       label length
     */
    public record Options(long seed, double lexicalWeight, double lexicalThemeWeight, double gateMargin, double minThemeShare,
                          double newThemeShare, int topTerms) {

        public static Options defaults() {
            return new Options(42, 0.3, 0.3, 0.10, 0.02, 0.10, 8);
        }

        public Options withSeed(long newSeed) {
            return new Options(newSeed, lexicalWeight, lexicalThemeWeight, gateMargin, minThemeShare, newThemeShare,
                    topTerms);
        }

        public Options withTopTerms(int newTopTerms) {
            return new Options(seed, lexicalWeight, lexicalThemeWeight, gateMargin, minThemeShare, newThemeShare,
                    newTopTerms);
        }
    }

    /** How many texts the on-topic test compares each text with. */
    static final int NEIGHBOUR_REFERENCE = 500;
    private static final double DUPLICATE = 0.98;
    /** Over this many texts, the on-topic test runs on a sample first (see {@link #onTopic}). */
    static final int ON_TOPIC_SAMPLE = 2000;

    private final Embedder embedder;
    private final TaxonomyMatcher matcher;
    private final Options options;
    private final TermAnalyzer analyzer = new TermAnalyzer();
    private final List<List<List<TermAnalyzer.Term>>> descriptionTerms;

    public ThemePipeline(Embedder embedder, ThemeTaxonomy taxonomy) {
        this(embedder, taxonomy, Options.defaults());
    }

    public ThemePipeline(Embedder embedder, ThemeTaxonomy taxonomy, Options options) {
        this.embedder = embedder;
        this.matcher = taxonomy.isEmpty() ? null : new TaxonomyMatcher(taxonomy, embedder);
        this.options = options;
        this.descriptionTerms = taxonomy.themes().stream()
                .map(t -> t.descriptions().stream().map(analyzer::terms).toList()).toList();
    }

    public Embedder embedder() {
        return embedder;
    }

    /** Themes with their number chosen automatically. */
    public List<Theme> run(List<String> texts) {
        return run(texts, null, OptionalInt.empty());
    }

    /**
     * @param embeddings one vector per text from {@link #embedder()} (for example stored with the
     *                   reflection), or null to embed now
     * @param k          the number of themes wanted, or empty to choose it
     */
    public List<Theme> run(List<String> texts, List<float[]> embeddings, OptionalInt k) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<float[]> vectors = embeddings != null ? embeddings : embedder.embed(texts);
        if (vectors.size() != texts.size()) {
            throw new IllegalArgumentException("one embedding per text is needed");
        }
        float[][] x = vectors.stream().map(Vectors::normalized).toArray(float[][]::new);
        List<List<TermAnalyzer.Term>> parsed = Lexicon.parse(analyzer, texts);
        Lexicon lexicon = Lexicon.ofParsed(analyzer, parsed, 2);
        TaxonomyMatcher.Match[] matches = matcher == null ? null
                : Arrays.stream(x).parallel().map(matcher::match).toArray(TaxonomyMatcher.Match[]::new);
        double[][] scores = matcher == null ? null : themeScores(matches, parsed);
        boolean[] onTopic = matcher == null ? new boolean[x.length] : onTopic(x, matches);
        int matched = 0;
        for (boolean b : onTopic) {
            matched += b ? 1 : 0;
        }
        int[] assignment = matched * 2 >= x.length
                ? byTaxonomy(x, parsed, lexicon, scores, onTopic, k)
                : unsupervised(x, lexicon, k);
        return describe(assignment, lexicon, scores, onTopic);
    }

    /** Embedding contrast plus a little lexical overlap, per text and taxonomy theme. */
    private double[][] themeScores(TaxonomyMatcher.Match[] matches, List<List<TermAnalyzer.Term>> parsed) {
        double[][] scores = Arrays.stream(matches).map(TaxonomyMatcher.Match::scores).toArray(double[][]::new);
        if (options.lexicalThemeWeight() > 0) {
            double[][] lexical = new LexicalThemeScorer(analyzer, parsed, descriptionTerms).scores();
            for (int i = 0; i < scores.length; i++) {
                for (int t = 0; t < scores[i].length; t++) {
                    scores[i][t] += options.lexicalThemeWeight() * lexical[i][t];
                }
            }
        }
        return scores;
    }

    // ---- assignment ----

    /** Each text to its best taxonomy theme; small themes folded; far-away texts maybe into new themes. */
    private int[] byTaxonomy(float[][] x, List<List<TermAnalyzer.Term>> parsed, Lexicon lexicon, double[][] scores,
                             boolean[] onTopic, OptionalInt k) {
        int n = x.length;
        int themes = matcher.size();
        boolean[] alive = new boolean[themes];
        Arrays.fill(alive, true);
        int[] assignment = best(scores, alive);
        int minSize = Math.max(2, (int) Math.ceil(options.minThemeShare() * n));
        // Fold the smallest theme into its members' next choices until every theme is big enough (or k remain).
        while (true) {
            int[] sizes = sizes(assignment, themes);
            int smallest = -1;
            int living = 0;
            for (int t = 0; t < themes; t++) {
                if (alive[t]) {
                    living++;
                    if (smallest < 0 || sizes[t] < sizes[smallest]) {
                        smallest = t;
                    }
                }
            }
            boolean tooMany = k.isPresent() && living > k.getAsInt();
            if (living <= 1 || !(sizes[smallest] < minSize || tooMany)) {
                break;
            }
            alive[smallest] = false;
            assignment = best(scores, alive);
        }
        if (k.isPresent()) {
            int living = 0;
            for (boolean a : alive) {
                living += a ? 1 : 0;
            }
            // The taxonomy cannot supply that many themes: fall back to plain clustering.
            return living == k.getAsInt() ? assignment : unsupervised(x, lexicon, k);
        }
        int[] far = indexes(onTopic, false);
        if (far.length >= Math.max(10, options.newThemeShare() * n)) {
            int[] sub = unsupervised(subset(x, far), Lexicon.ofParsed(analyzer, subset(parsed, far), 2), k);
            for (int i = 0; i < far.length; i++) {
                assignment[far[i]] = themes + sub[i];
            }
        }
        return assignment;
    }

    private int[] unsupervised(float[][] x, Lexicon lexicon, OptionalInt k) {
        int width = embedder.clusteringWidth();
        float[][] topical = width >= x[0].length ? x
                : Arrays.stream(x).map(v -> Vectors.normalized(Arrays.copyOf(v, width))).toArray(float[][]::new);
        Features features = features(topical, lexicon);
        ThemeClusterer clusterer = new ThemeClusterer(options.seed());
        return (k.isPresent() ? clusterer.cluster(features, k.getAsInt()) : clusterer.clusterAuto(features)).assignment();
    }

    private Features features(float[][] x, Lexicon lexicon) {
        if (options.lexicalWeight() <= 0 || lexicon.size() == 0) {
            return Features.dense(x);
        }
        float scale = (float) Math.sqrt(options.lexicalWeight());
        SparseVector[] sparse = new SparseVector[x.length];
        for (int i = 0; i < x.length; i++) {
            SparseVector v = lexicon.tfidf(i);
            float[] values = v.values().clone();
            for (int j = 0; j < values.length; j++) {
                values[j] *= scale;
            }
            sparse[i] = new SparseVector(v.indexes(), values);
        }
        return new Features(x, sparse, lexicon.size());
    }

    /**
     * Which texts speak to the taxonomy: closeness to the nearest theme descriptions compared with
     * closeness to the nearest fellow texts. Programming questions sit far closer to each other than
     * to any coaching exemplar; reflections sit about as close to the exemplars as to each other.
     * Neighbours are looked for among at most {@value #NEIGHBOUR_REFERENCE} texts spread over the set, so the
     * test means the same for 300 reflections as for 100,000 (in a larger reference every text would find
     * closer neighbours) and stays linear. A copy of the same text (cosine 0.98 or more) is no neighbour.
     * Over {@value #ON_TOPIC_SAMPLE} texts, a sample is tested first; when under half the share that would
     * form new themes is far, the untested texts count as on topic.
     */
    private boolean[] onTopic(float[][] x, TaxonomyMatcher.Match[] matches) {
        int n = x.length;
        int[] reference = evenly(n, NEIGHBOUR_REFERENCE);
        float[][] referenceColumns = Vectors.transpose(subset(x, reference), x[0].length);
        boolean[] on = new boolean[n];
        if (n > ON_TOPIC_SAMPLE) {
            // Judge a sample first: when nearly all of it is on topic, the few far texts would stay in their
            // best theme anyway (fewer than newThemeShare make no theme of their own), so the rest need no test.
            int[] sample = evenly(n, ON_TOPIC_SAMPLE);
            int far = 0;
            for (int i : sample) {
                on[i] = isOnTopic(x, matches, reference, referenceColumns, i);
                far += on[i] ? 0 : 1;
            }
            if (far < options.newThemeShare() * sample.length / 2) {
                boolean[] tested = new boolean[n];
                for (int i : sample) {
                    tested[i] = true;
                }
                for (int i = 0; i < n; i++) {
                    on[i] = on[i] || !tested[i];
                }
                return on;
            }
        }
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> on[i] = isOnTopic(x, matches, reference, referenceColumns, i));
        return on;
    }

    private boolean isOnTopic(float[][] x, TaxonomyMatcher.Match[] matches, int[] reference, float[][] referenceColumns,
                              int i) {
        double[] top = new double[3];
        Arrays.fill(top, Double.NEGATIVE_INFINITY);
        int found = 0;
        float[] dots = Vectors.dotAll(x[i], referenceColumns);
        for (int r = 0; r < reference.length; r++) {
            double s = reference[r] == i ? DUPLICATE : dots[r];
            if (s < DUPLICATE) {
                found++;
                insertDescending(top, s);
            }
        }
        double neighbours = 0;
        for (int t = 0; t < Math.min(3, found); t++) {
            neighbours += top[t] / Math.min(3, found);
        }
        // With no fellow texts to compare, closeness to the taxonomy is all there is.
        return found == 0 || matches[i].affinity() >= neighbours - options.gateMargin();
    }

    /** {@code m} indexes spread evenly over {@code 0..n-1} (all of them when {@code n <= m}). */
    private static int[] evenly(int n, int m) {
        if (n <= m) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        int[] out = new int[m];
        for (int r = 0; r < m; r++) {
            out[r] = (int) ((long) r * n / m);
        }
        return out;
    }

    private static void insertDescending(double[] top, double value) {
        for (int k = 0; k < top.length; k++) {
            if (value > top[k]) {
                System.arraycopy(top, k, top, k + 1, top.length - k - 1);
                top[k] = value;
                return;
            }
        }
    }

    // ---- description ----

    private List<Theme> describe(int[] assignment, Lexicon lexicon, double[][] scores, boolean[] onTopic) {
        int[] dense = renumberBySize(assignment);
        int k = Arrays.stream(dense).max().orElse(-1) + 1;
        List<List<String>> labels = new ThemeLabeller(options.topTerms()).label(lexicon, dense, k);
        List<Theme> themes = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < dense.length; i++) {
                if (dense[i] == c) {
                    members.add(i);
                }
            }
            String taxonomyId = null;
            String name = null;
            double match = Double.NaN;
            if (scores != null) {
                int best = nameFor(members, scores, onTopic);
                match = best < 0 ? Double.NaN : members.stream().mapToDouble(i -> scores[i][best]).average().orElse(0);
                if (best >= 0) {
                    ThemeTaxonomy.Entry entry = matcher.taxonomy().themes().get(best);
                    taxonomyId = entry.id();
                    name = entry.name();
                }
            }
            themes.add(new Theme(c, taxonomyId, name, labels.get(c), members, match));
        }
        return themes;
    }

    /**
     * The taxonomy theme that most members prefer, if those members are on topic and a majority;
     * -1 when no theme fits the group closely enough to lend it a name.
     */
    private int nameFor(List<Integer> members, double[][] scores, boolean[] onTopic) {
        int[] votes = new int[matcher.size()];
        boolean[] all = new boolean[matcher.size()];
        Arrays.fill(all, true);
        for (int i : members) {
            if (onTopic[i]) {
                votes[argmax(scores[i], all)]++;
            }
        }
        int best = 0;
        for (int t = 1; t < votes.length; t++) {
            if (votes[t] > votes[best]) {
                best = t;
            }
        }
        return votes[best] * 2 > members.size() ? best : -1;
    }

    // ---- helpers ----

    private static int[] best(double[][] scores, boolean[] alive) {
        int[] a = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            a[i] = argmax(scores[i], alive);
        }
        return a;
    }

    private static int argmax(double[] s, boolean[] alive) {
        int best = -1;
        for (int t = 0; t < s.length; t++) {
            if (alive[t] && (best < 0 || s[t] > s[best])) {
                best = t;
            }
        }
        return best;
    }

    private static int[] sizes(int[] assignment, int k) {
        int[] sizes = new int[k];
        for (int a : assignment) {
            sizes[a]++;
        }
        return sizes;
    }

    /** Cluster ids 0..k-1 by decreasing size (ties: first appearance), so output order is stable. */
    static int[] renumberBySize(int[] assignment) {
        int max = Arrays.stream(assignment).max().orElse(-1) + 1;
        int[] sizes = sizes(assignment, max);
        int[] first = new int[max];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (int i = assignment.length - 1; i >= 0; i--) {
            first[assignment[i]] = i;
        }
        Integer[] order = new Integer[max];
        for (int c = 0; c < max; c++) {
            order[c] = c;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer c) -> -sizes[c]).thenComparingInt(c -> first[c]));
        int[] rank = new int[max];
        for (int r = 0; r < max; r++) {
            rank[order[r]] = sizes[order[r]] > 0 ? r : -1;
        }
        return Arrays.stream(assignment).map(c -> rank[c]).toArray();
    }

    private static int[] indexes(boolean[] flags, boolean value) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] == value) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static float[][] subset(float[][] x, int[] rows) {
        return Arrays.stream(rows).mapToObj(r -> x[r]).toArray(float[][]::new);
    }

    private static <T> List<T> subset(List<T> items, int[] rows) {
        return Arrays.stream(rows).mapToObj(items::get).toList();
    }
}
