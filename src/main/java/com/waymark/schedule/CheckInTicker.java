package com.waymark.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.waymark.checkin.CheckInService;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.Programmes;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import com.waymark.outbox.OutboxService;
import com.waymark.outbox.DeliveryMetrics;
import com.waymark.outbox.OutboxPayload;

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
    private final Programmes programmes;
    private final ParticipantService participants;
    private final CheckInPlanner planner;
    private final PersonalClocks personalClocks;
    private final DeliveryMetrics metrics;
    private final TransactionTemplate tx;
    private final Clock clock;

    public CheckInTicker(OccurrenceRepository occurrences, OutboxService outbox, CheckInService checkIns,
                         Programmes programmes, ParticipantService participants, CheckInPlanner planner,
                         PersonalClocks personalClocks, DeliveryMetrics metrics, PlatformTransactionManager txManager, Clock clock) {
        this.occurrences = occurrences;
        this.outbox = outbox;
        this.checkIns = checkIns;
        this.programmes = programmes;
        this.participants = participants;
        this.planner = planner;
        this.personalClocks = personalClocks;
        this.metrics = metrics;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** One tick: returns how many occurrences changed state. */
    public int tick() {
        return queueDue() + remind() + closeWindows();
    }

    /**
     * Due occurrences go into the outbox for the first moment the person can be reached on their own clock
     * ({@link PersonalClock#nextReachable}), however late we are: after downtime, or for someone who agreed to the
     * notice late at night, a check-in still open waits for the end of their quiet hours rather than arriving in them.
     * One whose window closes before they can be reached is recorded as away, one outside the programme's dates (its
     * dates changed since it was planned) as skipped.
     */
    int queueDue() {
        int changed = 0;
        int batch;
        do {
            int[] missed = {0};
            Integer done = tx.execute(status -> {
                Instant now = clock.instant();
                List<Occurrence> due = occurrences.findDue(Occurrence.Status.PLANNED, now, PageRequest.of(0, BATCH));
                Map<Long, PersonalClock> clocks = personalClocks.ofIds(due.stream()
                        .map(Occurrence::getParticipantId).toList());
                for (Occurrence occurrence : due) {
                    if (!occurrence.getClosesAt().isAfter(now)) {
                        occurrence.moveTo(Occurrence.Status.MISSED, now);
                        missed[0]++;
                        continue;
                    }
                    var person = participants.find(occurrence.getParticipantId()).orElse(null);
                    if (person == null || !planner.canReceive(person) || paused(person.id(), now)
                            || !programmeRuns(occurrence)) {
                        occurrence.moveTo(Occurrence.Status.SKIPPED, now);
                        continue;
                    }
                    Instant reachable = clocks.get(person.id()).nextReachable(now);
                    if (!reachable.isBefore(occurrence.getClosesAt())) {
                        occurrence.moveTo(Occurrence.Status.AWAY, now);
                        continue;
                    }
                    outbox.enqueue("prompt:" + occurrence.getKey(), occurrence.getParticipantId(),
                            payload(occurrence, false), reachable);
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

    /** Reminders (and snoozed check-ins coming back), for when the person can be reached, if still open then. */
    int remind() {
        Integer done = tx.execute(status -> {
            Instant now = clock.instant();
            List<Occurrence> due = occurrences.findReminderDue(now, PageRequest.of(0, BATCH));
            Map<Long, PersonalClock> clocks = personalClocks.ofIds(due.stream()
                    .map(Occurrence::getParticipantId).toList());
            for (Occurrence occurrence : due) {
                PersonalClock personal = clocks.get(occurrence.getParticipantId());
                Instant reachable = personal == null ? now : personal.nextReachable(now);
                if (reachable.isBefore(occurrence.getClosesAt()) && programmeRuns(occurrence)) {
                    // Keyed by its time too: a snoozed check-in comes back once more, later, under a new key.
                    outbox.enqueue("reminder:" + occurrence.getKey() + ":" + occurrence.getRemindAt().getEpochSecond(),
                            occurrence.getParticipantId(), payload(occurrence, true), reachable);
                }
                occurrence.moveTo(Occurrence.Status.REMINDED, now);
            }
            return due.size();
        });
        return done == null ? 0 : done;
    }

    /**
     * Closed windows: unanswered check-ins are missed; one that was never sent because the person could not be
     * reached while it was open (away, or in quiet hours, since it was queued) is recorded as away instead.
     */
    int closeWindows() {
        int[] missed = {0};
        Integer done = tx.execute(status -> {
            Instant now = clock.instant();
            List<Occurrence> closed = occurrences.findClosed(OPEN, now, PageRequest.of(0, BATCH));
            Map<Long, PersonalClock> clocks = personalClocks.ofIds(closed.stream()
                    .filter(o -> o.getStatus() == Occurrence.Status.QUEUED).map(Occurrence::getParticipantId).toList());
            for (Occurrence occurrence : closed) {
                PersonalClock personal = clocks.get(occurrence.getParticipantId());
                boolean neverReachable = occurrence.getStatus() == Occurrence.Status.QUEUED && personal != null
                        && !personal.nextReachable(occurrence.getSendAt()).isBefore(occurrence.getClosesAt());
                occurrence.moveTo(neverReachable ? Occurrence.Status.AWAY : Occurrence.Status.MISSED, now);
                missed[0] += neverReachable ? 0 : 1;
                outbox.cancelPendingFor(occurrence.getId());
            }
            return closed.size();
        });
        metrics.missed(missed[0]);
        return done == null ? 0 : done;
    }

    /** Whether the occurrence's programme runs now (from 00:00 on its start date to 23:59 on its end date). */
    private boolean programmeRuns(Occurrence occurrence) {
        return programmes.find(occurrence.getProgrammeId()).map(p -> p.settings().runsAt(clock.instant()))
                .orElse(false);
    }

    private boolean paused(long participantId, Instant now) {
        Instant until = planner.pausedUntil(participantId);
        return until != null && until.isAfter(now);
    }

    private OutboxPayload.CheckIn payload(Occurrence occurrence, boolean reminder) {
        ProgrammeInfo programme = programmes.find(occurrence.getProgrammeId()).orElseThrow();
        var person = participants.find(occurrence.getParticipantId()).orElseThrow();
        return new OutboxPayload.CheckIn(occurrence.getId(), programme.id(), programme.name(),
                checkIns.nextPrompt(occurrence.getParticipantId()).id(), occurrence.getClosesAt(),
                planner.personalClock(person).zone().getId(), reminder);
    }
}
