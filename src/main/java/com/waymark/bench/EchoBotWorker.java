package com.waymark.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.waymark.teams.EchoBotServer;

/**
 * The bare echo bot as a process of its own, for {@code startup-bench}: started from this jar exactly as Waymark is, so
 * that the two start-up times differ only by what Waymark itself brings. Runs until the process is stopped.
 */
public final class EchoBotWorker implements Subcommand {

    static final String NAME = "echo-bot";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "(used by startup-bench) the bare echo bot on the same stack, until stopped: [--server.port=N] "
                + "[--floor-data-dir=DIR: with Waymark's data layer on a scratch database there]";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        List<String> springArgs = new ArrayList<>();
        List<Class<?>> layers = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, not '" + arg + "'");
            }
            if (arg.startsWith(DataFloor.DATA_DIR_ARGUMENT)) {
                layers.add(DataFloor.class);
                springArgs.addAll(DataFloor.arguments(Path.of(arg.substring(DataFloor.DATA_DIR_ARGUMENT.length()))));
            } else {
                springArgs.add(arg);
            }
        }
        EchoBotServer echo = EchoBotServer.start(layers, springArgs.toArray(String[]::new));
        out.println("echo-bot: listening on port " + echo.port());
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(echo::close, "echo-bot-stop"));
        new CountDownLatch(1).await(); // until the process is stopped
        return 0;
    }
}
