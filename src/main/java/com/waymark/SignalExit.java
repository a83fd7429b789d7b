package com.waymark;

// The JDK's only signal API (module jdk.unsupported); javac warns about it by design.
import sun.misc.Signal;

/**
 * {@code ./mvnw spring-boot:run} runs Waymark in a JVM of its own and reports BUILD FAILURE unless it exits with 0 or
 * 130. Stopped by SIGTERM, a JVM exits with 143: that is what the plugin sends when Maven itself is stopped (by an IDE's
 * stop button, a script, or Ctrl-C when the shutdown takes longer than the plugin's five seconds of patience). So under
 * the run goal, and only there ({@code pom.xml} sets {@value #PROPERTY}), SIGINT and SIGTERM stop Waymark as {@code
 * System.exit} with that status: the same graceful shutdown (the shutdown hooks run as usual), reported as success.
 * Everywhere else the JVM's own handling stands, so a deployment still sees 143 when it stops the process.
 */
final class SignalExit {

    static final String PROPERTY = "waymark.run.exit-on-signal";

    private SignalExit() {
    }

    /** Installs the handlers if {@value #PROPERTY} names an exit status; returns whether it did. */
    static boolean installIfAsked() {
        String status = System.getProperty(PROPERTY);
        if (status == null || status.isBlank()) {
            return false;
        }
        int code = Integer.parseInt(status.trim());
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> System.exit(code));
        }
        return true;
    }
}
