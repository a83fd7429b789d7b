package com.waymark.teams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every place the edge puts someone's words into text Teams renders goes through {@link PlainText}: a read of the
 * edge's own source. Any value from the accessors that carry what people wrote or named (a programme's, group's or
 * person's name, a role, an organisation, a theme, a quote, a term, a reader, a title made from them) that is joined
 * into a string must be inside {@code PlainText.of(…)} or mapped through {@code PlainText::of} on that line. The
 * HTTP sweeps in {@code InsiderAttackStaffTest} check the rendered result; this keeps a new card from skipping it.
 */
class PlainTextCoverageTest {

    private static final Path EDGE = Path.of("src/main/java/com/waymark/teams");
    private static final Pattern OTHERS_WORDS = Pattern.compile("\\.(getName|getDisplayName|programme|programmeName"
            + "|partnerNames|groupName|reader|role|organisation|getRole|getOrganisation|organisations|narrative"
            + "|newAdmin|optedOutOf|quotes|terms|fading|title|first|second)\\(\\)");
    /** Only looked at, never shown: a null or emptiness check, or a comparison with one of our own constants. */
    private static final Pattern TESTED_NOT_SHOWN = Pattern.compile(
            "\\s*(?:==|!=)\\s*(?:null|StaffInfo\\.)|\\.(?:isEmpty|isBlank)\\(\\)");
    private static final Pattern JOINED = Pattern.compile("\"\\s*\\+|\\+\\s*\"|String\\.join");
    /** Lines where such a value is joined into something Teams does not read as Markdown, and why. */
    private static final Map<String, String> NOT_MARKDOWN = Map.of(
            "openUrl(", "an Action.OpenUrl title is plain text to Teams",
            "encode(", "a URL parameter, percent-encoded",
            "new ProgrammeProblem(", "a problem's whole message is made plain where it is caught",
            "new BadInput(", "the same for bad input",
            "getClass()", "a class name in a log line",
            "log.", "logs never reach a person",
            "kind.name()", "an enum constant's name",
            "DAY.format(", "a date in the slice's own pattern, not anyone's words");

    @Test
    void othersWordsAreAlwaysMadePlainBeforeTheyAreShown() throws IOException {
        List<String> bare = new ArrayList<>();
        try (Stream<Path> files = Files.walk(EDGE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (!JOINED.matcher(line).find() || NOT_MARKDOWN.keySet().stream().anyMatch(line::contains)) {
                        continue;
                    }
                    String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
                    Matcher m = OTHERS_WORDS.matcher(line);
                    while (m.find()) {
                        if (!TESTED_NOT_SHOWN.matcher(line.substring(m.end())).lookingAt()
                                && !madePlain(line, next, m.start(), m.end())) {
                            bare.add(file.getFileName() + ":" + (i + 1) + ": " + line.strip());
                        }
                    }
                }
            }
        }
        assertThat(bare).as("someone's words joined into shown text without PlainText").isEmpty();
    }

    /**
     * Inside an open {@code PlainText.of(} on the same line, or mapped through {@code PlainText::of} after it (on that
     * line or the next, where a stream continues).
     */
    private static boolean madePlain(String line, String next, int start, int end) {
        if (line.indexOf("PlainText::of", end) >= 0 || next.contains("PlainText::of")) {
            return true;
        }
        int open = line.lastIndexOf("PlainText.of(", start);
        if (open < 0) {
            return false;
        }
        int depth = 0;
        for (int i = open + "PlainText.of".length(); i < start; i++) {
            char c = line.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return depth > 0;
    }
}
