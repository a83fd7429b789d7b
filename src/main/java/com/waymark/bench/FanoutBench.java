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
 * <p>The stub counts deliveries per idempotency key. It also answers a resend of a key it has already
 * delivered without delivering it again (an idempotent receiver), and reports how many such "in-doubt"
 * resends there were: messages sent just before the kill whose success was never recorded. Teams has no
 * such check, so on real Teams each in-doubt resend would show once more; the figure says how many.
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
            stub.idempotentReceiver(true);
            out.printf(Locale.ROOT, "fanout-bench: %d prompts, bot-wide limit %d/s, %d sending threads, faults %.0f%% 429 "
                    + "+ %.0f%% 503%s%n", n, rate, threads, 100 * options.number("fault-429", 0.03),
                    100 * options.number("fault-5xx", 0.02), options.has("kill-at") ? ", SIGKILL at " + killAt : "");
            double seconds = options.has("kill-at")
                    ? withKill(out, stub, dataDir, n, rate, threads, killAt)
                    : inProcess(out, stub, dataDir, n, rate, threads);
            report(out, stub, n, rate, seconds);
        }
        return 0;
    }

    private double inProcess(PrintStream out, ConnectorStub stub, Path dataDir, int n, int rate, int threads)
            throws InterruptedException {
        try (var app = FanoutWorker.start(dataDir, rate, threads)) {
            var jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            FanoutWorker.seed(jdbc, n, stub.serviceUrl());
            var outbox = app.getBean(com.waymark.schedule.OutboxService.class);
            var worker = app.getBean(com.waymark.schedule.DeliveryWorker.class);
            long start = System.nanoTime();
            while (outbox.depth() > 0) {
                if (worker.drainOnce() == 0) {
                    Thread.sleep(20);
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private double withKill(PrintStream out, ConnectorStub stub, Path dataDir, int n, int rate, int threads,
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
        out.printf(Locale.ROOT, "fanout-bench: killed the delivering JVM after %d deliveries; restarting%n", delivered(stub));
        Process two = worker(common);
        awaitLine(two, "drained");
        two.waitFor(60, TimeUnit.SECONDS);
        return (System.nanoTime() - start) / 1e9;
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

    private static void report(PrintStream out, ConnectorStub stub, int n, int rate, double seconds) {
        Map<String, Integer> byKey = stub.deliveriesByKey();
        long duplicates = byKey.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
        long lost = n - byKey.size();
        double floor = (double) n / rate;
        out.printf(Locale.ROOT, "fanout-bench: %d delivered, %d throttled or failed and retried, %d in-doubt resends "
                + "after a crash (recognised by key)%n", byKey.size(), stub.rejected(), stub.replays());
        out.printf(Locale.ROOT, "fanout-bench: n=%d seconds=%.2f floor=%.2f ratio=%.3f duplicates=%d lost=%d%n",
                n, seconds, floor, floor / seconds, duplicates, lost);
    }
}
