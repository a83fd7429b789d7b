package com.waymark.insight;

import java.util.List;

/**
 * The themes running through the period's reflections: only those with at least the threshold of distinct
 * authors, each with its direction against the previous period and opted-in quotes without names.
 *
 * @param reflections  reflections in the period, or null when fewer than the threshold of people wrote any
 * @param themes       largest first
 * @param smallThemes  how many further themes were too small to show
 * @param fading       names of themes that were shown last period and are now below the threshold
 * @param heldBack     the reflections' figure is hidden by the release ledger, not for size
 */
public record ThemeReport(Integer reflections, List<Line> themes, int smallThemes, List<String> fading,
                          boolean heldBack) {

    public ThemeReport {
        themes = List.copyOf(themes);
        fading = List.copyOf(fading);
    }

    public ThemeReport(Integer reflections, List<Line> themes, int smallThemes, List<String> fading) {
        this(reflections, themes, smallThemes, fading, false);
    }

    public enum Direction { NEW, GROWING, STEADY, FADING }

    /**
     * @param key        the taxonomy id when named from the taxonomy, otherwise a key made from its terms
     * @param name       display name (the taxonomy's, a coach's rename, or the top terms)
     * @param terms      most distinctive words and phrases
     * @param people     distinct authors in the period
     * @param share      people as a share of those who wrote reflections, 0–1
     * @param quotes     opted-in example quotes, never with a name
     */
    public record Line(String key, String name, List<String> terms, int people, double share, Direction direction,
                       List<String> quotes) {

        public Line {
            terms = List.copyOf(terms);
            quotes = List.copyOf(quotes);
        }
    }

    public static ThemeReport none() {
        return new ThemeReport(null, List.of(), 0, List.of());
    }

    public static ThemeReport heldBackByLedger() {
        return new ThemeReport(null, List.of(), 0, List.of(), true);
    }
}
