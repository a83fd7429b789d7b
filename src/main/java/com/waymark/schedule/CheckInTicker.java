package com.waymark.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import com.waymark.checkin.CheckInService;
import com.waymark.programme.ParticipantRepository;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves occurrences along with time: due ones into the outbox (once, however late we are, as long as
 * their window is open), reminders to those who have not answered (once), and closed windows to MISSED.
 * After downtime this is what turns "everything we missed" into at most one prompt each, never a flood.
 */
@Component
public class CheckInTicker {

    static final int BATCH = 500;
    private static final EnumSet<Occurrence.Status> OPEN = EnumSet.of(Occurrence.Status.QUEUED,
            Occurrence.Status.SENT, Occurrence.Status.REMINDED);

    private final OccurrenceRepository occurrences;
    private final OutboxService outbox;
    private final CheckInService checkIns;
    private final ProgrammeRepository programmes;
    private final ParticipantRepository participants;
    private final CheckInPlanner planner;
    private final DeliveryMetrics metrics;
    private final TransactionTemplate tx;
    private final Clock clock;

    public CheckInTicker(OccurrenceRepository occurrences, OutboxService outbox, CheckInService checkIns,
                         ProgrammeRepository programmes, ParticipantRepository participants, CheckInPlanner planner,
                         DeliveryMetrics metrics, PlatformTransactionManager txManager, Clock clock) {
        this.occurrences = occurrences;
        this.outbox = outbox;
        this.checkIns = checkIns;
        this.programmes = programmes;
        this.participants = participants;
        this.planner = planner;
        this.metrics = metrics;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** One tick: returns how many occurrences changed state. */
    public int tick() {
        return queueDue() + remind() + closeWindows();
    }

    int queueDue() {
        int changed = 0;
        int batch;
        do {
            int[] missed = {0};
            Integer done = tx.execute(status -> {
                Instant now = clock.instant();
                List<Occurrence> due = occurrences.findDue(Occurrence.Status.PLANNED, now, PageRequest.of(0, BATCH));
                for (Occurrence occurrence : due) {
                    if (!occurrence.getClosesAt().isAfter(now)) {
                        occurrence.moveTo(Occurrence.Status.MISSED, now);
                        missed[0]++;
                        continue;
                    }
                    var person = participants.findById(occurrence.getParticipantId()).orElse(null);
                    if (person == null || !planner.canReceive(person) || paused(person.getId(), now)) {
                        occurrence.moveTo(Occurrence.Status.SKIPPED, now);
                        continue;
                    }
                    outbox.enqueue("prompt:" + occurrence.getKey(), occurrence.getParticipantId(),
                            OutboxMessage.Kind.CHECKIN_PROMPT, occurrence.getId(), payload(occurrence), now);
                    occurrence.moveTo(Occurrence.Status.QUEUED, now);
                }
                return due.size();
            });
            batch = done == null ? 0 : done;
            metrics.missed(missed[0]); // after the commit
            changed += batch;
        } while (batch == BATCH);
        return changed;
    }

    int remind() {
        Integer done = tx.execute(status -> {
            Instant now = clock.instant();
            List<Occurrence> due = occurrences.findReminderDue(now, PageRequest.of(0, BATCH));
            for (Occurrence occurrence : due) {
                // Keyed by its time too: a snoozed check-in comes back once more, later, under a new key.
                outbox.enqueue("reminder:" + occurrence.getKey() + ":" + occurrence.getRemindAt().getEpochSecond(), occurrence.getParticipantId(),
                        OutboxMessage.Kind.CHECKIN_REMINDER, occurrence.getId(), payload(occurrence), now);
                occurrence.moveTo(Occurrence.Status.REMINDED, now);
            }
            return due.size();
        });
        return done == null ? 0 : done;
    }

    int closeWindows() {
        Integer done = tx.execute(status -> {
            Instant now = clock.instant();
            List<Occurrence> closed = occurrences.findClosed(OPEN, now, PageRequest.of(0, BATCH));
            for (Occurrence occurrence : closed) {
                occurrence.moveTo(Occurrence.Status.MISSED, now);
                outbox.cancelPendingFor(occurrence.getId());
            }
            return closed.size();
        });
        metrics.missed(done == null ? 0 : done);
        return done == null ? 0 : done;
    }

    private boolean paused(long participantId, Instant now) {
        Instant until = planner.pausedUntil(participantId);
        return until != null && until.isAfter(now);
    }

    private String payload(Occurrence occurrence) {
        Programme programme = programmes.findById(occurrence.getProgrammeId()).orElseThrow();
        var person = participants.findById(occurrence.getParticipantId()).orElseThrow();
        return new OccurrencePayload(occurrence.getId(), programme.getId(), programme.getName(),
                checkIns.nextPrompt(occurrence.getParticipantId()).id(), occurrence.getClosesAt(),
                planner.personalClock(person).zone().getId()).toJson();
    }
}
