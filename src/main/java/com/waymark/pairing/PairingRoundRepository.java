package com.waymark.pairing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PairingRoundRepository extends JpaRepository<PairingRound, Long> {

    @Query("select max(r.roundIndex) from PairingRound r where r.planId = :planId")
    Optional<Integer> lastIndex(long planId);

    List<PairingRound> findByProgrammeIdOrderByRunAtAscIdAsc(long programmeId);

    long countByPlanId(long planId);
}
