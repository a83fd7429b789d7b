package com.waymark.insight.themes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.IOUtils;

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
        // Typographic apostrophes (phones type them) would hide "don’t" from the stop list; same length, same offsets.
        text = text.replace('\u2019', '\'');
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

    /**
     * Snowball's English stop words (shipped with Lucene; fuller than the analyzer's default) plus the
     * filler of first-person reflections: time words and verbs of reporting that every theme shares.
     */
    private static CharArraySet stopWords() {
        try (var reader = IOUtils.getDecodingReader(SnowballFilter.class, "english_stop.txt", StandardCharsets.UTF_8)) {
            CharArraySet set = new CharArraySet(WordlistLoader.getSnowballWordSet(reader), true);
            set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            set.addAll(List.of("can", "will", "just", "also", "still", "really", "even", "much", "many", "lot",
                    "bit", "get", "got", "getting", "go", "going", "went", "gone", "make", "made", "say", "said",
                    "told", "asked", "think", "thought", "know", "knew", "feel", "felt", "feeling", "want", "wanted",
                    "need", "needed", "try", "tried", "trying", "now", "yet", "first", "last", "next", "today",
                    "yesterday", "tomorrow", "week", "weeks", "month", "months", "year", "years", "time", "times",
                    "day", "days", "thing", "things", "something", "way", "one", "two", "three", "back", "actually",
                    "better", "well", "like", "ve", "ll", "re", "s", "t", "d", "m", "may", "might", "must", "shall"));
            return CharArraySet.unmodifiableSet(set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
