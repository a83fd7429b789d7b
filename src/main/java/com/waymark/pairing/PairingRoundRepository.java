package com.waymark.pairing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PairingRoundRepository extends JpaRepository<PairingRound, Long> {

    @Query("select max(r.roundIndex) from PairingRound r where r.planId = :planId")
    Optional<Integer> lastIndex(long planId);

    List<PairingRound> findByProgrammeIdOrderByRunAtAscIdAsc(long programmeId);

    /** Rounds of the plan that paired someone: a round that placed nobody in a pair or trio is not a round run. */
    @Query("select count(r) from PairingRound r where r.planId = :planId "
            + "and exists (select g.id from PairingGroup g where g.roundId = r.id)")
    long countPaired(long planId);

    /** The same over every plan the programme has had, for the coach's summary and the digest. */
    @Query("select count(r) from PairingRound r where r.programmeId = :programmeId "
            + "and exists (select g.id from PairingGroup g where g.roundId = r.id)")
    long countPairedInProgramme(long programmeId);
}
