package com.waymark.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedding benchmark, shrunk: both real models on a few reflections, a few hundred sealed vectors. */
class EmbedBenchTest {

    @Test
    void printsThroughputAndTheCostOfOpeningSealedVectors() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int code = Subcommands.run(new String[] {"embed-bench", "--n", "12", "--vectors", "300"},
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String[] output = buffer.toString(StandardCharsets.UTF_8).split("\n");

        assertThat(code).as(String.join("\n", output)).isZero();
        assertThat(output[output.length - 1]).matches("embed-bench: n=12 sentences/s=\\d+\\.\\d open-300-ms=\\d+ "
                + "open-300-ms=\\d+ read-open-300-ms=\\d+ read-open-300-ms=\\d+");
    }
}
