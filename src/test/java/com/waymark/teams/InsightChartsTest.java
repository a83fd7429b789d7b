package com.waymark.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.waymark.insight.ActionReport;
import com.waymark.insight.InsightPeriod;
import com.waymark.insight.ParticipationReport;
import com.waymark.insight.SessionDigest;
import com.waymark.insight.TeamSummary;
import com.waymark.pairing.PeerCoachingService;
import com.waymark.insight.Report;
import com.waymark.insight.ReportHeader;
import com.waymark.insight.ThemeReport;
import com.waymark.insight.WellbeingReport;
import com.waymark.support.CardSchema;
import org.junit.jupiter.api.Test;

/** The charts of a coach's cards: on the scale people answered on, with labels a coach can read. */
class InsightChartsTest {

    private static final ReportHeader HEADER = new ReportHeader("North Ridge", "over the last six weeks",
            new InsightPeriod(Instant.parse("2026-10-26T00:00:00Z"), Instant.parse("2026-12-07T00:00:00Z")),
            ZoneId.of("Europe/London"), 5, 0);

    @Test
    void theWeeklyMeansRunOnTheOneToFiveScaleWhateverTheData() throws IOException {
        List<WellbeingReport.Week> weeks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            weeks.add(new WellbeingReport.Week(LocalDate.of(2026, 10, 26).plusWeeks(i), 3.1 + i * 0.2, 3.4));
        }
        JsonNode card = InsightCards.wellbeingCard(new Report<>(HEADER, new WellbeingReport(8, 3.6, 3.4, 3.5, 0.1,
                false, List.of(), weeks))).toJson();

        JsonNode line = chart(card, "Chart.Line");
        assertThat(line.path("yMin").asInt()).isEqualTo(1);
        assertThat(line.path("yMax").asInt()).isEqualTo(5);
        assertThat(line.path("yAxisTitle").asText()).isEqualTo("Mean (1–5)");
        for (JsonNode series : line.path("data")) {
            series.path("values").forEach(p -> assertThat(p.path("y").asDouble()).isBetween(1.0, 5.0));
        }
        CardSchema.assertValidWithChartFallbacks(card);
        keep("wellbeing", card);
    }

    @Test
    void themeBarsCarryTheirWholeNamesBesideTheBar() throws IOException {
        List<ThemeReport.Line> lines = List.of(
                new ThemeReport.Line("workload", "Workload and capacity", List.of(), 7, 0.7, ThemeReport.Direction.NEW,
                        List.of()),
                new ThemeReport.Line("system", "System partnership", List.of("winter plan"), 5, 0.5,
                        ThemeReport.Direction.GROWING, List.of()),
                new ThemeReport.Line("finance", "Finance and performance pressure", List.of(), 5, 0.5,
                        ThemeReport.Direction.STEADY, List.of()));
        JsonNode card = InsightCards.themesCard(new Report<>(HEADER, new ThemeReport(10, lines, 0, List.of())))
                .toJson();

        JsonNode bars = chart(card, "Chart.HorizontalBar");
        assertThat(bars.path("data").findValuesAsText("x")).containsExactly("Workload and capacity",
                "System partnership", "Finance and performance pressure");
        assertThat(bars.path("data").findValues("y")).extracting(JsonNode::asInt).containsExactly(7, 5, 5);
        assertThat(bars.path("displayMode").asText()).as("the count at the bar's end").isEqualTo("AbsoluteNoAxis");
        String shown = card.toString();
        assertThat(shown).doesNotContain("Chart.VerticalBar").contains("Words at least 5 people used: winter plan")
                .doesNotContain("Words that stand out");
        assertThat(shown.indexOf("Workload and capacity** · 7 people · new\"")).as("no empty words line")
                .isPositive();
        CardSchema.assertValidWithChartFallbacks(card);
        keep("themes", card);
    }

    @Test
    void aChangeThatRoundsToNothingSaysNoChangeAndTheChartSaysWhichWeeksItSpans() {
        List<WellbeingReport.Week> weeks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            weeks.add(new WellbeingReport.Week(LocalDate.of(2026, 11, 9).plusWeeks(i), 3.3, 3.4));
        }
        String card = InsightCards.wellbeingCard(new Report<>(HEADER, new WellbeingReport(8, 3.3, 3.4, 3.3, 0.02,
                false, List.of(), weeks))).toJson().toString();
        assertThat(card).contains("no change (3.3)").doesNotContain("+0.0").doesNotContain("−0.0")
                .contains("Weekly means, weeks of 9 Nov to 30 Nov");
        assertThat(InsightCards.change(-0.04, 3.3)).isEqualTo("no change (3.3)");
        assertThat(InsightCards.change(0.4, 3.3)).isEqualTo("+0.4 (was 3.3)");
        assertThat(InsightCards.change(-0.26, 3.3)).isEqualTo("−0.3 (was 3.3)");
    }

    @Test
    void aPeriodAcrossANewYearShowsItsYears() {
        ReportHeader since = new ReportHeader("North Ridge", "since 3 Nov 2025", new InsightPeriod(
                Instant.parse("2025-11-03T00:00:00Z"), Instant.parse("2026-12-07T00:00:00Z")),
                ZoneId.of("Europe/London"), 5, 0);
        assertThat(InsightCards.themesCard(new Report<>(since, ThemeReport.none())).toJson().toString())
                .contains("Since 3 Nov 2025: 3 Nov 2025 to 6 Dec 2026.");
        assertThat(InsightCards.themesCard(new Report<>(HEADER, ThemeReport.none())).toJson().toString())
                .contains("Over the last six weeks: 26 Oct to 6 Dec.");
    }

    @Test
    void aDigestForASessionInTheNewYearShowsTheYear() {
        ReportHeader december = new ReportHeader("North Ridge", "over the last two weeks", new InsightPeriod(
                Instant.parse("2026-12-18T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")),
                ZoneId.of("Europe/London"), 5, 0);
        TeamSummary summary = new TeamSummary(december, new ParticipationReport(null, null, null, null),
                new WellbeingReport(null, null, null, null, null, false, List.of(), List.of()), ThemeReport.none(),
                new ActionReport(null, null, null, null, 28, List.of()));
        PeerCoachingService.PairsSummary pairs = new PeerCoachingService.PairsSummary("North Ridge", 5, 0, null, null,
                null, java.util.Map.of(), null, null, null, null, null, null, 0);
        assertThat(InsightCards.digest(new SessionDigest(Instant.parse("2027-01-01T14:00:00Z"), summary, pairs,
                List.of(), null)).toJson().toString()).contains("Session Friday 1 Jan 2027 at 14:00");
        assertThat(InsightCards.digest(new SessionDigest(Instant.parse("2026-12-31T14:00:00Z"), summary, pairs,
                List.of(), null)).toJson().toString()).contains("Session Thursday 31 Dec at 14:00");
    }

    /** Written to target/charts/ so the cards can be drawn (by the Agents Playground) and looked at. */
    private static void keep(String name, JsonNode card) throws IOException {
        Path dir = Path.of("target", "charts");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".json"), card.toPrettyString());
    }

    private static JsonNode chart(JsonNode card, String type) {
        for (JsonNode element : card.path("body")) {
            if (element.path("type").asText().equals(type)) {
                return element;
            }
        }
        throw new AssertionError("no " + type + " in " + card);
    }
}
