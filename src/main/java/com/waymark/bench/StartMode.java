package com.waymark.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How {@code startup-bench} starts each bot ({@code --mode}): as {@code java -jar} starts the jar, or as the
 * production start does ({@code deploy/run.sh}: the jar extracted, a class-data-sharing archive made by a training run
 * that goes as far as a first answer ({@link StartupBench#train}), Spring AOT). Both bots get the same treatment, each its own archive from its own training run, except that Spring AOT
 * exists for Waymark's context only: the echo bot's small context is not AOT-processed, and it always starts the
 * ordinary way.
 */
enum StartMode {

    PLAIN("plain", false, false, "both bots by java -jar on the jar as built, no archive, no AOT"),
    CDS("cds", true, false, "both bots from the extracted jar, each with a class-data-sharing archive of its own "
            + "training run (to a first answer); no AOT"),
    AOT("aot", false, true, "both bots by java -jar on the jar as built, no archive; Waymark with Spring AOT "
            + "(-Dspring.aot.enabled=true), the echo bot without (its context is not AOT-processed)"),
    CDS_AOT("cds-aot", true, true, "as deploy/run.sh starts Waymark: both bots from the extracted jar, each with a "
            + "class-data-sharing archive of its own training run (to a first answer); Waymark with Spring AOT "
            + "(-Dspring.aot.enabled=true), the echo bot without (its context is not AOT-processed)");

    static final String AOT_FLAG = "-Dspring.aot.enabled=true";

    private final String name;
    private final boolean archive;
    private final boolean aot;
    private final String description;

    StartMode(String name, boolean archive, boolean aot, String description) {
        this.name = name;
        this.archive = archive;
        this.aot = aot;
        this.description = description;
    }

    static StartMode parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.name.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--mode is " + Arrays.stream(values())
                        .map(m -> m.name).collect(Collectors.joining(", ")) + ", not '" + text + "'"));
    }

    String label() {
        return name;
    }

    /** Whether each bot starts from the extracted jar with a class-data-sharing archive of its own. */
    boolean archive() {
        return archive;
    }

    /** Whether Waymark starts with Spring AOT's generated bean definitions. */
    boolean aot() {
        return aot;
    }

    String description() {
        return description;
    }
}
