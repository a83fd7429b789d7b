package com.waymark.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The load and growth benchmarks run end to end on tiny sizes and end with their figure lines in the agreed form. */
class LoadAndGrowthBenchTest {

    @Test
    void loadBenchComparesWaymarkWithTheEchoBotWithoutErrors() throws Exception {
        Subcommands.useApplication(com.waymark.WaymarkApplication.class);
        String[] lines = run(new LoadBench(), "--users", "3", "--seconds", "2", "--warmup", "1");
        assertThat(lines[lines.length - 1]).matches("load-bench: users=3 rps=\\d+\\.\\d p50=\\d+\\.\\d p99=\\d+\\.\\d "
                + "echo-p99=\\d+\\.\\d ratio=\\d+\\.\\d{2} errors=0 overflowed=\\d+ backlog-age-s=\\d+\\.\\d "
                + "cpu-ms=\\d+\\.\\d{2} echo-cpu-ms=\\d+\\.\\d{2} rss-mb=-?\\d+");
        assertThat(String.join("\n", lines)).contains("p95 ms").contains("closed loop")
                .contains("each in a JVM of its own").contains("overflowed the queue during the load")
                .contains("with its reflection's embedding").contains("memory of Waymark's process");
        // The memory and CPU are Waymark's process's own, read from the operating system, not the load generator's.
        if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            assertThat(lines[lines.length - 1]).doesNotContain("rss-mb=-1");
        }
        // Nothing is left unembedded, and its CPU is counted: with embedding costs at least the turn alone.
        String cpu = List.of(lines).stream().filter(l -> l.startsWith("cpu per check-in")).findFirst().orElseThrow();
        String[] figures = cpu.replaceAll("[^0-9. ]", " ").trim().split("\\s+");
        assertThat(Double.parseDouble(figures[1])).isGreaterThanOrEqualTo(Double.parseDouble(figures[0]));
    }

    @Test
    void pacedParticipantsPostAtTheirOwnRhythm() throws Exception {
        Subcommands.useApplication(com.waymark.WaymarkApplication.class);
        String[] lines = run(new LoadBench(), "--users", "4", "--seconds", "2", "--warmup", "1", "--think-ms", "100");
        assertThat(String.join("\n", lines)).contains("100 ms apart on average (40 posts/s offered in all)");
        // About 40 a second for 2 s: far fewer than back to back, and not none.
        String waymark = List.of(lines).stream().filter(l -> l.startsWith("waymark check-in")).findFirst().orElseThrow();
        int requests = Integer.parseInt(waymark.split("\\s+")[2]);
        assertThat(requests).isBetween(20, 160);
        assertThat(lines[lines.length - 1]).startsWith("load-bench: users=4 ").contains(" errors=0 overflowed=");
    }

    @Test
    void growthBenchPrintsTheCurve() throws Exception {
        Subcommands.useApplication(com.waymark.WaymarkApplication.class);
        // Sizes count every check-in of the programme, the warm-up's twelve people included.
        String[] lines = run(new GrowthBench(), "--sizes", "80,800", "--weeks", "4");
        assertThat(lines[lines.length - 1]).matches("growth-bench: sizes=80,800 summary-ms=\\d+,\\d+ fanout-ms=\\d+,\\d+");
        assertThat(String.join("\n", lines)).contains("people=200").contains("delivered=200");
    }

    @Test
    void badOptionsAreRefusedClearly() {
        assertThatThrownBy(() -> new GrowthBench().run(List.of("--sizes", "1k"), System.out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--sizes");
        assertThatThrownBy(() -> new LoadBench().run(List.of("--users", "0"), System.out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--users");
    }

    private static String[] run(Subcommand bench, String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = bench.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        return bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
    }
}
