package com.waymark.teams;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.waymark.insight.InsightPeriod;
import com.waymark.insight.Report;
import com.waymark.insight.ReportHeader;
import com.waymark.insight.ThemeReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each Markdown construct Teams would act on in someone else's words, made inert but still legible. */
class PlainTextTest {

    @Test
    void linksAndImagesDoNotForm() {
        String shown = PlainText.of("[Coaching survey - please sign in](https://evil.example/phish)");
        assertThat(shown).doesNotContain("](").doesNotContain("https://").contains("Coaching survey - please sign in")
                .contains("https[:]//evil[.]example/phish");
        assertThat(PlainText.of("![x](http://evil.example/i.png)")).doesNotContain("](").doesNotContain("http://");
    }

    @Test
    void bareDomainsEmailAndOtherSchemesAreNotAutolinked() {
        assertThat(PlainText.of("see www.evil.example or evil.co.uk")).isEqualTo("see www[.]evil[.]example or evil[.]co[.]uk");
        assertThat(PlainText.of("mail me@evil.example")).isEqualTo("mail me@evil[.]example");
        assertThat(PlainText.of("javascript:alert(1)")).isEqualTo("javascript[:]alert(1)");
        assertThat(PlainText.of("msteams://teams.microsoft.com/l/chat")).doesNotContain("://");
    }

    @Test
    void emphasisHeadingsListsAndTagsAreInert() {
        assertThat(PlainText.of("**bold** _it_ ~~gone~~ `code`")).isEqualTo("∗∗bold∗∗ ˍitˍ ∼∼gone∼∼ ˋcodeˋ");
        assertThat(PlainText.of("<at>Everyone</at> <b>x</b>")).isEqualTo("‹at›Everyone‹/at› ‹b›x‹/b›");
        assertThat(PlainText.of("# Heading")).startsWith("\u200B#");
        assertThat(PlainText.of("- item")).startsWith("\u200B-");
        assertThat(PlainText.of("1. first")).startsWith("\u200B1.");
        assertThat(PlainText.of("> quoted")).isEqualTo("› quoted");
    }

    @Test
    void lineBreaksBidiOverridesAndCardFunctionsAreFlattened() {
        assertThat(PlainText.of("one\n\n- two\r\nthree")).isEqualTo("one - two three");
        assertThat(PlainText.of("abc\u202Eevil")).isEqualTo("abcevil");
        assertThat(PlainText.of("{{DATE(2017-02-14T06:08:39Z, SHORT)}}")).doesNotContain("{{");
    }

    @Test
    void ordinaryWordsAreLeftAlone() {
        for (String text : new String[] {"Dr Priya Raman-Okoye", "Riverside Hospitals NHS FT", "e.g. N.H.S. 3.5 times",
                "Director of nursing, North Ridge ICB", "Time: 17:00", "O'Neil & \"Gee\" $1"}) {
            assertThat(PlainText.of(text)).isEqualTo(text);
        }
        assertThat(PlainText.of(null)).isNull();
    }

    /** The card a coach reads: a quote, a theme's name and a fading theme's name, each someone else's words. */
    @Test
    void theThemesCardShowsQuotesAndThemeNamesAsPlainText() {
        String phish = "[Coaching survey - please sign in](https://evil.example/phish)";
        var line = new ThemeReport.Line("workload", phish, List.of("meetings"), 6, 0.6, ThemeReport.Direction.NEW,
                List.of("Back-to-back meetings all week. " + phish));
        var header = new ReportHeader("North Ridge **cohort**", "over the last two weeks", new InsightPeriod(
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-15T00:00:00Z")), ZoneId.of("Europe/London"), 5, 0);
        JsonNode card = InsightCards.themesCard(new Report<>(header, new ThemeReport(10, List.of(line), 0,
                List.of(phish)))).toJson();
        String shown = card.toString();
        assertThat(shown).contains("Coaching survey - please sign in").contains("evil[.]example/phish")
                .doesNotContain("](").doesNotContain("https://evil").doesNotContain("**cohort**");
    }

    @Test
    void neutralisingTwiceChangesNothingMore() {
        String once = PlainText.of("[x](https://evil.example) **y** # z");
        assertThat(PlainText.of(once)).isEqualTo(once);
    }
}
