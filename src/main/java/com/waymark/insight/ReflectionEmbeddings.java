package com.waymark.insight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.waymark.checkin.ReflectionTexts;
import com.waymark.insight.themes.Embedder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Service;

/**
 * The sentence embedding of each reflection, as stored next to it: computed after the check-in is saved
 * ({@link EmbedOnCheckIn}), by the {@link EmbeddingBackfill} for any that were missed, and on the spot by
 * {@link #vectors} for any still missing, so that a digest never goes without one.
 * <p>
 * Meters: {@code waymark.embeddings} (a timer per batch embedded, by trigger) and
 * {@code waymark.embeddings.failures} (batches that could not be embedded or stored).
 */
@Service
public class ReflectionEmbeddings {

    /** What asked for the embedding: a tag on the meters. */
    enum Trigger { STORED, BACKFILL, ON_DEMAND }

    /** Texts per call to the models: enough to keep both cores busy, small enough to stay responsive. */
    static final int BATCH = 64;

    private final Embedder embedder;
    private final EmbeddingStore store;
    private final ReflectionTexts reflections;
    private final MeterRegistry meters;

    ReflectionEmbeddings(Embedder embedder, EmbeddingStore store, ReflectionTexts reflections,
                                MeterRegistry meters) {
        this.embedder = embedder;
        this.store = store;
        this.reflections = reflections;
        this.meters = meters;
        for (Trigger trigger : Trigger.values()) {
            failures(trigger); // present at zero from the start
        }
    }

    /** The embedding model's name, as recorded with each stored vector. */
    public String model() {
        return embedder.name();
    }

    public int dimensions() {
        return embedder.dimension();
    }

    /**
     * Embeds texts without storing anything: for callers that seed data as the application would have stored it
     * (the growth benchmark), with {@link #store(Map)}.
     */
    public List<float[]> embed(List<String> texts) {
        return embedder.embed(texts);
    }

    /** Stores (sealed) vectors of these check-ins' reflections, computed by {@link #embed(List)}. */
    public void store(Map<Long, float[]> byCheckIn) {
        store.put(byCheckIn, model());
    }

    /**
     * The vector of each of these check-ins' reflections, by check-in id: stored ones read back, missing ones
     * computed (in batches) and stored now. Check-ins without a reflection, or erased, are left out. Vectors are
     * unit length, {@link #dimensions()} long, from {@link #model()}: pass them to {@code ThemePipeline.run} in the
     * order of their texts.
     *
     * @throws RuntimeException the model's or the database's, when missing vectors could not be computed or stored
     *                          (counted in {@code waymark.embeddings.failures}); what was stored stays stored
     */
    public Map<Long, float[]> vectors(Collection<Long> checkInIds) {
        Map<Long, float[]> result = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        Map<Long, EmbeddingStore.Stored> stored = store.find(checkInIds, model());
        for (Long id : checkInIds) {
            EmbeddingStore.Stored s = stored.get(id);
            if (s != null && s.readable() && s.vector().length == dimensions()) {
                result.put(id, s.vector());
            } else if (!result.containsKey(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            result.putAll(embedAndStore(missing.stream().distinct().toList(), Trigger.ON_DEMAND));
        }
        return result;
    }

    /**
     * Reads these check-ins' reflections, embeds the non-blank ones batch by batch and stores their vectors.
     * Returns what was stored; no text leaves this method, and none is logged.
     */
    Map<Long, float[]> embedAndStore(List<Long> checkInIds, Trigger trigger) {
        Map<Long, float[]> done = new HashMap<>();
        for (int i = 0; i < checkInIds.size(); i += BATCH) {
            List<Long> batch = checkInIds.subList(i, Math.min(checkInIds.size(), i + BATCH));
            try {
                Map<Long, String> texts = reflections.byCheckIn(batch);
                if (texts.isEmpty()) {
                    continue;
                }
                List<Long> ids = new ArrayList<>(texts.keySet());
                List<String> inOrder = ids.stream().map(texts::get).toList();
                Timer.Sample sample = Timer.start(meters);
                List<float[]> embedded = embedder.embed(inOrder);
                sample.stop(Timer.builder("waymark.embeddings").description("Reflections embedded, per batch")
                        .tag("trigger", tag(trigger)).register(meters));
                Map<Long, float[]> vectors = new HashMap<>();
                for (int k = 0; k < ids.size(); k++) {
                    vectors.put(ids.get(k), embedded.get(k));
                }
                store.put(vectors, model());
                done.putAll(vectors);
            } catch (RuntimeException e) {
                failures(trigger).increment();
                throw e;
            }
        }
        return done;
    }

    private Counter failures(Trigger trigger) {
        return Counter.builder("waymark.embeddings.failures").description("Batches of reflections not embedded")
                .tag("trigger", tag(trigger)).register(meters);
    }

    private static String tag(Trigger trigger) {
        return trigger.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
