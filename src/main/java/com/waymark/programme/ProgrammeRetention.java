package com.waymark.programme;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which programmes have passed their retention (their end date plus the days the coach chose), for the sweep. */
@Service
public class ProgrammeRetention {

    /**
     * A programme whose answers are due for erasure, and the people for whom it was the last programme still kept:
     * every programme they are (or were) a member of has passed its retention too.
     */
    public record Expired(long programmeId, List<Long> lastProgrammeOf) {
    }

    private final ProgrammeRepository programmes;
    private final MembershipRepository memberships;

    ProgrammeRetention(ProgrammeRepository programmes, MembershipRepository memberships) {
        this.programmes = programmes;
        this.memberships = memberships;
    }

    @Transactional(readOnly = true)
    public List<Expired> pastRetention(Instant now) {
        Set<Long> expired = programmes.findByEndsOnNotNull().stream()
                .filter(p -> p.settings().answersKeptUntil().filter(until -> !now.isBefore(until)).isPresent())
                .map(Programme::getId).collect(Collectors.toSet());
        return expired.stream().sorted().map(id -> new Expired(id, memberships.findByProgrammeId(id).stream()
                        .map(Membership::getParticipantId).distinct()
                        .filter(person -> memberships.findByParticipantId(person).stream()
                                .allMatch(m -> expired.contains(m.getProgrammeId())))
                        .sorted().toList()))
                .toList();
    }
}
