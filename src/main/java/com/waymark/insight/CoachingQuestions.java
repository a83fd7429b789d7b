package com.waymark.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The curated, editable question bank behind the digest's suggested coaching questions. Questions are chosen,
 * never written: nothing generated is ever presented as a participant's words.
 */
@Component
class CoachingQuestions {

    private final Map<String, List<String>> byTheme;
    private final List<String> general;

    public CoachingQuestions(ObjectMapper json,
                             InsightSettings settings, ResourceLoader resources) {
        Resource bank = resources.getResource(settings.questions());
        try (InputStream in = bank.getInputStream()) {
            JsonNode root = json.readTree(in);
            Map<String, List<String>> themes = new java.util.LinkedHashMap<>();
            root.path("themes").fields().forEachRemaining(e -> themes.put(e.getKey(), texts(e.getValue())));
            // The cycle's signals ({@link CycleSignals}) are asked for by id like themes.
            root.path("cycle").fields().forEachRemaining(e -> themes.put(e.getKey(), texts(e.getValue())));
            this.byTheme = Map.copyOf(themes);
            this.general = texts(root.path("general"));
        } catch (IOException e) {
            throw new UncheckedIOException("Can't read the coaching question bank " + bank, e);
        }
    }

    /**
     * {@code count} questions for these themes, largest first: one per theme, then general ones, never one in
     * {@code lastDigest}. Each list is read from a point that turns with {@code round} (the digests the programme has
     * had), so consecutive digests also vary where the bank has more than enough.
     */
    public List<String> suggest(List<String> themeIds, int count, int round, Set<String> lastDigest) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String id : themeIds) {
            if (chosen.size() < count) {
                firstUnused(byTheme.getOrDefault(id, List.of()), round, lastDigest, chosen).ifPresent(chosen::add);
            }
        }
        while (chosen.size() < count) {
            Optional<String> next = firstUnused(general, round * count, lastDigest, chosen);
            if (next.isEmpty()) {
                break;
            }
            chosen.add(next.get());
        }
        return List.copyOf(chosen);
    }

    private static Optional<String> firstUnused(List<String> options, int from, Set<String> lastDigest,
                                                Set<String> chosen) {
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(Math.floorMod(from + i, options.size()));
            if (!lastDigest.contains(option) && !chosen.contains(option)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> {
            if (n.isTextual() && !n.asText().isBlank()) {
                out.add(n.asText().strip());
            }
        });
        return List.copyOf(out);
    }
}
