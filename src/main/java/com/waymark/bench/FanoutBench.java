package com.waymark.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code fanout-bench}: fans N due check-in prompts out through the real outbox, rate limiter and Teams
 * sender to a local connector stub that injects 429s (with Retry-After) and 503s, and compares the time
 * with the floor the configured bot-wide rate allows. {@code --kill-at 0.5} SIGKILLs the delivering JVM
 * halfway and starts a new one on the same database.
 *
 * <p>The stub counts every delivery per idempotency key, as Teams would show it: Teams has no resend check, so a
 * message sent again after the crash ("in doubt": posted just before the kill, its success never recorded) appears
 * twice there and counts as a duplicate. The bench also prints what a receiver that checks the key would show:
 * the duplicates other than those in-doubt resends (none, unless something besides the crash sent twice).
 */
public final class FanoutBench implements Subcommand {

    @Override
    public String name() {
        return "fanout-bench";
    }

    @Override
    public String description() {
        return "deliver N due prompts under Teams-like limits and faults [--n 10000] [--kill-at 0.5] [--rate 100]";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        BenchOptions options = new BenchOptions(args, List.of("n", "kill-at", "rate", "threads", "fault-429",
                "fault-5xx", "retry-after"));
        int n = options.integer("n", 10_000, 1, 1_000_000);
        int rate = options.integer("rate", 100, 1, 100_000);
        int threads = options.integer("threads", 16, 1, 256);
        double killAt = options.number("kill-at", -1);
        if (options.has("kill-at") && (killAt <= 0 || killAt >= 1)) {
            throw new IllegalArgumentException("--kill-at must be between 0 and 1, for example 0.5");
        }
        Path dataDir = Files.createTempDirectory("waymark-fanout-");
        try (ConnectorStub stub = new ConnectorStub()) {
            stub.failRandomly(new ConnectorStub.FaultPolicy(options.number("fault-429", 0.03),
                    options.number("fault-5xx", 0.02), options.integer("retry-after", 1, 0, 60), 42));
            out.printf(Locale.ROOT, "fanout-bench: %d prompts, bot-wide limit %d/s, %d sending threads, faults %.0f%% 429 "
                    + "+ %.0f%% 503%s%n", n, rate, threads, 100 * options.number("fault-429", 0.03),
                    100 * options.number("fault-5xx", 0.02), options.has("kill-at") ? ", SIGKILL at " + killAt : "");
            Run run = options.has("kill-at")
                    ? withKill(out, stub, dataDir, n, rate, threads, killAt)
                    : new Run(inProcess(stub, dataDir, n, rate, threads), Map.of());
            report(out, stub, n, rate, run);
        }
        return 0;
    }

    /** How long delivery took, and what the connector had received when the delivering JVM was killed (if it was). */
    private record Run(double seconds, Map<String, Integer> deliveredAtKill) {
    }

    private double inProcess(ConnectorStub stub, Path dataDir, int n, int rate, int threads)
            throws InterruptedException {
        try (var app = FanoutWorker.start(dataDir, rate, threads)) {
            var jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            FanoutWorker.seed(jdbc, n, stub.serviceUrl());
            long start = System.nanoTime();
            FanoutWorker.awaitDrained(app.getBean(com.waymark.outbox.OutboxService.class));
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private Run withKill(PrintStream out, ConnectorStub stub, Path dataDir, int n, int rate, int threads,
                            double killAt) throws Exception {
        List<String> common = List.of("--data-dir", dataDir.toString(), "--service-url", stub.serviceUrl(),
                "--rate", Integer.toString(rate), "--threads", Integer.toString(threads));
        List<String> first = new ArrayList<>(common);
        first.addAll(List.of("--seed", Integer.toString(n)));
        Process one = worker(first);
        awaitLine(one, "draining");
        long start = System.nanoTime();
        while (delivered(stub) < killAt * n && one.isAlive()) {
            Thread.sleep(5);
        }
        one.destroyForcibly(); // SIGKILL: no shutdown hooks, no chance to record what was in flight
        one.waitFor(30, TimeUnit.SECONDS);
        Map<String, Integer> deliveredAtKill = stub.deliveriesByKey();
        out.printf(Locale.ROOT, "fanout-bench: killed the delivering JVM after %d deliveries; restarting%n", delivered(stub));
        Process two = worker(common);
        awaitLine(two, "drained");
        two.waitFor(60, TimeUnit.SECONDS);
        return new Run((System.nanoTime() - start) / 1e9, deliveredAtKill);
    }

    private static Process worker(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                System.getProperty("sun.java.command", "").split(" ")[0].endsWith(".jar")
                        ? "org.springframework.boot.loader.launch.JarLauncher" : Subcommands.application().getName(),
                "fanout-worker"));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitLine(Process process, String wanted) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.strip().equals(wanted)) {
                Thread drain = new Thread(() -> lines.lines().forEach(l -> { }), "fanout-worker-output");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IllegalStateException("the fan-out worker stopped before saying '" + wanted + "'");
    }

    private static long delivered(ConnectorStub stub) {
        return stub.distinctDelivered();
    }

    private static void report(PrintStream out, ConnectorStub stub, int n, int rate, Run run) {
        Map<String, Integer> byKey = stub.deliveriesByKey();
        long duplicates = byKey.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
        // Delivered before the kill and again after it: the restarted JVM could not know the first post succeeded.
        long inDoubt = run.deliveredAtKill().entrySet().stream()
                .mapToLong(e -> Math.max(0, byKey.getOrDefault(e.getKey(), 0) - e.getValue())).sum();
        long lost = n - byKey.size();
        double floor = (double) n / rate;
        out.printf(Locale.ROOT, "fanout-bench: %d delivered, %d throttled or failed and retried; %d duplicates as Teams "
                + "shows them (no resend check), of which %d in-doubt resends after the crash that a receiver checking "
                + "the idempotency key would drop%n", byKey.size(), stub.rejected(), duplicates, inDoubt);
        out.printf(Locale.ROOT, "fanout-bench: n=%d seconds=%.2f floor=%.2f ratio=%.3f duplicates=%d "
                + "duplicates-with-resend-check=%d lost=%d%n", n, run.seconds(), floor, floor / run.seconds(), duplicates,
                duplicates - inDoubt, lost);
    }
}
