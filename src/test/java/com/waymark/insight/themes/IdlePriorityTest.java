package com.waymark.insight.themes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedding models' threads take only idle CPU: Linux itself says so for the thread ({@code /proc}), whatever
 * the thread believes. A thread that did not ask keeps its normal class.
 */
@EnabledOnOs(OS.LINUX)
class IdlePriorityTest {

    /** Field 41 of {@code /proc/thread-self/stat}: the scheduling policy (0 normal, 5 idle); field 19: nice. */
    private static int[] policyAndNice() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // fields from the 3rd on
        return new int[] {Integer.parseInt(fields[41 - 3]), Integer.parseInt(fields[19 - 3])};
    }

    @Test
    void aBackgroundThreadRunsOnlyWhenTheCpuIsOtherwiseIdle() throws Exception {
        CompletableFuture<int[]> seen = new CompletableFuture<>();
        Thread thread = IdlePriority.threads("idle-test").newThread(() -> {
            try {
                seen.complete(policyAndNice());
            } catch (Exception e) {
                seen.completeExceptionally(e);
            }
        });
        thread.start();
        int[] policyAndNice = seen.get(10, TimeUnit.SECONDS);

        assertThat(policyAndNice[0] == 5 || policyAndNice[1] == 19)
                .as("SCHED_IDLE (5) or nice 19, not policy %d nice %d", policyAndNice[0], policyAndNice[1]).isTrue();
        assertThat(IdlePriority.available()).isTrue();
        assertThat(thread.getName()).isEqualTo("idle-test-1");
        assertThat(thread.isDaemon()).isTrue();
        assertThat(policyAndNice()[0]).as("the caller's own thread is left alone").isZero();
    }

    /**
     * An idle embedder encodes even a single text on its own idle threads (langchain4j would use the caller's), and
     * its vectors are the model's, one text or several.
     */
    @Test
    void anIdleEmbedderGivesTheModelsOwnVectors() {
        try (OnnxEmbedder plain = new OnnxEmbedder(OnnxEmbedder.Model.MINILM, 2);
             OnnxEmbedder idle = new OnnxEmbedder(OnnxEmbedder.Model.MINILM, 2, true)) {
            java.util.List<String> texts = java.util.List.of("Listened first in a hard conversation",
                    "Blocked an hour to think about the winter plan");
            assertThat(idle.embed(texts.subList(0, 1)).get(0)).containsExactly(plain.embed(texts.subList(0, 1)).get(0));
            java.util.List<float[]> both = idle.embed(texts);
            assertThat(both.get(1)).containsExactly(plain.embed(texts.subList(1, 2)).get(0));
        }
    }
}
