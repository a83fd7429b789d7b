package com.waymark.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report benchmark runs end to end on the demo data and a tiny programme and ends with its figure line. */
class ReportBenchTest {

    @Test
    void reportBenchTimesTheFirstAndWarmSummaryOnTheDemoDataAndAGrownProgramme() throws Exception {
        Subcommands.useApplication(com.waymark.WaymarkApplication.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = new ReportBench().run(List.of("--sizes", "200", "--weeks", "4"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        // The demo's check-ins, then the grown programme's (its coach and 50 people, four weeks each).
        assertThat(lines[lines.length - 1]).matches("report-bench: first-ms=\\d+,\\d+ warm-ms=\\d+,\\d+ "
                + "checkins=\\d+,200 first-cpu-ms=\\d+,\\d+ warm-cpu-ms=\\d+,\\d+");
        // Each step checks that the themes served from the stored result are those clustered on the spot.
        assertThat(String.join("\n", lines)).contains("demo: check-ins=").contains("same on the spot");
    }

    @Test
    void badSizesAreRefusedClearly() {
        assertThatThrownBy(() -> new ReportBench().run(List.of("--sizes", "10k"), System.out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--sizes");
    }
}
