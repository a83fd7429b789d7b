package com.waymark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README is the front door and docs/ holds the detail it links to: a link that leads nowhere (a file moved, a heading
 * renamed) is a sentence that is no longer true. So every link to a file in the repository, from README, docs/*.md
 * and the Azure sample's and the Playground tests' READMEs, must reach it, and a link to a heading must find that
 * heading; the documents the bot's own messages name must exist; and README stays short (the developers' guide:
 * "Keep README true and short").
 */
class DocumentLinksTest {

    /** {@code [text](target)} and {@code ![alt](target)}, with an optional title after the target. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    /** A document named in the code's text, e.g. a start-up failure's action "see docs/security.md". */
    private static final Pattern NAMED_DOCUMENT = Pattern.compile("docs/[A-Za-z0-9_-]+\\.md");
    private static final int README_MOST_LINES = 200;

    @Test
    void everyLocalLinkInReadmeAndDocsReachesItsFileAndHeading() throws IOException {
        List<Path> documents = documents();
        assertThat(documents).as("README.md and docs/*.md").contains(Path.of("README.md"),
                Path.of("docs", "operations.md"), Path.of("docs", "privacy.md"), Path.of("docs", "security.md"));
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path document : documents) {
            for (String target : links(document)) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto: and the like: not a file here
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? document : document.resolveSibling(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(document + ": " + target + " (no " + resolved + ")");
                } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(document + ": " + target + " (no such heading in " + resolved + ")");
                }
            }
        }
        assertThat(checked).as("local links found (README alone links to every document and its pictures)")
                .isGreaterThan(15);
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    @Test
    void everyDocumentTheBotsMessagesNameExists() throws IOException {
        Set<String> named = new TreeSet<>();
        try (var files = Files.walk(Path.of("src", "main"))) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".yml")).toList()) {
                Matcher matcher = NAMED_DOCUMENT.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    named.add(matcher.group());
                }
            }
        }
        assertThat(named).as("documents the key's start-up failures point to").contains("docs/security.md");
        assertThat(named).allSatisfy(document -> assertThat(Path.of(document)).as("named in src/main").exists());
        assertThat(Files.readString(Path.of("docs", "security.md"), StandardCharsets.UTF_8))
                .as("the steps those failures send an administrator to").contains("To rotate the key:");
    }

    @Test
    void readmeStaysShort() throws IOException {
        assertThat(Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8))
                .as("README's lines: the detail belongs in docs/, linked from README's index")
                .hasSizeLessThan(README_MOST_LINES);
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
        try (var files = Files.list(Path.of("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        // The other front doors README links to: the Azure sample and the Playground tests.
        for (Path other : List.of(Path.of("deploy", "README.md"), Path.of("e2e", "README.md"))) {
            if (Files.exists(other)) {
                documents.add(other);
            }
        }
        return documents;
    }

    /** Link targets outside fenced code blocks and inline code, where brackets are program text, not links. */
    private static Set<String> links(Path document) throws IOException {
        Set<String> targets = new LinkedHashSet<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(document, StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (!fenced) {
                Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
                while (link.find()) {
                    targets.add(link.group(1));
                }
            }
        }
        return targets;
    }

    /** The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> anchors(Path document) throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        if (!document.toString().endsWith(".md")) {
            return anchors;
        }
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(document, StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            }
            Matcher heading = HEADING.matcher(line);
            if (!fenced && heading.matches()) {
                String slug = heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-');
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return anchors;
    }
}
