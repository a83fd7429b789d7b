package com.waymark.programme;

import java.time.Instant;
import java.time.LocalDate;

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
    public static final int MIN_THRESHOLD = 3;
    public static final int DEFAULT_THRESHOLD = 5;
    public static final int DEFAULT_RETENTION_DAYS = 365;

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

    @Column(name = "retention_days", nullable = false)
    private int retentionDays;

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

    void apply(ProgrammeSettings settings) {
        this.name = settings.name();
        this.organisations = settings.organisations();
        this.timeZone = settings.timeZone();
        this.startsOn = settings.startsOn();
        this.endsOn = settings.endsOn();
        this.confidentialityThreshold = settings.confidentialityThreshold();
        this.retentionDays = settings.retentionDays();
    }

    public ProgrammeSettings settings() {
        return new ProgrammeSettings(name, organisations, timeZone, startsOn, endsOn, confidentialityThreshold,
                retentionDays);
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

    public int getConfidentialityThreshold() {
        return confidentialityThreshold;
    }

    public int getRetentionDays() {
        return retentionDays;
    }

    public String getJoinCode() {
        return joinCode;
    }
}
