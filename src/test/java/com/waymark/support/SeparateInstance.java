package com.waymark.support;

import java.io.IOException;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.waymark.WaymarkApplication;

import static org.assertj.core.api.Assertions.fail;

/**
 * A Waymark instance in a JVM of its own, started from the test's classpath: another replica beside the one a test
 * runs in-process (two Spring contexts in one JVM cannot share a clustered Quartz scheduler: Quartz registers its
 * connections JVM-wide by scheduler name). {@link #kill()} is a real crash: no shutdown hooks, connections dropped.
 * Its probes and metrics are on its management port, never on the bot's port.
 */
public final class SeparateInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int managementPort;

    private SeparateInstance(Process process, Path log, int managementPort) {
        this.process = process;
        this.log = log;
        this.managementPort = managementPort;
    }

    /** Starts {@code arguments} (plus a free management port), logging to {@code log}; does not wait for it. */
    public static SeparateInstance start(List<String> arguments, Path log) throws IOException {
        int management = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", WaymarkApplication.class.getName()));
        command.addAll(arguments);
        command.add("--management.server.port=" + management);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        return new SeparateInstance(builder.start(), log, management);
    }

    /** Waits until it answers ready, running {@code meanwhile} on each poll; fails with its log's tail otherwise. */
    public void awaitReady(Duration patience, Runnable meanwhile) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            meanwhile.run();
            if (!process.isAlive()) {
                fail("The separate instance exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (get("/actuator/health/readiness").statusCode() == 200) {
                    meanwhile.run();
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (System.nanoTime() > deadline) {
                fail("The separate instance was not ready within " + patience.toSeconds() + " s:\n" + tail());
            }
            Thread.sleep(200);
        }
    }

    /** A sample of its Prometheus endpoint: the first line of {@code metric} whose labels match, or 0. */
    public double metric(String metric, String labelsPattern) throws IOException, InterruptedException {
        return sample(get("/actuator/prometheus").body(), metric, labelsPattern);
    }

    /** The first sample of {@code metric} in a Prometheus exposition whose labels match {@code labelsPattern}. */
    public static double sample(String exposition, String metric, String labelsPattern) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{[^}]*" + labelsPattern + "[^}]*} (\\S+)$")
                .matcher(exposition);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }

    public int managementPort() {
        return managementPort;
    }

    public boolean kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
