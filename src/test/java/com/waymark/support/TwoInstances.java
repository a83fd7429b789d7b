package com.waymark.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.waymark.WaymarkApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Waymark instances on one PostgreSQL database, as replicas run: one Quartz cluster (one scheduler name), one
 * outbox, each instance with its own node id ({@code <cluster>-a}, {@code <cluster>-b}) and data folder. A runs in a
 * JVM of its own ({@link SeparateInstance}: two clustered schedulers of one name cannot share a JVM, and A can be
 * killed like a crashed container); B in this JVM, so a test reaches its beans. They start together, as replicas do
 * (Flyway's advisory lock and Quartz's row locks keep that safe): B is ready when {@link #start} returns, A once
 * {@link SeparateInstance#awaitReady} says so.
 */
public final class TwoInstances implements AutoCloseable {

    private final SeparateInstance a;
    private final int portA;
    private final ConfigurableApplicationContext b;
    private final int managementB;

    private TwoInstances(SeparateInstance a, int portA, ConfigurableApplicationContext b, int managementB) {
        this.a = a;
        this.portA = portA;
        this.b = b;
        this.managementB = managementB;
    }

    /** Starts both on {@code postgres}, each with {@code settings} (command-line arguments) besides the shared ones. */
    public static TwoInstances start(ScratchPostgres postgres, String cluster, List<String> settings)
            throws IOException, InterruptedException {
        Path workDir = Files.createTempDirectory("waymark-" + cluster + "-");
        int portA = SeparateInstance.freePort();
        SeparateInstance a = SeparateInstance.start(arguments(postgres, workDir, cluster + "-a", portA, cluster, settings),
                workDir.resolve("instance-a.log"));
        int managementB = SeparateInstance.freePort();
        List<String> argumentsB = new ArrayList<>(arguments(postgres, workDir, cluster + "-b", 0, cluster, settings));
        argumentsB.add("--management.server.port=" + managementB);
        try {
            return new TwoInstances(a, portA, new SpringApplicationBuilder(WaymarkApplication.class)
                    .run(argumentsB.toArray(String[]::new)), managementB);
        } catch (RuntimeException e) {
            a.kill();
            throw e;
        }
    }

    private static List<String> arguments(ScratchPostgres postgres, Path workDir, String node, int port, String cluster,
                                          List<String> settings) throws IOException {
        Path dataDir = Files.createDirectories(workDir.resolve(node));
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                // Command-line arguments win over any WAYMARK_DB_* or Bot Framework credentials in the environment.
                "--WAYMARK_DB_URL=" + postgres.url(), "--WAYMARK_DB_USER=" + ScratchPostgres.ADMIN_USER,
                "--WAYMARK_DB_PASSWORD=", "--waymark.bot.app-id=", "--waymark.data-dir=" + dataDir,
                "--server.port=" + port, "--waymark.outbox.node-id=" + node, "--spring.main.banner-mode=off",
                // One cluster, one name: tests otherwise give each context a name of its own.
                "--spring.quartz.scheduler-name=waymark-" + cluster));
        arguments.addAll(settings);
        return arguments;
    }

    /** The instance in its own JVM. */
    public SeparateInstance a() {
        return a;
    }

    /** A's bot port. */
    public int portA() {
        return portA;
    }

    /** The instance in this JVM. */
    public ConfigurableApplicationContext b() {
        return b;
    }

    /** B's bot port. */
    public int portB() {
        return Integer.parseInt(b.getEnvironment().getProperty("local.server.port"));
    }

    /** B's probes and metrics. */
    public int managementB() {
        return managementB;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            a.close();
        } finally {
            b.close();
        }
    }
}
