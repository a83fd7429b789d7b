package com.waymark.impact;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.waymark.impact.ImpactReport.Figure;
import com.waymark.impact.ImpactReport.Section;
import com.waymark.insight.ParticipationReport;
import com.waymark.insight.WellbeingReport;
import com.waymark.pairing.PeerCoachingService.PairsSummary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The impact report as a PDF, laid out with Apache PDFBox on A4: a cover band with the figures at a glance, a
 * section per part of the programme with its charts ({@link ImpactCharts}), and a last page on method and
 * confidentiality. Standard 14 fonts (Helvetica), so nothing is embedded; their WinAnsi encoding has "–" and "’"
 * but not, for example, arrows, so every string passes through {@link #winAnsi} first.
 */
final class ImpactPdf {

    /** What was made: the file, and how many pages it has. */
    record Rendered(byte[] bytes, int pages) {
    }

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float TOP = PAGE.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN + 24;
    private static final float ROW = 17;
    private static final Color TEXT = new Color(0x21, 0x2B, 0x32);
    private static final Color HIDDEN = new Color(0x76, 0x86, 0x92);
    private static final Color ROW_SHADE = new Color(0xF3, 0xF6, 0xF7);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_NO_YEAR = DateTimeFormatter.ofPattern("d MMMM", Locale.UK);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private final PDDocument doc;
    private final ImpactReport report;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDType1Font italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    private final Map<Integer, Boolean> encodable = new HashMap<>();
    private PDPageContentStream out;
    private float y;

    private ImpactPdf(PDDocument doc, ImpactReport report) {
        this.doc = doc;
        this.report = report;
    }

    static Rendered render(ImpactReport report) {
        try (PDDocument doc = new PDDocument()) {
            ImpactPdf pdf = new ImpactPdf(doc, report);
            pdf.write();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Impact report: " + report.programme());
            info.setCreator("Waymark");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return new Rendered(bytes.toByteArray(), doc.getNumberOfPages());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write() throws IOException {
        newPage();
        cover();
        glance();
        for (Section section : report.sections()) {
            section(section);
        }
        close();
        newPage();
        method();
        close();
        footers();
    }

    // ---- the first page ----

    private void cover() throws IOException {
        float band = 112;
        fill(ImpactCharts.NHS_BLUE, 0, PAGE.getHeight() - band, PAGE.getWidth(), band);
        float top = PAGE.getHeight() - 34;
        text(bold, 9, Color.WHITE, MARGIN, top, "IMPACT REPORT");
        float nameY = top - 28;
        for (String line : wrap(report.programme(), bold, 22, WIDTH)) {
            text(bold, 22, Color.WHITE, MARGIN, nameY, line);
            nameY -= 26;
            if (nameY < PAGE.getHeight() - band + 20) {
                break;
            }
        }
        ImpactPeriod period = report.period();
        String span = (period.first().getYear() == period.last().getYear()
                ? DAY_NO_YEAR.format(period.first()) : DAY.format(period.first())) + " to " + DAY.format(period.last())
                + "  \u2022  " + period.weeks() + (period.weeks() == 1 ? " week" : " weeks");
        // Weeks run from Monday: say when the programme itself began, so an empty first week is not a puzzle.
        if (report.startsOn() != null && report.startsOn().isAfter(period.first())) {
            span += "  \u2022  programme started " + DAY.format(report.startsOn());
        }
        text(regular, 10.5f, Color.WHITE, MARGIN, PAGE.getHeight() - band + 16, span);
        y = PAGE.getHeight() - band - 26;
        paragraph(regular, 9.5f, TEXT, "For commissioners and boards: what the programme's leaders took part in, how "
                + "they felt, what they did and what they wrote about, over the programme so far. Team figures only: "
                + "each combines at least " + report.threshold() + " leaders, and anything smaller reads \"hidden\". "
                + "The last page explains the method and what was withheld.");
        y -= 10;
    }

    private void glance() throws IOException {
        List<String[]> tiles = new ArrayList<>();
        ParticipationReport p = report.summary().participation();
        tiles.add(new String[] {p.answered() == null ? null : p.answered() + " of " + p.enrolled(),
                "leaders checked in at least once"});
        List<WellbeingReport.Week> weeks = CoreSections.weeksIn(report.summary().wellbeing(), report.period()).stream()
                .filter(w -> w.wellbeing() != null).toList();
        if (weeks.size() >= 2) {
            tiles.add(new String[] {CoreSections.oneDecimal(weeks.get(0).wellbeing()) + " to "
                    + CoreSections.oneDecimal(weeks.get(weeks.size() - 1).wellbeing()),
                    CoreSections.weeksIn(report.summary().wellbeing(), report.period()).get(0).weekOf()
                            .isAfter(report.period().first()) ? "wellbeing (1 to 5), earliest week charted to latest"
                            : "wellbeing (1 to 5), first week to latest"});
        } else {
            tiles.add(new String[] {CoreSections.oneDecimal(report.summary().wellbeing().mean()),
                    "average wellbeing (1 to 5)"});
        }
        Integer done = report.summary().actions().done();
        tiles.add(new String[] {done == null ? null : done.toString(), "actions completed"});
        PairsSummary pairs = report.pairs();
        if (pairs.roundsRun() > 0) {
            tiles.add(new String[] {pairs.groupsMet() == null ? null : pairs.groupsMet() + " of "
                    + pairs.groupsAnswered(), "peer-coaching groups met, of those that replied"});
        } else {
            int themes = report.summary().themes().themes().size();
            tiles.add(new String[] {report.summary().themes().reflections() == null ? null : Integer.toString(themes),
                    "themes shared by " + report.threshold() + " or more leaders"});
        }
        float gap = 10;
        float w = (WIDTH - gap * (tiles.size() - 1)) / tiles.size();
        float h = 66;
        heading("At a glance");
        float x = MARGIN;
        for (String[] tile : tiles) {
            fill(ImpactCharts.PALE, x, y - h, w, h);
            fill(ImpactCharts.NHS_BLUE, x, y - h, 3, h);
            boolean shown = tile[0] != null;
            text(shown ? bold : italic, shown ? 17 : 13, shown ? ImpactCharts.DARK_BLUE : HIDDEN, x + 10, y - 25,
                    shown ? tile[0] : "hidden");
            float captionY = y - 41;
            for (String line : wrap(tile[1], regular, 8, w - 16)) {
                text(regular, 8, ImpactCharts.GREY, x + 10, captionY, line);
                captionY -= 10;
            }
            x += w + gap;
        }
        y -= h + 18;
    }

    // ---- sections ----

    private void section(Section section) throws IOException {
        List<Captioned> charts = charts(section);
        // The heading never ends a page: it keeps its lead and its first chart (or first rows) with it.
        float first = 30 + 30 + (charts.isEmpty() ? Math.min(section.figures().size(), 4) * ROW
                : charts.get(0).chart().height() + 18);
        ensure(first);
        heading(section.title());
        paragraph(regular, 9, ImpactCharts.GREY, section.lead());
        // Charts first, under their captions: a reader looks at the picture, then the figures behind it.
        for (Captioned captioned : charts) {
            ImpactCharts.Drawn chart = captioned.chart();
            y -= 6;
            ensure(chart.height() + 18);
            text(bold, 9, TEXT, MARGIN, y - 9, captioned.caption());
            y -= 14;
            PDImageXObject image = LosslessFactory.createFromImage(doc, chart.image());
            out.drawImage(image, MARGIN + (WIDTH - chart.width()) / 2, y - chart.height(), chart.width(),
                    chart.height());
            y -= chart.height() + 4;
        }
        y -= 4;
        boolean shade = false;
        for (Figure figure : section.figures()) {
            ensure(ROW);
            if (shade) {
                fill(ROW_SHADE, MARGIN, y - ROW + 5, WIDTH, ROW);
            }
            shade = !shade;
            String value = figure.shown() ? figure.value() : "hidden";
            PDType1Font valueFont = figure.shown() ? bold : italic;
            float valueWidth = width(valueFont, 9.5f, value);
            String label = fit(figure.label(), regular, 9.5f, WIDTH - valueWidth - 30);
            text(regular, 9.5f, TEXT, MARGIN + 6, y - 8, label);
            text(valueFont, 9.5f, figure.shown() ? TEXT : HIDDEN, MARGIN + WIDTH - 6 - valueWidth, y - 8, value);
            y -= ROW;
        }
        for (String note : section.notes()) {
            y -= 3;
            paragraph(italic, 8.5f, ImpactCharts.GREY, note);
        }
        y -= 16;
    }

    /** A chart and the line above it that says what it shows. */
    private record Captioned(String caption, ImpactCharts.Drawn chart) {
    }

    private List<Captioned> charts(Section section) {
        List<Captioned> charts = new ArrayList<>();
        int width = Math.round(WIDTH);
        switch (section.key()) {
            case "wellbeing" -> {
                WellbeingReport w = report.summary().wellbeing();
                ImpactCharts.weekly(CoreSections.weeksIn(w, report.period()), width, 165).ifPresent(chart ->
                        charts.add(new Captioned("Average wellbeing and energy by week (1 low, 5 high), weeks "
                                + "beginning on the dates shown", chart)));
                if (w.shown()) {
                    ImpactCharts.bands("Each leader's average wellbeing (1 low, 5 high)",
                            w.bands().stream().map(WellbeingReport.Band::people).toList(), width, 130)
                            .ifPresent(chart -> charts.add(new Captioned("Leaders by their average wellbeing",
                                    chart)));
                }
            }
            case "actions" -> ImpactCharts.actions(report.summary().actions(), width, 130).ifPresent(chart ->
                    charts.add(new Captioned("Actions over the programme", chart)));
            case "peer-coaching" -> {
                Map<Integer, Integer> bands = report.pairs().bands();
                if (bands != null) {
                    List<Integer> people = new ArrayList<>();
                    for (int score = 1; score <= 5; score++) {
                        people.add(bands.get(score));
                    }
                    ImpactCharts.bands("How useful each leader found it, on average (1 to 5)", people, width, 130)
                            .ifPresent(chart -> charts.add(new Captioned("How useful leaders found peer coaching",
                                    chart)));
                }
            }
            default -> {
            }
        }
        return charts;
    }

    // ---- the last page ----

    private void method() throws IOException {
        heading("Method and confidentiality");
        int threshold = report.threshold();
        block("Where the figures come from", "Leaders check in through Microsoft Teams: wellbeing and energy from 1 to "
                + "5, and a reflection if they wish. They keep their own action plans, and answer a short follow-up "
                + "after each peer-coaching conversation. The programme's coaches and administrators are never counted. "
                + "Averages carry one decimal, and each leader counts once: their own average over the period.");
        block("The threshold: " + threshold + " leaders", "Every figure combines at least " + threshold
                + " leaders. A figure about fewer reads \"hidden\", and so does any figure from which a hidden one "
                + "could be worked out (for example the rest of a breakdown, or its total).");
        block("Across reports", "A figure is also hidden when an earlier report over overlapping weeks was made from "
                + "leaders who differ by fewer than " + threshold + " people: comparing the two would reveal those "
                + "few. So this report's figures are the ones the coaching team sees in its own summary for the same "
                + "weeks, and a later report can't be set against it to single anyone out.");
        block("Reflections and names", "Reflections are used only to find themes that " + threshold + " or more "
                + "leaders share. This report quotes no one and names no one: leaders agreed to be quoted to their "
                + "coach, not beyond.");
        block("Who read it", "Making this report is recorded in Waymark's audit, with the leaders whose answers it "
                + "includes; they can see that it was read, and by whom.");
        int hidden = report.hidden();
        block("In this report", report.released() + " figures shown, " + hidden + " hidden. Of the figures this "
                + "reading asked to release, " + report.heldBack() + (report.heldBack() == 1 ? " was" : " were")
                + " held back under the rule across reports.");
        block("Period", "From " + DAY.format(report.period().first()) + " to " + DAY.format(report.period().last())
                + ", in whole days of the programme's time zone (" + report.period().zone().getId() + "). Made on "
                + DAY_TIME.format(report.madeAt().atZone(report.period().zone())) + ".");
    }

    private void block(String title, String body) throws IOException {
        ensure(40);
        text(bold, 10, ImpactCharts.DARK_BLUE, MARGIN, y - 10, title);
        y -= 16;
        paragraph(regular, 9.5f, TEXT, body);
        y -= 10;
    }

    private void footers() throws IOException {
        int pages = doc.getNumberOfPages();
        LocalDate made = LocalDate.ofInstant(report.madeAt(), report.period().zone());
        for (int i = 0; i < pages; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream footer = new PDPageContentStream(doc, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                out = footer;
                stroke(ImpactCharts.PALE, MARGIN, MARGIN + 8, MARGIN + WIDTH, MARGIN + 8);
                String left = fit("Waymark impact report  \u2022  " + report.programme() + "  \u2022  "
                        + DAY.format(made) + "  \u2022  team figures only", regular, 7.5f, WIDTH - 80);
                text(regular, 7.5f, ImpactCharts.GREY, MARGIN, MARGIN - 2, left);
                String right = "Page " + (i + 1) + " of " + pages;
                text(regular, 7.5f, ImpactCharts.GREY, MARGIN + WIDTH - width(regular, 7.5f, right), MARGIN - 2,
                        right);
            }
        }
        out = null;
    }

    // ---- drawing ----

    private void heading(String title) throws IOException {
        text(bold, 14, ImpactCharts.DARK_BLUE, MARGIN, y - 14, title);
        y -= 20;
        stroke(ImpactCharts.NHS_BLUE, MARGIN, y, MARGIN + WIDTH, y);
        y -= 12;
    }

    private void paragraph(PDType1Font font, float size, Color colour, String text) throws IOException {
        for (String line : wrap(text, font, size, WIDTH)) {
            ensure(size * 1.4f);
            text(font, size, colour, MARGIN, y - size, line);
            y -= size * 1.4f;
        }
    }

    private void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = TOP;
    }

    private void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private void text(PDType1Font font, float size, Color colour, float x, float baseline, String text)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.setNonStrokingColor(colour);
        out.newLineAtOffset(x, baseline);
        out.showText(winAnsi(font, text));
        out.endText();
    }

    private void fill(Color colour, float x, float bottom, float w, float h) throws IOException {
        out.setNonStrokingColor(colour);
        out.addRect(x, bottom, w, h);
        out.fill();
    }

    private void stroke(Color colour, float x1, float y1, float x2, float y2) throws IOException {
        out.setStrokingColor(colour);
        out.setLineWidth(0.8f);
        out.moveTo(x1, y1);
        out.lineTo(x2, y2);
        out.stroke();
    }

    private float width(PDType1Font font, float size, String text) throws IOException {
        return font.getStringWidth(winAnsi(font, text)) / 1000 * size;
    }

    /** Lines of at most {@code max} points, broken between words (a word longer than a line is cut). */
    private List<String> wrap(String text, PDType1Font font, float size, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= max) {
                line.setLength(0);
                line.append(candidate);
            } else {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                }
                line.setLength(0);
                line.append(fit(word, font, size, max));
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text, shortened with "…" to fit {@code max} points. */
    private String fit(String text, PDType1Font font, float size, float max) throws IOException {
        if (width(font, size, text) <= max) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && width(font, size, cut + "\u2026") > max) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "\u2026";
    }

    /**
     * The text in characters the Standard 14 fonts can show: a few common ones spelt out ("→" as "to"), anything
     * else outside WinAnsi as "?", so a coach's theme name in any script never stops the report.
     */
    String winAnsi(PDType1Font font, String text) {
        String mapped = text.replace("\u2192", "to").replace("\u2264", "<=").replace("\u2265", ">=")
                .replace("\u2212", "-").replace('\u00A0', ' ').replace('\t', ' ').replace('\n', ' ')
                .replace('\r', ' ');
        StringBuilder safe = new StringBuilder(mapped.length());
        mapped.codePoints().forEach(c -> {
            boolean ok = encodable.computeIfAbsent(c, cp -> {
                try {
                    font.encode(new String(Character.toChars(cp)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            safe.append(ok ? new String(Character.toChars(c)) : "?");
        });
        return safe.toString();
    }
}
