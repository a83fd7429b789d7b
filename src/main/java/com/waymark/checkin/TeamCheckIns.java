package com.waymark.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-ins and actions of a programme's people, read in bulk for team-level insight. Raw rows go only to
 * the insight feature, which aggregates them under the confidentiality policy before anyone sees them.
 */
@Service
public class TeamCheckIns {

    /** One answered check-in's ratings: no text. The id tells one record from another for the release ledger. */
    public record Rating(long participantId, int wellbeing, int energy, Instant at, long checkInId) {

        /** A rating not yet stored: told apart from the person's others by its time. */
        public Rating(long participantId, int wellbeing, int energy, Instant at) {
            this(participantId, wellbeing, energy, at, 0);
        }
    }

    /** One non-blank reflection and whether its author said it may be quoted (without their name). */
    public record Reflection(long checkInId, long participantId, String text, boolean quoteOk, Instant at) {
    }

    /** Where one action stands: no text; what is in the way only as its kind (null when nothing is). */
    public record ActionState(long participantId, boolean done, Instant createdAt, Instant completedAt,
                              BlockerKind blockedBy) {
    }

    /** Large IN lists are split: PostgreSQL takes at most 32,767 parameters in one statement. */
    private static final int CHUNK = 1000;

    private final CheckInRepository checkIns;
    private final ActionItemRepository actions;

    public TeamCheckIns(CheckInRepository checkIns, ActionItemRepository actions) {
        this.checkIns = checkIns;
        this.actions = actions;
    }

    /** Ratings given for this programme in [from, to). */
    @Transactional(readOnly = true)
    public List<Rating> ratings(long programmeId, Instant from, Instant to) {
        return checkIns.findRatings(programmeId, from, to).stream()
                .map(row -> new Rating((Long) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                        (Instant) row[3], (Long) row[4]))
                .toList();
    }

    /** Reflections written for this programme in [from, to), oldest first. */
    @Transactional(readOnly = true)
    public List<Reflection> reflections(long programmeId, Instant from, Instant to) {
        return checkIns.findWithReflection(programmeId, from, to).stream()
                .filter(c -> c.getReflection() != null && !c.getReflection().isBlank())
                .map(c -> new Reflection(c.getId(), c.getParticipantId(), c.getReflection(), c.isQuoteOk(),
                        c.getSubmittedAt()))
                .toList();
    }

    /** Every action of these people. */
    @Transactional(readOnly = true)
    public List<ActionState> actions(Collection<Long> participantIds) {
        return chunked(participantIds, actions::findStates).stream()
                .map(row -> new ActionState((Long) row[0], row[1] == ActionItem.Status.DONE, (Instant) row[2],
                        (Instant) row[3], (BlockerKind) row[4]))
                .toList();
    }

    private static <T> List<T> chunked(Collection<Long> ids, java.util.function.Function<List<Long>, List<T>> query) {
        List<Long> all = List.copyOf(ids);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.addAll(query.apply(all.subList(i, Math.min(all.size(), i + CHUNK))));
        }
        return out;
    }

}
