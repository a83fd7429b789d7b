package com.waymark.checkin;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kinds of obstacle coaches meet again and again, read from the person's own words by plain keywords.
 * A coach sees only how many actions are held up by each kind, never the words.
 */
public enum BlockerKind {
    TIME("Time and capacity", "time|diary|busy|capacity|workload|meetings?|no space|too much|stretched|rota|cover"),
    OTHERS("Waiting on others", "waiting|wait for|sign[- ]?off|approv|agree|decision|partner|board|icb|exec|"
            + "colleague|manager|chair|team hasn|they|response|reply"),
    MONEY("Money and resources", "budget|fund|money|cost|financ|deficit|resourc|staff(ing)?|vacanc|post"),
    PRIORITIES("Priorities changed", "priorit|urgent|winter|pressure|incident|crisis|escalat|changed|pulled|"
            + "firefight|operational"),
    CONFIDENCE("Confidence or know-how", "not sure|unsure|confiden|how to|don'?t know|nervous|anxious|afraid|"
            + "scared|skill|avoid|put(ting)? (it )?off|courage"),
    OTHER("Something else", "");

    private final String label;
    private final Pattern words;

    BlockerKind(String label, String words) {
        this.label = label;
        this.words = words.isEmpty() ? null : Pattern.compile("\\b(" + words + ")", Pattern.CASE_INSENSITIVE);
    }

    public String label() {
        return label;
    }

    /** The first kind whose words appear, in the order above; {@link #OTHER} when none does. */
    public static BlockerKind of(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        for (BlockerKind kind : List.of(values())) {
            if (kind.words != null && kind.words.matcher(lower).find()) {
                return kind;
            }
        }
        return OTHER;
    }
}
