package com.waymark.insight.themes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits text into terms for lexical features and theme labels: the chain of Lucene's
 * {@link EnglishAnalyzer} (possessives, lower case, English stop words, Porter stems) followed by
 * two-word shingles, so "difficult conversation" counts as one term next to its two words. Each term
 * keeps the text it came from, so labels can show words rather than stems. Thread-safe.
 */
public final class TermAnalyzer {

    /** A stemmed term and the original words it was made from. */
    public record Term(String stem, String surface) {
    }

    private static final CharArraySet STOP_WORDS = stopWords();

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream chain = new EnglishPossessiveFilter(source);
            chain = new LowerCaseFilter(chain);
            chain = new StopFilter(chain, STOP_WORDS);
            chain = new PorterStemFilter(chain);
            ShingleFilter shingles = new ShingleFilter(chain, 2, 2);
            shingles.setFillerToken(FILLER);
            return new TokenStreamComponents(source, shingles);
        }
    };

    private static final String FILLER = "\u2400";

    public List<Term> terms(String text) {
        List<Term> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String stem = term.toString();
                // A shingle across a removed stop word is not a phrase; lone digits and letters say nothing.
                if (stem.contains(FILLER) || stem.length() < 2 || isNumber(stem)) {
                    continue;
                }
                String surface = text.substring(offset.startOffset(), offset.endOffset()).toLowerCase();
                terms.add(new Term(stem, surface.replaceAll("\\s+", " ")));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static boolean isNumber(String stem) {
        for (int i = 0; i < stem.length(); i++) {
            char c = stem.charAt(i);
            if (!Character.isDigit(c) && c != '.' && c != ',' && c != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Lucene's English stop words plus the filler of first-person reflections. */
    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        set.addAll(List.of("i", "me", "my", "myself", "we", "our", "us", "you", "your", "he", "she", "her", "him",
                "his", "they", "them", "their", "its", "it's", "i'm", "i've", "i'd", "i'll", "we're", "we've",
                "am", "been", "being", "do", "does", "did", "doing", "done", "have", "has", "had", "having",
                "can", "could", "would", "should", "will", "shall", "may", "might", "must", "just", "so",
                "very", "really", "still", "also", "too", "about", "after", "again", "all", "any", "more",
                "most", "other", "some", "own", "same", "than", "from", "up", "down", "out", "over", "what",
                "which", "who", "whom", "when", "where", "why", "how", "because", "while", "during", "before",
                "between", "through", "each", "few", "both", "only", "off", "once", "here", "how", "get", "got",
                "don't", "didn't", "can't", "won't", "isn't", "wasn't", "doesn't", "how", "one", "into", "like"));
        return CharArraySet.unmodifiableSet(set);
    }
}
