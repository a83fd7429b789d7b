package com.waymark.bench;

import java.io.IOException;
import java.io.PrintStream;
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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Inbound load: N simulated participants, each on its own thread, post to {@code /api/messages} with
 * {@code deliveryMode: expectReplies} (the replies come back in the HTTP answer, as for Teams' invokes): first they
 * install the app and agree to the notice, then they post full check-in card submits, after a warm-up. By default
 * each posts again as soon as its answer arrives (a closed loop: it measures capacity, and latency is queueing);
 * with {@code --think-ms} each posts at random (Poisson) times that far apart on average, and latency counts from
 * when a post was due, so a slow answer that delays the next post is counted, not hidden. The same N then post the
 * same submits to a bare echo bot on the same SDK, controller, middleware and Tomcat ({@link com.waymark.teams.EchoBotServer}), which
 * says the card's data back, so that the difference is what Waymark's own work costs. Each server runs in a JVM of
 * its own ({@link LoadBenchServer}, {@link EchoBotWorker}) with this JVM's options, so that its CPU time and memory are
 * its own, read by the operating system; this JVM is only the load generator. Waymark is on a scratch H2 file database
 * in local mode. The summary line compares the two: {@code ratio} is Waymark's p99 over the echo bot's; {@code
 * overflowed} the reflections that did not fit the embedding queue during the measured phase and {@code
 * backlog-age-s} how long the oldest one still queued had waited when it ended (how far behind embedding was); {@code
 * cpu-ms} is Waymark's process's CPU per check-in including embedding every reflection of the phase, and {@code
 * echo-cpu-ms} the echo bot's process's per echo; {@code rss-mb} is Waymark's process's resident memory after the
 * load and its embeddings.
 */
public final class LoadBench implements Subcommand {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String BOT_ID = "28:waymark-bot";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REFLECTIONS = List.of(
            "Asked the ward managers what gets in their way before offering my own view; it changed the meeting.",
            "Too many back-to-back board papers this week. Blocked an hour on Friday to think about the winter plan.",
            "Tried a shorter huddle with the operational leads. Fewer updates, more decisions. Worth keeping.",
            "Hard conversation with a finance colleague went better than I feared because I listened first.",
            "");

    /**
     * Each simulated person posts as fast as the answers come, far beyond the per-person budget of 30 a minute, so
     * both bots get a budget they never exhaust: the limiter still runs on every turn, it just never refuses.
     */
    static final String UNLIMITED = "--waymark.bot.messages-per-minute=100000000";

    private final AtomicLong sequence = new AtomicLong();

    @Override
    public String name() {
        return "load-bench";
    }

    @Override
    public String description() {
        return "inbound load, Waymark check-ins vs a bare echo bot: --users 200 --seconds 30 [--warmup 5] [--think-ms 0]";
    }

    /** One simulated person: their Teams identity and 1:1 conversation. */
    record Person(String aadObjectId, String name) {

        String conversationId() {
            return "a:personal-" + aadObjectId;
        }
    }

    /**
     * What one phase measured: latencies of the successful requests (nanoseconds, sorted), errors, wall time, and
     * the CPU time the server's process used meanwhile (robust on a shared machine).
     */
    record Phase(String name, long[] sorted, long errors, double seconds, double cpuSeconds) {

        double rps() {
            return sorted.length / seconds;
        }

        double cpuMsPerRequest() {
            return sorted.length == 0 ? 0 : cpuSeconds * 1000 / sorted.length;
        }

        double ms(double percent) {
            return BenchRuntime.percentile(sorted, percent) / 1e6;
        }
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        BenchOptions options = BenchOptions.parse(args, List.of("users", "seconds", "warmup", "think-ms", "waymark-jvm"));
        int users = options.intOption("users", 200, 1, 2_000);
        int seconds = options.intOption("seconds", 30, 1, 3_600);
        int warmup = options.intOption("warmup", 5, 0, 600);
        int thinkMillis = options.intOption("think-ms", 0, 0, 600_000);
        List<String> waymarkJvm = splitOptions(options.text("waymark-jvm", ""));
        long pace = TimeUnit.MILLISECONDS.toNanos(thinkMillis);

        out.printf(Locale.ROOT, "load-bench: %d participants, %d s per phase after %d s warm-up, %d cores; Waymark on H2 "
                + "(local mode) and a bare echo bot on the same SDK, controller and Tomcat, each in a JVM of its own "
                + "with the deployed options and this one's (%s), driven from this one%n", users, seconds, warmup,
                Runtime.getRuntime().availableProcessors(), String.join(" ", ChildJvm.jvmOptions(List.of())));
        out.println(pace == 0 ? "each participant posts again as soon as its answer arrives (closed loop: capacity)"
                : String.format(Locale.ROOT, "each participant posts at random times, %d ms apart on average (%.0f "
                + "posts/s offered in all); latency counts from when each post was due", thinkMillis,
                users * 1000.0 / thinkMillis));
        ExecutorService pool = Executors.newFixedThreadPool(users);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try (ConnectorStub connector = new ConnectorStub()) {
            String serviceUrl = connector.serviceUrl();
            List<Person> people = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                people.add(new Person(UUID.randomUUID().toString(), "Leader " + (i + 1)));
            }
            WaymarkRun waymark = runWaymark(out, people, pool, http, serviceUrl, waymarkJvm, warmup, seconds, pace);
            Phase echoPhase;
            try (ChildJvm echo = ChildJvm.start(EchoBotWorker.NAME, List.of(), List.of("--logging.level.root=WARN",
                    UNLIMITED))) {
                String port = echo.await("listening on port", STARTING);
                URI echoUri = URI.create("http://127.0.0.1:" + port + "/api/messages");
                Function<Person, String> checkIn = p -> checkInSubmit(p, serviceUrl, waymark.prompts());
                if (warmup > 0) {
                    phase("warm-up", people, pool, http, echoUri, checkIn, "Echo: ", warmup, 0, echo);
                }
                echoPhase = phase("echo check-in", people, pool, http, echoUri, checkIn, "Echo: ", seconds, pace, echo);
                echo.terminate();
            }
            Phase waymarkPhase = waymark.phase();
            out.printf(Locale.ROOT, "%-18s %9s %9s %8s %8s %8s %8s %7s %11s%n", "phase", "requests", "rps",
                    "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "cpu ms/req");
            for (Phase phase : List.of(waymarkPhase, echoPhase)) {
                out.printf(Locale.ROOT, "%-18s %9d %9.1f %8.1f %8.1f %8.1f %8.1f %7d %11.2f%n", phase.name(),
                        phase.sorted().length, phase.rps(), phase.ms(50), phase.ms(95), phase.ms(99), phase.ms(100),
                        phase.errors(), phase.cpuMsPerRequest());
            }
            out.printf(Locale.ROOT, "cpu per check-in (Waymark's process alone): %.2f ms for the turn, %.2f ms with its "
                    + "reflection's embedding; %.2f ms per echo (the echo bot's process alone); garbage collection "
                    + "during the load: %d collections, %d ms%n", waymarkPhase.cpuMsPerRequest(),
                    waymark.cpuMsWithEmbedding(), echoPhase.cpuMsPerRequest(), waymark.gcCount(), waymark.gcMillis());
            double echoP99 = echoPhase.ms(99);
            out.printf(Locale.ROOT, "load-bench: users=%d rps=%.1f p50=%.1f p99=%.1f echo-p99=%.1f ratio=%.2f errors=%d "
                    + "overflowed=%d backlog-age-s=%.1f cpu-ms=%.2f echo-cpu-ms=%.2f rss-mb=%d%n",
                    users, waymarkPhase.rps(), waymarkPhase.ms(50), waymarkPhase.ms(99), echoP99,
                    echoP99 > 0 ? waymarkPhase.ms(99) / echoP99 : Double.NaN,
                    waymark.setupErrors() + waymarkPhase.errors() + echoPhase.errors(), waymark.overflowed(),
                    waymark.behindSeconds(), waymark.cpuMsWithEmbedding(), echoPhase.cpuMsPerRequest(),
                    waymark.rssMegabytes());
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    /** How long a server process may take to start on a busy machine. */
    private static final Duration STARTING = Duration.ofMinutes(5);

    /** What the Waymark process measured: its phase, the embedding it left, its CPU and memory. */
    record WaymarkRun(List<String> prompts, Phase phase, long setupErrors, long overflowed, double behindSeconds,
                      double cpuMsWithEmbedding, long gcCount, long gcMillis, long rssMegabytes) {
    }

    /** Starts Waymark in a JVM of its own, sets the people up, warms up, measures, embeds, reads its memory, stops it. */
    private WaymarkRun runWaymark(PrintStream out, List<Person> people, ExecutorService pool, HttpClient http,
                                  String serviceUrl, List<String> jvm, int warmup, int seconds, long pace)
            throws Exception {
        Path dataDir = Files.createTempDirectory("waymark-load-bench-");
        try (ChildJvm waymark = ChildJvm.start(LoadBenchServer.NAME, jvm, List.of("--data-dir", dataDir.toString()))) {
            Map<String, String> ready = fields(waymark.await("ready", STARTING));
            URI uri = URI.create("http://127.0.0.1:" + ready.get("port") + "/api/messages");
            List<String> prompts = List.of(ready.get("prompts").split(","));
            long setupStart = System.nanoTime();
            long setupErrors = setUp(people, pool, http, uri, serviceUrl);
            out.printf(Locale.ROOT, "setup: %d participants installed the app and agreed to the notice in %.1f s "
                    + "(errors %d)%n", people.size(), (System.nanoTime() - setupStart) / 1e9, setupErrors);
            Function<Person, String> checkIn = p -> checkInSubmit(p, serviceUrl, prompts);
            if (warmup > 0) {
                phase("warm-up", people, pool, http, uri, checkIn, "Saved", warmup, 0, waymark);
                // The warm-up's reflections are embedded before the measured phase, so none of its cost lands there.
                waymark.send("embed");
                waymark.await("embedded", Duration.ofMinutes(20));
            }
            Map<String, String> before = meters(waymark);
            Phase phase = phase("waymark check-in", people, pool, http, uri, checkIn, "Saved", seconds, pace, waymark);
            Map<String, String> after = meters(waymark);
            long overflowed = Math.round(number(after, "dropped") - number(before, "dropped"));
            // How far behind embedding was when the load ended: the oldest reflection still waiting, in seconds.
            double behind = number(after, "backlog-age-s");
            // What embedding had not done by the end of the load is done now, in the quiet, and its CPU counted with the
            // check-ins': both the queued reflections and those that overflowed the queue (embedded as the backfill
            // would embed them).
            long embedCpuStart = waymark.cpuNanos();
            waymark.send("embed");
            Map<String, String> embedded = fields(waymark.await("embedded", Duration.ofMinutes(20)));
            double embedCpu = (waymark.cpuNanos() - embedCpuStart) / 1e9;
            int checkIns = phase.sorted().length;
            double withEmbedding = checkIns == 0 ? 0 : (phase.cpuSeconds() + embedCpu) * 1000 / checkIns;
            out.printf(Locale.ROOT, "embedding: %d reflections overflowed the queue during the load (left to the "
                    + "backfill); the oldest still queued when it ended had waited %.1f s; after the load, the %.0f still "
                    + "queued took %.1f s and the %s others without one (the overflowed) %.1f s; embedding CPU after the load %.1f s, %.2f ms a "
                    + "check-in%n", overflowed, behind, number(after, "pending"), number(embedded, "queued-s"),
                    embedded.get("overflowed"), number(embedded, "backfill-s"), embedCpu,
                    checkIns == 0 ? 0 : embedCpu * 1000 / checkIns);
            waymark.send("memory");
            Map<String, String> memory = fields(waymark.await("memory", Duration.ofMinutes(1)));
            long rss = waymark.rssMegabytes();
            out.printf(Locale.ROOT, "memory of Waymark's process after the load and its embeddings: rss=%d MB (peak %d MB) "
                    + "heap-used=%s MB (check-ins stored: %s); machine load average %s%n", rss,
                    waymark.peakRssMegabytes(), memory.get("heap-used-mb"), memory.get("stored"),
                    BenchRuntime.loadAverage());
            return new WaymarkRun(prompts, phase, setupErrors, overflowed, behind, withEmbedding,
                    Math.round(number(after, "gc-count") - number(before, "gc-count")),
                    Math.round(number(after, "gc-ms") - number(before, "gc-ms")), rss);
        } finally {
            BenchRuntime.deleteQuietly(dataDir);
        }
    }

    private static Map<String, String> meters(ChildJvm waymark) throws Exception {
        waymark.send("meters");
        return fields(waymark.await("meters", Duration.ofMinutes(1)));
    }

    /** {@code a=1 b=2} as a map. */
    static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : line.strip().split("\\s+")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                fields.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        return fields;
    }

    private static double number(Map<String, String> fields, String name) {
        return Double.parseDouble(fields.getOrDefault(name, "0"));
    }

    private static List<String> splitOptions(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    /** Each person installs the app and agrees to the privacy notice, all at once. */
    private long setUp(List<Person> people, ExecutorService pool, HttpClient http, URI uri, String serviceUrl)
            throws Exception {
        List<Future<Integer>> done = new ArrayList<>();
        for (Person person : people) {
            done.add(pool.submit(() -> {
                int errors = 0;
                ObjectNode install = activity(person, serviceUrl);
                install.put("type", "installationUpdate").put("action", "add");
                errors += post(http, uri, install.toString(), "Before we start") < 0 ? 1 : 0;
                ObjectNode consent = activity(person, serviceUrl);
                consent.putObject("value").put("action", "consent");
                consent.put("replyToId", "1:card-" + sequence.incrementAndGet());
                errors += post(http, uri, consent.toString(), "Thank you") < 0 ? 1 : 0;
                return errors;
            }));
        }
        long errors = 0;
        for (Future<Integer> f : done) {
            errors += f.get();
        }
        return errors;
    }

    /**
     * Every person posts as soon as their previous answer arrived (or when due, paced), until the time is up; the CPU
     * counted is the server process's own.
     */
    private Phase phase(String name, List<Person> people, ExecutorService pool, HttpClient http, URI uri,
                        Function<Person, String> body, String expected, int seconds, long pace, ChildJvm server)
            throws Exception {
        long cpuStart = server.cpuNanos();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<long[]>> results = new ArrayList<>();
        for (Person person : people) {
            results.add(pool.submit(() -> {
                long[] samples = new long[256];
                int count = 0;
                long errors = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long due = start + (pace > 0 ? (long) (random.nextDouble() * pace) : 0);
                while (System.nanoTime() < end) {
                    long late = 0;
                    if (pace > 0) {
                        if (due >= end) {
                            break;
                        }
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        // Measured from when it was due, so that a slow answer delaying the next post is counted.
                        late = Math.max(0, System.nanoTime() - due);
                        due += (long) (-Math.log(1 - random.nextDouble()) * pace);
                    }
                    long nanos = post(http, uri, body.apply(person), expected);
                    if (nanos < 0) {
                        errors++;
                        continue;
                    }
                    nanos += late;
                    if (count == samples.length) {
                        samples = Arrays.copyOf(samples, count * 2);
                    }
                    samples[count++] = nanos;
                }
                long[] result = Arrays.copyOf(samples, count + 1);
                result[count] = errors; // the last slot carries the error count
                return result;
            }));
        }
        long[] all = new long[0];
        long errors = 0;
        for (Future<long[]> f : results) {
            long[] r = f.get();
            errors += r[r.length - 1];
            int n = r.length - 1;
            all = Arrays.copyOf(all, all.length + n);
            System.arraycopy(r, 0, all, all.length - n, n);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (server.cpuNanos() - cpuStart) / 1e9;
        Arrays.sort(all);
        return new Phase(name, all, errors, elapsed, cpu);
    }

    /** Posts one activity; returns the latency in nanoseconds, or -1 for anything but a 200 with the expected reply. */
    private static long post(HttpClient http, URI uri, String body, String expected) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            return response.statusCode() == 200 && response.body().contains(expected) ? nanos : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A full check-in card submit: both ratings, the prompt, a reflection (sometimes none) and the quote toggle. */
    private String checkInSubmit(Person person, String serviceUrl, List<String> prompts) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ObjectNode activity = activity(person, serviceUrl);
        activity.put("replyToId", "1:card-" + sequence.incrementAndGet());
        activity.putObject("value").put("action", "checkin")
                .put("wellbeing", Integer.toString(random.nextInt(1, 6)))
                .put("energy", Integer.toString(random.nextInt(1, 6)))
                .put("promptId", prompts.get(random.nextInt(prompts.size())))
                .put("reflection", REFLECTIONS.get(random.nextInt(REFLECTIONS.size())))
                .put("quoteOk", random.nextBoolean() ? "true" : "false");
        return activity.toString();
    }

    /** A message in the person's 1:1 chat, shaped as Teams sends it, asking for the replies in the answer. */
    private ObjectNode activity(Person person, String serviceUrl) {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", "message").put("id", "f:" + sequence.incrementAndGet()).put("channelId", "msteams")
                .put("serviceUrl", serviceUrl).put("timestamp", "2026-11-25T09:00:00.000Z")
                .put("locale", "en-GB").put("localTimezone", "Europe/London").put("deliveryMode", "expectReplies");
        activity.putObject("from").put("id", "29:" + person.aadObjectId()).put("name", person.name())
                .put("aadObjectId", person.aadObjectId());
        activity.putObject("conversation").put("conversationType", "personal").put("tenantId", TENANT)
                .put("id", person.conversationId());
        activity.putObject("recipient").put("id", BOT_ID).put("name", "Waymark");
        activity.putObject("channelData").putObject("tenant").put("id", TENANT);
        activity.putArray("entities").addObject().put("type", "clientInfo").put("locale", "en-GB")
                .put("timezone", "Europe/London");
        return activity;
    }
}
