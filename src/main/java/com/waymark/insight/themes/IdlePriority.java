package com.waymark.insight.themes;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads that run only when the CPU has nothing else to do: on Linux, each one puts itself in the kernel's
 * {@code SCHED_IDLE} class as it starts (or, where that is refused, at the lowest priority, nice 19). The embedding
 * models take several milliseconds of CPU per reflection; on these threads a turn that wakes up takes the core from
 * them at once, so a person's answer never queues behind a reflection being embedded, and the embedding still uses
 * every idle moment, whatever the traffic. Lowering one's own priority needs no privilege. Elsewhere (or without the C
 * library through JNA) the threads run at normal priority and {@link #available()} says so, so that callers can rest
 * between items instead.
 */
public final class IdlePriority {

    private static final Logger log = LoggerFactory.getLogger(IdlePriority.class);
    /** Linux's scheduling class for work that runs only on otherwise idle CPUs. */
    private static final int SCHED_IDLE = 5;
    private static final int PRIO_PROCESS = 0;
    private static final int LOWEST_NICE = 19;

    private static volatile Boolean available;
    /** Set while the calling thread asks for its texts to be encoded on its own thread, at its own priority. */
    private static final ThreadLocal<Boolean> CALLER_RUNS = ThreadLocal.withInitial(() -> false);

    private IdlePriority() {
    }

    /** The C library's calls that lower the calling thread's priority (on Linux, pid 0 means this thread). */
    interface CLibrary extends Library {

        int sched_setscheduler(int pid, int policy, int[] param);

        int setpriority(int which, int who, int priority);
    }

    /** Loaded on first use, once. */
    private static final class C {
        static final CLibrary LIBRARY = Native.load("c", CLibrary.class);
    }

    /** Daemon threads named {@code name-1, name-2, …} that lower their own priority before their first task. */
    public static ThreadFactory threads(String name) {
        AtomicInteger ids = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(() -> {
                lowerCurrentThread();
                task.run();
            }, name + "-" + ids.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Whether threads made here really do yield to everything else: known once one of them has started, and assumed
     * not before.
     */
    public static boolean available() {
        return Boolean.TRUE.equals(available);
    }

    /**
     * Runs {@code work} with every text it embeds encoded on the calling thread, at the caller's priority, not on idle
     * threads: for work that has waited too long for the CPU to fall idle (a machine kept busy by other processes
     * would otherwise starve it for good).
     */
    public static <T> T onCallersThread(java.util.function.Supplier<T> work) {
        boolean before = CALLER_RUNS.get();
        CALLER_RUNS.set(true);
        try {
            return work.get();
        } finally {
            CALLER_RUNS.set(before);
        }
    }

    /** Whether the calling thread is inside {@link #onCallersThread}. */
    public static boolean callerRuns() {
        return CALLER_RUNS.get();
    }

    /** Lowers the calling thread's priority for good; returns whether the operating system agreed. */
    static boolean lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        boolean lowered = false;
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            try {
                CLibrary c = C.LIBRARY;
                lowered = c.sched_setscheduler(0, SCHED_IDLE, new int[] {0}) == 0
                        || c.setpriority(PRIO_PROCESS, 0, LOWEST_NICE) == 0;
            } catch (LinkageError | RuntimeException e) {
                log.debug("Could not lower a background thread's priority: {}", e.getClass().getSimpleName());
            }
        }
        if (available == null || !lowered) {
            available = lowered;
        }
        return lowered;
    }
}
