package com.waymark.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.waymark.privacy.ConsentService;
import com.waymark.programme.ParticipantInfo;
import com.waymark.programme.ParticipantService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import com.waymark.outbox.OutboxService;

/**
 * What a participant controls about their own check-ins: snooze, skip, pause and resume, quiet hours,
 * the earliest time, days they never want them, their time zone, and days on leave or on call.
 */
@Service
public class PersonalScheduleService {

    /** A summary of someone's own settings and their next check-in. */
    public record MySchedule(ZoneId zone, LocalTime quietFrom, LocalTime quietTo, LocalTime notBefore,
                             Set<DayOfWeek> excluded, Instant pausedUntil, List<LocalDate> awayDays,
                             Instant nextCheckIn) {
    }

    private final PreferencesRepository preferences;
    private final UnavailableDayRepository unavailable;
    private final OccurrenceRepository occurrences;
    private final OutboxService outbox;
    private final CheckInPlanner planner;
    private final ParticipantService participants;
    private final Clock clock;
    private final ConsentService consent;

    public PersonalScheduleService(PreferencesRepository preferences, UnavailableDayRepository unavailable,
                                   OccurrenceRepository occurrences, OutboxService outbox, CheckInPlanner planner,
                                   ParticipantService participants, Clock clock, ConsentService consent) {
        this.consent = consent;
        this.preferences = preferences;
        this.unavailable = unavailable;
        this.occurrences = occurrences;
        this.outbox = outbox;
        this.planner = planner;
        this.participants = participants;
        this.clock = clock;
    }

    /**
     * The check-in comes back once after {@code delay}, or when that falls outside the person's own time (quiet
     * hours, a day away, before their "after"), at the first moment after it that is theirs; if its window is
     * still open then. Returns when it comes back.
     */
    @Transactional
    public Instant snooze(long participantId, Duration delay) {
        consent.lockForRecording(participantId);
        if (delay.isNegative() || delay.isZero() || delay.compareTo(Duration.ofHours(48)) > 0) {
            throw new ScheduleProblem("I can snooze a check-in for between a few minutes and 48 hours, "
                    + "for example: snooze 2h");
        }
        Occurrence open = openOccurrence(participantId);
        Instant until = clockOf(participantId).nextReachable(clock.instant().plus(delay));
        if (!until.isBefore(open.getClosesAt())) {
            throw new ScheduleProblem("This check-in closes before then. Say \"skip\" if you'd rather let this one go.");
        }
        outbox.cancelPendingFor(open.getId());
        open.snoozeUntil(until, clock.instant());
        open.moveTo(Occurrence.Status.SENT, clock.instant());
        return until;
    }

    @Transactional
    public void skip(long participantId) {
        consent.lockForRecording(participantId);
        Occurrence open = openOccurrence(participantId);
        outbox.cancelPendingFor(open.getId());
        open.moveTo(Occurrence.Status.SKIPPED, clock.instant());
    }

    /** No check-ins until the pause ends: planned ones in between are skipped, nothing queued goes out. */
    @Transactional
    public Instant pause(long participantId, int weeks) {
        consent.lockForRecording(participantId);
        if (weeks < 1 || weeks > 26) {
            throw new ScheduleProblem("I can pause check-ins for 1 to 26 weeks, for example: pause 2 weeks");
        }
        Instant until = clock.instant().plus(Duration.ofDays(7L * weeks));
        prefs(participantId).pauseUntil(until, clock.instant());
        for (Occurrence planned : occurrences.findPlannedBefore(participantId, until)) {
            planned.moveTo(Occurrence.Status.SKIPPED, clock.instant());
        }
        occurrences.findOpenFor(participantId, clock.instant()).forEach(o -> {
            outbox.cancelPendingFor(o.getId());
            o.moveTo(Occurrence.Status.SKIPPED, clock.instant());
        });
        return until;
    }

    /**
     * Check-ins are on again from the next one: those the pause skipped that have not come yet are planned again
     * (and any rhythm day the pause kept from being planned at all); ones whose time passed during the pause stay
     * skipped, so nothing from the pause arrives late.
     */
    @Transactional
    public void resume(long participantId) {
        consent.lockForRecording(participantId);
        prefs(participantId).pauseUntil(null, clock.instant());
        Instant now = clock.instant();
        occurrences.deleteAll(occurrences.findByParticipantIdAndStatus(participantId, Occurrence.Status.SKIPPED)
                .stream().filter(o -> o.getSendAt().isAfter(now)).toList());
        replan(participantId);
        occurrences.findPlannedBefore(participantId, now).forEach(o -> o.moveTo(Occurrence.Status.SKIPPED, now));
    }

    @Transactional
    public void quietHours(long participantId, LocalTime from, LocalTime to) {
        consent.lockForRecording(participantId);
        prefs(participantId).quietHours(from, to, clock.instant());
        replan(participantId);
    }

    @Transactional
    public void notBefore(long participantId, LocalTime time) {
        consent.lockForRecording(participantId);
        prefs(participantId).notBefore(time, clock.instant());
        replan(participantId);
    }

