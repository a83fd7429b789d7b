package com.waymark.programme;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A programme as other modules know it: a value copied from the row inside programme's own transaction, so nothing
 * outside can change the programme through it or trip over a closed session.
 *
 * @param settings          the settings as the coach last chose them (a lowered threshold even before it is in force)
 * @param threshold         the confidentiality threshold in force until {@code loweredFrom}
 * @param loweredThreshold  a lower threshold announced to participants, or null
 * @param loweredFrom       when {@code loweredThreshold} applies, or null
 */
public record ProgrammeInfo(long id, String tenantId, String name, String timeZone, String joinCode,
                            ProgrammeSettings settings, int threshold, Integer loweredThreshold, Instant loweredFrom) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The threshold in force at {@code at}: every figure a coach sees combines at least this many people. */
    public int thresholdAt(Instant at) {
        return loweredThreshold != null && !at.isBefore(loweredFrom) ? loweredThreshold : threshold;
    }

    /** A lowering announced and not yet in force at {@code at}, if any. */
    public Optional<ThresholdLowering> loweringAfter(Instant at) {
        return loweredThreshold != null && at.isBefore(loweredFrom)
                ? Optional.of(new ThresholdLowering(id, name, threshold, loweredThreshold, loweredFrom))
                : Optional.empty();
    }
}
