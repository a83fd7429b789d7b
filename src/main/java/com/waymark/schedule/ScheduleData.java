package com.waymark.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.waymark.outbox.OutboxService;
import com.waymark.privacy.PersonalDataHolder;
import com.waymark.privacy.ProgrammeDataHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A person's schedule state: their own constraints, days away, every planned check-in and what happened
 * to it, and the messages queued for them. Erasure also unlinks the sessions they recorded as a coach.
 */
@Component
class ScheduleData implements PersonalDataHolder, ProgrammeDataHolder {

    record Settings(String quietFrom, String quietTo, String notBefore, String notOnWeekdays, String timeZone,
                    Instant pausedUntil) {
    }

    record PlannedCheckIn(Instant sendAt, Instant closesAt, String status) {
    }

    private final JdbcTemplate jdbc;
    private final OutboxService outbox;

    ScheduleData(JdbcTemplate jdbc, OutboxService outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return "schedule";
    }

    @Override
    public Map<String, Object> export(long participantId) {
        List<Settings> settings = jdbc.query("select quiet_from, quiet_to, not_before, excluded_weekdays, "
                + "time_zone_override, paused_until from participant_preferences where participant_id = ?",
                (rs, i) -> new Settings(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs.getTimestamp(6))), participantId);
        List<LocalDate> away = jdbc.query("select away_on from unavailable_day where participant_id = ? order by away_on",
                (rs, i) -> rs.getDate(1).toLocalDate(), participantId);
        List<PlannedCheckIn> planned = jdbc.query("select send_at, closes_at, status from checkin_occurrence "
                + "where participant_id = ? order by send_at", (rs, i) -> new PlannedCheckIn(
                        instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)), rs.getString(3)), participantId);
        // The outbox's rows, shown here as they always were: the messages a person's schedule (and peer coaching) sent.
        List<OutboxService.Queued> messages = outbox.queuedFor(participantId);
        return Map.of("settings", settings, "daysAway", away, "plannedCheckIns", planned, "messages", messages);
    }

    @Override
    public int erase(long participantId) {
        return outbox.deleteFor(participantId)
                + jdbc.update("delete from checkin_occurrence where participant_id = ?", participantId)
                + jdbc.update("delete from unavailable_day where participant_id = ?", participantId)
                + jdbc.update("delete from participant_preferences where participant_id = ?", participantId)
                + jdbc.update("update coaching_session set created_by = null where created_by = ?", participantId);
    }

    /** The programme's planned and past check-ins (when each was sent, answered, missed) and their queued messages. */
    @Override
    public int eraseProgrammeData(long programmeId) {
        return outbox.deleteForOccurrences(jdbc.queryForList("select id from checkin_occurrence where programme_id = ?",
                        Long.class, programmeId))
                + jdbc.update("delete from checkin_occurrence where programme_id = ?", programmeId);
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
