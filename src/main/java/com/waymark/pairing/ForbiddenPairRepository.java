package com.waymark.pairing;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ForbiddenPairRepository extends JpaRepository<ForbiddenPair, Long> {

    List<ForbiddenPair> findByProgrammeIdOrderById(long programmeId);

    boolean existsByProgrammeIdAndLowIdAndHighId(long programmeId, long lowId, long highId);

    @Query("select f from ForbiddenPair f where f.lowId = :participantId or f.highId = :participantId order by f.id")
    List<ForbiddenPair> naming(long participantId);

    @Modifying
    @Query("delete from ForbiddenPair f where f.lowId = :participantId or f.highId = :participantId")
    int deleteNaming(long participantId);
}
