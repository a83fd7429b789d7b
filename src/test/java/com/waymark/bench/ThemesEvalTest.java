package com.waymark.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole pipeline, real ONNX model included, on a small slice of the coaching evaluation set. */
class ThemesEvalTest {

    @Test
    void printsThemesAndEndsWithTheFigureLine(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/main/resources/eval/coaching-reflections.tsv"));
        Path sample = dir.resolve("sample.tsv");
        Files.write(sample, lines.subList(0, 61));

        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int code = Subcommands.run(new String[] {"themes-eval", sample.toString(), "--model", "minilm"},
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String[] output = buffer.toString(StandardCharsets.UTF_8).split("\n");

        assertThat(code).isZero();
        assertThat(output[output.length - 1])
                .matches("themes-eval: n=60 k=\\d+ NMI=0\\.\\d{3} ARI=-?[01]\\.\\d{3} ACC=[01]\\.\\d{3} seconds=\\d+\\.\\d");
        assertThat(String.join("\n", output)).contains("sentences/s").contains("theme  0 ");
    }

    @Test
    void badInputIsAUsageError(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "label\ttext\nno tab here\n");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int code = Subcommands.run(new String[] {"themes-eval", bad.toString()}, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("line 2");
    }

    @Test
    void readsHeaderVariants(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.tsv");
        Files.writeString(file, "theme\ttext\na\tone\tstill text\n\nb\ttwo\n");
        assertThat(ThemesEval.read(file)).containsExactly(new ThemesEval.Row("a", "one\tstill text"), new ThemesEval.Row("b", "two"));
    }
}
