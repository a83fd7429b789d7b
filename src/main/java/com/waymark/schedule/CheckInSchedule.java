package com.waymark.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import com.waymark.programme.Rhythm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A programme's (or one group's) check-in rhythm. Replacing it deactivates the old one; history stays. */
@Entity
@Table(name = "checkin_schedule")
class CheckInSchedule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "programme_id", nullable = false)
    private Long programmeId;

    @Column(name = "group_id")
    private Long groupId;

    @Column(name = "every_weeks", nullable = false)
    private int everyWeeks;

    @Column(nullable = false)
    private String weekdays;

    @Column(name = "local_time", nullable = false)
    private String localTime;

    @Column(name = "open_hours", nullable = false)
    private int openHours;

    @Column(name = "remind_after_hours", nullable = false)
    private int remindAfterHours;

    @Column(name = "anchor_date", nullable = false)
    private LocalDate anchorDate;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CheckInSchedule() {
    }

    CheckInSchedule(long programmeId, Long groupId, CheckInRhythm checkIns, Instant now) {
        Rhythm rhythm = checkIns.rhythm();
        this.programmeId = programmeId;
        this.groupId = groupId;
        this.everyWeeks = rhythm.everyWeeks();
        this.weekdays = rhythm.weekdays().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
        this.localTime = rhythm.localTime().toString();
        this.openHours = checkIns.openHours();
        this.remindAfterHours = checkIns.remindAfterHours();
        this.anchorDate = rhythm.anchor();
        this.active = true;
        this.createdAt = now;
    }

    public CheckInRhythm rhythm() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(weekdays.split(",")).filter(s -> !s.isBlank()).map(DayOfWeek::valueOf).forEach(days::add);
        return new CheckInRhythm(new Rhythm(everyWeeks, days, LocalTime.parse(localTime), anchorDate), openHours,
                remindAfterHours);
    }

    RhythmInfo info() {
        return new RhythmInfo(programmeId, groupId, rhythm());
    }

    void deactivate() {
        active = false;
    }

    public Long getId() {
        return id;
    }

    public Long getProgrammeId() {
        return programmeId;
    }

    public Long getGroupId() {
        return groupId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isActive() {
        return active;
    }
}
