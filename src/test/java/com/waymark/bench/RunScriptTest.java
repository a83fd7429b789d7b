package com.waymark.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code deploy/run.sh}, the quicker start with a CDS archive: what it says when there is no jar to start, and that
 * its training run can never touch real data (a scratch database, local mode, free ports, no profile). The archive
 * itself and its effect are measured by {@code startup-bench}, not here.
 */
class RunScriptTest {

    private static final Path SCRIPT = Path.of("deploy", "run.sh");

    @Test
    void withoutAJarItSaysHowToBuildOneAndStartsNothing() throws Exception {
        assumeThat(new File("/bin/bash")).exists();
        ProcessBuilder missing = new ProcessBuilder("/bin/bash", SCRIPT.toString()).redirectErrorStream(true);
        missing.environment().put("WAYMARK_JAR", "/nonexistent/waymark.jar");
        Process run = missing.start();
        String said = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(run.exitValue()).isEqualTo(1);
        assertThat(said.strip()).isEqualTo("No runnable jar: build it first with ./mvnw -DskipTests -Dskip.e2e package "
                + "(or set WAYMARK_JAR).");
    }

    @Test
    void theTrainingRunUsesAScratchDatabaseInLocalModeOnFreePorts() throws Exception {
        String script = Files.readString(SCRIPT);
        String training = script.substring(script.indexOf("-XX:ArchiveClassesAtExit"), script.indexOf("rm -rf \"$scratch\""));

        assertThat(training).contains("-Dspring.context.exit=onRefresh", "--spring.profiles.active=",
                "--waymark.bot.app-id=", "--waymark.bot.app-password=", "--waymark.data-dir=\"$scratch\"",
                "--server.port=0", "--management.server.port=0");
        assertThat(script).contains("scratch=\"$(mktemp -d)\"", "exec java -XX:SharedArchiveFile=\"$archive\"");
    }
}
