package com.waymark.programme;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import com.waymark.privacy.PrivacyNotice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A coaching programme: a cohort of leaders over months, with its own confidentiality threshold. */
@Entity
@Table(name = "programme")
public class Programme {

    /** Aggregates shown to coaches must cover at least this many people; never fewer than three. */
    public static final int MIN_THRESHOLD = PrivacyNotice.LOWEST_THRESHOLD;
    public static final int DEFAULT_THRESHOLD = PrivacyNotice.DEFAULT_THRESHOLD;
    public static final int DEFAULT_RETENTION_DAYS = PrivacyNotice.DEFAULT_RETENTION_DAYS;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(nullable = false)
    private String name;

    @Column
    private String organisations;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @Column(name = "confidentiality_threshold", nullable = false)
    private int confidentialityThreshold;

    /** A lower threshold a coach chose, announced to participants, applying from {@link #loweredThresholdFrom}. */
    @Column(name = "lowered_threshold")
    private Integer loweredThreshold;

    @Column(name = "lowered_threshold_from")
    private Instant loweredThresholdFrom;

    @Column(name = "retention_days", nullable = false)
    private int retentionDays;

    /** Null: the installation's default length ({@link ProgrammeSettings#sessionMinutes()}). */
    @Column(name = "session_minutes")
    private Integer sessionMinutes;

    @Column(name = "join_code", nullable = false)
    private String joinCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Programme() {
    }

    Programme(String tenantId, ProgrammeSettings settings, String joinCode, Instant now) {
        this.tenantId = tenantId;
        this.joinCode = joinCode;
        this.createdAt = now;
        apply(settings);
    }

    /** Creation: nobody has been told anything yet, so the threshold chosen applies at once. */
    private void apply(ProgrammeSettings settings) {
        applyExceptThreshold(settings);
        this.confidentialityThreshold = settings.confidentialityThreshold();
    }

    /**
     * A coach's change. Raising the threshold protects people more, so it applies at once (and cancels a lowering
     * still to come); lowering it applies only {@code notice} after {@code now}, once participants have been told.
     * Returns the lowering now announced, if this change starts one (choosing the same lower value again does not
     * start the notice period again).
     */
    Optional<ThresholdLowering> apply(ProgrammeSettings settings, Instant now, Duration notice) {
        settle(now);
        applyExceptThreshold(settings);
        int chosen = settings.confidentialityThreshold();
        if (chosen >= confidentialityThreshold) {
            confidentialityThreshold = chosen;
            loweredThreshold = null;
            loweredThresholdFrom = null;
            return Optional.empty();
        }
        if (loweredThreshold != null && loweredThreshold == chosen) {
            return Optional.empty();
        }
        loweredThreshold = chosen;
        // From the start of a whole day on the programme's calendar, so "from 16 Mar" means all of 16 March and
        // the notice is never shorter than promised.
        ZoneId zone = ZoneId.of(timeZone);
        loweredThresholdFrom = now.plus(notice).atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        return Optional.of(new ThresholdLowering(id, name, confidentialityThreshold, chosen, loweredThresholdFrom));
    }

    /** A lowering whose notice has run out becomes the threshold. */
    private void settle(Instant now) {
        if (loweredThreshold != null && !now.isBefore(loweredThresholdFrom)) {
            confidentialityThreshold = loweredThreshold;
            loweredThreshold = null;
            loweredThresholdFrom = null;
        }
    }

    /** The threshold in force at {@code at}: every figure a coach sees combines at least this many people. */
    public int thresholdAt(Instant at) {
        return info().thresholdAt(at);
    }

    /** A lowering announced and not yet in force at {@code at}, if any. */
    public Optional<ThresholdLowering> loweringAfter(Instant at) {
        return info().loweringAfter(at);
    }

    /** What other modules may know of it: a value, read inside programme's transaction. */
    public ProgrammeInfo info() {
        return new ProgrammeInfo(id, tenantId, name, timeZone, joinCode, settings(), confidentialityThreshold,
                loweredThreshold, loweredThresholdFrom);
    }

    private void applyExceptThreshold(ProgrammeSettings settings) {
        this.name = settings.name();
        this.organisations = settings.organisations();
        this.timeZone = settings.timeZone();
        this.startsOn = settings.startsOn();
        this.endsOn = settings.endsOn();
        this.retentionDays = settings.retentionDays();
        this.sessionMinutes = settings.sessionMinutes();
    }

    /**
     * The settings as the coach last chose them: a lowered threshold even before it is in force. What a figure may
     * combine is {@link #thresholdAt}, never this.
     */
    public ProgrammeSettings settings() {
        return new ProgrammeSettings(name, organisations, timeZone, startsOn, endsOn,
                loweredThreshold != null ? loweredThreshold : confidentialityThreshold, retentionDays, sessionMinutes);
    }

    public Long getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getName() {
        return name;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public int getRetentionDays() {
        return retentionDays;
    }

    public String getJoinCode() {
        return joinCode;
    }
}
