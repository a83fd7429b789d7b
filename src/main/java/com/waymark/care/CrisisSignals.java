package com.waymark.care;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words in a reflection that suggest someone may be at risk: a curated list, not a classifier. A hit only
 * ever leads to a kind offer of support, never to a diagnosis or to anyone else being told, so when in doubt
 * we count it: "I can't go on like this with the rota" does offer support, because exhaustion is a reason
 * to offer it too and we can't tell the two apart from the words alone.
 *
 * <p>Matching is on whole words after folding case, apostrophes ("can’t", "can't", "cant"), hyphens
 * ("self-harm") and spacing. Two deliberate exceptions keep it useful for people who run health services:
 * <ul>
 *   <li>a plain denial just before a state ("I'm not suicidal", "no thoughts of suicide") is not a hit;
 *       expressions of not coping ("can't go on", "end it all") are never treated as denied;</li>
 *   <li>"suicide", "suicidal" and "self-harm" followed by a service word ("suicide prevention strategy",
 *       "the self-harm pathway") are work, not a signal. "A patient suicide on the ward" still is.</li>
 * </ul>
 */
public final class CrisisSignals {

    /** States about oneself; a denial in the three words before them cancels them. */
    private static final List<String> STATES = List.of(
            "suicide", "suicidal", "self harm", "self harming", "selfharm", "harm myself", "harming myself",
            "hurt myself", "hurting myself", "cut myself", "cutting myself", "kill myself", "killing myself",
            "end my life", "ending my life", "take my own life", "taking my own life", "want to die", "wanna die",
            "want to be dead", "wish i was dead", "wish i were dead", "better off dead", "better off without me",
            "want to disappear", "wanted to disappear", "wish i could disappear", "dont want to be alive",
            "dont want to live", "go to sleep and not wake up", "go to sleep and never wake up");

    /** Expressions of not coping; never cancelled, because a denial before them is rare and ambiguous. */
    private static final List<String> EXPRESSIONS = List.of(
            "cant go on", "cannot go on", "can not go on", "cant carry on", "cannot carry on", "end it all",
            "ending it all", "no point any more", "no point in anything", "no point in living", "no point going on",
            "no point in going on", "nothing to live for", "no reason to live", "not worth living",
            "dont want to be here any more", "dont want to wake up", "cant cope any more", "cannot cope any more",
            "cant take it any more", "cant take any more", "cant do this any more");

    /** Terms that are also the everyday vocabulary of running services. */
    private static final Set<String> WORK_TERMS = Set.of("suicide", "suicidal", "self harm", "selfharm");
    private static final Set<String> SERVICE_WORDS = Set.of("prevention", "awareness", "strategy", "strategies",
            "pathway", "pathways", "policy", "policies", "training", "audit", "audits", "review", "reviews", "service",
            "services", "team", "teams", "lead", "leads", "plan", "plans", "data", "rate", "rates", "statistics",
            "figures", "register", "committee", "framework", "champion", "champions", "workshop", "guidance",
            "protocol", "protocols", "assessment", "assessments", "risk", "risks", "liaison", "programme", "bundle");
    private static final Set<String> DENIALS = Set.of("not", "never", "no", "dont", "didnt", "doesnt", "isnt",
            "wasnt", "arent", "wont", "wouldnt", "nor", "without", "havent", "hasnt", "hadnt");
    private static final int DENIAL_WINDOW = 3;

    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´ʼ]");
    /** Clause breaks: a denial in one clause says nothing about the next ("No, I want to disappear"). */
    private static final Pattern CLAUSES = Pattern.compile("[.,;:!?()\\n\\r]+|\\bbut\\b");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    /**
     * Every phrase under its first word: a reflection's words are each looked up once, instead of every phrase being
     * tried at every word (this runs on every check-in with a reflection, inside the turn).
     */
    private static final Map<String, List<Phrase>> BY_FIRST_WORD = index();

    /** A phrase in its matched form; {@code deniable} for a state, {@code workTerm} for service vocabulary. */
    private record Phrase(String[] words, boolean deniable, boolean workTerm) {
    }

    private CrisisSignals() {
    }

    /** True when the text contains at least one signal, after the exceptions above. */
    public static boolean in(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String folded = APOSTROPHES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
        for (String clause : CLAUSES.split(folded)) {
            if (anyHit(words(clause))) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyHit(String[] words) {
        for (int start = 0; start < words.length; start++) {
            for (Phrase phrase : BY_FIRST_WORD.getOrDefault(words[start], List.of())) {
                if (start + phrase.words().length <= words.length && matchesAt(words, phrase.words(), start)
                        && !(phrase.deniable() && denied(words, start)) && !isWork(words, phrase, start)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesAt(String[] words, String[] phrase, int start) {
        for (int i = 0; i < phrase.length; i++) {
            if (!words[start + i].equals(phrase[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean denied(String[] words, int start) {
        for (int i = Math.max(0, start - DENIAL_WINDOW); i < start; i++) {
            if (DENIALS.contains(words[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWork(String[] words, Phrase phrase, int start) {
        int next = start + phrase.words().length;
        return phrase.workTerm() && next < words.length && SERVICE_WORDS.contains(words[next]);
    }

    /** Words of a clause, with hyphens as spaces and "anymore" as "any more". */
    private static String[] words(String clause) {
        String[] raw = NOT_WORD.matcher(clause).replaceAll(" ").strip().split(" ");
        List<String> words = new ArrayList<>();
        for (String word : raw) {
            if (word.equals("anymore")) {
                words.add("any");
                words.add("more");
            } else if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words.toArray(String[]::new);
    }

    private static Map<String, List<Phrase>> index() {
        Map<String, List<Phrase>> index = new HashMap<>();
        add(index, EXPRESSIONS, false);
        add(index, STATES, true);
        return Map.copyOf(index);
    }

    private static void add(Map<String, List<Phrase>> index, List<String> phrases, boolean deniable) {
        for (String phrase : phrases) {
            String[] words = phrase.split(" ");
            index.computeIfAbsent(words[0], first -> new ArrayList<>())
                    .add(new Phrase(words, deniable, WORK_TERMS.contains(phrase)));
        }
    }

    static List<String> phrases() {
        List<String> all = new ArrayList<>(STATES);
        all.addAll(EXPRESSIONS);
        return all;
    }

    static boolean isNormalised(String phrase) {
        return Arrays.equals(words(phrase), phrase.split(" "));
    }
}
