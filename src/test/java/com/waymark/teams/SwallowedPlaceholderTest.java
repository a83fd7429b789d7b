package com.waymark.teams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No text we write for people holds a {@code <placeholder>}: every string literal of the production code (cards,
 * replies and the services' messages alike) and the app manifest's command descriptions are scanned. Rendered
 * replies are checked too, in {@code BotHttpTest} and {@code PromisesTest}.
 */
class SwallowedPlaceholderTest {

    @Test
    void noStringInTheCodeHoldsAPlaceholderTeamsWouldSwallow() throws IOException {
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            // bench holds command-line tools for the terminal, not Teams: their usage lines may say label<TAB>text.
            for (Path source : sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/waymark/bench/")).toList()) {
                for (String literal : SwallowedPlaceholders.literals(Files.readString(source))) {
                    scanned++;
                    SwallowedPlaceholders.in(literal).forEach(tag -> found.add(source.getFileName() + ": " + tag
                            + " in \"" + literal + "\""));
                }
            }
        }
        assertThat(scanned).as("string literals scanned").isGreaterThan(1000);
        assertThat(found).isEmpty();
    }

    @Test
    void theManifestsCommandMenuHasNoPlaceholders() throws IOException {
        assertThat(SwallowedPlaceholders.in(Files.readString(Path.of("manifest", "manifest.json")))).isEmpty();
    }

    @Test
    void theScanFindsPlaceholdersInStringsButNotCodeCommentsOrMentions() {
        String java = """
                /** Checked before "add <action>". */
                List<String> names = List.of("done <number>", "<at>Waymark</at> help");
                // say: join <code>
                String help = \"""
                    stuck <number> <what's in the way>\""";
                char c = '<';
                """;
        List<String> found = SwallowedPlaceholders.literals(java).stream()
                .flatMap(s -> SwallowedPlaceholders.in(s).stream()).toList();
        assertThat(found).containsExactly("<number>", "<number>", "<what's in the way>");
    }
}
