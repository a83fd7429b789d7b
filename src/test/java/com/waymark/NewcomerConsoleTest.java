package com.waymark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.waymark.support.Chat;
import com.waymark.support.TeamsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console as a newcomer reads it: Waymark in a JVM of its own (as {@code java -jar} and {@code spring-boot:run}
 * start it), its whole output read back. A first start says where it listens before "Started", warns only of local
 * mode and of the key it generated, prints no box, no multi-line dump and no stack trace, stays quiet through the
 * first reflection (the embedding model's CUDA probe), and stops on SIGTERM with status 0 under the run goal's
 * setting. A missing key stops the start with one description and one action.
 */
class NewcomerConsoleTest {

    private static final Pattern LOG_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z\\s+(INFO|WARN|ERROR|DEBUG|TRACE) .*");
    private static final Pattern BOT_URL = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/api/messages");
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @TempDir
    Path dir;
    private Process process;
    private Path output;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFirstStartIsQuietSaysWhereItListensFirstAndStopsWithStatusZeroUnderTheRunGoal() throws Exception {
        start(List.of("-D" + SignalExit.PROPERTY + "=0"), "--waymark.data-dir=" + dir.resolve("data"));
        List<String> started = await(line -> line.contains("Started WaymarkApplication"));
        String notice = started.stream().filter(line -> line.contains("LocalModeNotice")).findFirst().orElseThrow();
        Matcher url = BOT_URL.matcher(notice);
        assertThat(url.find()).as(notice).isTrue();
        assertThat(notice).contains(" WARN ").contains("Local mode: no MicrosoftAppId is set, so messages are accepted "
                + "without authentication. Listening on this machine only, at http://127.0.0.1:" + url.group(1)
                + "/api/messages. For the Microsoft 365 Agents Playground; never for production.");
        assertThat(started.indexOf(notice)).as("before Started, in reading order")
                .isLessThan(started.size() - 1);

        // The first reflection loads the embedding model (and its tokenizer's CUDA probe) in the background.
        int managementPort = started.stream().map(PORT::matcher).filter(Matcher::find)
                .map(m -> Integer.parseInt(m.group(1))).reduce((first, second) -> second).orElseThrow();
        Chat.Person user = new Chat(new TeamsClient(Integer.parseInt(url.group(1)), "http://127.0.0.1:9/"), null)
                .requiringOk().person("Amara Lindqvist-Obi").agree();
        assertThat(user.say("2 3 The winter plan landed on us all at once").status()).isEqualTo(200);
        awaitEmbedded(managementPort);

        process.destroy(); // SIGTERM, as Maven's own shutdown hook sends it
        assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("spring-boot:run reads anything but 0 or 130 as BUILD FAILURE").isZero();

        List<String> lines = Files.readAllLines(output);
        assertThat(lines).as("one line per log event: no box, no multi-line dump, no stack trace")
                .filteredOn(line -> !line.isBlank()).allMatch(line -> LOG_LINE.matcher(line).matches());
        assertThat(lines).filteredOn(line -> line.contains(" ERROR ")).isEmpty();
        assertThat(lines).filteredOn(line -> line.contains(" WARN ")).as("the two a newcomer should read").hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("LocalModeNotice"))
                .anySatisfy(line -> assertThat(line).contains("local mode generated an encryption key for reflections "
                        + "and actions and saved it as " + dir.resolve("data").resolve("encryption.key").toAbsolutePath()));
        assertThat(String.join("\n", lines)).doesNotContain("GPU").doesNotContain("CUDA").doesNotContain("maxLength")
                .doesNotContain("undefined/unknown").doesNotContain("Scheduler meta-data")
                .doesNotContain(user.name()).doesNotContain("winter plan");
    }

    @Test
    void aMissingKeyStopsTheStartWithOneDescriptionAndOneAction() throws Exception {
        start(List.of(), "--waymark.data-dir=" + dir.resolve("data"), "--waymark.bot.app-id=6f3b9c1e-52a4-4d7e-9a0b-3c8e1f2d4a55",
                "--waymark.bot.app-password=not-a-real-secret", "--waymark.encryption.key=",
                "--waymark.encryption.key-file=");
        assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        String console = Files.readString(output);
        assertThat(console).contains("APPLICATION FAILED TO START").contains("""

                Description:

                No encryption key is set. Reflections and actions are stored encrypted, and only local mode (no \
                MicrosoftAppId) may generate a key of its own.

                Action:

                Set WAYMARK_ENCRYPTION_KEY to 32 random bytes in base64 (`openssl rand -base64 32`; keep it in your \
                vault), or WAYMARK_ENCRYPTION_KEY_FILE to a file holding it.
                """);
        assertThat(console).as("no stack trace, nothing else started").doesNotContain("\tat ").doesNotContain("Caused by")
                .doesNotContain("Exception").doesNotContain("Tomcat").doesNotContain("Flyway");
        assertThat(Files.exists(dir.resolve("data"))).as("nothing was written").isFalse();
    }

    /** A failure inside the start (here PostgreSQL refusing) is told once, as the report, not echoed on a WARN line. */
    @Test
    void aDatabaseThatRefusesIsReportedOnceWithoutTheEchoOrAStackTrace() throws Exception {
        start(List.of(), "--spring.profiles.active=postgres", "--waymark.data-dir=" + dir.resolve("data"),
                "--WAYMARK_DB_URL=jdbc:postgresql://127.0.0.1:1/waymark?password=hunter2", "--WAYMARK_DB_PASSWORD=");
        assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        String console = Files.readString(output);
        assertThat(console).contains("""

                Description:

                Could not connect to the database at jdbc:postgresql://127.0.0.1:1/waymark.

                Action:

                Check WAYMARK_DB_URL, and that the database server is running and can be reached from here.
                """);
        assertThat(console).doesNotContain("\tat ").doesNotContain("Caused by").doesNotContain("cancelling refresh")
                .doesNotContain("hunter2");
        assertThat(console.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")))
                .as("the report alone").hasSize(1);
    }

    /** This test's own classpath in a fresh JVM, without any Waymark or Bot Framework settings from the environment. */
    private void start(List<String> jvmOptions, String... arguments) throws IOException {
        output = dir.resolve("console.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.add(WaymarkApplication.class.getName());
        command.add("--server.port=0");
        if (List.of(arguments).stream().noneMatch(argument -> argument.startsWith("--spring.profiles.active="))) {
            command.add("--spring.profiles.active=");
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("WAYMARK_") || name.startsWith("Microsoft")
                || name.startsWith("MICROSOFT_") || name.equals("PORT") || name.equals("MANAGEMENT_PORT"));
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        process = builder.start();
    }

    private List<String> await(Predicate<String> line) throws Exception {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < end) {
            List<String> lines = Files.readAllLines(output);
            for (int i = 0; i < lines.size(); i++) {
                if (line.test(lines.get(i))) {
                    return lines.subList(0, i + 1);
                }
            }
            assertThat(process.isAlive()).as("still starting: %s", lines).isTrue();
            Thread.sleep(250);
        }
        throw new AssertionError("not started within " + PATIENCE + ": " + Files.readString(output));
    }

    /** Until the embeddings timer has counted a batch (Prometheus, on the management port). */
    private static void awaitEmbedded(int managementPort) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/actuator/prometheus")).timeout(Duration.ofSeconds(30)).build();
        Pattern embedded = Pattern.compile("(?m)^waymark_embeddings_seconds_count\\{[^}]*} ([0-9.]+)");
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < end) {
            Matcher count = embedded.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            if (count.find() && Double.parseDouble(count.group(1)) >= 1) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the reflection was not embedded within " + PATIENCE);
    }
}
