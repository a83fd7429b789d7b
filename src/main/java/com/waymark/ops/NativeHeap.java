package com.waymark.ops;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the C library's heap, outside the JVM's, from holding memory the process no longer uses. The embedding
 * models (ONNX Runtime and the tokenisers) allocate and free large buffers on whichever thread embeds; glibc gives
 * each such thread an arena of its own (up to eight per core) and keeps freed memory in it for reuse, so after a
 * burst of embedding the process stays tens of megabytes larger than it needs to be. Two arenas are plenty for a
 * JVM, whose own heap is not malloc's; and once the native work is done, the freed memory is handed back.
 * <p>
 * Only on Linux with glibc; elsewhere (musl, macOS, Windows) both calls do nothing. No privilege is needed.
 */
public final class NativeHeap {

    private static final Logger log = LoggerFactory.getLogger(NativeHeap.class);
    /** glibc's {@code M_ARENA_MAX}: at most this many malloc arenas, whatever the number of threads. */
    private static final int M_ARENA_MAX = -8;
    static final int ARENAS = 2;
    /** Trimming walks every arena: once in a while is enough, however often native work ends. */
    static final Duration TRIM_AT_MOST_EVERY = Duration.ofSeconds(10);

    private static final AtomicLong lastTrim = new AtomicLong(System.nanoTime() - TRIM_AT_MOST_EVERY.toNanos());

    private NativeHeap() {
    }

    /** glibc's calls; a missing symbol fails at its call, which is caught. */
    interface GlibcMalloc extends Library {

        int mallopt(int param, int value);

        int malloc_trim(long pad);
    }

    /** Loaded on first use, once; null where this is not Linux. */
    private static final class C {
        static final GlibcMalloc LIBRARY = Platform.isLinux() ? Native.load("c", GlibcMalloc.class) : null;
    }

    /** Caps malloc's arenas at {@link #ARENAS}; called first thing at start, before the threads that make more. */
    public static boolean limitArenas() {
        try {
            return C.LIBRARY != null && C.LIBRARY.mallopt(M_ARENA_MAX, ARENAS) == 1;
        } catch (LinkageError | RuntimeException e) {
            log.debug("Could not limit the C library's malloc arenas ({})", e.getClass().getSimpleName());
            return false;
        }
    }

    /**
     * Hands the C heap's free memory back to the operating system, unless that was done within the last
     * {@link #TRIM_AT_MOST_EVERY}. For the end of a piece of native work (a batch of reflections embedded), on the
     * thread that did it. Returns whether it trimmed.
     */
    public static boolean trimNow() {
        long now = System.nanoTime();
        long last = lastTrim.get();
        if (now - last < TRIM_AT_MOST_EVERY.toNanos() || !lastTrim.compareAndSet(last, now)) {
            return false;
        }
        try {
            if (C.LIBRARY != null) {
                C.LIBRARY.malloc_trim(0);
                return true;
            }
        } catch (LinkageError | RuntimeException e) {
            log.debug("Could not trim the C library's heap ({})", e.getClass().getSimpleName());
        }
        return false;
    }
}
