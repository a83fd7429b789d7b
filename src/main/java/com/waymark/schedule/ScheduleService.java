package com.waymark.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.Programmes;
import com.waymark.programme.Rhythm;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What coaches set: a programme's (or group's) check-in rhythm, and the dates of coaching sessions. */
@Service
public class ScheduleService {

    private final CheckInScheduleRepository schedules;
    private final CoachingSessionRepository sessions;
    private final Programmes programmes;
    private final CheckInPlanner planner;
    private final SessionTriggers triggers;
    private final Clock clock;

    public ScheduleService(CheckInScheduleRepository schedules, CoachingSessionRepository sessions,
                           Programmes programmes, CheckInPlanner planner, SessionTriggers triggers,
                           Clock clock) {
        this.schedules = schedules;
        this.sessions = sessions;
        this.programmes = programmes;
        this.planner = planner;
        this.triggers = triggers;
        this.clock = clock;
    }

    /**
     * Replaces the rhythm for the programme (or one of its groups) and plans the coming days at once; returns the
     * rhythm as stored.
     */
    @Transactional
    public RhythmInfo setRhythm(long coachId, long programmeId, Long groupId, CheckInRhythm rhythm) {
        ProgrammeInfo programme = programmes.coached(coachId, programmeId);
        if (groupId != null && programmes.groups(programmeId).stream().noneMatch(g -> g.id() == groupId)) {
            throw new ScheduleProblem("That group is not part of \"" + programme.name() + "\".");
        }
        validate(rhythm);
        schedules.findByProgrammeIdAndActiveTrue(programmeId).stream()
                .filter(s -> java.util.Objects.equals(s.getGroupId(), groupId)).forEach(CheckInSchedule::deactivate);
        CheckInSchedule saved = schedules.saveAndFlush(new CheckInSchedule(programmeId, groupId, rhythm, clock.instant()));
        planner.planSchedule(saved.getId());
        return saved.info();
    }

    @Transactional(readOnly = true)
    public List<RhythmInfo> active(long programmeId) {
        return schedules.findByProgrammeIdAndActiveTrue(programmeId).stream().map(CheckInSchedule::info).toList();
    }

    @Transactional
    public SessionInfo recordSession(long coachId, long programmeId, Instant startsAt, int digestHours) {
        ProgrammeInfo programme = programmes.coached(coachId, programmeId);
        if (!startsAt.isAfter(clock.instant())) {
            throw new ScheduleProblem("That time has already passed. Give the next session's date and time, "
                    + "for example: " + sessionExample(programme.zone()));
        }
        if (digestHours < 1 || digestHours > 168) {
            throw new ScheduleProblem("The digest can come between 1 and 168 hours before the session.");
        }
        CoachingSession session = sessions.save(new CoachingSession(programme.id(), startsAt, digestHours, coachId,
                clock.instant()));
        triggers.plan(SessionDigestJob.key(session.getId()), SessionDigestJob.class, session.getId(),
                session.digestAt());
        return session.info();
    }

    /**
     * A "next session" command that works when it is read: the first weekday at least a week from today (in that
     * zone), at 14:00. Help, the programme card and refusals show it, so no example ever names a day gone by.
     */
    public String sessionExample(ZoneId zone) {
        return "next session " + exampleDay(LocalDate.now(clock.withZone(zone))) + " 14:00";
    }

    static LocalDate exampleDay(LocalDate today) {
        LocalDate day = today.plusDays(7);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Transactional(readOnly = true)
    Optional<CoachingSession> nextSession(long programmeId) {
        return sessions.findFirstByProgrammeIdAndStartsAtAfterOrderByStartsAt(programmeId, clock.instant());
    }

    /** When the next session starts, if one is planned: for modules that need only the time. */
    @Transactional(readOnly = true)
    public Optional<Instant> nextSessionStart(long programmeId) {
        return nextSession(programmeId).map(CoachingSession::getStartsAt);
    }

    /** The most recent session that started before this moment, if any: where "since last session" begins. */
    @Transactional(readOnly = true)
    Optional<CoachingSession> lastSessionBefore(long programmeId, Instant moment) {
        return sessions.findFirstByProgrammeIdAndStartsAtBeforeOrderByStartsAtDesc(programmeId, moment);
    }

    /** When the most recent session before this moment started, if any: for modules that need only the time. */
    @Transactional(readOnly = true)
    public Optional<Instant> lastSessionStartBefore(long programmeId, Instant moment) {
        return lastSessionBefore(programmeId, moment).map(CoachingSession::getStartsAt);
    }

    static void validate(CheckInRhythm checkIns) {
        Rhythm rhythm = checkIns.rhythm();
        Set<Rhythm.Problem> problems = rhythm.problems(CheckInRhythm.MAX_EVERY_WEEKS);
        if (problems.contains(Rhythm.Problem.NO_WEEKDAY)) {
            throw new ScheduleProblem("Choose at least one weekday for check-ins.");
        }
        if (problems.contains(Rhythm.Problem.EVERY_WEEKS_OUT_OF_RANGE)) {
            throw new ScheduleProblem("Check-ins can be weekly or fortnightly.");
        }
        if (problems.contains(Rhythm.Problem.NO_TIME)) {
            throw new ScheduleProblem("Give the time check-ins go out, like 09:00.");
        }
        if (checkIns.openHours() < 1 || checkIns.openHours() > 336) {
            throw new ScheduleProblem("A check-in can stay open from 1 hour to 14 days (336 hours).");
        }
        if (checkIns.remindAfterHours() < 0 || (checkIns.remindAfterHours() > 0
                && checkIns.remindAfterHours() >= checkIns.openHours())) {
            throw new ScheduleProblem("The reminder must come before the check-in closes (or be 0 for none).");
        }
        if (rhythm.anchor() == null || rhythm.anchor().isBefore(LocalDate.of(2000, 1, 1))) {
            throw new ScheduleProblem("The rhythm needs a start date.");
        }
    }
}
