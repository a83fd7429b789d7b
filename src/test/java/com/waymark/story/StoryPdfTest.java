package com.waymark.story;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long story lays out over several pages with a footer on each, and text the standard font can't print (emoji,
 * other scripts, a word longer than the line) never fails the story. Its pages are rendered to
 * {@code target/story-pages-long} for looking at.
 */
class StoryPdfTest {

    @Test
    void aLongStoryWithAnyTextLaysOutOverSeveralPages() throws IOException {
        LocalDate day = LocalDate.of(2026, 3, 2);
        List<StoryContent.Point> trend = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            trend.add(new StoryContent.Point(day.plusWeeks(i), 1 + (i * 7 % 5), 1 + (i * 3 % 5)));
        }
        List<StoryContent.Action> actions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            actions.add(new StoryContent.Action("Action " + i + ": agree with the divisional directors how the "
                    + "winter escalation will work, and write it down so the night team can use it", i % 3 != 0,
                    day.plusWeeks(i), i % 3 != 0 ? day.plusWeeks(i + 2) : null));
        }
        List<StoryContent.Reflection> reflections = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            reflections.add(new StoryContent.Reflection(day.plusWeeks(i), "What did you notice about yourself as a "
                    + "leader this week?", "Reflection " + i + " 🙂 — “quoted” café naïve 日本語 "
                    + "https://example.org/" + "a".repeat(120) + "\nA second paragraph about the board meeting."));
        }
        StoryContent story = new StoryContent("Zoë O’Brien-Ngata 🙂", List.of("Board Leaders 2027"), day.plusWeeks(40),
                trend, actions, reflections, LearningStory.PROMPTS);

        byte[] bytes = StoryPdf.render(story);

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(3);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Zoë O’Brien-Ngata ?").contains("“quoted” café naïve ???")
                    .contains("40 check-ins between 2 Mar 2026 and 30 Nov 2026")
                    .contains("I set myself 12 actions and completed 8")
                    .contains("page 1 of " + pdf.getNumberOfPages());
            Path pages = Path.of("target", "story-pages-long");
            Files.createDirectories(pages);
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 70);
                ImageIO.write(image, "png", pages.resolve("page-" + (i + 1) + ".png").toFile());
            }
        }
    }
}
