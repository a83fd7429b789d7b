package com.waymark.programme;

import java.time.Instant;
import java.util.List;

/**
 * The set-up of a programme at a glance, for its coaches. Counts only: no names of participants.
 * {@code coaches} is the whole coaching team; {@code admins} those of them who can also change it.
 */
public record ProgrammeOverview(Programme programme, List<GroupCount> groups, long people, long consented,
                                long unassigned, List<String> coaches, List<String> admins, Instant at) {

    /** Every summary covers at least this many people now. */
    public int threshold() {
        return programme.thresholdAt(at);
    }

    /** A lower threshold participants have been told of, not yet in force. */
    public java.util.Optional<ThresholdLowering> lowering() {
        return programme.loweringAfter(at);
    }

    public record GroupCount(String name, long people) {
    }
}
