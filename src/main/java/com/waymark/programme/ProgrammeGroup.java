package com.waymark.programme;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A group inside a programme: an ICP leadership team, an action learning set, a pair. */
@Entity
@Table(name = "programme_group")
class ProgrammeGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "programme_id", nullable = false)
    private Long programmeId;

    @Column(nullable = false)
    private String name;

    /** Names are unique per programme regardless of case and spacing. */
    @Column(name = "name_key", nullable = false)
    private String nameKey;

    protected ProgrammeGroup() {
    }

    ProgrammeGroup(long programmeId, String name) {
        this.programmeId = programmeId;
        this.name = name;
        this.nameKey = key(name);
    }

    static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public Long getProgrammeId() {
        return programmeId;
    }

    public String getName() {
        return name;
    }

    /** What other modules may know of it. */
    public GroupInfo info() {
        return new GroupInfo(id, programmeId, name);
    }
}
