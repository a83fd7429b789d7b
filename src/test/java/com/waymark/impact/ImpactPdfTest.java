package com.waymark.impact;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waymark.insight.ActionReport;
import com.waymark.insight.InsightPeriod;
import com.waymark.insight.ParticipationReport;
import com.waymark.insight.ReportHeader;
import com.waymark.insight.TeamSummary;
import com.waymark.insight.ThemeReport;
import com.waymark.insight.WellbeingReport;
import com.waymark.pairing.PeerCoachingService.PairsSummary;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF and CSV from a report already released, without Spring: every figure as released and every hidden one
 * reading "hidden", another module's section (an {@link ImpactSection}'s) laid out like the report's own, and text in
 * any script shown in the standard fonts without failing.
 */
class ImpactPdfTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate MONDAY = LocalDate.of(2026, 10, 19);

    @Test
    void anotherModulesSectionIsLaidOutWithItsHiddenFiguresHidden() throws IOException {
        ImpactReport.Section ratings = new ImpactReport.Section("evaluation", "How leaders rated the programme",
                "Each element rated from 1 to 5 at the programme's end.",
                List.of(new ImpactReport.Figure("Team sessions", "4.4"), new ImpactReport.Figure("Peer coaching", null)),
                List.of("Ratings from fewer than 5 leaders are hidden."), 0);
        ImpactReport report = report(List.of(ratings));
        List<String> lines = lines(text(ImpactReports.pdf(report).bytes()));

        assertThat(lines).contains("How leaders rated the programme", "Team sessions 4.4", "Peer coaching hidden",
                "Ratings from fewer than 5 leaders are hidden.");
        assertThat(report.released()).isEqualTo(countShown(report));
        assertThat(ImpactReports.csv(report)).contains("How leaders rated the programme,Team sessions,4.4\r\n")
                .contains("How leaders rated the programme,Peer coaching,hidden\r\n");
    }

    @Test
    void aThemeNamedInAnyScriptOrWithAFormulaNeitherStopsTheReportNorRunsInASpreadsheet() throws IOException {
        ThemeReport themes = new ThemeReport(40, List.of(new ThemeReport.Line("terms:x", "=Rota → gaps 漢字 – ’", List.of(),
                6, 0.5, ThemeReport.Direction.NEW, List.of("a quote never shown"))), 0, List.of());
        ImpactReport report = report(List.of(), themes);
        String text = text(ImpactReports.pdf(report).bytes());

        assertThat(text).contains("=Rota to gaps ?? – ’").doesNotContain("a quote never shown");
        assertThat(ImpactReports.csv(report)).contains("'=Rota");
    }

    @Test
    void aProgrammeLongerThanTheWeeklyLineSaysWhereItsLineStarts() {
        ImpactPeriod period = new ImpactPeriod(MONDAY.minusWeeks(20), MONDAY.plusDays(6), LONDON);
        List<WellbeingReport.Week> weeks = List.of(new WellbeingReport.Week(MONDAY.minusWeeks(1), 3.2, 3.0),
                new WellbeingReport.Week(MONDAY, 3.5, 3.1));
        WellbeingReport wellbeing = new WellbeingReport(12, 3.3, 3.2, null, null, false, List.of(), weeks);
        ImpactReport.Section section = CoreSections.wellbeing(wellbeing, period, 5);

        assertThat(section.figures()).extracting(ImpactReport.Figure::label)
                .contains("Wellbeing, earliest week charted (w/c 12 Oct)", "Wellbeing, latest week (w/c 19 Oct)")
                .noneMatch(label -> label.contains("first week"));
        assertThat(section.notes()).contains("The weekly line covers the latest 2 weeks of the programme.");
    }

    private static long countShown(ImpactReport report) {
        return report.sections().stream().flatMap(s -> s.figures().stream()).filter(ImpactReport.Figure::shown).count();
    }

    private static ImpactReport report(List<ImpactReport.Section> extra) {
        return report(extra, ThemeReport.none());
    }

    private static ImpactReport report(List<ImpactReport.Section> extra, ThemeReport themes) {
        ImpactPeriod period = new ImpactPeriod(MONDAY, MONDAY.plusDays(48), LONDON);
        ReportHeader header = new ReportHeader("Test programme", "since Mon 19 Oct",
                InsightPeriod.days(MONDAY, MONDAY.plusDays(49), LONDON), LONDON, 5, 0);
        List<WellbeingReport.Week> weeks = List.of(new WellbeingReport.Week(MONDAY, null, null),
                new WellbeingReport.Week(MONDAY.plusWeeks(1), 3.4, 3.6),
                new WellbeingReport.Week(MONDAY.plusWeeks(2), 3.1, 3.0));
        WellbeingReport wellbeing = new WellbeingReport(12, 3.3, 3.2, null, null, false,
                List.of(new WellbeingReport.Band(1, null), new WellbeingReport.Band(2, null),
                        new WellbeingReport.Band(3, 6), new WellbeingReport.Band(4, 6), new WellbeingReport.Band(5, null)),
                weeks);
        TeamSummary summary = new TeamSummary(header, new ParticipationReport(12, 12, 0, 40), wellbeing, themes,
                new ActionReport(20, 5, 6, null, 28, List.of()));
        Map<Integer, Integer> bands = new LinkedHashMap<>();
        PairsSummary pairs = new PairsSummary("Test programme", 5, 0, null, null, null, bands, null, null, null, null,
                null, null, 0);
        List<ImpactReport.Section> sections = new java.util.ArrayList<>(CoreSections.of(summary, pairs, period));
        sections.addAll(extra);
        return new ImpactReport("Test programme", MONDAY.plusDays(6), period, 5, Instant.parse("2026-12-06T09:00:00Z"),
                summary, pairs, sections, 0);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).toList();
    }
}
