package com.waymark.pairing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import com.waymark.programme.Rhythm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A coach's peer-coaching plan for a programme (or one of its groups): a round every few weeks on one weekday
 * at a local time in the programme's time zone, a pairing mode, how many rounds, and when to follow up.
 * Round {@code k} is due at the first round's date plus {@code k × everyWeeks} weeks. Replacing a plan
 * deactivates the old one; its rounds stay as history.
 */
@Entity
@Table(name = "pairing_plan")
class PairingPlan {

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
    private String weekday;

    @Column(name = "local_time", nullable = false)
    private String localTime;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PairingMode mode;

    @Column(nullable = false)
    private long seed;

    @Column(name = "total_rounds", nullable = false)
    private int totalRounds;

    @Column(name = "follow_up_days", nullable = false)
    private int followUpDays;

    @Column(name = "first_round_on", nullable = false)
    private LocalDate firstRoundOn;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PairingPlan() {
    }

    PairingPlan(long programmeId, PlanSettings settings, long seed, ZoneId zone, Instant now) {
        this(programmeId, settings, seed, zone, now, now);
    }

    /** {@code firstFrom}: the first round is the first such weekday and time after it (the programme's start, say). */
    PairingPlan(long programmeId, PlanSettings settings, long seed, ZoneId zone, Instant firstFrom, Instant now) {
        this.programmeId = programmeId;
        this.groupId = settings.groupId();
        this.everyWeeks = settings.everyWeeks();
        this.weekday = settings.weekday().name();
        this.localTime = settings.localTime().toString();
        this.mode = settings.mode();
        this.seed = seed;
        this.totalRounds = settings.totalRounds();
        this.followUpDays = settings.followUpDays();
        this.firstRoundOn = firstDate(settings.weekday(), settings.localTime(), zone, firstFrom);
        this.active = true;
        this.createdAt = now;
    }

    /** The next such weekday whose time is still ahead: today if the time has not passed yet. */
    static LocalDate firstDate(DayOfWeek weekday, LocalTime time, ZoneId zone, Instant now) {
        return Rhythm.on(1, weekday, time, null).nextAfter(now, zone).atZone(zone).toLocalDate();
    }

    /** When rounds come: every so many weeks on the plan's weekday and time, counted from the first round. */
    public Rhythm rhythm() {
        return Rhythm.on(everyWeeks, getWeekday(), getLocalTime(), firstRoundOn);
    }

    /** When round {@code index} (0-based) is due. */
    public Instant dueAt(int index, ZoneId zone) {
        Rhythm rhythm = rhythm();
        return rhythm.at(rhythm.occurrence(index), zone);
    }

    public PlanSettings settings() {
        return new PlanSettings(everyWeeks, getWeekday(), getLocalTime(), mode, totalRounds, followUpDays, groupId);
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

    public int getEveryWeeks() {
        return everyWeeks;
    }

    public DayOfWeek getWeekday() {
        return DayOfWeek.valueOf(weekday);
    }

    public LocalTime getLocalTime() {
        return LocalTime.parse(localTime);
    }

    public PairingMode getMode() {
        return mode;
    }

    public long getSeed() {
        return seed;
    }

    public int getTotalRounds() {
        return totalRounds;
    }

    public int getFollowUpDays() {
        return followUpDays;
    }

    public LocalDate getFirstRoundOn() {
        return firstRoundOn;
    }

    public boolean isActive() {
        return active;
    }
}
