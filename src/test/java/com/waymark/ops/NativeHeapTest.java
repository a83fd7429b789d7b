package com.waymark.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

class NativeHeapTest {

    @Test
    void onLinuxTheArenasAreCappedAndTheHeapTrimmedAtMostOnceInTheInterval() {
        boolean linux = Platform.isLinux();
        assertThat(NativeHeap.limitArenas()).isEqualTo(linux);
        boolean first = NativeHeap.trimNow();
        boolean second = NativeHeap.trimNow();
        // Another test's embedding may have trimmed just before; never twice within the interval, though.
        assertThat(first && second).isFalse();
        assertThat(second).isFalse();
    }
}
