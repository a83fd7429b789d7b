package com.waymark.insight;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

import com.waymark.insight.themes.ThemePipeline;
import com.waymark.privacy.FieldCipher;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Person;
import com.waymark.support.TeamsClient;
import com.waymark.support.WaymarkIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Reflections are embedded after their check-in is saved, off the turn, and kept sealed next to it: over HTTP as
 * Teams would post them, then read back through {@link ReflectionEmbeddings}.
 */
class ReflectionEmbeddingsTest extends WaymarkIntegrationTest {

    /** Loading both models on a busy two-core machine takes a while; the first embedding waits for it. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    ReflectionEmbeddings embeddings;
    @Autowired
    EmbeddingBackfill backfill;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ObjectProvider<ThemePipeline> pipelines;

    Chat chat;

    @BeforeEach
    void client() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db);
    }

    @Test
    void aReflectionIsEmbeddedAfterItIsSavedAndStoredSealed() {
        Person user = chat.person("Imogen Embedding-Hart").agree();
        String reflection = "Finally delegated the winter rota to my deputy and resisted checking her work";
        assertThat(user.say("4 3 " + reflection).toString()).contains("Saved");
        long checkIn = latestCheckIn(user);

        Map<String, Object> row = await("an embedding stored for the check-in", () -> {
            List<Map<String, Object>> rows = db.queryForList("select model, dimensions, vector from reflection_embedding "
                    + "where check_in_id = ?", checkIn);
            return rows.isEmpty() ? null : rows.get(0);
        });
        assertThat(row.get("MODEL")).isEqualTo(embeddings.model()).isEqualTo("bge-small-en-v1.5-q+all-minilm-l6-v2-q");
        assertThat(row.get("DIMENSIONS")).isEqualTo(768);
        byte[] sealed = (byte[]) row.get("VECTOR");
        assertThat(new String(sealed, 0, 3, StandardCharsets.US_ASCII)).as("sealed under the key id").isEqualTo("v1:");
        assertThat(sealed).hasSize(3 + 12 + 768 * 4 + 16);

        float[] vector = embeddings.vectors(List.of(checkIn)).get(checkIn);
        assertThat(vector).hasSize(768);
        assertThat(norm(vector)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(meters.get("waymark.embeddings").tag("trigger", "stored").timer().count()).isPositive();
    }

    @Test
    void aCheckInWithoutReflectionGetsNoEmbedding() {
        Person user = chat.person("Bartholomew No-Words").agree();
        assertThat(user.click(Chat.action("checkin").put("wellbeing", "3")
                .put("energy", "3").put("reflection", "   ").put("quoteOk", "false")).toString()).contains("Saved");
        long blank = latestCheckIn(user);
        assertThat(user.say("4 4 Walked the wards with the night team and listened").toString()).contains("Saved");
        long written = latestCheckIn(user);

        // One thread embeds in order: once the later check-in has its vector, the blank one has been dealt with.
        await("the later reflection embedded", () -> count(written) == 1 ? true : null);
        assertThat(count(blank)).isZero();
        assertThat(embeddings.vectors(List.of(blank, written))).containsOnlyKeys(written);
    }

    @Test
    void vectorsComputesAndStoresOneThatIsMissing() {
        Person user = chat.person("Cosima Missing-Vector").agree();
        long checkIn = checkInEmbedded(user, "2 2 The board paper landed on me at midnight again; I said yes when I meant no");
        float[] first = embeddings.vectors(List.of(checkIn)).get(checkIn);

        db.update("delete from reflection_embedding where check_in_id = ?", checkIn);
        float[] again = embeddings.vectors(List.of(checkIn)).get(checkIn);
        assertThat(count(checkIn)).as("stored again").isOne();
        assertThat(dot(first, again)).as("the same text, the same vector").isGreaterThan(0.999);
        assertThat(embeddings.vectors(List.of(checkIn)).get(checkIn)).containsExactly(again);
    }

    @Autowired
    EmbeddingStore store;

    /**
     * The backfill's search for check-ins without a vector pages through checkin's ids (it no longer joins
     * {@code check_in} itself): across many small pages, with embedded check-ins in between and at the page edges, it
     * finds exactly what the anti-join it replaced found, newest first, and stops at the limit.
     */
    @Test
    void theSearchForMissingVectorsFindsWhatTheAntiJoinFoundAcrossPages() {
        Person user = chat.person("Perpetua Paging-Mbeki").agree();
        assertThat(user.say("3 3 Twelve copies of this reflection make the pages").toString()).contains("Saved");
        long source = latestCheckIn(user);
        for (int i = 0; i < 11; i++) {
            db.update("insert into check_in (participant_id, wellbeing, energy, prompt_id, reflection, quote_ok, source, "
                    + "submitted_at, programme_id) select participant_id, wellbeing, energy, prompt_id, reflection, "
                    + "quote_ok, source, submitted_at, programme_id from check_in where id = ?", source);
        }
        List<Long> mine = db.queryForList("select id from check_in where participant_id = (select participant_id "
                + "from check_in where id = ?) order by id desc", Long.class, source);
        String model = "paging-test-" + source;
        // One vector a check-in, whatever the model: the one said (the oldest) is being embedded for real, so only
        // the copies carry this test's own model, two of every three, so that gaps fall on page edges too.
        for (int i = 0; i < mine.size(); i++) {
            if (i % 3 != 1 && mine.get(i) != source) {
                db.update("insert into reflection_embedding (check_in_id, model, dimensions, vector, created_at) "
                        + "values (?, ?, 1, ?, current_timestamp)", mine.get(i), model, new byte[] {1});
            }
        }
        long before = mine.get(0) + 1;
        List<Long> antiJoin = db.queryForList("select c.id from check_in c left join reflection_embedding e "
                + "on e.check_in_id = c.id and e.model = ? where c.reflection is not null and e.check_in_id is null "
                + "and c.id < ? order by c.id desc fetch first 1000 rows only", Long.class, model, before);
        assertThat(antiJoin).as("the fixture leaves gaps to find").contains(mine.get(1), mine.get(4), mine.get(10));
        for (int page : new int[] {1, 2, 3, 5, 10_000}) {
            assertThat(store.missing(model, before, 1000, page)).as("pages of " + page).isEqualTo(antiJoin);
            assertThat(store.missing(model, before, 3, page)).as("the first three, pages of " + page)
                    .isEqualTo(antiJoin.subList(0, 3));
        }
        db.update("delete from reflection_embedding where model = ?", model);
        // The copies go: the backfill would otherwise spend its budget embedding them in another test.
        db.update("delete from check_in where id in (" + String.join(",", mine.stream().filter(id -> id != source)
                .map(String::valueOf).toList()) + ")");
    }

