package com.waymark.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.checkin.Prompt;
import com.waymark.checkin.PromptLibrary;

/**
 * {@code startup-bench}: starts Waymark and the bare echo bot ({@code echo-bot}, the same SDK adapter, controller,
 * Tomcat and Spring MVC) each N times, alternately, as separate JVMs launched exactly as {@code java -jar} launches
 * this jar, each on free loopback ports and (Waymark) a fresh scratch H2 database in local mode.
 * <p>
 * <b>Ready</b> is measured from launching the process until a new person's first message ("hello") to
 * {@code /api/messages} is answered with the right reply (the privacy notice; the echo), polled every 20 ms, and, for
 * Waymark, its readiness probe ({@code /actuator/health/readiness} on the management port) says UP: whichever comes
 * later, because that probe is when a platform sends it traffic. The echo bot has no probe. <b>First reply</b> is then
 * a second new person's first check-in: the app installed and the notice agreed to, then a full check-in card (both
 * ratings, a prompt, a reflection) posted; the figure is the check-in turn's latency, the first a fresh instance answers.
 * <p>
 * The children get the deployed JVM options and this JVM's own ({@link DeployedJvm}), or exactly those of
 * {@code --jvm}, never a class-data-sharing archive or Spring AOT: {@code --mode} ({@link StartMode}) alone says
 * whether both start plainly ({@code java -jar}, the default) or as the production start does, and the first line says
 * which. {@code --args} adds arguments to Waymark's command line only (to compare a setting).
 * <p>
 * {@code --restart true} also times each Waymark start again on the database its first start left (migrated, one person
 * checked in), as an instance restarts in production, and prints that as a line of its own; the last line, a fresh
 * database each time, stays as it is.
 */
