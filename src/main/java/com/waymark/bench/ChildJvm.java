package com.waymark.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark's server in a JVM of its own, launched from this jar (or class path) as {@code java -jar} launches it,
 * with the deployed JVM options and this JVM's own: its CPU time and resident memory are then its own, read by the
 * operating system, not shared with the load generator's. It talks in lines: the ones that begin with the subcommand's
 * name are answers ({@link #await}), everything else (its log) is kept, the last lines, for a failure message.
 */
final class ChildJvm implements AutoCloseable {

    /** JVM options of this process that must not reach a child: debuggers, agents, archive dumps, a recording. */
    private static final List<String> NOT_INHERITED = List.of("-agentlib", "-javaagent", "-Xrunjdwp",
            "-XX:ArchiveClassesAtExit", "-XX:+AutoCreateSharedArchive", "-Dspring.context.exit",
            "-XX:StartFlightRecording", "-XX:FlightRecorderOptions");
    private static final int KEPT_LOG_LINES = 40;

    private final String prefix;
    private final Process process;
    private final Writer input;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Deque<String> log = new ArrayDeque<>();

    private ChildJvm(String prefix, Process process) {
        this.prefix = prefix + ": ";
        this.process = process;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, prefix + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Runs {@code subcommand args} in a new JVM with the deployed options ({@link DeployedJvm}), this JVM's and then
     * {@code extraJvm}.
     */
    static ChildJvm start(String subcommand, List<String> extraJvm, List<String> args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions(extraJvm));
        String classPath = System.getProperty("java.class.path");
        // From the packaged jar (java -jar waymark.jar): the class path is that jar. Under a test runner launched from
        // a jar of its own, the class path is the classes and libraries: then the application's main class.
        if (System.getProperty("sun.java.command", "").split(" ")[0].equals(classPath) && classPath.endsWith(".jar")) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, Subcommands.application().getName()));
        }
        command.add(subcommand);
        command.addAll(args);
        return new ChildJvm(subcommand, new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** A child's JVM options: the deployed ones, this JVM's (less {@link #NOT_INHERITED}), then {@code extraJvm}. */
    static List<String> jvmOptions(List<String> extraJvm) {
        List<String> own = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(o -> NOT_INHERITED.stream().noneMatch(o::startsWith)).toList());
        own.addAll(extraJvm);
        return DeployedJvm.with(own);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(prefix)) {
                    answers.add(line.substring(prefix.length()));
                } else {
                    synchronized (log) {
                        log.addLast(line);
                        if (log.size() > KEPT_LOG_LINES) {
                            log.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Sends one command line. */
    void send(String command) throws IOException {
        input.write(command + "\n");
        input.flush();
    }

    /** The next answer, which must begin with {@code expected}; the child's last log lines if none comes in time. */
    String await(String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String answer = answers.poll(Math.min(200, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline
                    - System.nanoTime()))), TimeUnit.MILLISECONDS);
            if (answer != null) {
                if (answer.startsWith(expected)) {
                    return answer.substring(expected.length()).strip();
                }
                throw new IllegalStateException("expected '" + expected + "' from " + prefix + "not '" + answer + "'");
            }
            if (!process.isAlive() && answers.isEmpty()) {
                throw new IllegalStateException(prefix + "stopped with exit code " + process.exitValue() + lastLog());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(prefix + "no '" + expected + "' within " + timeout + lastLog());
            }
        }
    }

    private String lastLog() {
        synchronized (log) {
            return log.isEmpty() ? "" : "; its last lines:\n" + String.join("\n", log);
        }
    }

    /** CPU time the child has used so far, all its threads, in nanoseconds (from the operating system). */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** The child's resident memory now ({@code VmRSS}) in MB, from {@code /proc} (Linux); -1 elsewhere. */
    long rssMegabytes() {
        return status("VmRSS:");
    }

    /** The most resident memory the child has had ({@code VmHWM}) in MB; -1 elsewhere. */
    long peakRssMegabytes() {
        return status("VmHWM:");
    }

    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process has gone
        }
        return -1;
    }

    /** Stops it now: SIGTERM (its shutdown hooks run), then SIGKILL if it has not ended within 30 s. */
    void terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Asks it to stop (its standard input ends), and terminates it if it has not within 30 s. */
    @Override
    public void close() throws InterruptedException {
        try {
            input.close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            terminate();
        }
    }
}
