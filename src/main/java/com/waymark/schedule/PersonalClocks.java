package com.waymark.schedule;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.waymark.programme.ParticipantInfo;
import com.waymark.programme.ParticipantService;
import org.springframework.stereotype.Component;

/**
 * Reads people's own clocks ({@link PersonalClock}): their time zone (their own choice first, then what Teams told
 * us) and their constraints. One person, or many in three reads whatever their number, for the planner and for the
 * delivery worker, which checks every message to a participant against it when it sends.
 */
@Component
class PersonalClocks {

    private static final int CHUNK = 1000;

    private final PreferencesRepository preferences;
    private final UnavailableDayRepository unavailable;
    private final ParticipantService participants;
    private final Clock clock;

    PersonalClocks(PreferencesRepository preferences, UnavailableDayRepository unavailable,
                   ParticipantService participants, Clock clock) {
        this.preferences = preferences;
        this.unavailable = unavailable;
        this.participants = participants;
        this.clock = clock;
    }

    PersonalClock of(ParticipantInfo person) {
        var prefs = preferences.findById(person.id());
        ZoneId zone = zone(prefs.map(ParticipantPreferences::getTimeZoneOverride).orElse(null), person.timeZone());
        return of(person, prefs, unavailable.findByParticipantIdAndDayGreaterThanEqual(person.id(),
                LocalDate.now(clock.withZone(zone)).minusDays(7)));
    }

    /** The clocks of these people (those still here), by participant id. */
    Map<Long, PersonalClock> ofIds(Collection<Long> ids) {
        List<Long> list = List.copyOf(Set.copyOf(ids));
        return of(List.copyOf(participants.findAll(list).values()));
    }

    /** {@link #of(ParticipantInfo)} of several people, in three reads (people in chunks of a thousand). */
    Map<Long, PersonalClock> of(List<ParticipantInfo> people) {
        List<Long> ids = people.stream().map(ParticipantInfo::id).toList();
        Map<Long, ParticipantPreferences> prefs = new HashMap<>();
        Map<Long, List<UnavailableDay>> away = new HashMap<>();
        LocalDate earliest = LocalDate.now(clock).minusDays(8); // a day before anyone's own "a week ago"
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            preferences.findAllById(chunk).forEach(p -> prefs.put(p.getParticipantId(), p));
            unavailable.findForPeopleFrom(chunk, earliest)
                    .forEach(d -> away.computeIfAbsent(d.getParticipantId(), k -> new ArrayList<>()).add(d));
        }
        Map<Long, PersonalClock> clocks = new HashMap<>();
        for (ParticipantInfo person : people) {
            clocks.put(person.id(), of(person, Optional.ofNullable(prefs.get(person.id())),
                    away.getOrDefault(person.id(), List.of())));
        }
        return clocks;
    }

    private PersonalClock of(ParticipantInfo person, Optional<ParticipantPreferences> prefs, List<UnavailableDay> days) {
        ZoneId zone = zone(prefs.map(ParticipantPreferences::getTimeZoneOverride).orElse(null), person.timeZone());
        LocalDate weekAgo = LocalDate.now(clock.withZone(zone)).minusDays(7);
        Set<LocalDate> away = days.stream().map(UnavailableDay::getDay).filter(d -> !d.isBefore(weekAgo))
                .collect(Collectors.toSet());
        return prefs.map(p -> new PersonalClock(zone, p.getQuietFrom(), p.getQuietTo(), p.getNotBefore(),
                        p.getExcludedWeekdays(), away, p.getPausedUntil()))
                .orElse(new PersonalClock(zone, null, null, null, Set.of(), away, null));
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
