package com.waymark.insight.themes;

import java.time.Duration;
import java.util.function.Supplier;

import com.waymark.ops.NativeHeap;

/**
 * Keeps the JVM from exiting while ONNX Runtime is inside a native call. {@code System.exit} runs the shutdown
 * hooks and then the C library's exit handlers, which tear down ONNX Runtime's native state; a background thread
 * still loading a model or encoding a text at that moment then crashes the JVM (SIGSEGV in
 * {@code libonnxruntime}, seen when a test run ended while the embedding thread was loading the models). Every
 * native call goes through {@link #run}; a shutdown hook waits for those in flight (at most {@link #MAX_WAIT}).
 */
final class NativeWork {

    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private static final Object LOCK = new Object();
    private static int inFlight;
    private static boolean hooked;

    private NativeWork() {
    }

    static <T> T run(Supplier<T> call) {
        synchronized (LOCK) {
            if (!hooked) {
                Runtime.getRuntime().addShutdownHook(new Thread(NativeWork::awaitQuiet, "onnx-shutdown"));
                hooked = true;
            }
            inFlight++;
        }
        try {
            return call.get();
        } finally {
            boolean last;
            synchronized (LOCK) {
                last = --inFlight == 0;
                LOCK.notifyAll();
            }
            if (last) {
                // The models' buffers are freed but kept by malloc: hand them back (at most every few seconds).
                NativeHeap.trimNow();
            }
        }
    }

    /** Returns once no native call is in flight, or after {@link #MAX_WAIT}. */
    static void awaitQuiet() {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        synchronized (LOCK) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    LOCK.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
