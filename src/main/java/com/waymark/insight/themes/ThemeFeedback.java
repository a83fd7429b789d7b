package com.waymark.insight.themes;

/**
 * What a coach tells the pipeline about its themes, to be applied to the taxonomy with
 * {@link ThemeTaxonomy#withFeedback(java.util.List)} before the next run. Themes are named by their
 * taxonomy id ({@link Theme#taxonomyId()}); texts are given as text, not as an index, so feedback stays
 * valid from one period to the next. Values only: persisting them (per programme) is the caller's job.
 */
public sealed interface ThemeFeedback
        permits ThemeFeedback.Rename, ThemeFeedback.Merge, ThemeFeedback.NotAbout, ThemeFeedback.MoreLike {

    /** The taxonomy theme this feedback is about (for a merge, the theme that disappears). */
    String themeId();

    /** "Call this theme …": changes the display name only. */
    record Rename(String themeId, String newName) implements ThemeFeedback {
        public Rename {
            require(themeId, "themeId");
            require(newName, "newName");
        }
    }

    /**
     * "These are the same theme": {@code themeId} is folded into {@code intoId}, which keeps its id and name
     * and gains the other's definition and exemplars, so texts that matched either now match it.
     */
    record Merge(String themeId, String intoId) implements ThemeFeedback {
        public Merge {
            require(themeId, "themeId");
            require(intoId, "intoId");
            if (themeId.equals(intoId)) {
                throw new IllegalArgumentException("a theme cannot be merged into itself");
            }
        }
    }

    /**
     * "This isn't about X": {@code text} becomes a counter-example of the theme; texts closer to a
     * counter-example than to the theme's own nearest description score lower for it by the difference.
     */
    record NotAbout(String text, String themeId) implements ThemeFeedback {
        public NotAbout {
            require(text, "text");
            require(themeId, "themeId");
        }
    }

    /** "This is about X" (or "more like this"): {@code text} becomes one of the theme's exemplars. */
    record MoreLike(String text, String themeId) implements ThemeFeedback {
        public MoreLike {
            require(text, "text");
            require(themeId, "themeId");
        }
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
