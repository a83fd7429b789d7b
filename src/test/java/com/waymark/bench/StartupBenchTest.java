package com.waymark.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.waymark.bench.StartupBench.Start;
import com.waymark.bench.StartupSteps.Step;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.core.metrics.StartupStep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The start-up benchmark's arithmetic and its last line; its timings are for the benchmark, not for a test. */
class StartupBenchTest {

    @Test
    void theMedianIsTheMiddleStartWhateverTheOrder() {
        assertThat(StartupBench.median(new long[] {9_000, 4_000, 30_000, 5_000, 4_500})).isEqualTo(5_000);
        assertThat(StartupBench.median(new long[] {7})).isEqualTo(7);
        assertThat(StartupBench.median(new long[] {4_000, 1_000, 3_000, 2_000})).isEqualTo(2_500);
        assertThatThrownBy(() -> StartupBench.median(new long[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLastLineGivesBothMediansTheirRatioAndTheFirstCheckIn() {
        List<Start> waymark = List.of(new Start("waymark", 6_100, 90, 140), new Start("waymark", 5_900, 80, 120),
                new Start("waymark", 12_000, 85, 400), new Start("waymark", 6_000, 70, 130),
                new Start("waymark", 5_800, 95, 125));
        List<Start> echo = List.of(new Start("echo", 2_000, 10, 5), new Start("echo", 2_400, 12, 6),
                new Start("echo", 2_200, 11, 4), new Start("echo", 9_000, 30, 9), new Start("echo", 2_100, 9, 5));

        assertThat(StartupBench.summary(waymark, echo))
                .isEqualTo("startup-bench: waymark-ms=6000 echo-ms=2200 ratio=2.73 first-reply-ms=130");
    }

    @Test
    void theRestartLineGivesTheRestartsMedianItsRatioToTheEchoBotAndItsCpu() {
        List<Start> restarts = List.of(new Start("restart", 4_000, 90, 100, 7_000),
                new Start("restart", 4_400, 80, 110, 7_400), new Start("restart", 9_000, 85, 120, 9_900));
        List<Start> echo = List.of(new Start("echo", 2_000, 10, 5), new Start("echo", 2_200, 11, 4),
                new Start("echo", 9_000, 30, 9));

        assertThat(StartupBench.restartSummary(restarts, echo))
                .isEqualTo("startup-bench: restart on a migrated database: waymark-ms=4400 ratio=2.00 cpu-ms=7400");
    }

    @Test
    void theFloorLineGivesTheDataLayersMedianItsRatioToTheEchoBotAndItsShareOfWaymarksStart() {
        List<Start> floors = List.of(new Start("floor", 5_000, 20, 10, 7_000), new Start("floor", 5_500, 25, 11, 7_500),
                new Start("floor", 12_000, 30, 12, 9_000));
        List<Start> echo = List.of(new Start("echo", 1_000, 10, 5), new Start("echo", 1_100, 11, 4),
                new Start("echo", 9_000, 30, 9));
        List<Start> waymark = List.of(new Start("waymark", 6_500, 90, 100), new Start("waymark", 7_000, 80, 110),
                new Start("waymark", 6_800, 85, 120));

        assertThat(StartupBench.floorSummary(floors, echo, waymark)).isEqualTo("startup-bench: the echo bot with "
                + "Waymark's data layer alone: floor-ms=5500 ratio=5.00 cpu-ms=7500 share-of-waymark=0.81");
    }

    @Test
    void theFloorIsTheEchoBotWithTheDataLayerOnItsOwnScratchDatabase() {
        java.nio.file.Path dir = java.nio.file.Path.of("/tmp/floor-db");
        assertThat(StartupBench.Bot.FLOOR.echoArguments(8080, dir))
                .containsExactly("echo-bot", "--server.port=8080", "--floor-data-dir=/tmp/floor-db");
        assertThat(StartupBench.Bot.ECHO.echoArguments(8080, dir)).containsExactly("echo-bot", "--server.port=8080");
        assertThat(rejected("--floor", "yes")).isEqualTo("startup-bench: --floor is true or false");
    }

    @Test
    void childrenGetThisJvmsOptionsButNoDebuggerAgentArchiveOrAot() {
        // An archive or AOT is the mode's to give, each bot its own: this JVM's (deploy/run.sh's) is Waymark's alone.
        assertThat(StartupBench.inheritedOptions(List.of("-Xmx512m", "-XX:SharedArchiveFile=app.jsa",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:/x/agent.jar",
                "-XX:ArchiveClassesAtExit=app.jsa", "-Dspring.context.exit=onRefresh", "-XX:TieredStopAtLevel=1",
                "-Dspring.aot.enabled=true")))
                .containsExactly("-Xmx512m", "-XX:TieredStopAtLevel=1");
        assertThat(StartupBench.splitOptions("  -Xmx512m   -Xss1m ")).containsExactly("-Xmx512m", "-Xss1m");
        assertThat(StartupBench.splitOptions(" ")).isEmpty();
    }

    @Test
    void badOptionsGetAClearAnswerAndNothingStarts() {
        assertThat(rejected("--runs", "0")).isEqualTo("startup-bench: --runs must be a whole number from 1 to 50");
    }

    @Test
    void restartIsTrueOrFalseAndAnythingElseStartsNothing() {
        assertThat(rejected("--restart", "yes")).isEqualTo("startup-bench: --restart is true or false");
    }

    @Test
    void anUnknownModeGetsTheModesThereAreAndNothingStarts() {
        assertThat(rejected("--mode", "fast")).isEqualTo("startup-bench: --mode is plain, cds, aot, cds-aot, not 'fast'");
    }

    /** What {@code startup-bench} with these options prints, having refused them (exit code 2) before starting. */
    private static String rejected(String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "startup-bench";
        System.arraycopy(options, 0, args, 1, options.length);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int code = Subcommands.run(args, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        return buffer.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void eachModeSaysWhatBothBotsStartWith() {
        assertThat(StartMode.parse("CDS-AOT")).isEqualTo(StartMode.CDS_AOT);
        assertThat(StartMode.PLAIN.archive()).isFalse();
        assertThat(StartMode.PLAIN.aot()).isFalse();
        assertThat(StartMode.CDS.archive()).isTrue();
        assertThat(StartMode.CDS.aot()).isFalse();
        assertThat(StartMode.CDS_AOT.archive()).isTrue();
        assertThat(StartMode.CDS_AOT.aot()).isTrue();
        for (StartMode mode : StartMode.values()) {
            assertThat(mode.description()).contains("both bots")
                    .contains(mode.aot() ? "Waymark with Spring AOT" : "no AOT");
        }
    }

    @Test
    void aStepsOwnTimeLeavesOutTheStepsInsideIt() throws InterruptedException {
        BufferingApplicationStartup recorder = new BufferingApplicationStartup(10);
        StartupStep parent = recorder.start("spring.beans.instantiate").tag("beanName", "entityManagerFactory");
        StartupStep child = recorder.start("spring.beans.instantiate").tag("beanName", "flywayInitializer");
        Thread.sleep(30);
        child.end();
        Thread.sleep(5);
        parent.end();

        List<Step> steps = StartupSteps.slowest(recorder.getBufferedTimeline().getEvents(), 10);

        assertThat(steps).extracting(Step::name).containsExactlyInAnyOrder("spring.beans.instantiate flywayInitializer",
                "spring.beans.instantiate entityManagerFactory");
        assertThat(steps.get(0).selfMs()).isGreaterThanOrEqualTo(steps.get(1).selfMs());
        Step inner = steps.stream().filter(step -> step.name().endsWith("flywayInitializer")).findFirst().orElseThrow();
        Step outer = steps.stream().filter(step -> step.name().endsWith("entityManagerFactory")).findFirst().orElseThrow();
        assertThat(inner.selfMs()).isEqualTo(inner.totalMs()).isGreaterThanOrEqualTo(30);
        assertThat(outer.totalMs()).isGreaterThan(inner.totalMs());
        assertThat(outer.selfMs()).isCloseTo(outer.totalMs() - inner.totalMs(), within(1e-9));
        assertThat(StartupSteps.slowest(recorder.getBufferedTimeline().getEvents(), 1)).hasSize(1);
    }
}
