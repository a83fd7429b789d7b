package com.waymark.privacy;

/**
 * A module's share of a programme's personal data, for the retention promise ("kept for N days after the programme
 * ends"): the daily retention sweep calls every holder once a programme's retention has passed. Each module that
 * keeps people's answers in a programme implements this for its own tables, as it does {@link PersonalDataHolder}
 * for a person's own erasure; what stays afterwards is only what no longer says anything about one person (figures
 * already released, the fact that a read happened).
 */
public interface ProgrammeDataHolder {

    /** For the sweep's log: which module erased how much. */
    String name();

    /** Erases what this module keeps of people's answers in the programme; returns rows erased. Safe to repeat. */
    int eraseProgrammeData(long programmeId);

    /**
     * For a person whose every programme has now passed its retention: erases what they kept across programmes
     * (their action plan), which belongs to no single programme. Their identity and consent stay: they may still
     * use Waymark on their own, or join another programme. Returns rows erased.
     */
    default int eraseAfterLastProgramme(long participantId) {
        return 0;
    }
}
