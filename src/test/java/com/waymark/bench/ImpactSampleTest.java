package com.waymark.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code impact-sample} renders the demo programme's impact report without a web server and says what it wrote. */
class ImpactSampleTest {

    @Test
    void theDemoProgrammesReportIsWrittenWithItsPagesAndItsFigureLineIsTrue(@TempDir Path dir) throws Exception {
        Subcommands.useApplication(com.waymark.WaymarkApplication.class);
        Path pdf = dir.resolve("impact-report.pdf");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = new ImpactSample().run(List.of(pdf.toString(), "--png", dir.resolve("pages").toString()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        Matcher last = Pattern.compile("impact-sample: pages=(\\d+) figures=(\\d+) hidden=(\\d+) bytes=(\\d+)")
                .matcher(lines[lines.length - 1]);
        assertThat(last.matches()).as(lines[lines.length - 1]).isTrue();
        int pages = Integer.parseInt(last.group(1));
        assertThat(Long.parseLong(last.group(4))).isEqualTo(Files.size(pdf));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(pages);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("North Ridge").contains("Method and confidentiality")
                    .contains(last.group(2) + " figures shown, " + last.group(3) + " hidden");
        }
        for (int page = 1; page <= pages; page++) {
            assertThat(dir.resolve("pages").resolve("page-" + page + ".png")).isNotEmptyFile();
        }
    }

    @Test
    void aMissingFileNameIsRefusedClearly() {
        assertThatThrownBy(() -> new ImpactSample().run(List.of(), System.out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("impact-sample impact-report.pdf");
    }
}
