package com.waymark.insight.themes;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThemeLabellerTest {

    private static final List<String> TEXTS = List.of(
            "Back-to-back meetings all week and my diary is full again.",
            "My diary is packed with meetings; no time to think.",
            "Meetings from eight till six, the diary never clears.",
            "I thanked the porters for their work over the weekend.",
            "Wrote thank-you cards to the porters and the domestic team.",
            "The porters were thanked at the team meeting for their work.");

    @Test
    void distinctiveTermsNameEachGroupInReadableForm() {
        Lexicon lexicon = new Lexicon(new TermAnalyzer(), TEXTS, 2);
        List<List<String>> labels = new ThemeLabeller(3).label(lexicon, new int[] {0, 0, 0, 1, 1, 1}, 2);
        assertThat(labels.get(0)).contains("diary").doesNotContain("porters");
        assertThat(labels.get(1).get(0)).isEqualTo("porters");
        assertThat(labels.get(1)).doesNotContain("diary");
    }

    @Test
    void analyzerStemsDropsStopWordsAndKeepsPhrases() {
        List<TermAnalyzer.Term> terms = new TermAnalyzer().terms("The difficult conversations I've been avoiding");
        assertThat(terms).extracting(TermAnalyzer.Term::stem)
                .contains("difficult", "convers", "avoid", "difficult convers")
                .doesNotContain("the", "i've", "been");
        assertThat(terms).filteredOn(t -> t.stem().equals("difficult convers")).extracting(TermAnalyzer.Term::surface)
                .containsExactly("difficult conversations");
    }

    @Test
    void phraseAcrossARemovedStopWordIsNotATerm() {
        assertThat(new TermAnalyzer().terms("speak up without fear of blame")).extracting(TermAnalyzer.Term::stem)
                .doesNotContain("fear blame").contains("fear", "blame");
    }

    @Test
    void tfidfIsUnitLengthAndIgnoresUnknownTerms() {
        Lexicon lexicon = new Lexicon(new TermAnalyzer(), TEXTS, 2);
        assertThat(Math.sqrt(lexicon.tfidf(0).squaredNorm())).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(lexicon.tfidf("quantum chromodynamics").indexes()).isEmpty();
    }
}
