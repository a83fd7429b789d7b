package com.waymark.schedule;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.waymark.programme.EnrolmentService;
import com.waymark.programme.Participant;
import com.waymark.programme.ProgrammeService;
import com.waymark.privacy.ConsentService;
import com.waymark.privacy.PersonLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans occurrences a few days ahead for every active rhythm and every member who can receive them
 * (agreed to the notice, reachable, with a 1:1 chat). Idempotent: the occurrence key makes re-planning
 * the same days a no-op, so it can run as often as we like, on any instance.
 */
@Component
public class CheckInPlanner {

    static final Duration LOOK_BACK = Duration.ofDays(14);

    private final CheckInScheduleRepository schedules;
    private final OccurrenceRepository occurrences;
    private final PreferencesRepository preferences;
    private final UnavailableDayRepository unavailable;
    private final EnrolmentService enrolment;
    private final ProgrammeService programmes;
    private final ConsentService consent;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration horizon;
    private final PersonLock people;

    public CheckInPlanner(CheckInScheduleRepository schedules, OccurrenceRepository occurrences,
                          PreferencesRepository preferences, UnavailableDayRepository unavailable,
                          EnrolmentService enrolment, ProgrammeService programmes, ConsentService consent,
                          PlatformTransactionManager txManager,
                          Clock clock, ScheduleSettings settings,
                          PersonLock people) {
        this.people = people;
        this.schedules = schedules;
        this.occurrences = occurrences;
        this.preferences = preferences;
        this.unavailable = unavailable;
        this.enrolment = enrolment;
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
        for (var mine : programmes.programmesOf(participantId)) {
            if (mine.membership() != null && mine.membership().isActive()) {
                for (CheckInSchedule schedule : schedules.findByProgrammeIdAndActiveTrue(mine.programme().getId())) {
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
            Rhythm rhythm = schedule.rhythm();
            Instant now = clock.instant();
            // Look back (never before the rhythm existed): a slot that began while we were down is still
            // planned, then sent once if its window is open, or recorded as missed if it has closed.
            Instant from = latest(schedule.getCreatedAt(), now.minus(LOOK_BACK));
            int count = 0;
            List<Participant> people = enrolment.members(schedule.getProgrammeId()).stream()
                    .filter(m -> schedule.getGroupId() == null || schedule.getGroupId().equals(m.membership().getGroupId()))
                    .map(EnrolmentService.Member::participant)
                    .filter(p -> onlyParticipant == null || onlyParticipant.equals(p.getId())).toList();
            // Everything the loop needs, read up front in a few queries whatever the size of the programme: one
            // query per person inside this transaction also made Hibernate check every entity loaded so far
            // before each one, which grew with the square of the programme.
            Set<Long> consented = consent.consentedAmong(people.stream().map(Participant::getId).toList());
            Map<Long, PersonalClock> clocks = personalClocks(people);
            Set<String> planned = new HashSet<>(occurrences.findKeysFrom(scheduleId, from.minus(Duration.ofDays(2))));
            Map<Long, Boolean> stillHere = new HashMap<>();
            for (Participant person : people) {
                if (!person.isReachable() || person.getConversationReference() == null
                        || !consented.contains(person.getId())) {
                    continue;
                }
                for (Slot slot : SlotCalculator.slots(rhythm, clocks.get(person.getId()), from, now.plus(horizon))) {
                    String key = key(person.getId(), schedule.getId(), slot.nominalDay());
                    // Locked (once, and only for someone getting a new occurrence) like any write about a person,
                    // so that a person erased meanwhile gets none: see PersonLock.
                    if (planned.add(key) && stillHere.computeIfAbsent(person.getId(), this.people::lock)) {
                        occurrences.save(new Occurrence(key, person.getId(), schedule.getId(),
                                schedule.getProgrammeId(), slot, now));
                        count++;
                    }
                }
            }
            return count;
        });
        return added == null ? 0 : added;
    }

    boolean canReceive(Participant person) {
        return person.isReachable() && person.getConversationReference() != null
                && consent.hasConsented(person.getId());
    }

    /** {@link #personalClock} of several people, in three reads (people in chunks of a thousand). */
    private Map<Long, PersonalClock> personalClocks(List<Participant> people) {
        List<Long> ids = people.stream().map(Participant::getId).toList();
        Map<Long, ParticipantPreferences> prefs = new HashMap<>();
        Map<Long, List<UnavailableDay>> away = new HashMap<>();
        LocalDate earliest = LocalDate.now(clock).minusDays(8); // a day before anyone's own "a week ago"
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
            preferences.findAllById(chunk).forEach(p -> prefs.put(p.getParticipantId(), p));
            unavailable.findForPeopleFrom(chunk, earliest)
                    .forEach(d -> away.computeIfAbsent(d.getParticipantId(), k -> new ArrayList<>()).add(d));
        }
        Map<Long, PersonalClock> clocks = new HashMap<>();
        for (Participant person : people) {
            clocks.put(person.getId(), personalClock(person, Optional.ofNullable(prefs.get(person.getId())),
                    away.getOrDefault(person.getId(), List.of())));
        }
        return clocks;
    }

    /** Their time zone (their own override first, then what Teams told us) and their constraints. */
    PersonalClock personalClock(Participant person) {
        var prefs = preferences.findById(person.getId());
        ZoneId zone = zone(prefs.map(ParticipantPreferences::getTimeZoneOverride).orElse(null), person.getTimeZone());
        return personalClock(person, prefs, unavailable.findByParticipantIdAndDayGreaterThanEqual(person.getId(),
                LocalDate.now(clock.withZone(zone)).minusDays(7)));
    }

    private PersonalClock personalClock(Participant person, Optional<ParticipantPreferences> prefs,
                                        List<UnavailableDay> days) {
        ZoneId zone = zone(prefs.map(ParticipantPreferences::getTimeZoneOverride).orElse(null), person.getTimeZone());
        LocalDate weekAgo = LocalDate.now(clock.withZone(zone)).minusDays(7);
        Set<LocalDate> away = days.stream().map(UnavailableDay::getDay).filter(d -> !d.isBefore(weekAgo))
                .collect(Collectors.toSet());
        return prefs.map(p -> new PersonalClock(zone, p.getQuietFrom(), p.getQuietTo(), p.getNotBefore(),
                        p.getExcludedWeekdays(), away, p.getPausedUntil()))
                .orElse(new PersonalClock(zone, null, null, null, Set.of(), away, null));
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

    private static ZoneId zone(String override, String fromTeams) {
        for (String candidate : List.of(override == null ? "" : override, fromTeams == null ? "" : fromTeams)) {
            try {
                if (!candidate.isBlank()) {
                    return ZoneId.of(candidate);
                }
            } catch (DateTimeException ignored) {
                // fall through to the next candidate
            }
        }
        return ZoneId.of("Europe/London");
    }
}
