package com.waymark.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What one person asked for about their own clock: quiet hours, earliest time, days off, zone, pause. */
@Entity
@Table(name = "participant_preferences")
class ParticipantPreferences {

    @Id
    @Column(name = "participant_id")
    private Long participantId;

    @Column(name = "quiet_from")
    private String quietFrom;

    @Column(name = "quiet_to")
    private String quietTo;

    @Column(name = "not_before")
    private String notBefore;

    @Column(name = "excluded_weekdays")
    private String excludedWeekdays;

    @Column(name = "time_zone_override")
    private String timeZoneOverride;

    @Column(name = "paused_until")
    private Instant pausedUntil;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ParticipantPreferences() {
    }

    long getParticipantId() {
        return participantId;
    }

    ParticipantPreferences(long participantId, Instant now) {
        this.participantId = participantId;
        this.updatedAt = now;
    }

    void quietHours(LocalTime from, LocalTime to, Instant now) {
        quietFrom = from == null ? null : from.toString();
        quietTo = to == null ? null : to.toString();
        updatedAt = now;
    }

    void notBefore(LocalTime time, Instant now) {
        notBefore = time == null ? null : time.toString();
        updatedAt = now;
    }

    void excludedWeekdays(Set<DayOfWeek> days, Instant now) {
        excludedWeekdays = days.isEmpty() ? null
                : days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
        updatedAt = now;
    }

    void timeZone(String zone, Instant now) {
        timeZoneOverride = zone;
        updatedAt = now;
    }

    void pauseUntil(Instant until, Instant now) {
        pausedUntil = until;
        updatedAt = now;
    }

    public LocalTime getQuietFrom() {
        return SlotCalculator.parseTime(quietFrom);
    }

    public LocalTime getQuietTo() {
        return SlotCalculator.parseTime(quietTo);
    }

    public LocalTime getNotBefore() {
        return SlotCalculator.parseTime(notBefore);
    }

    public Set<DayOfWeek> getExcludedWeekdays() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (excludedWeekdays != null) {
            Arrays.stream(excludedWeekdays.split(",")).map(DayOfWeek::valueOf).forEach(days::add);
        }
        return days;
    }

    public String getTimeZoneOverride() {
        return timeZoneOverride;
    }

    public Instant getPausedUntil() {
        return pausedUntil;
    }
}
