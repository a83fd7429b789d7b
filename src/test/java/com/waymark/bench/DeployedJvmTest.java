package com.waymark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The benchmarks measure the bot as it is deployed: the same JVM options as the container image and deploy/run.sh. */
class DeployedJvmTest {

    @Test
    void theContainerImageAndTheRunScriptStartWithTheOptionsTheBenchmarksUse() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String runScript = Files.readString(Path.of("deploy/run.sh"));
        for (String option : DeployedJvm.OPTIONS) {
            assertThat(pom).contains("<jvmFlag>" + option + "</jvmFlag>");
            assertThat(runScript).contains(option);
        }
    }

    @Test
    void anOptionOfTheBenchmarksOwnCommandLineWins() {
        assertThat(DeployedJvm.with(List.of("-Xmx512m")))
                .containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-XX:GCTimeRatio=19", "-Xms64m", "-Xmx512m");
        assertThat(DeployedJvm.with(List.of("-XX:+UseG1GC", "-Xms256m")))
                .containsExactly("-XX:TieredStopAtLevel=1", "-Xms64m", "-XX:+UseG1GC", "-Xms256m");
    }
}
