package com.waymark.story;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Lays a {@link StoryContent} out as an A4 PDF with Apache PDFBox: a title, the check-in trend drawn as a chart,
 * actions made and done, the chosen reflections, and the prompts with room to write. Helvetica, one of the PDF
 * standard fonts every reader has, so nothing is embedded; a character it can't show (beyond Western European
 * text) is printed as "?" rather than failing the whole story.
 */
final class StoryPdf {

    private static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDFont ITALIC = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    private static final Color INK = new Color(0x21, 0x2B, 0x32);
    private static final Color MUTED = new Color(0x5F, 0x6B, 0x73);
    /** NHS blue and a darker teal: distinguishable for the common colour-vision deficiencies, and in grey. */
    private static final Color WELLBEING = new Color(0x00, 0x5E, 0xB8);
    private static final Color ENERGY = new Color(0x00, 0x80, 0x6E);
    private static final Color RULE = new Color(0xD8, 0xDD, 0xE0);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float BOTTOM = 64;

    private final PDDocument document = new PDDocument();
    private PDPageContentStream out;
    private float y;

    private StoryPdf() {
    }

    static byte[] render(StoryContent story) {
        StoryPdf pdf = new StoryPdf();
        try (PDDocument document = pdf.document) {
            pdf.write(story);
            pdf.out.close();
            pdf.footers();
            document.getDocumentInformation().setTitle("My learning story");
            document.getDocumentInformation().setCreator("Waymark");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(StoryContent story) throws IOException {
        newPage();
        text(BOLD, 24, INK, "My learning story");
        y -= 6;
        paragraph(REGULAR, 12, INK, safe(story.name())
                + (story.programmes().isEmpty() ? "" : " · " + String.join(", ", story.programmes().stream()
                .map(StoryPdf::safe).toList())));
        paragraph(REGULAR, 9.5f, MUTED, "Made on " + DAY.format(story.madeOn()) + " from my own check-ins and "
                + "actions in Waymark. Only I have this document; it holds nobody else's words or answers.");
        y -= 10;

        heading("My check-ins");
        trend(story.trend());

        heading("My actions");
        if (story.actions().isEmpty()) {
            paragraph(REGULAR, 10.5f, MUTED, "No actions recorded.");
        } else {
            paragraph(REGULAR, 10.5f, INK, "I set myself " + count(story.actions().size(), "action") + " and "
                    + "completed " + story.actionsDone() + ".");
            y -= 4;
            for (StoryContent.Action action : story.actions()) {
                String when = action.done() && action.doneOn() != null ? "Done " + SHORT.format(action.doneOn())
                        : "Open since " + SHORT.format(action.madeOn());
                item(action.done() ? "Done" : "Open", safe(action.text()), when);
            }
        }

        heading("Reflections I chose");
        if (story.reflections().isEmpty()) {
            paragraph(REGULAR, 10.5f, MUTED, "None chosen. My reflections stay out of this story unless I pick "
                    + "them.");
        } else {
            for (StoryContent.Reflection reflection : story.reflections()) {
                need(60);
                paragraph(BOLD, 10, INK, DAY.format(reflection.on()));
                if (reflection.question() != null) {
                    paragraph(ITALIC, 10, MUTED, safe(reflection.question()));
                }
                paragraph(REGULAR, 10.5f, INK, safe(reflection.text()));
                y -= 8;
            }
        }

        // The heading, its introduction and the first prompt with its lines stay together on one page.
        need(230);
        heading("Writing my learning outcomes");
        paragraph(REGULAR, 10.5f, INK, "For my presentation to the executive team. A few honest lines under each "
                + "question are enough; the evidence above is there to draw on.");
        y -= 4;
        for (String prompt : story.prompts()) {
            need(110);
            paragraph(BOLD, 10.5f, INK, prompt);
            for (int line = 0; line < 4; line++) {
                y -= 20;
                out.setStrokingColor(RULE);
                out.setLineWidth(0.6f);
                out.moveTo(MARGIN, y);
                out.lineTo(MARGIN + WIDTH, y);
                out.stroke();
            }
            y -= 16;
        }
    }

    /** Wellbeing and energy (1 to 5) of each check-in, in order, with the start and the end in words below. */
    private void trend(List<StoryContent.Point> points) throws IOException {
        if (points.isEmpty()) {
            paragraph(REGULAR, 10.5f, MUTED, "No check-ins yet.");
            return;
        }
        LocalDate first = points.get(0).on();
        LocalDate last = points.get(points.size() - 1).on();
        paragraph(REGULAR, 10.5f, INK, count(points.size(), "check-in") + (first.equals(last)
                ? " on " + DAY.format(first) + "." : " between " + DAY.format(first) + " and " + DAY.format(last) + "."));
        if (points.size() >= 2) {
            float height = 150;
            need(height + 50);
            float left = MARGIN + 22;
            float right = MARGIN + WIDTH;
            float top = y - 10;
            float bottom = top - height;
            out.setLineWidth(0.5f);
            for (int level = 1; level <= 5; level++) {
                float ly = bottom + (level - 1) * height / 4;
                out.setStrokingColor(RULE);
                out.moveTo(left, ly);
                out.lineTo(right, ly);
                out.stroke();
                label(REGULAR, 8, MUTED, MARGIN + 8, ly - 3, Integer.toString(level));
            }
            series(points, true, left, right, bottom, height);
            series(points, false, left, right, bottom, height);
            label(REGULAR, 8, MUTED, left, bottom - 12, SHORT.format(first));
            String end = SHORT.format(last);
            label(REGULAR, 8, MUTED, right - width(REGULAR, 8, end), bottom - 12, end);
            y = bottom - 28;
            legend(left);
        }
        if (points.size() >= 6) {
            List<StoryContent.Point> start = points.subList(0, 3);
            List<StoryContent.Point> end = points.subList(points.size() - 3, points.size());
            paragraph(REGULAR, 10.5f, INK, String.format(Locale.ROOT, "My first three check-ins averaged %.1f for "
                            + "wellbeing and %.1f for energy; my last three, %.1f and %.1f (out of 5).",
                    mean(start, true), mean(start, false), mean(end, true), mean(end, false)));
        }
    }

    private void series(List<StoryContent.Point> points, boolean wellbeing, float left, float right, float bottom,
                        float height) throws IOException {
        out.setStrokingColor(wellbeing ? WELLBEING : ENERGY);
        out.setLineWidth(1.6f);
        if (!wellbeing) {
            out.setLineDashPattern(new float[] {4, 2}, 0);
        }
        for (int i = 0; i < points.size(); i++) {
            float x = left + (right - left) * i / (points.size() - 1);
            int value = wellbeing ? points.get(i).wellbeing() : points.get(i).energy();
            float py = bottom + (value - 1) * height / 4;
            if (i == 0) {
                out.moveTo(x, py);
            } else {
                out.lineTo(x, py);
            }
        }
        out.stroke();
        out.setLineDashPattern(new float[] {}, 0);
    }

    private void legend(float left) throws IOException {
        float x = left;
        for (boolean wellbeing : new boolean[] {true, false}) {
            out.setStrokingColor(wellbeing ? WELLBEING : ENERGY);
            out.setLineWidth(1.6f);
            if (!wellbeing) {
                out.setLineDashPattern(new float[] {4, 2}, 0);
            }
            out.moveTo(x, y + 3);
            out.lineTo(x + 18, y + 3);
            out.stroke();
            out.setLineDashPattern(new float[] {}, 0);
            String name = wellbeing ? "Wellbeing" : "Energy";
            label(REGULAR, 9, INK, x + 23, y, name);
            x += 23 + width(REGULAR, 9, name) + 18;
        }
        y -= 22;
    }

    private static double mean(List<StoryContent.Point> points, boolean wellbeing) {
        return points.stream().mapToInt(p -> wellbeing ? p.wellbeing() : p.energy()).average().orElse(0);
    }

    // ---- layout ----

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void need(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void heading(String title) throws IOException {
        need(70);
        y -= 14;
        text(BOLD, 14, WELLBEING, title);
        // The rule sits under the descenders (the "y" of "My"), not through them.
        y -= 2;
        out.setStrokingColor(WELLBEING);
        out.setLineWidth(1f);
        out.moveTo(MARGIN, y);
        out.lineTo(MARGIN + WIDTH, y);
        out.stroke();
        y -= 10;
    }

    /** One line at the cursor (no wrapping), then the cursor moves below it. */
    private void text(PDFont font, float size, Color colour, String line) throws IOException {
        y -= size * 1.2f;
        label(font, size, colour, MARGIN, y, line);
        y -= size * 0.3f;
    }

    private void paragraph(PDFont font, float size, Color colour, String text) throws IOException {
        for (String line : wrap(font, size, text, WIDTH)) {
            need(size * 1.5f);
            text(font, size, colour, line);
        }
    }

    /** A tag ("Done", "Open") in a column of its own, the text wrapped beside it, and a date under it. */
    private void item(String tag, String text, String when) throws IOException {
        float indent = 44;
        List<String> lines = wrap(REGULAR, 10.5f, text, WIDTH - indent);
        need(lines.size() * 13 + 16);
        label(BOLD, 9, "Done".equals(tag) ? ENERGY : MUTED, MARGIN, y - 11, tag);
        for (String line : lines) {
            y -= 13;
            label(REGULAR, 10.5f, INK, MARGIN + indent, y, line);
        }
        y -= 12;
        label(REGULAR, 8.5f, MUTED, MARGIN + indent, y, when);
        y -= 8;
    }

    private void label(PDFont font, float size, Color colour, float x, float at, String line) throws IOException {
        out.beginText();
        out.setNonStrokingColor(colour);
        out.setFont(font, size);
        out.newLineAtOffset(x, at);
        out.showText(line);
        out.endText();
    }

    /** "Page n of m" on every page, once the number of pages is known. */
    private void footers() throws IOException {
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String words = "My learning story · page " + (i + 1) + " of " + pages;
                footer.beginText();
                footer.setNonStrokingColor(MUTED);
                footer.setFont(REGULAR, 8);
                footer.newLineAtOffset(MARGIN, 32);
                footer.showText(words);
                footer.endText();
            }
        }
    }

    static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                }
                line.setLength(0);
                line.append(word);
                // A single word wider than the line (a long address) is broken where it must be.
                while (width(font, size, line.toString()) > width && line.length() > 1) {
                    int cut = line.length() - 1;
                    while (cut > 1 && width(font, size, line.substring(0, cut)) > width) {
                        cut--;
                    }
                    lines.add(line.substring(0, cut));
                    line.delete(0, cut);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /**
     * Text as the standard font can print it: typographic quotes and dashes kept (WinAnsi has them), anything else it
     * can't encode (emoji, most non-Latin scripts) shown as "?", control characters dropped.
     */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r') {
                clean.append('\n');
            } else if (cp == '\t') {
                clean.append(' ');
            } else if (!Character.isISOControl(cp)) {
                String one = new String(Character.toChars(cp));
                clean.append(encodable(one) ? one : "?");
            }
        });
        return clean.toString();
    }

    private static boolean encodable(String character) {
        try {
            REGULAR.encode(character);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
