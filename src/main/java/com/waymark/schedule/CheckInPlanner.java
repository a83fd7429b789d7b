package com.waymark.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.waymark.programme.ParticipantInfo;
import com.waymark.programme.Programmes;
import com.waymark.programme.ProgrammeSettings;
import com.waymark.privacy.ConsentService;
import com.waymark.privacy.PersonLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans occurrences a few days ahead for every active rhythm and every member who can receive them
 * (agreed to the notice, reachable, with a 1:1 chat), within the programme's dates (from 00:00 on its start date to
 * 23:59 on its end date, in its time zone). A check-in that falls on someone's days away and cannot move within
 * {@link SlotCalculator#MAX_SHIFT_DAYS} is stored as AWAY, so it is recorded rather than silently lost. Idempotent: the occurrence key makes re-planning
 * the same days a no-op, so it can run as often as we like, on any instance.
 */
@Component
public class CheckInPlanner {

    static final Duration LOOK_BACK = Duration.ofDays(14);

    private final CheckInScheduleRepository schedules;
    private final OccurrenceRepository occurrences;
    private final PreferencesRepository preferences;
    private final PersonalClocks personalClocks;
        private final Programmes programmes;
    private final ConsentService consent;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration horizon;
    private final PersonLock people;

    public CheckInPlanner(CheckInScheduleRepository schedules, OccurrenceRepository occurrences,
                          PreferencesRepository preferences, PersonalClocks personalClocks,
                          Programmes programmes, ConsentService consent,
                          PlatformTransactionManager txManager,
                          Clock clock, ScheduleSettings settings,
                          PersonLock people) {
        this.people = people;
        this.schedules = schedules;
        this.occurrences = occurrences;
        this.preferences = preferences;
        this.personalClocks = personalClocks;
        this.programmes = programmes;
        this.consent = consent;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.horizon = Duration.ofDays(settings.planAheadDays());
    }

    /** Plans every active rhythm; returns how many occurrences were added. */
    public int planAll() {
        int added = 0;
        for (CheckInSchedule schedule : schedules.findByActiveTrue()) {
            added += planSchedule(schedule.getId());
        }
        return added;
    }

    /** Plans one person's rhythms again (after they changed their own constraints). */
    public int planFor(long participantId) {
        int added = 0;
        for (var mine : programmes.of(participantId)) {
            if (mine.activeMember()) {
                for (CheckInSchedule schedule : schedules.findByProgrammeIdAndActiveTrue(mine.programme().id())) {
                    added += plan(schedule, participantId);
                }
            }
        }
        return added;
    }

    public int planSchedule(long scheduleId) {
        return schedules.findById(scheduleId).map(s -> plan(s, null)).orElse(0);
    }

    private int plan(CheckInSchedule found, Long onlyParticipant) {
        long scheduleId = found.getId();
        Integer added = tx.execute(status -> {
            CheckInSchedule schedule = schedules.findById(scheduleId).orElseThrow();
            if (!schedule.isActive()) {
                return 0;
            }
            CheckInRhythm rhythm = schedule.rhythm();
            Instant now = clock.instant();
            ProgrammeSettings programme = programmes.find(schedule.getProgrammeId()).orElseThrow().settings();
            // Look back (never before the rhythm existed): a slot that began while we were down is still
            // planned, then sent once if its window is open, or recorded as missed if it has closed. Only the
            // programme's own dates: from 00:00 on its start date to 23:59 on its end date, in its time zone.
            Instant from = latest(schedule.getCreatedAt(), now.minus(LOOK_BACK));
            from = latest(from, programme.runsFrom().orElse(from));
            Instant to = now.plus(horizon);
            Instant end = programme.runsUntil().orElse(Instant.MAX);
            if (end.isBefore(to)) {
                to = end;
            }
            int count = 0;
            List<ParticipantInfo> people = programmes.members(schedule.getProgrammeId()).stream()
                    .filter(m -> schedule.getGroupId() == null || schedule.getGroupId().equals(m.membership().groupId()))
                    .map(Programmes.Member::person)
                    .filter(p -> onlyParticipant == null || onlyParticipant == p.id()).toList();
            // Everything the loop needs, read up front in a few queries whatever the size of the programme: one
            // query per person inside this transaction also made Hibernate check every entity loaded so far
            // before each one, which grew with the square of the programme.
            Set<Long> consented = consent.consentedAmong(people.stream().map(ParticipantInfo::id).toList());
            Map<Long, PersonalClock> clocks = personalClocks.of(people);
            Set<String> planned = new HashSet<>(occurrences.findKeysFrom(scheduleId, from.minus(Duration.ofDays(2))));
            Map<Long, Boolean> stillHere = new HashMap<>();
            for (ParticipantInfo person : people) {
                if (!person.messageable() || !consented.contains(person.id())) {
                    continue;
                }
                for (Slot slot : from.isBefore(to) ? SlotCalculator.slots(rhythm, clocks.get(person.id()), from, to)
                        : List.<Slot>of()) {
                    if (!slot.sendAt().isBefore(end)) {
                        continue; // moved past the programme's end by the person's own days away
                    }
                    String key = key(person.id(), schedule.getId(), slot.nominalDay());
                    // Locked (once, and only for someone getting a new occurrence) like any write about a person,
                    // so that a person erased meanwhile gets none (see PersonLock), and still a member once we hold
                    // the lock: someone leaving the programme meanwhile cancelled what they had and gets nothing new.
                    if (planned.add(key) && stillHere.computeIfAbsent(person.id(),
                            id -> this.people.lock(id) && isMember(schedule.getProgrammeId(), id))) {
                        occurrences.save(new Occurrence(key, person.id(), schedule.getId(),
                                schedule.getProgrammeId(), slot, now));
                        count++;
                    }
                }
            }
            return count;
        });
        return added == null ? 0 : added;
    }

    boolean canReceive(ParticipantInfo person) {
        return person.messageable() && consent.hasConsented(person.id());
    }

    /** Their time zone (their own override first, then what Teams told us) and their constraints. */
    PersonalClock personalClock(ParticipantInfo person) {
        return personalClocks.of(person);
    }

    private boolean isMember(long programmeId, long participantId) {
        return programmes.membership(programmeId, participantId).filter(m -> m.isActive())
                .isPresent();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    Instant pausedUntil(long participantId) {
        return preferences.findById(participantId).map(ParticipantPreferences::getPausedUntil).orElse(null);
    }

    static String key(long participantId, long scheduleId, LocalDate nominalDay) {
        return "checkin:p" + participantId + ":s" + scheduleId + ":" + nominalDay;
    }
}
