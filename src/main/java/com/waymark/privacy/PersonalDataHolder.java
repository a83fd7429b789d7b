package com.waymark.privacy;

/**
 * A module's share of what Waymark stores about a person, for the data rights in the privacy notice ("see,
 * export or erase everything about you"). Each module that keeps personal data implements this for its own
 * tables, so privacy never needs to know their classes, and a new table can't be forgotten silently: the
 * erasure test scans every table after erasing.
 */
public interface PersonalDataHolder {

    /** The section name in the export, for example "checkIns". */
    String name();

    /** Everything this module stores about the person, as plain values Jackson can write (lists, records, maps). */
    Object export(long participantId);

    /** Erases (or, where another person's record must stay, unlinks) the person's rows; returns the rows touched. */
    int erase(long participantId);

    /**
     * Lower comes first in the export and is erased last. The holder of the person's identity row uses
     * {@link #IDENTITY} so that everything pointing at it goes first.
     */
    default int order() {
        return 0;
    }

    /**
     * False for a holder of results aggregated over many people that name nobody (derived data a read would compute
     * again): not the person's data to hand over, so no section of the export, but erased with the rest, because it
     * was computed from their answers.
     */
    default boolean exported() {
        return true;
    }

    int IDENTITY = -100;
}
