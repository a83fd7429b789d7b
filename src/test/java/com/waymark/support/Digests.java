package com.waymark.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.outbox.DeliveryWorker;
import com.waymark.schedule.SessionDigests;

/**
 * The pre-session digest as a coach receives it: the coach records the next session, its trigger fires now rather
 * than a day ahead, and the worker sends what it queued to the connector stub. One way for every test that reads a
 * digest, rather than each its own.
 */
public final class Digests {

    private final SessionDigests digests;
    private final DeliveryWorker worker;
    private final ConnectorStub connector;

    public Digests(SessionDigests digests, DeliveryWorker worker, ConnectorStub connector) {
        this.digests = digests;
        this.worker = worker;
        this.connector = connector;
    }

    /**
     * {@code coach} records their programme's next session {@code daysAhead} days from today at 14:00; returns the
     * digest activity Teams received for it (its card checked against the schema, charts through their fallbacks).
     */
    public JsonNode forNextSession(Chat.Coach coach, int daysAhead) {
        LocalDate day = LocalDate.ofInstant(Instant.now().plus(Duration.ofDays(daysAhead)), ZoneOffset.UTC);
        long sessionId = coach.recordsSession(day, "14:00");
        connector.reset();
        int queued = digests.sessionApproaching(sessionId);
        if (queued < 1) {
            throw new AssertionError("no digest queued for session " + sessionId);
        }
        worker.drainAll();
        List<JsonNode> sent = connector.awaitSent(1, Duration.ofSeconds(30),
                x -> x.toString().contains("Before your session") && x.toString().contains(coach.programme()));
        if (sent.isEmpty()) {
            throw new AssertionError("the digest for " + coach.programme() + " did not reach its coach");
        }
        // Its charts are Teams' own, outside the Adaptive Card schema: checked through the fallbacks they carry.
        CardSchema.assertValidWithChartFallbacks(card(sent.get(0)));
        return sent.get(0);
    }

    /** The card of {@link #forNextSession}'s digest. */
    public static JsonNode card(JsonNode activity) {
        return activity.path("attachments").path(0).path("content");
    }
}
