package com.waymark.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fan-out benchmark runs end to end on a small N and prints its figure line in the agreed form. */
class FanoutBenchTest {

    @Test
    void smallFanOutThroughFaultsLosesAndDoublesNothing() throws Exception {
        Subcommands.useApplication(com.waymark.WaymarkApplication.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = new FanoutBench().run(List.of("--n", "60", "--rate", "1000", "--fault-429", "0.1",
                "--fault-5xx", "0.1", "--retry-after", "0"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(code).isZero();
        assertThat(lines[lines.length - 1]).matches(
                "fanout-bench: n=60 seconds=\\d+\\.\\d{2} floor=0\\.06 ratio=\\d+\\.\\d{3} duplicates=0 "
                + "duplicates-with-resend-check=0 lost=0");
    }

    @Test
    void badOptionsAreRefusedClearly() {
        assertThatThrownBy(() -> new FanoutBench().run(List.of("--kill-at", "2"), System.out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--kill-at");
        assertThatThrownBy(() -> new FanoutBench().run(List.of("--bogus", "1"), System.out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option");
    }
}
