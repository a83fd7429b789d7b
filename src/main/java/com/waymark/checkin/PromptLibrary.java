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
import org.springframework.stereotype.Component;

/** The curated reflective prompts, in rotation order, loaded once from {@code prompts/library.json}. */
@Component
public class PromptLibrary {

    private final Map<String, Prompt> prompts;
    private final List<Prompt> order;

    public PromptLibrary(ObjectMapper json) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/prompts/library.json")) {
            List<Prompt> list = json.readValue(in, new TypeReference<>() { });
            Map<String, Prompt> byId = new LinkedHashMap<>();
            list.forEach(p -> byId.put(p.id(), p));
            this.prompts = Map.copyOf(byId);
            this.order = List.copyOf(list);
        }
    }

    public Optional<Prompt> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(prompts.get(id));
    }

    public Collection<Prompt> all() {
        return order;
    }

    /**
     * The next prompt for someone who has already answered {@code used} (newest last): the first one in
     * rotation order they have not seen, and once the library is exhausted the one seen longest ago.
     * The start is offset per person so a cohort does not all reflect on the same question at once.
     */
    public Prompt next(long participantId, List<String> used) {
        Set<String> seen = Set.copyOf(used);
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
}