public final class StartupBench implements Subcommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final long POLL_MILLIS = 20;
    /** JVM options of this process that must not reach the children: debuggers, agents, archive dumps. */
    private static final List<String> NOT_INHERITED = List.of("-agentlib", "-javaagent", "-Xrunjdwp",
            "-XX:ArchiveClassesAtExit", "-XX:+AutoCreateSharedArchive", "-Dspring.context.exit",
            "-XX:SharedArchiveFile", "-Dspring.aot.enabled");

    private final AtomicLong sequence = new AtomicLong();

    @Override
    public String name() {
        return "startup-bench";
    }

    @Override
    public String description() {
        return "time to ready vs the bare echo bot, separate JVMs: [--runs 5] [--mode plain|cds|aot|cds-aot] "
                + "[--jvm OPTIONS] [--args ARGS] [--steps 0] [--restart false] [--floor false]";
    }

    /**
     * What is started: Waymark; the bare echo bot; or the echo bot with Waymark's data layer ({@link DataFloor}: its
     * migrations, entities and repositories, none of its own beans), the floor the fixed stack sets under Waymark's start.
     */
    enum Bot {
        WAYMARK, ECHO, FLOOR;

        boolean isWaymark() {
            return this == WAYMARK;
        }

        /** The echo bot's arguments: its port, and for the floor the scratch database in {@code dir}. */
        List<String> echoArguments(int port, Path dir) {
            List<String> args = new ArrayList<>(List.of(EchoBotWorker.NAME, "--server.port=" + port));
            if (this == FLOOR) {
                args.add(DataFloor.DATA_DIR_ARGUMENT + dir);
            }
            return args;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One start: ms from launch to ready, the first answer's latency, the first check-in's latency, and the CPU time the
     * process had used when it was ready (all its threads; steadier than wall time on a busy machine).
     */
    record Start(String bot, long readyMs, long helloMs, long checkInMs, long cpuMs) {

        Start(String bot, long readyMs, long helloMs, long checkInMs) {
            this(bot, readyMs, helloMs, checkInMs, -1);
        }

        Start named(String name) {
            return new Start(name, readyMs, helloMs, checkInMs, cpuMs);
        }
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        BenchOptions options = BenchOptions.parse(args, List.of("runs", "jvm", "timeout", "steps", "args", "mode",
                "restart", "floor"));
        StartMode mode = StartMode.parse(options.text("mode", StartMode.PLAIN.label()));
        int runs = options.integer("runs", 5, 1, 50);
        // Seconds a start may take before the benchmark gives up: at load average 40 a plain start took over 180.
        int timeout = options.integer("timeout", 600, 5, 3_600);
        int steps = options.integer("steps", 0, 0, 500);
        boolean restart = flag(options, "restart");
        boolean floor = flag(options, "floor");
        List<String> jvm = options.has("jvm") ? splitOptions(options.text("jvm", ""))
                : DeployedJvm.with(inheritedOptions(java.lang.management.ManagementFactory.getRuntimeMXBean()
                .getInputArguments()));
        if (steps > 0) {
            StartupSteps.print(steps, out);
        }
        List<String> waymarkArgs = splitOptions(options.text("args", ""));
        out.printf(Locale.ROOT, "startup-bench: %d starts each, alternating, %d cores, load average %s; JVM options %s; "
                + "mode %s: %s%n", runs, Runtime.getRuntime().availableProcessors(), BenchRuntime.loadAverage(),
                jvm.isEmpty() ? "none" : String.join(" ", jvm), mode.label(), mode.description());
        Path work = Files.createTempDirectory("waymark-startup-bench-launch-");
        try {
            Launch launch = Launch.prepare(mode, jvm, work, timeout, floor, this, out);
            measure(runs, timeout, launch, waymarkArgs, restart, out);
        } finally {
            BenchRuntime.deleteQuietly(work);
        }
        return 0;
    }

    private void measure(int runs, int timeout, Launch launch, List<String> waymarkArgs, boolean restart,
                         PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "startup-bench: waymark launched as %s%nstartup-bench: echo bot launched as %s%n",
                String.join(" ", launch.waymark()), String.join(" ", launch.echo()));
        if (!launch.floor().isEmpty()) {
            out.printf(Locale.ROOT, "startup-bench: the echo bot with Waymark's data layer (migrations, entities, "
                    + "repositories) launched as %s %s%n", String.join(" ", launch.floor()),
                    DataFloor.DATA_DIR_ARGUMENT + "<scratch folder>");
        }
        List<String> prompts = new PromptLibrary(JSON).all().stream().map(Prompt::id).toList();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Start> waymark = new ArrayList<>();
        List<Start> echo = new ArrayList<>();
        List<Start> restarts = new ArrayList<>();
        List<Start> floors = new ArrayList<>();
        out.printf(Locale.ROOT, "%-8s %4s %9s %9s %12s %13s%n", "bot", "run", "ready ms", "hello ms", "check-in ms",
                "cpu-to-ready");
        for (int i = 1; i <= runs; i++) {
            Path dir = Files.createTempDirectory("waymark-startup-bench-");
            try {
                waymark.add(report(out, i, startOnce(Bot.WAYMARK, launch.waymark(), waymarkArgs, http, prompts, timeout,
                        dir)));
                if (restart) {
                    restarts.add(report(out, i, startOnce(Bot.WAYMARK, launch.waymark(), waymarkArgs, http, prompts,
                            timeout, dir).named("restart")));
                }
            } finally {
                BenchRuntime.deleteQuietly(dir);
            }
            echo.add(report(out, i, startInScratch(Bot.ECHO, launch.echo(), http, prompts, timeout)));
            if (!launch.floor().isEmpty()) {
                floors.add(report(out, i, startInScratch(Bot.FLOOR, launch.floor(), http, prompts, timeout)));
            }
        }
        out.printf(Locale.ROOT, "median CPU to ready: waymark %.0f ms, echo %.0f ms; machine load average after: %s%n",
                median(waymark.stream().mapToLong(Start::cpuMs).toArray()),
                median(echo.stream().mapToLong(Start::cpuMs).toArray()), BenchRuntime.loadAverage());
        if (restart) {
            out.println(restartSummary(restarts, echo));
        }
        if (!floors.isEmpty()) {
            out.println(floorSummary(floors, echo, waymark));
        }
        out.println(summary(waymark, echo));
    }

    private static Start report(PrintStream out, int run, Start start) {
        out.printf(Locale.ROOT, "%-8s %4d %9d %9d %12d %13d%n", start.bot(), run, start.readyMs(), start.helloMs(),
                start.checkInMs(), start.cpuMs());
        out.flush();
        return start;
    }

    /** The last line: medians of Waymark's and the echo bot's time to ready, their ratio, and the first check-in. */
    static String summary(List<Start> waymark, List<Start> echo) {
        double waymarkMs = median(waymark.stream().mapToLong(Start::readyMs).toArray());
        double echoMs = median(echo.stream().mapToLong(Start::readyMs).toArray());
        double firstReply = median(waymark.stream().mapToLong(Start::checkInMs).toArray());
        return String.format(Locale.ROOT, "startup-bench: waymark-ms=%.0f echo-ms=%.0f ratio=%.2f first-reply-ms=%.0f",
                waymarkMs, echoMs, echoMs > 0 ? waymarkMs / echoMs : Double.NaN, firstReply);
    }

    /**
     * The restarts' line, before the last: Waymark's median time to ready on the database its first start had migrated,
     * its ratio to the echo bot's (which has no database, so its starts are the same ones) and its CPU until ready.
     */
    static String restartSummary(List<Start> restarts, List<Start> echo) {
        double restartMs = median(restarts.stream().mapToLong(Start::readyMs).toArray());
        double echoMs = median(echo.stream().mapToLong(Start::readyMs).toArray());
        return String.format(Locale.ROOT, "startup-bench: restart on a migrated database: waymark-ms=%.0f ratio=%.2f "
                + "cpu-ms=%.0f", restartMs, echoMs > 0 ? restartMs / echoMs : Double.NaN,
                median(restarts.stream().mapToLong(Start::cpuMs).toArray()));
    }

    /**
     * The floor's line, before the last: the median time to ready of the echo bot with Waymark's data layer, its ratio
     * to the bare echo bot's, its CPU until ready, and what share of Waymark's own time to ready it accounts for.
     */
    static String floorSummary(List<Start> floors, List<Start> echo, List<Start> waymark) {
        double floorMs = median(floors.stream().mapToLong(Start::readyMs).toArray());
        double echoMs = median(echo.stream().mapToLong(Start::readyMs).toArray());
        double waymarkMs = median(waymark.stream().mapToLong(Start::readyMs).toArray());
        return String.format(Locale.ROOT, "startup-bench: the echo bot with Waymark's data layer alone: floor-ms=%.0f "
                + "ratio=%.2f cpu-ms=%.0f share-of-waymark=%.2f", floorMs, echoMs > 0 ? floorMs / echoMs : Double.NaN,
                median(floors.stream().mapToLong(Start::cpuMs).toArray()),
                waymarkMs > 0 ? floorMs / waymarkMs : Double.NaN);
    }

    private static boolean flag(BenchOptions options, String name) {
        return switch (options.text(name, "false")) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("--" + name + " is true or false");
        };
    }

    /** The middle value; for an even count, the mean of the two middle ones. */
    static double median(long[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    static List<String> splitOptions(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    /** This JVM's own options, so that a run under CDS or AOT times children under the same; never agents or dumps. */
    static List<String> inheritedOptions(List<String> own) {
        return own.stream().filter(o -> NOT_INHERITED.stream().noneMatch(o::startsWith)).toList();
    }

    /** Local mode on a scratch database and the given ports, whatever profile or credentials the environment names. */
    static List<String> waymarkArguments(Path dataDir, int port, int managementPort) {
        return List.of("--spring.profiles.active=", "--waymark.bot.app-id=", "--waymark.bot.app-password=",
                "--waymark.data-dir=" + dataDir, "--server.port=" + port, "--management.server.port=" + managementPort);
    }

    /** One start of an echo bot (bare, or with the data layer) in a scratch folder that goes with it. */
    private Start startInScratch(Bot bot, List<String> launch, HttpClient http, List<String> prompts,
                                 int timeoutSeconds) throws Exception {
        Path dir = Files.createTempDirectory("waymark-startup-bench-" + bot + "-");
        try {
            return startOnce(bot, launch, List.of(), http, prompts, timeoutSeconds, dir);
        } finally {
            BenchRuntime.deleteQuietly(dir);
        }
    }

    /** One start in {@code dir} (Waymark's data folder, kept for a restart; the echo bot's console log alone). */
    private Start startOnce(Bot bot, List<String> launch, List<String> extra, HttpClient http,
                            List<String> prompts, int timeoutSeconds, Path dir) throws Exception {
        boolean isWaymark = bot.isWaymark();
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(launch);
        if (isWaymark) {
            command.addAll(waymarkArguments(dir, port, managementPort));
            command.addAll(extra);
        } else {
            command.addAll(bot.echoArguments(port, dir));
        }
        Path log = dir.resolve("console.log");
        URI messages = URI.create("http://127.0.0.1:" + port + "/api/messages");
        String serviceUrl = "http://127.0.0.1:" + freePort() + "/"; // nothing listens: every reply is in the answer
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long helloNanos = awaitReady(process, isWaymark, http, port, managementPort, serviceUrl,
                    launched + TimeUnit.SECONDS.toNanos(timeoutSeconds), log);
            long readyNanos = System.nanoTime() - launched;
            long cpuMs = process.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            long checkInNanos = firstCheckIn(http, messages, serviceUrl, prompts, isWaymark);
            return new Start(bot.toString(), TimeUnit.NANOSECONDS.toMillis(readyNanos),
                    TimeUnit.NANOSECONDS.toMillis(helloNanos), TimeUnit.NANOSECONDS.toMillis(checkInNanos), cpuMs);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * A training run for a class-data-sharing archive ({@code launch} holds {@code -XX:ArchiveClassesAtExit}): the bot
     * starts as a start is timed here (Waymark in local mode on the scratch database in {@code dir}), runs until ready
     * (a new person's "hello" answered, Waymark's readiness UP), and is then stopped by SIGTERM, a graceful exit after
     * which the JVM writes the archive. So the archive holds what a start loads up to its first answer: the repositories
     * Spring Data builds after the context is refreshed and the first turn's classes, which a training run that exits on
     * the refresh ({@code -Dspring.context.exit=onRefresh}) never loads.
     */
    void train(Bot bot, List<String> launch, Path archive, Path dir, int timeoutSeconds) throws Exception {
        boolean isWaymark = bot.isWaymark();
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(launch);
        command.addAll(isWaymark ? trainingArguments(dir, port, managementPort) : bot.echoArguments(port, dir));
        Path log = dir.resolve("training.log");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitReady(process, isWaymark, http, port, managementPort, "http://127.0.0.1:" + freePort() + "/", deadline,
                    log);
            process.destroy();
            // Writing the archive comes after the shutdown hooks and can take seconds on a busy machine.
            long left = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()));
            if (!process.waitFor(left, TimeUnit.SECONDS)) {
                throw new IllegalStateException(failure(isWaymark, "did not stop within " + timeoutSeconds
                        + " s of its training run", log));
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException(failure(isWaymark, "made no archive in its training run", log));
        }
    }

    /**
     * A training run's arguments: as a timed start's, and the scratch database named outright, so that no data source
     * set in the environment ({@code SPRING_DATASOURCE_URL}) can point a training run at real data.
     */
    static List<String> trainingArguments(Path dataDir, int port, int managementPort) {
        List<String> args = new ArrayList<>(waymarkArguments(dataDir, port, managementPort));
        args.add("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("waymark") + ";DB_CLOSE_ON_EXIT=FALSE");
        return List.copyOf(args);
    }

    /**
     * Polls until a new person's "hello" is answered with the right reply (the privacy notice; the echo) and, for
     * Waymark, its readiness probe says UP; returns the nanoseconds the answered "hello" took.
     */
    private long awaitReady(Process process, boolean isWaymark, HttpClient http, int port, int managementPort,
                            String serviceUrl, long deadline, Path log) throws InterruptedException {
        URI messages = URI.create("http://127.0.0.1:" + port + "/api/messages");
        URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
        String hello = message(newPerson(), serviceUrl, "hello").toString();
        String expected = isWaymark ? "Before we start" : "Echo: hello";
        long helloNanos = -1;
        boolean up = !isWaymark;
        while (helloNanos < 0 || !up) {
            if (!process.isAlive()) {
                throw new IllegalStateException(failure(isWaymark, "stopped with exit code " + process.exitValue(), log));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure(isWaymark, "not ready in time", log));
            }
            if (helloNanos < 0) {
                long sent = System.nanoTime();
                if (post(http, messages, hello, expected)) {
                    helloNanos = System.nanoTime() - sent;
                }
            }
            if (!up && get(http, readiness, "\"UP\"")) {
                up = true;
            }
            if (helloNanos < 0 || !up) {
                Thread.sleep(POLL_MILLIS);
            }
        }
        return helloNanos;
    }

    /** A new person installs the app, agrees to the notice, then checks in: the check-in's latency in nanoseconds. */
    private long firstCheckIn(HttpClient http, URI messages, String serviceUrl, List<String> prompts, boolean isWaymark)
            throws IOException, InterruptedException {
        String person = newPerson();
        if (isWaymark) {
            ObjectNode install = message(person, serviceUrl, null);
            install.put("type", "installationUpdate").put("action", "add");
            require(post(http, messages, install.toString(), "Before we start"), "the install was not welcomed");
            ObjectNode consent = message(person, serviceUrl, null);
            consent.putObject("value").put("action", "consent");
            consent.put("replyToId", "1:card-" + sequence.incrementAndGet());
            require(post(http, messages, consent.toString(), "Thank you"), "the consent was not answered");
        }
        ObjectNode checkIn = message(person, serviceUrl, null);
        checkIn.put("replyToId", "1:card-" + sequence.incrementAndGet());
        checkIn.putObject("value").put("action", "checkin").put("wellbeing", "4").put("energy", "3")
                .put("promptId", prompts.get(0)).put("quoteOk", "false")
                .put("reflection", "Asked the ward managers what gets in their way before offering my own view.");
        long sent = System.nanoTime();
        require(post(http, messages, checkIn.toString(), isWaymark ? "Saved" : "Echo: "), "the check-in was not answered");
        return System.nanoTime() - sent;
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    private static String failure(boolean isWaymark, String what, Path log) {
        String tail;
        try {
            List<String> lines = Files.readAllLines(log);
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | RuntimeException e) {
            tail = "(no console output)";
        }
        return (isWaymark ? "Waymark " : "the echo bot ") + what + "; its last lines:\n" + tail;
    }

    private String newPerson() {
        return UUID.randomUUID().toString();
    }

    /** A message in a new person's 1:1 chat, as Teams sends it, asking for the replies in the answer. */
    private ObjectNode message(String aadObjectId, String serviceUrl, String text) {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", "message").put("id", "f:" + sequence.incrementAndGet()).put("channelId", "msteams")
                .put("serviceUrl", serviceUrl).put("timestamp", "2026-11-25T09:00:00.000Z")
                .put("locale", "en-GB").put("localTimezone", "Europe/London").put("deliveryMode", "expectReplies");
        if (text != null) {
            activity.put("text", text);
        }
        activity.putObject("from").put("id", "29:" + aadObjectId).put("name", "Startup Leader")
                .put("aadObjectId", aadObjectId);
        activity.putObject("conversation").put("conversationType", "personal").put("tenantId", TENANT)
                .put("id", "a:personal-" + aadObjectId);
        activity.putObject("recipient").put("id", "28:waymark-bot").put("name", "Waymark");
        activity.putObject("channelData").putObject("tenant").put("id", TENANT);
        return activity;
    }

    private static boolean post(HttpClient http, URI uri, String body, String expected) {
        return send(http, HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                expected);
    }

    private static boolean get(HttpClient http, URI uri, String expected) {
        return send(http, HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(), expected);
    }

    /** True for a 200 whose body holds the expected text; false for anything else, a refused connection included. */
    private static boolean send(HttpClient http, HttpRequest request, String expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains(expected);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
