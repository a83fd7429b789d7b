package com.waymark.schedule;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.stream.Collectors;

import com.waymark.checkin.CheckInRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import com.waymark.outbox.OutboxService;

/** Closes the occurrence a check-in answers, in the same transaction, and cancels its pending reminder. */
@Component
class OccurrenceAnswers {

    private static final EnumSet<Occurrence.Status> OPEN = EnumSet.of(Occurrence.Status.QUEUED,
            Occurrence.Status.SENT, Occurrence.Status.REMINDED);
    /** The latest open occurrence of a person at a moment; its statuses are {@link #OPEN}'s, spelt once. */
    private static final String OPEN_AT = "select id from checkin_occurrence where participant_id = ? and status in ("
            + OPEN.stream().map(status -> "'" + status.name() + "'").collect(Collectors.joining(", "))
            + ") and send_at <= ? and closes_at > ? order by send_at desc fetch first 1 rows only";

    private final OccurrenceRepository occurrences;
    private final OutboxService outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    OccurrenceAnswers(OccurrenceRepository occurrences, OutboxService outbox, JdbcTemplate jdbc, Clock clock) {
        this.occurrences = occurrences;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void onCheckIn(CheckInRecorded event) {
        Optional<Occurrence> answered = Optional.ofNullable(event.occurrenceId()).flatMap(occurrences::findById)
                .filter(o -> o.getParticipantId() == event.participantId() && OPEN.contains(o.getStatus()));
        if (answered.isEmpty()) {
            // Most check-ins answer nothing scheduled: a plain probe, and the entity only for one that is open.
            answered = jdbc.queryForList(OPEN_AT, Long.class, event.participantId(), Timestamp.from(event.at()),
                    Timestamp.from(event.at())).stream().findFirst().flatMap(occurrences::findById);
        }
        answered.ifPresent(o -> {
            o.answered(event.checkInId(), clock.instant());
            outbox.cancelPendingFor(o.getId());
        });
    }
}
