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
 * its training run ({@code cds-training}, to a first answer) can never touch real data (a scratch database named outright,
 * local mode, free ports, no profile). The archive itself and its effect are measured by {@code startup-bench}, not here.
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
    void theTrainingRunGoesToAFirstAnswerOnAScratchDatabaseInLocalModeOnFreePorts() throws Exception {
        String script = Files.readString(SCRIPT);
        String training = script.substring(script.indexOf("Training run for"), script.indexOf("exec java"));

        // The jar's own training run, the one startup-bench gives Waymark; not Spring Boot's, which exits on refresh.
        assertThat(training).contains("java -jar \"$extracted\" " + CdsTraining.NAME + " --archive \"$archive\" "
                + "--jvm=\"$deployed ${JAVA_OPTS:-} $aot\"").doesNotContain("-Dspring.context.exit");
        assertThat(script).contains("exec java -XX:SharedArchiveFile=\"$archive\"");
        Path data = Path.of("/tmp/scratch");
        assertThat(StartupBench.trainingArguments(data, 0, 0)).containsExactly("--spring.profiles.active=",
                "--waymark.bot.app-id=", "--waymark.bot.app-password=", "--waymark.data-dir=" + data,
                "--server.port=0", "--management.server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("waymark") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void theTrainingRunNeedsAnArchiveToWriteAndStartsNothingWithout() {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        int code = Subcommands.run(new String[] {CdsTraining.NAME}, new java.io.PrintStream(buffer, true,
                StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(buffer.toString(StandardCharsets.UTF_8).strip()).isEqualTo("cds-training: --archive FILE is needed");
    }
}
