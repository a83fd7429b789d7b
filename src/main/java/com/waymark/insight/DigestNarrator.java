package com.waymark.insight;

import java.util.List;
import java.util.Optional;

/**
 * Words for a digest beyond what the in-process pipeline writes itself. By default nothing
 * ({@code waymark.insight.llm.enabled=false}): the digest stands on its own. With an LLM configured, it is given
 * only what a coach may already see, the already-suppressed aggregate lines and a theme's distinctive terms, never
 * a reflection, a name, or anything about a theme under the confidentiality threshold. Never throws: a failure or
 * a time-out is an empty answer, and the digest goes out without it.
 */
interface DigestNarrator {

    /** A short name for a theme from its distinctive terms; empty = keep our own name. */
    Optional<String> nameTheme(List<String> topTerms, String currentName);

    /** One paragraph summarising the digest from its already-suppressed aggregate lines; empty = none. */
    Optional<String> summarise(String programmeName, List<String> aggregateLines);
}
