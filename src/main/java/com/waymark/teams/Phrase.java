package com.waymark.teams;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A typed message as a slice reads it: {@code text} with @mentions and markup taken out and spaces collapsed (the
 * person's own words and case, for arguments), and {@code phrase}, the same lower-cased without closing punctuation
 * (for matching whole phrases, never "contains").
 */
public record Phrase(String text, String phrase) {

    private static final Pattern MENTION = Pattern.compile("<at>[^<]*</at>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public static Phrase of(String raw) {
        String text = SPACES.matcher(TAGS.matcher(MENTION.matcher(raw == null ? "" : raw).replaceAll(" "))
                .replaceAll(" ")).replaceAll(" ").strip();
        return new Phrase(text, text.toLowerCase(Locale.ROOT).replaceAll("[.!?]+$", ""));
    }

    /** Whether the whole phrase is one of {@code phrases} (already lower case). */
    public boolean is(String... phrases) {
        for (String candidate : phrases) {
            if (phrase.equals(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** {@code pattern} matched against the whole {@link #text}, or null when it does not match. */
    public Matcher match(Pattern pattern) {
        Matcher matcher = pattern.matcher(text.replaceAll("[.!?]+$", ""));
        return matcher.matches() ? matcher : null;
    }
}
