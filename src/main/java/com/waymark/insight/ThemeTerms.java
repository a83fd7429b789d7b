package com.waymark.insight;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.waymark.checkin.TeamCheckIns.Reflection;
import com.waymark.insight.themes.TermAnalyzer;
import com.waymark.privacy.ConfidentialityPolicy;

/**
 * Which of a theme's distinctive terms a coach is shown ("Words at least 5 people used", and the name of a theme the taxonomy
 * could not name). The labeller ranks terms by how distinctive they are, which is not the same as telling: "wall"
 * (from one person's "wall-to-wall"), "board keeps", "every". A term is shown only when
 * <ul>
 *   <li>at least the programme's threshold of people used it in the theme's reflections of the period, counted as the
 *   labeller counts (the same stems), and decided by {@link ConfidentialityPolicy#cell} like every other figure: a
 *   word of one person's, which may be a name, a place or a phrase someone would recognise, is never shown; and</li>
 *   <li>it reads as a subject: no word in it is a general verb, adverb or quantifier that says nothing on its own,
 *   and no word is shorter than three letters.</li>
 * </ul>
 * Fewer terms, or none, is the intended outcome when nothing clears both: the card then leaves the line out.
 */
final class ThemeTerms {

    /** Words that pass the analyser's stop list but say nothing as a coaching subject, alone or ending a phrase. */
    private static final Set<String> GENERAL = Set.of("every", "each", "always", "never", "often", "again", "ever",
            "quite", "rather", "enough", "almost", "whole", "around", "across", "away", "though", "although",
            "keep", "keeps", "kept", "keeping", "take", "takes", "took", "taking", "come", "comes", "came", "coming",
            "give", "gives", "gave", "giving", "put", "puts", "let", "lets", "seem", "seems", "seemed", "look",
            "looks", "looked", "looking", "bring", "brings", "brought", "find", "finds", "found", "use", "used",
            "uses", "done", "doing", "does", "did", "makes", "making", "gets", "goes", "saying", "says", "sure",
            "big", "small", "good", "bad", "great", "new", "old", "own", "other", "another", "same", "different",
            "lots", "far", "late", "early", "long", "little", "less", "more", "most", "least", "left", "right",
            "ok", "okay", "yes", "via", "per", "within", "without", "wall");

    private static final TermAnalyzer ANALYZER = new TermAnalyzer();

    private ThemeTerms() {
    }

    /** The terms, best first as given, that a coach may see for a theme with these reflections in the period. */
    static List<String> shown(List<String> terms, List<Reflection> membersNow, ConfidentialityPolicy policy) {
        Map<String, Set<Long>> usedBy = new HashMap<>();
        Map<String, String> stemOf = new HashMap<>();
        for (String term : terms) {
            if (readsAsSubject(term)) {
                stem(term).ifPresent(stem -> stemOf.put(term, stem));
            }
        }
        if (stemOf.isEmpty()) {
            return List.of();
        }
        Set<String> wanted = new HashSet<>(stemOf.values());
        for (Reflection reflection : membersNow) {
            for (TermAnalyzer.Term found : ANALYZER.terms(reflection.text())) {
                if (wanted.contains(found.stem())) {
                    usedBy.computeIfAbsent(found.stem(), k -> new HashSet<>()).add(reflection.participantId());
                }
            }
        }
        return terms.stream().filter(stemOf::containsKey)
                .filter(term -> policy.cell("term", usedBy.getOrDefault(stemOf.get(term), Set.of()).size()).shown())
                .toList();
    }

    static boolean readsAsSubject(String term) {
        String[] words = term.strip().toLowerCase().split("\\s+");
        for (String word : words) {
            if (word.length() < 3 || GENERAL.contains(word)
                    || !word.chars().allMatch(c -> Character.isLetter(c) || c == '\'' || c == '-')) {
                return false;
            }
        }
        return words.length > 0;
    }

    /** The term's stem as the labeller counted it: the phrase's shingle, or the single word's stem. */
    private static java.util.Optional<String> stem(String term) {
        List<TermAnalyzer.Term> parts = ANALYZER.terms(term);
        int words = term.strip().split("\\s+").length;
        return parts.stream().map(TermAnalyzer.Term::stem).filter(s -> s.split(" ").length == words)
                .reduce((first, second) -> second);
    }
}
