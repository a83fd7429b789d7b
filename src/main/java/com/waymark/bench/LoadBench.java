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
import java.util.Locale;
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
import com.waymark.checkin.Prompt;
import com.waymark.checkin.PromptLibrary;
import com.waymark.insight.ReflectionEmbeddings;
import com.waymark.teams.EchoBotServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Inbound load: N simulated participants, each on its own thread, post to {@code /api/messages} with
 * {@code deliveryMode: expectReplies} (the replies come back in the HTTP answer, as for Teams' invokes): first they
 * install the app and agree to the notice, then they post full check-in card submits, after a warm-up. By default
 * each posts again as soon as its answer arrives (a closed loop: it measures capacity, and latency is queueing);
 * with {@code --think-ms} each posts at random (Poisson) times that far apart on average, and latency counts from
 * when a post was due, so a slow answer that delays the next post is counted, not hidden. The same N then post the
 * same submits to a bare echo bot on the same SDK, controller, middleware and Tomcat ({@link EchoBotServer}), which
 * says the card's data back, so that the difference is what Waymark's own work costs. Both run in this one JVM,
 * with the load generator; Waymark on a scratch H2 file database in local mode. The summary line compares the two:
 * {@code ratio} is Waymark's p99 over the echo bot's; {@code overflowed} the reflections that did not fit the embedding
 * queue during the measured phase and {@code backlog-age-s} how long the oldest one still queued had waited when it
 * ended (how far behind embedding was); {@code cpu-ms} includes embedding every reflection of the phase;
 * {@code rss-mb} is this JVM's resident memory after both phases, so Waymark's with the echo bot's and the load
 * generator's.
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
    private static final String UNLIMITED = "--waymark.bot.messages-per-minute=100000000";

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
     * the CPU time this whole process used meanwhile (server and load generator; robust on a shared machine).
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
        BenchOptions options = BenchOptions.parse(args, List.of("users", "seconds", "warmup", "think-ms"));
        int users = options.intOption("users", 200, 1, 2_000);
        int seconds = options.intOption("seconds", 30, 1, 3_600);
        int warmup = options.intOption("warmup", 5, 0, 600);
        int thinkMillis = options.intOption("think-ms", 0, 0, 600_000);
        long pace = TimeUnit.MILLISECONDS.toNanos(thinkMillis);

        Path dataDir = Files.createTempDirectory("waymark-load-bench-");
        out.printf(Locale.ROOT, "load-bench: %d participants, %d s per phase after %d s warm-up, %d cores; Waymark on H2 "
                + "(%s, local mode) and a bare echo bot on the same SDK, controller and Tomcat, in this JVM%n",
                users, seconds, warmup, Runtime.getRuntime().availableProcessors(), dataDir);
        out.println(pace == 0 ? "each participant posts again as soon as its answer arrives (closed loop: capacity)"
                : String.format(Locale.ROOT, "each participant posts at random times, %d ms apart on average (%.0f "
                + "posts/s offered in all); latency counts from when each post was due", thinkMillis,
                users * 1000.0 / thinkMillis));
        ExecutorService pool = Executors.newFixedThreadPool(users);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try (ConnectorStub connector = new ConnectorStub()) {
            ConfigurableApplicationContext waymark = BenchRuntime.startWaymark(dataDir, UNLIMITED);
            try (EchoBotServer echo = EchoBotServer.start("--logging.level.root=WARN", UNLIMITED)) {
                URI waymarkUri = URI.create("http://127.0.0.1:" + BenchRuntime.port(waymark) + "/api/messages");
                URI echoUri = URI.create("http://127.0.0.1:" + echo.port() + "/api/messages");
                List<String> prompts = waymark.getBean(PromptLibrary.class).all().stream().map(Prompt::id).toList();
                String serviceUrl = connector.serviceUrl();

                List<Person> people = new ArrayList<>();
                for (int i = 0; i < users; i++) {
                    people.add(new Person(UUID.randomUUID().toString(), "Leader " + (i + 1)));
                }
                long setupStart = System.nanoTime();
                long setupErrors = setUp(people, pool, http, waymarkUri, serviceUrl);
                out.printf(Locale.ROOT, "setup: %d participants installed the app and agreed to the notice in %.1f s "
                        + "(errors %d)%n", users, (System.nanoTime() - setupStart) / 1e9, setupErrors);

                Function<Person, String> checkIn = p -> checkInSubmit(p, serviceUrl, prompts);
                MeterRegistry meters = waymark.getBean(MeterRegistry.class);
                if (warmup > 0) {
                    phase("warm-up", people, pool, http, waymarkUri, checkIn, "Saved", warmup, 0);
                    // The warm-up's reflections are embedded before the measured phase, so none of its cost lands there.
                    embedEverything(waymark, meters);
                }
                double droppedBefore = droppedEmbeddings(meters);
                Phase waymarkPhase = phase("waymark check-in", people, pool, http, waymarkUri, checkIn, "Saved", seconds,
                        pace);
                long overflowed = Math.round(droppedEmbeddings(meters) - droppedBefore);
                // How far behind embedding was when the load ended: the oldest reflection still waiting, in seconds.
                double behind = meters.get("waymark.embeddings.backlog.age").gauge().value();
                // The reflections' embeddings wait for a quiet moment: let them run now, not during the echo phase, and
                // count their CPU with the check-ins': both the queued ones and those that overflowed the queue (the
                // backfill's, embedded here as it would embed them).
                double deferred = pendingEmbeddings(meters);
                long embedCpuStart = BenchRuntime.processCpuNanos();
                long drainStart = System.nanoTime();
                Embedded embedded = embedEverything(waymark, meters);
                double embedCpu = (BenchRuntime.processCpuNanos() - embedCpuStart) / 1e9;
                double cpuWithEmbedding = waymarkPhase.sorted().length == 0 ? 0
                        : (waymarkPhase.cpuSeconds() + embedCpu) * 1000 / waymarkPhase.sorted().length;
                out.printf(Locale.ROOT, "reflections embedded after the load, in the quiet that followed: %.0f queued "
                        + "(deferred while turns ran) in %.1f s; %d overflowed the queue during the load (left to the "
                        + "backfill), embedded here in %.1f s; embedding CPU %.1f s, %.2f ms a check-in%n", deferred,
                        embedded.queuedSeconds(), overflowed, embedded.backfillSeconds(),
                        embedCpu, waymarkPhase.sorted().length == 0 ? 0 : embedCpu * 1000 / waymarkPhase.sorted().length);
                if (warmup > 0) {
                    phase("warm-up", people, pool, http, echoUri, checkIn, "Echo: ", warmup, 0);
                }
                Phase echoPhase = phase("echo check-in", people, pool, http, echoUri, checkIn, "Echo: ", seconds,
                        pace);
                long rss = BenchRuntime.rssMegabytes();
                long heap = BenchRuntime.heapUsedMegabytes();
                long stored = waymark.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                        .queryForObject("select count(*) from check_in", Long.class);

                out.printf(Locale.ROOT, "%-18s %9s %9s %8s %8s %8s %8s %7s %11s%n", "phase", "requests", "rps",
                        "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "cpu ms/req");
                for (Phase phase : List.of(waymarkPhase, echoPhase)) {
                    out.printf(Locale.ROOT, "%-18s %9d %9.1f %8.1f %8.1f %8.1f %8.1f %7d %11.2f%n", phase.name(),
                            phase.sorted().length, phase.rps(), phase.ms(50), phase.ms(95), phase.ms(99), phase.ms(100),
                            phase.errors(), phase.cpuMsPerRequest());
                }
                out.printf(Locale.ROOT, "memory after the load: rss=%d MB heap-used=%d MB (check-ins stored: %d; one JVM "
                        + "holds Waymark, the echo bot and the load generator); machine load average %s%n", rss, heap,
                        stored, BenchRuntime.loadAverage());
                out.printf(Locale.ROOT, "cpu per check-in: %.2f ms for the turn, %.2f ms with its reflection's embedding; "
                        + "%.2f ms per echo%n", waymarkPhase.cpuMsPerRequest(), cpuWithEmbedding,
                        echoPhase.cpuMsPerRequest());
                double echoP99 = echoPhase.ms(99);
                out.printf(Locale.ROOT, "load-bench: users=%d rps=%.1f p50=%.1f p99=%.1f echo-p99=%.1f ratio=%.2f errors=%d "
                        + "overflowed=%d backlog-age-s=%.1f cpu-ms=%.2f echo-cpu-ms=%.2f rss-mb=%d%n",
                        users, waymarkPhase.rps(), waymarkPhase.ms(50), waymarkPhase.ms(99), echoP99,
                        echoP99 > 0 ? waymarkPhase.ms(99) / echoP99 : Double.NaN,
                        setupErrors + waymarkPhase.errors() + echoPhase.errors(), overflowed, behind, cpuWithEmbedding,
                        echoPhase.cpuMsPerRequest(), rss);
            } finally {
                waymark.close();
            }
        } finally {
            pool.shutdownNow();
            BenchRuntime.deleteQuietly(dataDir);
        }
        return 0;
    }

    private static double pendingEmbeddings(MeterRegistry meters) {
        return meters.get("waymark.embeddings.pending").gauge().value();
    }

    private static double droppedEmbeddings(MeterRegistry meters) {
        return meters.get("waymark.embeddings.dropped").counter().count();
    }

    /** How long the queued reflections took to be embedded, and then those that had overflowed the queue. */
    record Embedded(double queuedSeconds, double backfillSeconds) {
    }

    /**
     * Waits (up to ten minutes) for the queued reflections to be embedded, then embeds those that overflowed the queue,
     * as the backfill would (its Quartz job runs every few minutes, too late for this benchmark).
     */
    private static Embedded embedEverything(ConfigurableApplicationContext waymark, MeterRegistry meters)
            throws InterruptedException {
        long start = System.nanoTime();
        while (pendingEmbeddings(meters) > 0 && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(10)) {
            Thread.sleep(200);
        }
        double queued = (System.nanoTime() - start) / 1e9;
        long backfillStart = System.nanoTime();
        ReflectionEmbeddings embeddings = waymark.getBean(ReflectionEmbeddings.class);
        List<Long> missing = waymark.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForList(
                "select c.id from check_in c left join reflection_embedding e on e.check_in_id = c.id "
                        + "where c.reflection is not null and e.check_in_id is null order by c.id", Long.class);
        embeddings.vectors(missing);
        return new Embedded(queued, (System.nanoTime() - backfillStart) / 1e9);
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

    /** Every person posts as soon as their previous answer arrived, until the time is up. */
    private Phase phase(String name, List<Person> people, ExecutorService pool, HttpClient http, URI uri,
                        Function<Person, String> body, String expected, int seconds, long pace) throws Exception {
        long cpuStart = BenchRuntime.processCpuNanos();
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
        double cpu = (BenchRuntime.processCpuNanos() - cpuStart) / 1e9;
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
