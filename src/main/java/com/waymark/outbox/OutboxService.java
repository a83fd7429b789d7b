package com.waymark.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import com.waymark.programme.ParticipantService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox. {@link #enqueue} joins the caller's transaction, so a message exists exactly
 * when the decision to send it was committed. Claims are leases taken with one conditional UPDATE, so
 * several instances can share the table without sending a row twice.
 */
@Service
public class OutboxService {

    static final String LEASE_SEPARATOR = "/";

    private final OutboxRepository outbox;
    private final JdbcTemplate jdbc;
    private final ParticipantService participants;
    private final Clock clock;

    /** {@code types}: asked for only so that features' payload types are known before the first row is written. */
    public OutboxService(OutboxRepository outbox, JdbcTemplate jdbc, ParticipantService participants, Clock clock,
                         OutboxPayloadType.Registry types) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.participants = participants;
        this.clock = clock;
    }

    /**
     * Adds a message for {@code recipient} (a participant's id), to go no earlier than {@code notBefore}, unless one
     * with this key exists; returns whether it was added. Messages to a participant about their own coaching
     * ({@link OutboxPayload#onRecipientsClock()}) also wait, when sent, for the recipient's own time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(String key, long recipient, OutboxPayload payload, Instant notBefore) {
        if (outbox.existsByIdempotencyKey(key)) {
            return false;
        }
        outbox.save(new OutboxMessage(key, recipient, payload, notBefore, clock.instant()));
        return true;
    }

    /**
     * Leases up to {@code limit} due rows to one batch of {@code node}; returns them with what the edge needs
     * to send, and the batch's lease token, which {@link #complete} must present.
     */
    @Transactional
    public Claim claim(String node, int limit, Duration lease) {
        Instant now = clock.instant();
        // A token per batch (not the lease time: timestamps lose precision in the database).
        String token = node + LEASE_SEPARATOR + UUID.randomUUID();
        // Ordered by status too (one value here), so that the order is the index's (V108) and the database reads only
        // the first rows: ordered by due time and id alone, H2 sorted every pending row on each claim.
        jdbc.update("update outbox_message set status = 'CLAIMED', lease_owner = ?, lease_until = ?, "
                + "attempts = attempts + 1 where status = 'PENDING' and id in (select id from outbox_message "
                + "where status = 'PENDING' and due_at <= ? order by status, due_at, id fetch first " + limit
                + " rows only)", token, Timestamp.from(now.plus(lease)), Timestamp.from(now));
        List<OutboundMessage> claimed = jdbc.query("select id, idempotency_key, kind, participant_id, payload, "
                        + "attempts, payload_version from outbox_message where status = 'CLAIMED' and lease_owner = ? "
                        + "order by due_at, id",
                (rs, row) -> new OutboundMessage(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4) == null ? null : rs.getLong(4), null,
                        readable(rs.getString(3), rs.getInt(7), rs.getString(5)), rs.getInt(6)),
                token);
        // Where to reach them is the programme module's to say (its table, read through its service): once a batch.
        Map<Long, String> references = participants.conversationReferences(claimed.stream()
                .map(OutboundMessage::participantId).filter(Objects::nonNull).collect(Collectors.toSet()));
        List<OutboundMessage> messages = claimed.stream().map(m -> new OutboundMessage(m.outboxId(), m.idempotencyKey(),
                m.kind(), m.participantId(), m.participantId() == null ? null : references.get(m.participantId()),
                m.payload(), m.attempt())).toList();
        return new Claim(token, messages);
    }

    /** An unreadable row must not stop the batch: it is delivered as nothing, and the edge records it failed. */
    private static OutboxPayload readable(String type, int version, String json) {
        try {
            return OutboxPayloads.read(type, version, json);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** One claimed batch: the lease token and the messages it covers. */
    public record Claim(String token, List<OutboundMessage> messages) {
    }

    /** Rows whose lease ran out (their instance died mid-send) go back to the queue: nothing is lost. */
    @Transactional
    public int releaseExpiredLeases() {
        return jdbc.update("update outbox_message set status = 'PENDING', lease_owner = null, lease_until = null "
                + "where status = 'CLAIMED' and lease_until < ?", Timestamp.from(clock.instant()));
    }

    /** On start-up: whatever this node had leased before it stopped is in doubt, so it is queued again. */
    @Transactional
    public int releaseLeasesOf(String node) {
        return jdbc.update("update outbox_message set status = 'PENDING', lease_owner = null, lease_until = null "
                + "where status = 'CLAIMED' and lease_owner like ?", node + LEASE_SEPARATOR + "%");
    }

    /** Records the outcome; a no-op (returns false) if the lease was lost to another instance meanwhile. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean complete(OutboundMessage message, String owner, DeliveryResult result) {
        Instant now = clock.instant();
        if (result instanceof DeliveryResult.Sent) {
            return jdbc.update("update outbox_message set status = 'SENT', sent_at = ?, lease_owner = null, "
                    + "lease_until = null, last_error = null where id = ? and status = 'CLAIMED' and lease_owner = ?",
                    Timestamp.from(now), message.outboxId(), owner) == 1;
        }
        if (result instanceof DeliveryResult.Held held) {
            return jdbc.update("update outbox_message set status = 'PENDING', due_at = ?, lease_owner = null, "
                    + "lease_until = null, attempts = attempts - 1 where id = ? and status = 'CLAIMED' "
                    + "and lease_owner = ?", Timestamp.from(held.until()), message.outboxId(), owner) == 1;
        }
        if (result instanceof DeliveryResult.RetryAt retry) {
            return jdbc.update("update outbox_message set status = 'PENDING', due_at = ?, lease_owner = null, "
                    + "lease_until = null, last_error = ? where id = ? and status = 'CLAIMED' and lease_owner = ?",
                    Timestamp.from(retry.at()), truncate(retry.reason()), message.outboxId(), owner) == 1;
        }
        String status = result instanceof DeliveryResult.Unreachable ? "UNREACHABLE" : "FAILED";
        String reason = result instanceof DeliveryResult.Unreachable u ? u.reason() : ((DeliveryResult.Failed) result).reason();
        return jdbc.update("update outbox_message set status = ?, lease_owner = null, lease_until = null, "
                + "last_error = ? where id = ? and status = 'CLAIMED' and lease_owner = ?", status, truncate(reason),
                message.outboxId(), owner) == 1;
    }

    /** Cancels what is still waiting for a person (they paused, skipped, or can no longer be reached). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelPending(long participantId) {
        return jdbc.update("update outbox_message set status = 'CANCELLED' where participant_id = ? "
                + "and status = 'PENDING'", participantId);
    }

    /** Cancels what is still waiting for a person under keys that start so (one pairing message, say). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelPending(long participantId, String keyPrefix) {
        return jdbc.update("update outbox_message set status = 'CANCELLED' where participant_id = ? "
                + "and status = 'PENDING' and idempotency_key like ?", participantId,
                keyPrefix.replace("%", "").replace("_", "\\_") + "%");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelPendingFor(long occurrenceId) {
        return jdbc.update("update outbox_message set status = 'CANCELLED' where occurrence_id = ? "
                + "and status = 'PENDING'", occurrenceId);
    }

    /** A message as a person's export shows it: what kind, where it got to, when; never its payload. */
    public record Queued(String kind, String status, Instant dueAt, Instant sentAt) {
    }

    /** Every message queued for this person, sent or not, by when it was due: for their export. */
    @Transactional(readOnly = true)
    public List<Queued> queuedFor(long participantId) {
        return jdbc.query("select kind, status, due_at, sent_at from outbox_message where participant_id = ? "
                + "order by due_at", (rs, i) -> new Queued(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
                instant(rs.getTimestamp(4))), participantId);
    }

    /** Deletes every message for this person, sent or not: their erasure, inside its transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int deleteFor(long participantId) {
        return jdbc.update("delete from outbox_message where participant_id = ?", participantId);
    }

    /** Deletes the messages of these check-in occurrences (a programme's retention), a thousand ids a statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int deleteForOccurrences(Collection<Long> occurrenceIds) {
        List<Long> ids = List.copyOf(occurrenceIds);
        int deleted = 0;
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
            deleted += jdbc.update("delete from outbox_message where occurrence_id in ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", chunk.toArray());
        }
        return deleted;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** When the earliest waiting message falls due (a retry's time, a held prompt's); empty when none waits. */
    public java.util.Optional<Instant> nextDue() {
        return java.util.Optional.ofNullable(jdbc.queryForObject("select min(due_at) from outbox_message "
                + "where status = 'PENDING'", java.sql.Timestamp.class)).map(java.sql.Timestamp::toInstant);
    }

    @Transactional(readOnly = true)
    public long depth() {
        return outbox.countByStatus(OutboxMessage.Status.PENDING) + outbox.countByStatus(OutboxMessage.Status.CLAIMED);
    }

    private static String truncate(String reason) {
        return reason == null ? null : reason.length() <= 200 ? reason : reason.substring(0, 200);
    }
}
