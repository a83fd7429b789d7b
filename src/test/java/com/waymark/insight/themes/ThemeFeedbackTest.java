package com.waymark.insight.themes;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each kind of coach feedback changes the next run's themes as intended. */
class ThemeFeedbackTest {

    private static final ThemeTaxonomy TAXONOMY = new ThemeTaxonomy(List.of(
            new ThemeTaxonomy.Entry("rest", "Rest", "", List.of("tired sleep", "sleep rest", "rest tired", "tired evening")),
            new ThemeTaxonomy.Entry("money", "Money", "", List.of("budget deficit", "deficit savings", "savings budget",
                    "budget money")),
            new ThemeTaxonomy.Entry("time", "Time", "", List.of("meetings diary", "diary busy", "busy meetings",
                    "meetings calendar"))));

    private static final List<String> TEXTS = List.of(
            "tired sleep", "sleep rest", "rest tired", "tired sleep rest", "sleep tired",
            "budget deficit", "deficit savings", "savings budget", "budget deficit savings", "deficit budget",
            "meetings diary", "diary busy", "busy meetings", "meetings diary busy", "diary meetings");

    private static List<Theme> run(ThemeTaxonomy taxonomy, List<String> texts) {
        return new ThemePipeline(new ThemePipelineTest.BagOfWords(), taxonomy).run(texts);
    }

    private static Optional<Theme> theme(List<Theme> themes, String taxonomyId) {
        return themes.stream().filter(t -> taxonomyId.equals(t.taxonomyId())).findFirst();
    }

    @Test
    void renameChangesTheDisplayNameOnly() {
        List<Theme> before = run(TAXONOMY, TEXTS);
        List<Theme> after = run(TAXONOMY.withFeedback(List.of(new ThemeFeedback.Rename("money", "Budgets and savings"))), TEXTS);
        assertThat(theme(after, "money").orElseThrow().name()).isEqualTo("Budgets and savings");
        assertThat(theme(before, "money").orElseThrow().name()).isEqualTo("Money");
        assertThat(after).extracting(Theme::members).isEqualTo(before.stream().map(Theme::members).toList());
    }

    @Test
    void mergeFoldsOneThemeIntoAnother() {
        ThemeTaxonomy merged = TAXONOMY.withFeedback(List.of(new ThemeFeedback.Merge("time", "rest"),
                new ThemeFeedback.Rename("time", "Time and rest")));
        assertThat(merged.find("time")).isEmpty();
        assertThat(merged.find("rest").orElseThrow().exemplars()).contains("meetings diary");
        List<Theme> themes = run(merged, TEXTS);
        assertThat(themes).hasSize(2);
        Theme rest = theme(themes, "rest").orElseThrow();
        assertThat(rest.members()).containsExactly(0, 1, 2, 3, 4, 10, 11, 12, 13, 14);
        // Feedback about the merged theme follows it into the theme it joined.
        assertThat(rest.name()).isEqualTo("Time and rest");
    }

    @Test
    void notAboutLowersTheThemeForThatTextAndSimilarOnes() {
        List<String> texts = new java.util.ArrayList<>(TEXTS);
        texts.add("tired budget deficit meetings");           // 15: leans to money
        texts.add("tired budget deficit meetings again");     // 16: much like it
        texts.add("savings deficit money");                   // 17: plainly money, unlike the counter-example
        List<Theme> before = run(TAXONOMY, texts);
        assertThat(withText(before, 5).members()).contains(15, 16, 17);
        ThemeTaxonomy corrected = TAXONOMY.withFeedback(List.of(
                new ThemeFeedback.NotAbout("tired budget deficit meetings", "money")));
        assertThat(corrected.find("money").orElseThrow().notAbout()).containsExactly("tired budget deficit meetings");
        List<Theme> after = run(corrected, texts);
        assertThat(withText(after, 5).members()).doesNotContain(15, 16).contains(17);
        assertThat(after.stream().mapToInt(Theme::size).sum()).isEqualTo(texts.size());
    }

    /** The theme that text {@code i} (a plain money text) is in. */
    private static Theme withText(List<Theme> themes, int i) {
        return themes.stream().filter(t -> t.members().contains(i)).findFirst().orElseThrow();
    }

    @Test
    void moreLikeAddsAnExemplar() {
        List<String> texts = List.of("rota gaps", "rota gaps again", "tired sleep", "sleep rest", "rest tired",
                "meetings diary", "diary busy");
        assertThat(theme(run(TAXONOMY, texts), "money").map(Theme::members).orElse(List.of())).doesNotContain(0);
        List<Theme> after = run(TAXONOMY.withFeedback(List.of(new ThemeFeedback.MoreLike("rota gaps", "money"))), texts);
        assertThat(theme(after, "money").orElseThrow().members()).containsExactly(0, 1);
    }

    @Test
    void feedbackAboutUnknownThemesIsSkippedAndBadValuesRefused() {
        assertThat(TAXONOMY.withFeedback(List.of(new ThemeFeedback.Rename("gone", "x"),
                new ThemeFeedback.Merge("rest", "gone")))).isEqualTo(TAXONOMY);
        assertThatThrownBy(() -> new ThemeFeedback.Merge("rest", "rest")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThemeFeedback.Rename("rest", " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