    @Test
    void theBackfillEmbedsReflectionsThatHaveNone() {
        Person user = chat.person("Desmond Backfill-Oyelaran").agree();
        long checkIn = checkInEmbedded(user, "3 4 Asked the team what they would stop doing; the list was longer than mine");
        db.update("delete from reflection_embedding where check_in_id = ?", checkIn);

        backfill.run();
        assertThat(count(checkIn)).isOne();
    }

    @Test
    void erasingThePersonErasesTheirEmbeddings() {
        Person user = chat.person("Eulalie Erase-Okonkwo").agree();
        long checkIn = checkInEmbedded(user, "3 2 Told my chair I need the deputy post filled before I can take on the ICS work");

        assertThat(user.say("delete my data").toString()).contains("confirmErase");
        assertThat(user.click(Chat.action("confirmErase")).toString()).contains("erased everything");
        assertThat(count(checkIn)).isZero();
        assertThat(embeddings.vectors(List.of(checkIn))).isEmpty();
    }

    @Test
    void aVectorNoConfiguredKeyOpensIsComputedAgain() {
        Person user = chat.person("Florian Rotated-Key").agree();
        long checkIn = checkInEmbedded(user, "3 3 Spent the week on the recovery plan and none of it on the people doing it");
        FieldCipher retired = new FieldCipher("old", Map.of("old", new byte[32]));
        db.update("update reflection_embedding set vector = ? where check_in_id = ?",
                new VectorCipher(retired).seal(new float[768]), checkIn);

        assertThat(norm(embeddings.vectors(List.of(checkIn)).get(checkIn))).isGreaterThan(0.99);
        byte[] resealed = db.queryForObject("select vector from reflection_embedding where check_in_id = ?",
                byte[].class, checkIn);
        assertThat(new String(resealed, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("v1:");
    }

    @Test
    void theSharedThemePipelineRunsOnStoredVectors() {
        Person a = chat.person("Gwendolyn Themes-Ayodele").agree();
        List<String> texts = List.of("Handed the discharge project to my deputy and stayed out of it",
                "Said no to a third board paper this week and felt guilty about it",
                "My deputy ran the huddle; I bit my tongue and it went fine");
        List<Long> ids = new java.util.ArrayList<>();
        for (String text : texts) {
            assertThat(a.say("3 3 " + text).toString()).contains("Saved");
            ids.add(latestCheckIn(a));
        }
        Map<Long, float[]> vectors = embeddings.vectors(ids);
        var themes = pipelines.getObject().run(texts, ids.stream().map(vectors::get).toList(), OptionalInt.empty());
        assertThat(themes).isNotEmpty();
        assertThat(themes.stream().mapToInt(t -> t.members().size()).sum()).isEqualTo(3);
    }

    /** Checks in with {@code text} and waits until its embedding is stored; returns the check-in's id. */
    private long checkInEmbedded(Person user, String text) {
        assertThat(user.say(text).toString()).contains("Saved");
        long checkIn = latestCheckIn(user);
        await("the embedding stored", () -> count(checkIn) == 1 ? true : null);
        return checkIn;
    }

    private long latestCheckIn(Person user) {
        return db.queryForObject("select max(c.id) from check_in c join participant p on p.id = c.participant_id "
                + "where p.aad_object_id = ?", Long.class, user.aadObjectId());
    }

    private int count(long checkIn) {
        return db.queryForObject("select count(*) from reflection_embedding where check_in_id = ?", Integer.class,
                checkIn);
    }

    /** Polls until {@code probe} gives a value, failing at the deadline. */
    private static <T> T await(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                fail("waited " + PATIENCE.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    private static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