    @Transactional
    public Set<DayOfWeek> excludeWeekday(long participantId, DayOfWeek day, boolean excluded) {
        consent.lockForRecording(participantId);
        ParticipantPreferences prefs = prefs(participantId);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        days.addAll(prefs.getExcludedWeekdays());
        if (excluded) {
            days.add(day);
        } else {
            days.remove(day);
        }
        if (days.size() == 7) {
            throw new ScheduleProblem("That would leave no day at all for check-ins. To stop them for a while, "
                    + "say: pause 2 weeks");
        }
        prefs.excludedWeekdays(days, clock.instant());
        replan(participantId);
        return days;
    }

    @Transactional
    public void timeZone(long participantId, ZoneId zone) {
        consent.lockForRecording(participantId);
        prefs(participantId).timeZone(zone.getId(), clock.instant());
        replan(participantId);
    }

    @Transactional
    public int away(long participantId, LocalDate from, LocalDate to, AwayReason reason) {
        if (to.isBefore(from)) {
            throw new ScheduleProblem("The last day, " + to + ", comes before the first, " + from + ". Nothing was "
                    + "changed. Put the first day first, for example: leave " + from + " to " + from.plusDays(7));
        }
        if (from.plusDays(62).isBefore(to)) {
            throw new ScheduleProblem("I can note up to two months at a time, and nothing was changed. Send a longer "
                    + "time away in parts, for example: leave " + from + " to " + from.plusDays(62));
        }
        consent.lockForRecording(participantId);
        int added = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!unavailable.existsByParticipantIdAndDay(participantId, day)) {
                unavailable.save(new UnavailableDay(participantId, day, reason));
                added++;
            }
        }
        replan(participantId);
        return added;
    }

    /**
     * When a message may reach this person, from {@code at}: the first moment that is their own time for messages
     * ({@link PersonalClock#nextReachable}: outside quiet hours, not on a day away, not before their "after"), on
     * their own clock (their time zone, else what Teams reports). The delivery worker checks it again when it sends.
     */
    @Transactional(readOnly = true)
    public Instant reachableFrom(long participantId, Instant at) {
        return participants.find(participantId).map(planner::personalClock)
                .map(personal -> personal.nextReachable(at)).orElse(at);
    }

    /** Whether this person has paused their check-ins at {@code at} (peer coaching leaves them out then too). */
    @Transactional(readOnly = true)
    public boolean pausedAt(long participantId, Instant at) {
        return preferences.findById(participantId).map(ParticipantPreferences::getPausedUntil)
                .filter(until -> until.isAfter(at)).isPresent();
    }

    /** Whether this person noted {@code day} (a day on their own calendar) as leave; on call does not count. */
    @Transactional(readOnly = true)
    public boolean onLeave(long participantId, LocalDate day) {
        return unavailable.existsByParticipantIdAndDayAndReason(participantId, day, AwayReason.LEAVE.name());
    }

    /** The time zone this person's check-ins follow: their own choice, else what Teams reports. */
    @Transactional(readOnly = true)
    public ZoneId zone(ParticipantInfo person) {
        return planner.personalClock(person).zone();
    }

    @Transactional(readOnly = true)
    public MySchedule mine(ParticipantInfo person) {
        long participantId = person.id();
        PersonalClock clockOfPerson = planner.personalClock(person);
        Optional<ParticipantPreferences> prefs = preferences.findById(participantId);
        Instant next = occurrences.findByParticipantIdAndStatusAndSendAtGreaterThanOrderBySendAt(participantId,
                Occurrence.Status.PLANNED, clock.instant(), PageRequest.of(0, 1)).stream().findFirst()
                .map(Occurrence::getSendAt).orElse(null);
        return new MySchedule(clockOfPerson.zone(), clockOfPerson.quietFrom(), clockOfPerson.quietTo(),
                clockOfPerson.notBefore(), clockOfPerson.excludedWeekdays(),
                prefs.map(ParticipantPreferences::getPausedUntil).filter(p -> p.isAfter(clock.instant())).orElse(null),
                clockOfPerson.unavailableDays().stream().filter(d -> !d.isBefore(LocalDate.now(clock.withZone(
                        clockOfPerson.zone())))).sorted().toList(), next);
    }

    /**
     * Planned (not yet sent) occurrences, and those still to come that were recorded as away, are re-planned so a new
     * constraint applies from the next one.
     */
    private void replan(long participantId) {
        Instant now = clock.instant();
        occurrences.deleteAll(occurrences.findByParticipantIdAndStatus(participantId, Occurrence.Status.PLANNED));
        occurrences.deleteAll(occurrences.findByParticipantIdAndStatus(participantId, Occurrence.Status.AWAY).stream()
                .filter(o -> o.getNominalAt().isAfter(now)).toList());
        occurrences.flush();
        planner.planFor(participantId);
    }

    private PersonalClock clockOf(long participantId) {
        return participants.find(participantId).map(planner::personalClock).orElseThrow();
    }

    private Occurrence openOccurrence(long participantId) {
        return occurrences.findOpenFor(participantId, clock.instant()).stream().findFirst()
                .orElseThrow(() -> new ScheduleProblem("You have no check-in open right now."));
    }

    private ParticipantPreferences prefs(long participantId) {
        return preferences.findById(participantId)
                .orElseGet(() -> preferences.save(new ParticipantPreferences(participantId, clock.instant())));
    }
}
