package com.waymark.checkin;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own check-ins, for what they make of their own data (their learning story): only ever theirs, read by
 * their id, never a programme's.
 */
@Service
public class OwnCheckIns {

    /** One check-in as its author sees it: the question they reflected on and what they wrote, if anything. */
    public record OwnCheckIn(long id, Instant submittedAt, int wellbeing, int energy, String question,
                             String reflection) {

        public boolean hasReflection() {
            return reflection != null && !reflection.isBlank();
        }
    }

    private final CheckInRepository checkIns;
    private final PromptLibrary prompts;

    OwnCheckIns(CheckInRepository checkIns, PromptLibrary prompts) {
        this.checkIns = checkIns;
        this.prompts = prompts;
    }

    /** Every check-in of theirs, oldest first. */
    @Transactional(readOnly = true)
    public List<OwnCheckIn> of(long participantId) {
        return checkIns.findByParticipantIdOrderBySubmittedAtAsc(participantId).stream()
                .map(c -> new OwnCheckIn(c.getId(), c.getSubmittedAt(), c.getWellbeing(), c.getEnergy(),
                        c.getPromptId() == null ? null : prompts.find(c.getPromptId()).map(Prompt::text).orElse(null),
                        c.getReflection()))
                .toList();
    }
}
