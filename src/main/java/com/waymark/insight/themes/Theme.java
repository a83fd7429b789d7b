package com.waymark.insight.themes;

import java.util.List;

/**
 * One theme found in a set of reflections.
 *
 * @param id            0-based, in order of size (largest first)
 * @param taxonomyId    the matching taxonomy theme, or null when none matches closely enough
 * @param name          its display name, or null
 * @param topTerms      the theme's most distinctive words and phrases, best first
 * @param members       indexes into the input texts, ascending
 * @param taxonomyMatch how closely the members match the named theme: their mean contrastive score
 *                      (a centred cosine, about 0.2–0.6 for a good match); NaN with no taxonomy
 */
public record Theme(int id, String taxonomyId, String name, List<String> topTerms, List<Integer> members,
                    double taxonomyMatch) {

    public Theme {
        topTerms = List.copyOf(topTerms);
        members = List.copyOf(members);
    }

    public int size() {
        return members.size();
    }
}
