package com.waymark.checkin;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The curated reflective prompts, in rotation order, loaded once from {@code prompts/library.json}, and ahead of the
 * rotation any {@link CohortPrompts}: a question a coach set for the cohort.
 */
@Component
public class PromptLibrary {

    /**
     * Prompts from outside the library: a question a coach set for someone's programme or group (the {@code question}
     * module implements this, so checkin never depends on it). Its ids must not be library ids.
     */
    public interface CohortPrompts {

        /** The prompt that takes the rotation's place for this person now, if any. */
        Optional<Prompt> current(long participantId);

        /**
         * One of its prompts by id, also one no longer current: a check-in answers the question its card showed, and
         * an export shows what was answered.
         */
        Optional<Prompt> find(String id);
    }

    private final Map<String, Prompt> prompts;
    private final List<Prompt> order;
    /** Looked up when first used: the question module reads programmes and sessions, which plan check-ins. */
    private final ObjectProvider<CohortPrompts> cohort;

    /** The library alone (the benchmarks' use). */
    public PromptLibrary(ObjectMapper json) throws IOException {
        this(json, null);
    }

    @Autowired
    public PromptLibrary(ObjectMapper json, ObjectProvider<CohortPrompts> cohort) throws IOException {
        this.cohort = cohort;
        try (InputStream in = getClass().getResourceAsStream("/prompts/library.json")) {
            List<Prompt> list = json.readValue(in, new TypeReference<>() { });
            Map<String, Prompt> byId = new LinkedHashMap<>();
            list.forEach(p -> byId.put(p.id(), p));
            this.prompts = Map.copyOf(byId);
            this.order = List.copyOf(list);
        }
    }

    /** A library prompt, or a cohort question (current or not), by the id a check-in card carried. */
    public Optional<Prompt> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Prompt library = prompts.get(id);
        return library != null ? Optional.of(library) : cohortPrompts().stream()
                .flatMap(source -> source.find(id).stream()).findFirst();
    }

    public Collection<Prompt> all() {
        return order;
    }

    /**
     * The next prompt for someone who has already answered {@code used} (newest last): the first one in
     * rotation order they have not seen, and once the library is exhausted the one seen longest ago.
     * The start is offset per person so a cohort does not all reflect on the same question at once. A question their
     * coach set for the cohort comes first, once: after they answered it the rotation goes on.
     */
    public Prompt next(long participantId, List<String> used) {
        Set<String> seen = Set.copyOf(used);
        for (CohortPrompts source : cohortPrompts()) {
            Optional<Prompt> asked = source.current(participantId).filter(prompt -> !seen.contains(prompt.id()));
            if (asked.isPresent()) {
                return asked.get();
            }
        }
        int offset = (int) Math.floorMod(participantId * 7, order.size());
        for (int i = 0; i < order.size(); i++) {
            Prompt candidate = order.get((offset + i) % order.size());
            if (!seen.contains(candidate.id())) {
                return candidate;
            }
        }
        Map<String, Integer> lastUse = new HashMap<>();
        for (int i = 0; i < used.size(); i++) {
            lastUse.put(used.get(i), i);
        }
        return order.stream().min(Comparator.comparingInt(p -> lastUse.getOrDefault(p.id(), -1))).orElseThrow();
    }

    private List<CohortPrompts> cohortPrompts() {
        return cohort == null ? List.of() : cohort.orderedStream().toList();
    }
}
