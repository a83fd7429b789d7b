package com.waymark.teams;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds text Teams would swallow: it reads {@code <word>} as an HTML tag and shows nothing, so "done <number>"
 * reaches a person as "done ". The {@code <at>} of a mention is the one tag we mean.
 */
final class SwallowedPlaceholders {

    private static final Pattern TAG = Pattern.compile("<(?!/?at>)/?[A-Za-z][^<>\\n]*>");

    private SwallowedPlaceholders() {
    }

    static List<String> in(String text) {
        List<String> found = new ArrayList<>();
        Matcher tags = TAG.matcher(text);
        while (tags.find()) {
            found.add(tags.group());
        }
        return found;
    }

    /** The string literals (text blocks included) of one Java source, without its comments or code. */
    static List<String> literals(String java) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < java.length()) {
            if (java.startsWith("//", i)) {
                i = end(java.indexOf('\n', i), java);
            } else if (java.startsWith("/*", i)) {
                i = end(java.indexOf("*/", i + 2), java) + 2;
            } else if (java.startsWith("\"\"\"", i)) {
                int close = java.indexOf("\"\"\"", i + 3);
                while (close > 0 && java.charAt(close - 1) == '\\') {
                    close = java.indexOf("\"\"\"", close + 1);
                }
                close = end(close, java);
                literals.add(java.substring(i + 3, close));
                i = close + 3;
            } else if (java.charAt(i) == '"' || java.charAt(i) == '\'') {
                char quote = java.charAt(i);
                int j = i + 1;
                while (j < java.length() && java.charAt(j) != quote) {
                    j += java.charAt(j) == '\\' ? 2 : 1;
                }
                literals.add(java.substring(i + 1, Math.min(j, java.length())));
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int end(int found, String text) {
        return found < 0 ? text.length() : found;
    }
}
