package com.waymark.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options Waymark is deployed with (the container image's {@code jvmFlags} in the pom, {@code deploy/run.sh}),
 * which the benchmarks give every server they start, Waymark and the echo bot alike, so that a figure is the deployed
 * bot's (checked against both by {@code DeployedJvmTest}). Options of the benchmark's own command line come after and
 * win: one that chooses a collector replaces ours and its tuning, a later {@code -Xms} overrides the earlier.
 * <p>
 * Why these (measured in docs/performance.md): on a 2-core instance with a 512 MB heap, the parallel collector keeps
 * about 30 MB of bookkeeping where G1 keeps 60, and G1 grew to the whole heap under load although about 100 MB of it
 * was live. So does the parallel collector with its default goal (at most 1 % of the time in collections);
 * {@code GCTimeRatio=19} (5 %) keeps the heap nearer what the load needs, for a little more collecting. A heap that
 * starts small grows to that instead of starting at a 64th of the machine's memory.
 * <p>
 * {@code TieredStopAtLevel=1}: the quick compiler only. Half of a start's CPU went to compiling, and after a 15 s
 * warm-up the optimising compiler still took half a core, slowing the turns it had not finished with. With the quick
 * compiler alone Waymark is ready in about 4 s instead of 6 as deployed, and its paced p99 fell from 16-18 ms to 11;
 * the price is peak throughput (measured in docs/performance.md), far above what one Trust's check-ins need.
 */
final class DeployedJvm {

    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-XX:GCTimeRatio=19",
            "-Xms64m");

    private DeployedJvm() {
    }

    /** The deployed options, less the collector and its tuning when {@code own} chooses one, then {@code own}. */
    static List<String> with(List<String> own) {
        boolean ownCollector = own.stream().anyMatch(DeployedJvm::choosesCollector);
        List<String> all = new ArrayList<>();
        for (String option : OPTIONS) {
            if (!(ownCollector && concernsCollector(option))) {
                all.add(option);
            }
        }
        all.addAll(own);
        return List.copyOf(all);
    }

    private static boolean choosesCollector(String option) {
        return option.startsWith("-XX:+Use") && option.endsWith("GC");
    }

    /** The collector itself, or a tuning meant for ours that another collector would read differently. */
    private static boolean concernsCollector(String option) {
        return choosesCollector(option) || option.startsWith("-XX:GCTimeRatio=");
    }
}
